import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { IntegrityRecordsTable, TeachersTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** An integrity record (诚信档案) with its teacher's name and the state of any appeal. */
export type IntegrityRow = Omit<Selectable<IntegrityRecordsTable>, 'created_by' | 'appeal_decided_by'> & {
  teacher_name: Selectable<TeachersTable>['name'];
};

/** Integrity records (诚信档案, R-004-20) and their appeals. */
export function createIntegrityRepository(db: Database) {
  return {
    async insertIntegrity(
      w: {
        countyId: string;
        teacherId: string;
        orgPath: string;
        kind: string;
        recordDate: string;
        programmeId: string | null;
        evidence: string | null;
        createdBy: string | null;
      },
      trx: Database,
    ): Promise<string> {
      const r = await trx
        .insertInto('integrity_records')
        .values({
          county_id: w.countyId,
          teacher_id: w.teacherId,
          org_path: w.orgPath,
          kind: w.kind,
          record_date: w.recordDate,
          programme_id: w.programmeId,
          evidence: w.evidence,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** The record, locked, for an appeal or its decision. */
    lockIntegrity(countyId: string, id: string, trx: Database) {
      return trx
        .selectFrom('integrity_records')
        .select(['appeal_status', 'standing'])
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    findIntegrity(id: string) {
      return db
        .selectFrom('integrity_records')
        .select([
          'county_id',
          'id',
          'teacher_id',
          'org_path',
          'kind',
          'record_date',
          'standing',
          'appeal_status',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async setAppeal(countyId: string, id: string, reason: string, trx: Database): Promise<void> {
      await trx
        .updateTable('integrity_records')
        .set({ appeal_status: 'pending', appeal_reason: reason, appealed_at: sql`now()` })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    async decideAppeal(
      countyId: string,
      id: string,
      d: { upheld: boolean; reason: string; by: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('integrity_records')
        .set({
          appeal_status: d.upheld ? 'upheld' : 'rejected',
          appeal_decided_by: d.by,
          appeal_decided_at: sql`now()`,
          appeal_decision_reason: d.reason,
          ...(d.upheld ? { standing: false, standing_reason: `申诉成立：${d.reason}` } : {}),
        })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    async listIntegrity(f: {
      roots: string[] | null;
      teacherId?: string | undefined;
      id?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: IntegrityRow[]; total: number }> {
      let q = db
        .selectFrom('integrity_records as r')
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'r.county_id').onRef('t.id', '=', 'r.teacher_id'),
        )
        .where((eb) => (f.roots === null ? eb.val(true) : inSubtrees(eb, 'r.org_path', f.roots)));
      if (f.teacherId) q = q.where('r.teacher_id', '=', f.teacherId);
      if (f.id) q = q.where('r.id', '=', f.id);
      const [rows, total] = await Promise.all([
        q
          .select([
            'r.county_id',
            'r.id',
            'r.teacher_id',
            't.name as teacher_name',
            'r.org_path',
            'r.kind',
            'r.record_date',
            'r.programme_id',
            'r.evidence',
            'r.standing',
            'r.created_at',
            'r.appeal_status',
            'r.appeal_reason',
            'r.appealed_at',
            'r.appeal_decided_at',
            'r.appeal_decision_reason',
            'r.standing_reason',
          ])
          .orderBy('r.record_date', 'desc')
          .orderBy('r.id', 'desc')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },
  };
}
