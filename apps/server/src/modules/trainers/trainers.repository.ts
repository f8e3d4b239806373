/** The trainer pool's SQL, over its own four tables only; names of teachers and units come through ports. */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type {
  TrainerAssessmentsTable,
  TrainerAssignmentsTable,
  TrainerEventsTable,
  TrainerRecordsTable,
} from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

export type TrainerRecordRow = Selectable<TrainerRecordsTable>;
export type TrainerEventRow = Selectable<TrainerEventsTable>;
export type TrainerAssessmentRow = Selectable<TrainerAssessmentsTable>;
export type TrainerAssignmentRow = Selectable<TrainerAssignmentsTable>;

/** The states of a membership that has begun (a term exists). */
export const MEMBER_STATUSES = ['approved', 'appointed'] as const;

export interface RecordFilter {
  /** the reader's roots: a record is listed when its pool or its school lies under one */
  roots: string[];
  /** narrow to pools under this path */
  poolPath?: string | undefined;
  status?: string | undefined;
  offset: number;
  limit: number;
}

export type RecordChange = Partial<
  Pick<
    Insertable<TrainerRecordsTable>,
    | 'status'
    | 'route'
    | 'consent_on'
    | 'consent_note'
    | 'statement'
    | 'term_start'
    | 'term_end'
    | 'overrides'
    | 'revocation_reason'
    | 'ended_on'
    | 'school_id'
    | 'school_path'
  >
>;

export function createTrainersRepository(db: Database) {
  return {
    /** By id; `lock` holds the row until the transaction ends (a decision reads and writes its status). */
    findRecord(id: string, trx: Database = db, lock = false): Promise<TrainerRecordRow | undefined> {
      const q = trx.selectFrom('trainer_records').selectAll().where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    findByTeacherAndPool(
      countyId: string,
      poolOrgId: string,
      teacherId: string,
      trx: Database = db,
    ): Promise<TrainerRecordRow | undefined> {
      return trx
        .selectFrom('trainer_records')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('pool_org_id', '=', poolOrgId)
        .where('teacher_id', '=', teacherId)
        .forUpdate()
        .executeTakeFirst();
    },

    recordsOfTeacher(teacherId: string): Promise<TrainerRecordRow[]> {
      return db
        .selectFrom('trainer_records')
        .selectAll()
        .where('teacher_id', '=', teacherId)
        .orderBy('id')
        .execute();
    },

    async listRecords(f: RecordFilter): Promise<{ rows: TrainerRecordRow[]; total: number }> {
      let q = db
        .selectFrom('trainer_records')
        .where((eb) => eb.or([inSubtrees(eb, 'org_path', f.roots), inSubtrees(eb, 'school_path', f.roots)]));
      if (f.poolPath !== undefined) {
        const path = f.poolPath;
        q = q.where((eb) => inSubtrees(eb, 'org_path', [path]));
      }
      if (f.status !== undefined) q = q.where('status', '=', f.status);
      const [rows, total] = await Promise.all([
        q
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** A new record; undefined when the teacher already has one in the pool (a concurrent request made it). */
    insertRecord(row: Insertable<TrainerRecordsTable>, trx: Database): Promise<TrainerRecordRow | undefined> {
      return trx
        .insertInto('trainer_records')
        .values(row)
        .onConflict((oc) => oc.columns(['county_id', 'pool_org_id', 'teacher_id']).doNothing())
        .returningAll()
        .executeTakeFirst();
    },

    async updateRecord(
      r: Pick<TrainerRecordRow, 'county_id' | 'id'>,
      change: RecordChange,
      at: Date,
      trx: Database,
    ): Promise<TrainerRecordRow> {
      return trx
        .updateTable('trainer_records')
        .set({ ...change, updated_at: at })
        .where('county_id', '=', r.county_id)
        .where('id', '=', r.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    },

    async insertEvent(row: Insertable<TrainerEventsTable>, trx: Database): Promise<void> {
      await trx.insertInto('trainer_events').values(row).execute();
    },

    eventsOf(r: Pick<TrainerRecordRow, 'county_id' | 'id'>): Promise<TrainerEventRow[]> {
      return db
        .selectFrom('trainer_events')
        .selectAll()
        .where('county_id', '=', r.county_id)
        .where('record_id', '=', r.id)
        .orderBy('id')
        .execute();
    },

    assessmentsOf(records: Array<Pick<TrainerRecordRow, 'id'>>): Promise<TrainerAssessmentRow[]> {
      if (records.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trainer_assessments')
        .selectAll()
        .where(
          'record_id',
          'in',
          records.map((r) => r.id),
        )
        .orderBy('year')
        .execute();
    },

    findAssessment(
      r: Pick<TrainerRecordRow, 'county_id' | 'id'>,
      year: number,
      trx: Database,
    ): Promise<TrainerAssessmentRow | undefined> {
      return trx
        .selectFrom('trainer_assessments')
        .selectAll()
        .where('county_id', '=', r.county_id)
        .where('record_id', '=', r.id)
        .where('year', '=', year)
        .executeTakeFirst();
    },

    async insertAssessment(row: Insertable<TrainerAssessmentsTable>, trx: Database): Promise<void> {
      await trx.insertInto('trainer_assessments').values(row).execute();
    },

    assignmentsOf(records: Array<Pick<TrainerRecordRow, 'id'>>): Promise<TrainerAssignmentRow[]> {
      if (records.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trainer_assignments')
        .selectAll()
        .where(
          'record_id',
          'in',
          records.map((r) => r.id),
        )
        .orderBy('starts_on')
        .orderBy('id')
        .execute();
    },

    findAssignment(
      r: Pick<TrainerRecordRow, 'county_id' | 'id'>,
      kind: string,
      targetId: string,
      role: string,
      trx: Database,
    ): Promise<TrainerAssignmentRow | undefined> {
      return trx
        .selectFrom('trainer_assignments')
        .selectAll()
        .where('county_id', '=', r.county_id)
        .where('record_id', '=', r.id)
        .where('target_kind', '=', kind)
        .where('target_id', '=', targetId)
        .where('role', '=', role)
        .executeTakeFirst();
    },

    insertAssignment(row: Insertable<TrainerAssignmentsTable>, trx: Database): Promise<TrainerAssignmentRow> {
      return trx.insertInto('trainer_assignments').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /** The members of each county's own pool on `asOf`: a term begun, not yet ended, not ended early. */
    teamOf(countyIds: string[], asOf: string): Promise<Array<{ county_id: string; id: string }>> {
      if (countyIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trainer_records')
        .select(['county_id', 'id'])
        .where('county_id', 'in', countyIds)
        .whereRef('pool_org_id', '=', 'county_id')
        .where('term_start', '<=', asOf)
        .where('term_end', '>=', asOf)
        .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', asOf)]))
        .execute();
    },

    /** The records of each county with at least one assignment counting for `year` (R3-P02). */
    participantsOf(
      countyIds: string[],
      year: number,
    ): Promise<Array<{ county_id: string; record_id: string }>> {
      if (countyIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('trainer_assignments')
        .select(['county_id', 'record_id'])
        .distinct()
        .where('county_id', 'in', countyIds)
        .where('year', '=', year)
        .execute();
    },
  };
}

export type TrainersRepository = ReturnType<typeof createTrainersRepository>;
