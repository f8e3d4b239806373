/**
 * Data access of score uploads: the stored dry runs (exam_uploads, migration 0011) and the all-or-nothing
 * replacement of an exam's students (exam_students) by bulk `INSERT … SELECT FROM unnest`.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { DB } from '../../../db/types';

export interface ExamStudentWrite {
  countyId: string;
  studentId: string;
  schoolId: string;
  schoolPath: string;
  className: string;
  absent: boolean;
  total: number | null;
  /** '{1,2,3}' (a float8[] literal) or null for absent students */
  scores: string | null;
  prior: number | null;
  row: number;
}

/** Rows per `INSERT … SELECT FROM unnest` statement. */
export const INSERT_CHUNK = 5000;

/** Columns of up to INSERT_CHUNK exam_students rows (scores: float8[] literals, null for absent students). */
export interface StudentColumns {
  countyId: string[];
  studentId: string[];
  schoolId: string[];
  schoolPath: string[];
  className: string[];
  absent: boolean[];
  total: Array<number | null>;
  scores: Array<string | null>;
  prior: Array<number | null>;
  row: number[];
}

/** A stored dry run; `payload` and `errors` only when asked for (they are large). */
export type ExamUploadRow = Pick<
  Selectable<DB['exam_uploads']>,
  | 'county_id'
  | 'id'
  | 'exam_id'
  | 'account_id'
  | 'created_at'
  | 'expires_at'
  | 'committed_at'
  | 'summary'
  | 'items'
> &
  Partial<Pick<Selectable<DB['exam_uploads']>, 'payload' | 'errors'>> & { has_payload: boolean };

async function insertStudentColumns(trx: Database, examId: string, c: StudentColumns): Promise<void> {
  await sql`
    INSERT INTO exam_students (county_id, exam_id, student_id, school_id, school_path, class_name, absent,
      total, scores, prior_score, source_row)
    SELECT t.county_id, ${examId}::bigint, t.student_id, t.school_id, t.school_path, t.class_name, t.absent,
      t.total, t.scores::float8[], t.prior, t.source_row
    FROM unnest(${c.countyId}::bigint[], ${c.studentId}::text[], ${c.schoolId}::bigint[],
      ${c.schoolPath}::text[], ${c.className}::text[], ${c.absent}::boolean[],
      ${c.total}::float8[], ${c.scores}::text[], ${c.prior}::float8[], ${c.row}::int[])
      AS t(county_id, student_id, school_id, school_path, class_name, absent, total, scores, prior, source_row)`.execute(
    trx,
  );
}

/**
 * A chunk of a stored dry run's rows: the present students first, then the absent ones; `flatScores` is one
 * float8[] literal of the present rows' scores, row after row (m per row), sliced per row in SQL — one array
 * to parse per statement instead of a float8[] literal per row inside a text[] (a quarter of the client CPU).
 */
export interface StudentChunk extends Omit<StudentColumns, 'scores'> {
  m: number;
  flatScores: string;
}

async function insertStudentChunk(trx: Database, examId: string, c: StudentChunk): Promise<void> {
  await sql`
    INSERT INTO exam_students (county_id, exam_id, student_id, school_id, school_path, class_name, absent,
      total, scores, prior_score, source_row)
    SELECT t.county_id, ${examId}::bigint, t.student_id, t.school_id, t.school_path, t.class_name, t.absent,
      t.total, CASE WHEN t.absent THEN NULL
        ELSE f.s[((t.ord - 1) * ${c.m} + 1)::int : (t.ord * ${c.m})::int] END,
      t.prior, t.source_row
    FROM unnest(${c.countyId}::bigint[], ${c.studentId}::text[], ${c.schoolId}::bigint[],
      ${c.schoolPath}::text[], ${c.className}::text[], ${c.absent}::boolean[],
      ${c.total}::float8[], ${c.prior}::float8[], ${c.row}::int[])
      WITH ORDINALITY AS t(county_id, student_id, school_id, school_path, class_name, absent, total, prior,
        source_row, ord)
    CROSS JOIN (SELECT ${c.flatScores}::float8[] AS s) f`.execute(trx);
}

async function setExamData(
  trx: Database,
  examId: string,
  items: unknown,
  counts: { students: number; absent: number },
): Promise<void> {
  await trx
    .updateTable('exams')
    .set({
      items: JSON.stringify(items),
      students: counts.students,
      absent: counts.absent,
      data_version: sql`data_version + 1`,
      analysis: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', examId)
    .execute();
}

export function createUploadRepository(db: Database) {
  return {
    /** Replace the exam's students (all or nothing, in the caller's transaction); bulk insert via unnest. */
    async replaceStudents(
      examId: string,
      rows: ExamStudentWrite[],
      items: unknown,
      counts: { students: number; absent: number },
      trx: Database,
    ): Promise<void> {
      await trx.deleteFrom('exam_students').where('exam_id', '=', examId).execute();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const part = rows.slice(i, i + INSERT_CHUNK);
        const col = <K extends keyof ExamStudentWrite>(k: K) => part.map((r) => r[k]);
        await insertStudentColumns(trx, examId, {
          countyId: col('countyId'),
          studentId: col('studentId'),
          schoolId: col('schoolId'),
          schoolPath: col('schoolPath'),
          className: col('className'),
          absent: col('absent'),
          total: col('total'),
          scores: col('scores'),
          prior: col('prior'),
          row: col('row'),
        });
      }
      await setExamData(trx, examId, items, counts);
    },

    /**
     * Replace the exam's students with a stored dry run's rows (all or nothing, in the caller's transaction):
     * `chunks` yields the columns of up to INSERT_CHUNK rows at a time, each one `INSERT … SELECT FROM unnest`.
     */
    async replaceStudentsFromColumns(
      examId: string,
      chunks: Iterable<StudentChunk>,
      items: unknown,
      counts: { students: number; absent: number },
      trx: Database,
    ): Promise<void> {
      await trx.deleteFrom('exam_students').where('exam_id', '=', examId).execute();
      for (const c of chunks) await insertStudentChunk(trx, examId, c);
      await setExamData(trx, examId, items, counts);
    },

    /** The region key of an org: its county, or the org itself above county level (as teachers). */
    async regionKeyOf(orgId: string): Promise<string> {
      const o = await db
        .selectFrom('orgs')
        .select(['id', 'county_id'])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return o.county_id ?? o.id;
    },

    async insertUpload(w: {
      countyId: string;
      id: string;
      examId: string;
      accountId: string;
      createdAt: Date;
      expiresAt: Date;
      summary: unknown;
      errors: unknown[];
      items: unknown;
      payload: Uint8Array | null;
    }): Promise<void> {
      await db
        .insertInto('exam_uploads')
        .values({
          county_id: w.countyId,
          id: w.id,
          exam_id: w.examId,
          account_id: w.accountId,
          created_at: w.createdAt,
          expires_at: w.expiresAt,
          summary: JSON.stringify(w.summary),
          errors: JSON.stringify(w.errors),
          items: JSON.stringify(w.items),
          payload: w.payload,
          payload_bytes: w.payload?.length ?? 0,
        })
        .execute();
    },

    /** A dry run without its payload (or with it, row-locked, inside a commit's transaction). */
    async findUpload(
      countyId: string,
      id: string,
      opts: { trx?: Database; forUpdate?: boolean; payload?: boolean; errors?: boolean } = {},
    ): Promise<ExamUploadRow | undefined> {
      let q = (opts.trx ?? db)
        .selectFrom('exam_uploads')
        .select([
          'county_id',
          'id',
          'exam_id',
          'account_id',
          'created_at',
          'expires_at',
          'committed_at',
          'summary',
          'items',
          sql<boolean>`payload IS NOT NULL`.as('has_payload'),
        ])
        .where('county_id', '=', countyId)
        .where('id', '=', id);
      if (opts.payload) q = q.select('payload');
      if (opts.errors) q = q.select('errors');
      if (opts.forUpdate) q = q.forUpdate();
      return (await q.executeTakeFirst()) as ExamUploadRow | undefined;
    },

    async markUploadCommitted(
      countyId: string,
      id: string,
      at: Date,
      summary: unknown,
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('exam_uploads')
        .set({ committed_at: at, payload: null, summary: JSON.stringify(summary) })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** The exam's stored students, and how many of them (by student id) are not among `ids`. */
    async countRemoved(
      examId: string,
      ids: string[],
      trx: Database,
    ): Promise<{ current: number; removed: number }> {
      const r = await sql<{ current: number; removed: number }>`
        SELECT count(*)::int AS current, (count(*) FILTER (WHERE u.id IS NULL))::int AS removed
        FROM exam_students s LEFT JOIN unnest(${ids}::text[]) AS u(id) ON u.id = s.student_id
        WHERE s.exam_id = ${examId}::bigint`.execute(trx);
      return r.rows[0] ?? { current: 0, removed: 0 };
    },

    /** Lock the exam row: commits of the same exam (from any process) run one after the other. */
    async lockExam(examId: string, trx: Database): Promise<void> {
      await trx.selectFrom('exams').select('id').where('id', '=', examId).forUpdate().execute();
    },

    /** Drop the payload of an exam's uncommitted dry runs beyond the newest `keep` (they are superseded). */
    async supersedeUploads(examId: string, keep: number): Promise<number> {
      const live = await db
        .selectFrom('exam_uploads')
        .select(['county_id', 'id'])
        .where('exam_id', '=', examId)
        .where('committed_at', 'is', null)
        .where('payload', 'is not', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .offset(keep)
        .limit(1000)
        .execute();
      for (const u of live)
        await db
          .updateTable('exam_uploads')
          .set({ payload: null })
          .where('county_id', '=', u.county_id)
          .where('id', '=', u.id)
          .execute();
      return live.length;
    },

    /**
     * Cleanup: expired dry runs lose their payload and errors at once; their rows (which still say "expired" or
     * "already committed") go `retainMs` after expiry.
     */
    async cleanupUploads(now: Date, retainMs: number): Promise<{ dropped: number; deleted: number }> {
      const dropped = await db
        .updateTable('exam_uploads')
        .set({ payload: null, errors: '[]' })
        .where('expires_at', '<=', now)
        .where((eb) => eb.or([eb('payload', 'is not', null), eb('errors', '!=', sql<string>`'[]'::jsonb`)]))
        .executeTakeFirst();
      const deleted = await db
        .deleteFrom('exam_uploads')
        .where('expires_at', '<=', new Date(now.getTime() - retainMs))
        .executeTakeFirst();
      return { dropped: Number(dropped.numUpdatedRows), deleted: Number(deleted.numDeletedRows) };
    },
  };
}
