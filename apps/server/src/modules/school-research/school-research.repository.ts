/**
 * The only SQL of 校本研修, over its own tables (school_research_*). Names of schools and teachers come through
 * ports, never a join. Each write takes the caller's transaction.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { inSubtrees } from '../../shared/subtree';

export interface PlanRow {
  county_id: string;
  id: string;
  school_id: string;
  org_path: string;
  school_year: string;
  version: number;
  form: unknown;
  status: string;
  submitted_on: string;
  submitted_at: Date;
  due_on: string;
  late: boolean;
  decided_at: Date | null;
  return_reason: string | null;
}

export interface RecordRow {
  county_id: string;
  id: string;
  school_id: string;
  org_path: string;
  school_year: string;
  semester: number;
  held_on: string;
  topic: string;
  form: string;
  note: string | null;
}

export interface AttendanceRow {
  record_id: string;
  teacher_id: string;
  hours_tenths: number;
}

export interface CreditRow {
  record_id: string;
  teacher_id: string;
  certified_tenths: number;
  revision: number;
}

export interface DrawRow {
  county_id: string;
  id: string;
  school_year: string;
  semester: number;
  ratio: number;
  seed: string;
  rule_id: string;
  note: string;
  candidates: string[];
  picks: string[];
  drawn_at: Date;
}

const PLAN_COLUMNS = [
  'county_id',
  'id',
  'school_id',
  'org_path',
  'school_year',
  'version',
  'form',
  'status',
  'submitted_on',
  'submitted_at',
  'due_on',
  'late',
  'decided_at',
  'return_reason',
] as const;

const RECORD_COLUMNS = [
  'county_id',
  'id',
  'school_id',
  'org_path',
  'school_year',
  'semester',
  'held_on',
  'topic',
  'form',
  'note',
] as const;

const DRAW_COLUMNS = [
  'county_id',
  'id',
  'school_year',
  'semester',
  'ratio',
  'seed',
  'rule_id',
  'note',
  'candidates',
  'picks',
  'drawn_at',
] as const;

export function createSchoolResearchRepository(db: Database) {
  return {
    /** Every version of a school's plan for a year, oldest first; `lock` holds the rows. */
    async plansOf(
      schoolId: string,
      schoolYear: string,
      trx: Database = db,
      lock = false,
    ): Promise<PlanRow[]> {
      const q = trx
        .selectFrom('school_research_plans')
        .select(PLAN_COLUMNS)
        .where('school_id', '=', schoolId)
        .where('school_year', '=', schoolYear)
        .orderBy('version');
      return (lock ? q.forUpdate() : q).execute();
    },

    async planById(id: string, trx: Database = db, lock = false): Promise<PlanRow | undefined> {
      const q = trx.selectFrom('school_research_plans').select(PLAN_COLUMNS).where('id', '=', id);
      return (lock ? q.forUpdate() : q).executeTakeFirst();
    },

    async insertPlan(
      p: Omit<PlanRow, 'id' | 'decided_at' | 'return_reason' | 'form'> & {
        form: string;
        submitted_by: string;
      },
      trx: Database,
    ): Promise<string> {
      const r = await trx
        .insertInto('school_research_plans')
        .values(p)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async decidePlan(
      key: { countyId: string; id: string },
      d: { status: 'approved' | 'returned'; by: string; at: Date; reason: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('school_research_plans')
        .set({ status: d.status, decided_by: d.by, decided_at: d.at, return_reason: d.reason })
        .where('county_id', '=', key.countyId)
        .where('id', '=', key.id)
        .execute();
    },

    /**
     * Every version of every plan of a school year under these subtrees, by school then version: the list reads
     * the newest and the first of each.
     */
    plansUnder(roots: string[], schoolYear: string): Promise<PlanRow[]> {
      return db
        .selectFrom('school_research_plans')
        .select(PLAN_COLUMNS)
        .where('school_year', '=', schoolYear)
        .where((eb) => inSubtrees(eb, 'org_path', roots))
        .orderBy('org_path')
        .orderBy('school_id')
        .orderBy('version')
        .execute();
    },

    /** The schools of a county that submitted a plan for the year: the spot check's candidates. */
    async submittingSchools(countyId: string, schoolYear: string, trx: Database = db): Promise<string[]> {
      const r = await trx
        .selectFrom('school_research_plans')
        .select('school_id')
        .distinct()
        .where('county_id', '=', countyId)
        .where('school_year', '=', schoolYear)
        .orderBy('school_id')
        .execute();
      return r.map((x) => x.school_id);
    },

    recordsOf(schoolId: string, schoolYear: string): Promise<RecordRow[]> {
      return db
        .selectFrom('school_research_records')
        .select(RECORD_COLUMNS)
        .where('school_id', '=', schoolId)
        .where('school_year', '=', schoolYear)
        .orderBy('held_on')
        .orderBy('id')
        .execute();
    },

    recordById(id: string, trx: Database = db): Promise<RecordRow | undefined> {
      return trx
        .selectFrom('school_research_records')
        .select(RECORD_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async insertRecord(
      r: Omit<RecordRow, 'id'> & { created_by: string; at: Date },
      trx: Database,
    ): Promise<string> {
      const { at, ...row } = r;
      const x = await trx
        .insertInto('school_research_records')
        .values({ ...row, created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return x.id;
    },

    async updateRecord(
      key: { countyId: string; id: string },
      r: Pick<RecordRow, 'semester' | 'held_on' | 'topic' | 'form' | 'note'> & { at: Date },
      trx: Database,
    ): Promise<void> {
      const { at, ...row } = r;
      await trx
        .updateTable('school_research_records')
        .set({ ...row, updated_at: at })
        .where('county_id', '=', key.countyId)
        .where('id', '=', key.id)
        .execute();
    },

    /** Replace a record's attendance. */
    async setAttendance(
      key: { countyId: string; id: string },
      rows: Array<{ teacherId: string; hoursTenths: number }>,
      trx: Database,
    ): Promise<void> {
      await trx
        .deleteFrom('school_research_attendance')
        .where('county_id', '=', key.countyId)
        .where('record_id', '=', key.id)
        .execute();
      if (rows.length === 0) return;
      await trx
        .insertInto('school_research_attendance')
        .values(
          rows.map((r) => ({
            county_id: key.countyId,
            record_id: key.id,
            teacher_id: r.teacherId,
            hours_tenths: r.hoursTenths,
          })),
        )
        .execute();
    },

    async attendanceOf(recordIds: string[], trx: Database = db): Promise<AttendanceRow[]> {
      if (recordIds.length === 0) return [];
      return trx
        .selectFrom('school_research_attendance')
        .select(['record_id', 'teacher_id', 'hours_tenths'])
        .where(sql<boolean>`record_id = ANY(${recordIds}::bigint[])`)
        .orderBy('record_id')
        .orderBy('teacher_id')
        .execute();
    },

    async creditsOf(recordIds: string[], trx: Database = db, lock = false): Promise<CreditRow[]> {
      if (recordIds.length === 0) return [];
      const q = trx
        .selectFrom('school_research_credits')
        .select(['record_id', 'teacher_id', 'certified_tenths', 'revision'])
        .where(sql<boolean>`record_id = ANY(${recordIds}::bigint[])`);
      return (lock ? q.forUpdate() : q).execute();
    },

    /** Record what now stands for each teacher of a record (insert or replace). */
    async setCredits(
      countyId: string,
      recordId: string,
      rows: Array<{ teacherId: string; tenths: number; revision: number }>,
      w: { by: string; at: Date },
      trx: Database,
    ): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('school_research_credits')
        .values(
          rows.map((r) => ({
            county_id: countyId,
            record_id: recordId,
            teacher_id: r.teacherId,
            certified_tenths: r.tenths,
            revision: r.revision,
            certified_by: w.by,
            certified_at: w.at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['county_id', 'record_id', 'teacher_id']).doUpdateSet((eb) => ({
            certified_tenths: eb.ref('excluded.certified_tenths'),
            revision: eb.ref('excluded.revision'),
            certified_by: eb.ref('excluded.certified_by'),
            certified_at: eb.ref('excluded.certified_at'),
          })),
        )
        .execute();
    },

    assessmentsOf(schoolId: string, schoolYear: string) {
      return db
        .selectFrom('school_research_assessments')
        .select(['semester', 'grade', 'comment', 'assessed_at'])
        .where('school_id', '=', schoolId)
        .where('school_year', '=', schoolYear)
        .orderBy('semester')
        .execute();
    },

    async upsertAssessment(
      a: {
        county_id: string;
        school_id: string;
        school_year: string;
        semester: number;
        org_path: string;
        grade: string;
        comment: string;
        assessed_by: string;
        assessed_at: Date;
      },
      trx: Database,
    ): Promise<void> {
      await trx
        .insertInto('school_research_assessments')
        .values(a)
        .onConflict((oc) =>
          oc.columns(['county_id', 'school_id', 'school_year', 'semester']).doUpdateSet({
            grade: a.grade,
            comment: a.comment,
            assessed_by: a.assessed_by,
            assessed_at: a.assessed_at,
          }),
        )
        .execute();
    },

    async insertDraw(d: Omit<DrawRow, 'id'> & { drawn_by: string }, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('school_research_draws')
        .values(d)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    drawById(id: string): Promise<DrawRow | undefined> {
      return db
        .selectFrom('school_research_draws')
        .select(DRAW_COLUMNS)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    drawsOf(countyId: string, schoolYear: string): Promise<DrawRow[]> {
      return db
        .selectFrom('school_research_draws')
        .select(DRAW_COLUMNS)
        .where('county_id', '=', countyId)
        .where('school_year', '=', schoolYear)
        .orderBy('drawn_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    checksOf(drawIds: string[]) {
      if (drawIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('school_research_checks')
        .select(['draw_id', 'school_id', 'result', 'comment'])
        .where(sql<boolean>`draw_id = ANY(${drawIds}::bigint[])`)
        .execute();
    },

    async upsertCheck(
      c: {
        county_id: string;
        draw_id: string;
        school_id: string;
        result: string;
        comment: string;
        recorded_by: string;
        recorded_at: Date;
      },
      trx: Database,
    ): Promise<void> {
      await trx
        .insertInto('school_research_checks')
        .values(c)
        .onConflict((oc) =>
          oc.columns(['county_id', 'draw_id', 'school_id']).doUpdateSet({
            result: c.result,
            comment: c.comment,
            recorded_by: c.recorded_by,
            recorded_at: c.recorded_at,
          }),
        )
        .execute();
    },
  };
}

export type SchoolResearchRepository = ReturnType<typeof createSchoolResearchRepository>;
