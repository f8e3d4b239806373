/**
 * The 五育 module wired for services.ts (kept beside it so the composition root stays under 500 lines): org nodes
 * and a subtree's schools through the org repository, principals and teachers through the people module's roster
 * relation (the people module decides who is on it), uploaded sheets through the bounded reader.
 */
import { sql } from 'kysely';
import type { Database } from './db/database';
import type { AuditService } from './modules/audit';
import { createFiveEduRepository, createFiveEduService, type SheetsPort } from './modules/five-education';
import type { OrgRepository } from './modules/org';
import type { PeopleQueries } from './modules/people';

export function wireFiveEducation(w: {
  db: Database;
  orgRepo: OrgRepository;
  peopleQueries: PeopleQueries;
  sheets: SheetsPort;
  audit: AuditService;
  clock: (() => Date) | undefined;
}) {
  return createFiveEduService({
    db: w.db,
    repo: createFiveEduRepository(w.db),
    orgs: {
      findById: (id) => w.orgRepo.findById(id),
      findByIds: (ids) => w.orgRepo.findByIds(ids),
      schoolsUnder: (path) => w.orgRepo.schoolsForExport([path]),
    },
    staff: {
      staffUnder: async (path) => {
        const roster = w.peopleQueries.rosterRelation([path]);
        const { rows } = await sql<{ id: string; name: string; school_id: string }>`
          SELECT r.id, r.name, r.school_id FROM (${roster}) r ORDER BY r.id`.execute(w.db);
        return rows.map((r) => ({ id: String(r.id), name: r.name, schoolId: String(r.school_id) }));
      },
      namesOf: (ids) => w.peopleQueries.namesOf(ids),
    },
    sheets: w.sheets,
    audit: w.audit,
    ...(w.clock ? { clock: w.clock } : {}),
  });
}
