import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { NominationsTable, OrgsTable, TeachersTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** A nomination with its teacher's and school's names. */
export type NominationRow = Pick<
  Selectable<NominationsTable>,
  | 'county_id'
  | 'id'
  | 'programme_id'
  | 'teacher_id'
  | 'school_id'
  | 'org_path'
  | 'quota_region_id'
  | 'quota_org_id'
  | 'status'
  | 'eligibility'
  | 'override_reason'
  | 'reason'
  | 'replaces_id'
  | 'replaced_by_id'
  | 'created_at'
  | 'decided_at'
> & {
  teacher_name: Selectable<TeachersTable>['name'];
  school_name: Selectable<OrgsTable>['name'];
};

export interface NominationWrite {
  countyId: string;
  programmeId: string;
  teacherId: string;
  schoolId: string;
  orgPath: string;
  quotaRegionId: string;
  quotaOrgId: string;
  status: 'selected' | 'waitlisted' | 'candidate';
  eligibility: unknown;
  overrideReason: string | null;
  replacesId: string | null;
  createdBy: string | null;
}

/** Nominations, their waitlists and shortlist candidates, and the refused attempts. */
export function createNominationsRepository(db: Database) {
  const nominationQuery = (trx: Database) =>
    trx
      .selectFrom('nominations as n')
      .innerJoin('teachers as t', (j) =>
        j.onRef('t.county_id', '=', 'n.county_id').onRef('t.id', '=', 'n.teacher_id'),
      )
      .innerJoin('orgs as s', 's.id', 'n.school_id')
      .select([
        'n.county_id',
        'n.id',
        'n.programme_id',
        'n.teacher_id',
        't.name as teacher_name',
        'n.school_id',
        's.name as school_name',
        'n.org_path',
        'n.quota_region_id',
        'n.quota_org_id',
        'n.status',
        'n.eligibility',
        'n.override_reason',
        'n.reason',
        'n.replaces_id',
        'n.replaced_by_id',
        'n.created_at',
        'n.decided_at',
      ]);

  return {
    findNomination(id: string, trx: Database = db): Promise<NominationRow | undefined> {
      return nominationQuery(trx).where('n.id', '=', id).executeTakeFirst();
    },

    /** Lock a nomination row; its status as it is now. */
    lockNomination(countyId: string, id: string, trx: Database) {
      return trx
        .selectFrom('nominations')
        .select(['status'])
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    liveNomination(programmeId: string, teacherId: string, trx: Database = db) {
      return trx
        .selectFrom('nominations')
        .select(['id', 'status'])
        .where('programme_id', '=', programmeId)
        .where('teacher_id', '=', teacherId)
        .where('status', 'in', ['selected', 'waitlisted'])
        .executeTakeFirst();
    },

    /** Insert a nomination; undefined when the teacher already has a live one in the programme. */
    async insertNomination(w: NominationWrite, trx: Database): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        INSERT INTO nominations (county_id, programme_id, teacher_id, school_id, org_path, quota_region_id, quota_org_id,
          status, eligibility, override_reason, replaces_id, created_by)
        VALUES (${w.countyId}, ${w.programmeId}, ${w.teacherId}, ${w.schoolId}, ${w.orgPath}, ${w.quotaRegionId},
          ${w.quotaOrgId}, ${w.status}, ${JSON.stringify(w.eligibility)}::jsonb, ${w.overrideReason}, ${w.replacesId},
          ${w.createdBy})
        ON CONFLICT (county_id, programme_id, teacher_id) WHERE status IN ('selected', 'waitlisted') DO NOTHING
        RETURNING id::text`.execute(trx);
      return r.rows[0]?.id;
    },

    async setNominationStatus(
      countyId: string,
      id: string,
      status: string,
      extra: { reason?: string | null; replacedById?: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('nominations')
        .set({
          status,
          ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
          ...(extra.replacedById !== undefined ? { replaced_by_id: extra.replacedById } : {}),
          updated_at: sql`now()`,
        })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** The first waitlisted nomination at a quota node, locked (skipping ones another transaction holds). */
    firstWaitlisted(programmeId: string, quotaOrgId: string, trx: Database) {
      return trx
        .selectFrom('nominations')
        .select(['county_id', 'id'])
        .where('programme_id', '=', programmeId)
        .where('quota_org_id', '=', quotaOrgId)
        .where('status', '=', 'waitlisted')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
    },

    async waitlistPosition(programmeId: string, quotaOrgId: string, id: string): Promise<number> {
      const r = await db
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('programme_id', '=', programmeId)
        .where('quota_org_id', '=', quotaOrgId)
        .where('status', '=', 'waitlisted')
        .where('id', '<=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** Every nomination of a teacher with its programme, newest first (the teacher's growth archive). */
    nominationsOfTeacher(teacherId: string) {
      return db
        .selectFrom('nominations as n')
        .innerJoin('programmes as p', 'p.id', 'n.programme_id')
        .select([
          'n.id',
          'n.programme_id',
          'p.title as programme_title',
          'p.year',
          'p.level',
          'p.project_type_code',
          'p.start_date',
          'p.end_date',
          'n.status',
          'n.created_at',
        ])
        .where('n.teacher_id', '=', teacherId)
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(500)
        .execute();
    },

    async listNominations(f: {
      programmeId: string;
      roots: string[];
      status?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: NominationRow[]; total: number }> {
      let q = nominationQuery(db)
        .where('n.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'n.org_path', f.roots));
      let c = db
        .selectFrom('nominations as n')
        .where('n.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'n.org_path', f.roots));
      if (f.status) {
        q = q.where('n.status', '=', f.status);
        c = c.where('n.status', '=', f.status);
      }
      const [rows, total] = await Promise.all([
        q.orderBy('n.org_path').orderBy('n.id').offset(f.offset).limit(f.limit).execute(),
        c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    async insertRefusal(w: {
      countyId: string;
      programmeId: string;
      teacherId: string;
      orgPath: string;
      quotaOrgId: string;
      failedRules: string[];
      needsOverride: boolean;
      createdBy: string | null;
    }): Promise<void> {
      await db
        .insertInto('nomination_refusals')
        .values({
          county_id: w.countyId,
          programme_id: w.programmeId,
          teacher_id: w.teacherId,
          org_path: w.orgPath,
          quota_org_id: w.quotaOrgId,
          failed_rules: w.failedRules,
          needs_override: w.needsOverride,
          created_by: w.createdBy,
        })
        .execute();
    },

    /** shortlist: whether the approved provider has started its own selection (shortlist_selections, 0012). */
    async hasProviderSelection(programmeId: string, trx: Database = db): Promise<boolean> {
      const r = await trx
        .selectFrom('shortlist_selections')
        .select('programme_id')
        .where('programme_id', '=', programmeId)
        .executeTakeFirst();
      return r !== undefined;
    },

    /** Live candidates at a quota node (call with the node's row locked so the count cannot race). */
    async countCandidates(programmeId: string, quotaOrgId: string, trx: Database): Promise<number> {
      const r = await trx
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('programme_id', '=', programmeId)
        .where('quota_org_id', '=', quotaOrgId)
        .where('status', '=', 'candidate')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The candidates of a quota node, locked. */
    lockCandidates(programmeId: string, quotaOrgId: string, trx: Database) {
      return trx
        .selectFrom('nominations as n')
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'n.county_id').onRef('t.id', '=', 'n.teacher_id'),
        )
        .select(['n.county_id', 'n.id', 'n.teacher_id', 't.name as teacher_name'])
        .where('n.programme_id', '=', programmeId)
        .where('n.quota_org_id', '=', quotaOrgId)
        .where('n.status', '=', 'candidate')
        .orderBy('n.id')
        .forUpdate()
        .execute();
    },

    async decideCandidate(
      countyId: string,
      id: string,
      status: 'selected' | 'not_selected',
      reason: string | null,
      decidedBy: string | null,
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('nominations')
        .set({ status, reason, decided_by: decidedBy, decided_at: sql`now()`, updated_at: sql`now()` })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** Selected nominations of a programme (all, or those of the given teachers): who may be placed in a class. */
    selectedNominations(
      programmeId: string,
      teacherIds?: string[],
      trx: Database = db,
    ): Promise<Array<{ county_id: string; id: string; teacher_id: string; org_path: string }>> {
      let q = trx
        .selectFrom('nominations')
        .select(['county_id', 'id', 'teacher_id', 'org_path'])
        .where('programme_id', '=', programmeId)
        .where('status', '=', 'selected');
      if (teacherIds)
        q = teacherIds.length ? q.where('teacher_id', 'in', teacherIds) : q.where(sql<boolean>`false`);
      return q.orderBy('org_path').orderBy('id').execute();
    },
  };
}
