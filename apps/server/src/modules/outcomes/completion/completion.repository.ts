import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { CompletionResultsTable } from '../../../db/types';
import { subtreeRange } from '../../../shared/subtree';

/** The standing result of a teacher's last completion run in a class. */
export type ResultRow = Pick<
  Selectable<CompletionResultsTable>,
  | 'county_id'
  | 'class_id'
  | 'teacher_id'
  | 'programme_id'
  | 'completed'
  | 'attendance_pct'
  | 'checks'
  | 'hours_tenths'
  | 'evaluated_at'
>;

export interface ResultWrite {
  countyId: string;
  classId: string;
  teacherId: string;
  programmeId: string;
  orgPath: string;
  completed: boolean;
  attendancePct: number;
  checks: unknown;
  hoursTenths: number;
  evaluatedBy: string | null;
}

const RESULT_COLUMNS = [
  'county_id',
  'class_id',
  'teacher_id',
  'programme_id',
  'completed',
  'attendance_pct',
  'checks',
  'hours_tenths',
  'evaluated_at',
] as const;

/** Completion results (completion_results), the 未结业 records they lead to, and 结业 counts per unit. */
export function createCompletionRepository(db: Database) {
  return {
    resultsOfClass(classId: string): Promise<ResultRow[]> {
      return db
        .selectFrom('completion_results')
        .select(RESULT_COLUMNS)
        .where('class_id', '=', classId)
        .execute();
    },

    resultOf(classId: string, teacherId: string): Promise<ResultRow | undefined> {
      return db
        .selectFrom('completion_results')
        .select(RESULT_COLUMNS)
        .where('class_id', '=', classId)
        .where('teacher_id', '=', teacherId)
        .executeTakeFirst();
    },

    async upsertResults(rows: ResultWrite[], trx: Database): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('completion_results')
        .values(
          rows.map((r) => ({
            county_id: r.countyId,
            class_id: r.classId,
            teacher_id: r.teacherId,
            programme_id: r.programmeId,
            org_path: r.orgPath,
            completed: r.completed,
            attendance_pct: r.attendancePct,
            checks: JSON.stringify(r.checks),
            hours_tenths: r.hoursTenths,
            evaluated_by: r.evaluatedBy,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['county_id', 'class_id', 'teacher_id']).doUpdateSet((eb) => ({
            completed: eb.ref('excluded.completed'),
            attendance_pct: eb.ref('excluded.attendance_pct'),
            checks: eb.ref('excluded.checks'),
            hours_tenths: eb.ref('excluded.hours_tenths'),
            evaluated_by: eb.ref('excluded.evaluated_by'),
            evaluated_at: sql`now()`,
          })),
        )
        .execute();
    },

    /** Teachers of a programme with a 'not_completed' integrity record. */
    async notCompletedRecorded(programmeId: string, teacherIds: string[]): Promise<Set<string>> {
      if (teacherIds.length === 0) return new Set();
      const r = await db
        .selectFrom('integrity_records')
        .select('teacher_id')
        .where('programme_id', '=', programmeId)
        .where('kind', '=', 'not_completed')
        .where('teacher_id', 'in', teacherIds)
        .execute();
      return new Set(r.map((x) => x.teacher_id));
    },

    /**
     * 结业 per unit (org subtree) of a programme: teachers whose standing completion result is `completed`, and
     * teachers judged by a completion run (for 结业率's denominator).
     */
    async completionCounts(
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
    ): Promise<Map<string, { completed: number; assessed: number }>> {
      if (nodes.length === 0) return new Map();
      const ids = nodes.map((n) => n.id);
      const los = nodes.map((n) => subtreeRange(n.path)[0]);
      const his = nodes.map((n) => subtreeRange(n.path)[1]);
      const r = await sql<{ org_id: string; completed: number; assessed: number }>`
        SELECT n.id::text AS org_id, x.completed, x.assessed
        FROM unnest(${ids}::bigint[], ${los}::text[], ${his}::text[]) AS n(id, lo, hi)
        CROSS JOIN LATERAL (
          SELECT (count(*) FILTER (WHERE c.completed))::int AS completed, count(*)::int AS assessed
          FROM completion_results c
          WHERE c.programme_id = ${programmeId} AND c.org_path >= n.lo AND c.org_path < n.hi
        ) x`.execute(db);
      return new Map(r.rows.map((x) => [x.org_id, { completed: x.completed, assessed: x.assessed }]));
    },

    /** Per class: the teachers a completion run has judged (none → no run yet). */
    async judgedPerClass(classIds: string[]): Promise<Map<string, number>> {
      if (classIds.length === 0) return new Map();
      const r = await sql<{ class_id: string; n: number }>`
        SELECT class_id::text AS class_id, count(*)::int AS n FROM completion_results
        WHERE class_id = ANY(${classIds}::bigint[]) GROUP BY class_id`.execute(db);
      return new Map(r.rows.map((x) => [x.class_id, x.n]));
    },
  };
}
