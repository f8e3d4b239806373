import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { SubstitutionRequestsTable, TeachersTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** A substitution request (替训) with the names of the replaced teacher and of the replacement. */
export type SubstitutionRow = Selectable<SubstitutionRequestsTable> & {
  replaced_teacher_name: Selectable<TeachersTable>['name'];
  teacher_name: Selectable<TeachersTable>['name'];
};

export interface SubstitutionWrite {
  regionId: string;
  programmeId: string;
  quotaOrgId: string;
  approverOrgId: string;
  orgPath: string;
  nominationCountyId: string;
  nominationId: string;
  replacedTeacherId: string;
  teacherCountyId: string;
  teacherId: string;
  reason: string;
  eligibility: unknown;
  overrideReason: string | null;
  requestedBy: string | null;
}

/** Substitution requests (替训): the request, its decision, and the list of a programme's requests. */
export function createSubstitutionsRepository(db: Database) {
  const substitutionQuery = (trx: Database) =>
    trx
      .selectFrom('substitution_requests as r')
      .innerJoin('teachers as o', (j) =>
        j.onRef('o.county_id', '=', 'r.nomination_county_id').onRef('o.id', '=', 'r.replaced_teacher_id'),
      )
      .innerJoin('teachers as t', (j) =>
        j.onRef('t.county_id', '=', 'r.teacher_county_id').onRef('t.id', '=', 'r.teacher_id'),
      )
      .select([
        'r.region_id',
        'r.id',
        'r.programme_id',
        'r.quota_org_id',
        'r.approver_org_id',
        'r.org_path',
        'r.nomination_county_id',
        'r.nomination_id',
        'r.replaced_teacher_id',
        'o.name as replaced_teacher_name',
        'r.teacher_county_id',
        'r.teacher_id',
        't.name as teacher_name',
        'r.reason',
        'r.eligibility',
        'r.override_reason',
        'r.status',
        'r.requested_by',
        'r.requested_at',
        'r.decided_by',
        'r.decided_at',
        'r.decision_reason',
        'r.new_nomination_id',
      ]);

  return {
    async insertSubstitution(w: SubstitutionWrite, trx: Database): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        INSERT INTO substitution_requests (region_id, programme_id, quota_org_id, approver_org_id, org_path,
          nomination_county_id, nomination_id, replaced_teacher_id, teacher_county_id, teacher_id, reason,
          eligibility, override_reason, requested_by)
        VALUES (${w.regionId}, ${w.programmeId}, ${w.quotaOrgId}, ${w.approverOrgId}, ${w.orgPath},
          ${w.nominationCountyId}, ${w.nominationId}, ${w.replacedTeacherId}, ${w.teacherCountyId}, ${w.teacherId},
          ${w.reason}, ${JSON.stringify(w.eligibility)}::jsonb, ${w.overrideReason}, ${w.requestedBy})
        ON CONFLICT (region_id, nomination_id) WHERE status = 'pending' DO NOTHING
        RETURNING id::text`.execute(trx);
      return r.rows[0]?.id;
    },

    findSubstitution(id: string, trx: Database = db): Promise<SubstitutionRow | undefined> {
      return substitutionQuery(trx).where('r.id', '=', id).executeTakeFirst();
    },

    lockSubstitution(regionId: string, id: string, trx: Database) {
      return trx
        .selectFrom('substitution_requests')
        .select(['status'])
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async decideSubstitution(
      regionId: string,
      id: string,
      d: { status: string; decidedBy: string | null; reason: string | null; newNominationId: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('substitution_requests')
        .set({
          status: d.status,
          decided_by: d.decidedBy,
          decided_at: sql`now()`,
          decision_reason: d.reason,
          new_nomination_id: d.newNominationId,
        })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
    },

    /** Requests of a programme whose nominating unit lies under the roots, or whose approver does. */
    async listSubstitutions(f: {
      programmeId: string;
      roots: string[];
      status?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: SubstitutionRow[]; total: number }> {
      let q = substitutionQuery(db)
        .where('r.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'r.org_path', f.roots));
      if (f.status) q = q.where('r.status', '=', f.status);
      const rows = await q.orderBy('r.id', 'desc').offset(f.offset).limit(f.limit).execute();
      let c = db
        .selectFrom('substitution_requests as r')
        .where('r.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'r.org_path', f.roots));
      if (f.status) c = c.where('r.status', '=', f.status);
      const total = await c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(total.n) };
    },
  };
}
