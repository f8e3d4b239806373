import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { inSubtrees } from '../../shared/subtree';

export interface ExamRow {
  id: string;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  grade: string;
  full_marks: number;
  kind: string;
  exam_date: string | null;
  owner_org_id: string;
  owner_path: string;
  owner_name: string;
  cycle_id: string | null;
  items: unknown;
  students: number;
  absent: number;
  data_version: number;
  analysis_version: number;
  report_settings: unknown;
  created_at: Date;
}

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

export interface ExamStudentRow {
  student_id: string;
  school_id: string;
  class_name: string;
  total: number;
  scores: number[];
  prior_score: number | null;
  source_row: number;
}

export interface SchoolOrg {
  id: string;
  code: string | null;
  name: string;
  path: string;
  county_id: string | null;
  location_type: string | null;
  stages: string[];
}

const examColumns = [
  'e.id',
  'e.name',
  'e.semester',
  'e.stage',
  'e.subject',
  'e.grade',
  'e.full_marks',
  'e.kind',
  'e.exam_date',
  'e.owner_org_id',
  'e.owner_path',
  'o.name as owner_name',
  'e.cycle_id',
  'e.items',
  'e.students',
  'e.absent',
  'e.data_version',
  'e.analysis_version',
  'e.report_settings',
  'e.created_at',
] as const;

// ---- shared by the two commit paths ----
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

export interface ExamUploadRow {
  county_id: string;
  id: string;
  exam_id: string;
  account_id: string;
  created_at: Date;
  expires_at: Date;
  committed_at: Date | null;
  summary: unknown;
  items: unknown;
  has_payload: boolean;
  payload?: Uint8Array | null;
  errors?: unknown;
}

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

export function createExamsRepository(db: Database) {
  return {
    async insertExam(
      w: {
        name: string;
        semester: string;
        stage: string;
        subject: string;
        grade: string;
        fullMarks: number;
        kind: string;
        examDate: string | null;
        ownerOrgId: string;
        ownerPath: string;
        cycleId: string | null;
        reportSettings: unknown;
        createdBy: string;
      },
      trx: Database = db,
    ): Promise<string> {
      const r = await trx
        .insertInto('exams')
        .values({
          name: w.name,
          semester: w.semester,
          stage: w.stage,
          subject: w.subject,
          grade: w.grade,
          full_marks: w.fullMarks,
          kind: w.kind,
          exam_date: w.examDate,
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          cycle_id: w.cycleId,
          report_settings: JSON.stringify(w.reportSettings ?? {}),
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async findExam(id: string): Promise<ExamRow | undefined> {
      return (await db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(examColumns)
        .where('e.id', '=', id)
        .executeTakeFirst()) as ExamRow | undefined;
    },

    /** Exams owned in these subtrees or by one of these ancestor paths. */
    async listExams(roots: string[], ancestors: string[], cycleId?: string): Promise<ExamRow[]> {
      let q = db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(examColumns)
        .where((eb) =>
          ancestors.length
            ? eb.or([inSubtrees(eb, 'e.owner_path', roots), eb('e.owner_path', 'in', ancestors)])
            : inSubtrees(eb, 'e.owner_path', roots),
        );
      if (cycleId) q = q.where('e.cycle_id', '=', cycleId);
      return (await q
        .orderBy('e.exam_date', 'desc')
        .orderBy('e.id', 'desc')
        .limit(500)
        .execute()) as ExamRow[];
    },

    async examsOfCycle(cycleId: string): Promise<ExamRow[]> {
      return (await db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(examColumns)
        .where('e.cycle_id', '=', cycleId)
        .orderBy('e.exam_date')
        .orderBy('e.id')
        .execute()) as ExamRow[];
    },

    async schoolsUnder(path: string): Promise<SchoolOrg[]> {
      return (await db
        .selectFrom('orgs')
        .select(['id', 'code', 'name', 'path', 'county_id', 'location_type', 'stages'])
        .where('kind', '=', 'school')
        .where((eb) => inSubtrees(eb, 'path', [path]))
        .execute()) as SchoolOrg[];
    },

    async schoolsByCodeOrName(keys: string[]): Promise<SchoolOrg[]> {
      if (keys.length === 0) return [];
      return (await db
        .selectFrom('orgs')
        .select(['id', 'code', 'name', 'path', 'county_id', 'location_type', 'stages'])
        .where('kind', '=', 'school')
        .where((eb) => eb.or([eb('code', 'in', keys), eb('name', 'in', keys)]))
        .execute()) as SchoolOrg[];
    },

    async schoolsByIds(ids: string[]): Promise<SchoolOrg[]> {
      if (ids.length === 0) return [];
      return (await db
        .selectFrom('orgs')
        .select(['id', 'code', 'name', 'path', 'county_id', 'location_type', 'stages'])
        .where('id', 'in', ids)
        .execute()) as SchoolOrg[];
    },

    async findOrg(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'path', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

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

    // ---- upload dry runs (exam_uploads, 0011) ----

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

    /** Lock the exam row: commits of the same exam (from any process) run one after the other. */
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

    /** Present students of an exam, in school and source-row order. */
    async presentStudents(examId: string): Promise<ExamStudentRow[]> {
      return (await db
        .selectFrom('exam_students')
        .select(['student_id', 'school_id', 'class_name', 'total', 'scores', 'prior_score', 'source_row'])
        .where('exam_id', '=', examId)
        .where('absent', '=', false)
        .orderBy('school_id')
        .orderBy('source_row')
        .execute()) as ExamStudentRow[];
    },

    async totalsByStudent(examId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('exam_students')
        .select(['student_id', 'total'])
        .where('exam_id', '=', examId)
        .where('absent', '=', false)
        .execute();
      return new Map(rows.map((r) => [r.student_id, r.total ?? 0]));
    },

    async absentBySchool(examId: string): Promise<Map<string, number>> {
      const rows = await db
        .selectFrom('exam_students')
        .select(['school_id', sql<number>`count(*)::int`.as('n')])
        .where('exam_id', '=', examId)
        .where('absent', '=', true)
        .groupBy('school_id')
        .execute();
      return new Map(rows.map((r) => [r.school_id, Number(r.n)]));
    },

    async readAnalysis(
      examId: string,
    ): Promise<{ analysis: unknown; analysis_version: number; data_version: number } | undefined> {
      return db
        .selectFrom('exams')
        .select(['analysis', 'analysis_version', 'data_version'])
        .where('id', '=', examId)
        .executeTakeFirst();
    },

    async writeAnalysis(examId: string, version: number, analysis: unknown): Promise<void> {
      await db
        .updateTable('exams')
        .set({ analysis: JSON.stringify(analysis), analysis_version: version })
        .where('id', '=', examId)
        .where('data_version', '=', version)
        .execute();
    },

    async setReportSettings(examId: string, settings: unknown): Promise<void> {
      await db
        .updateTable('exams')
        .set({ report_settings: JSON.stringify(settings), analysis_version: -1, updated_at: sql`now()` })
        .where('id', '=', examId)
        .execute();
    },

    // ---- cycles ----
    async insertCycle(w: {
      name: string;
      semester: string;
      ownerOrgId: string;
      ownerPath: string;
      createdBy: string;
    }) {
      const r = await db
        .insertInto('exam_cycles')
        .values({
          name: w.name,
          semester: w.semester,
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async findCycle(id: string) {
      return db
        .selectFrom('exam_cycles as c')
        .innerJoin('orgs as o', 'o.id', 'c.owner_org_id')
        .select([
          'c.id',
          'c.name',
          'c.semester',
          'c.owner_org_id',
          'c.owner_path',
          'o.name as owner_name',
          'c.sample',
          'c.students_per_school',
        ])
        .where('c.id', '=', id)
        .executeTakeFirst();
    },

    async listCycles(roots: string[], ancestors: string[]) {
      return db
        .selectFrom('exam_cycles as c')
        .innerJoin('orgs as o', 'o.id', 'c.owner_org_id')
        .select([
          'c.id',
          'c.name',
          'c.semester',
          'c.owner_org_id',
          'c.owner_path',
          'o.name as owner_name',
          'c.sample',
          'c.students_per_school',
        ])
        .where((eb) =>
          ancestors.length
            ? eb.or([inSubtrees(eb, 'c.owner_path', roots), eb('c.owner_path', 'in', ancestors)])
            : inSubtrees(eb, 'c.owner_path', roots),
        )
        .orderBy('c.id', 'desc')
        .limit(200)
        .execute();
    },

    async setSample(cycleId: string, sample: unknown, studentsPerSchool: number | null) {
      await db
        .updateTable('exam_cycles')
        .set({ sample: JSON.stringify(sample), students_per_school: studentsPerSchool })
        .where('id', '=', cycleId)
        .execute();
      // every exam of the cycle is analysed over the new sample
      await db.updateTable('exams').set({ analysis_version: -1 }).where('cycle_id', '=', cycleId).execute();
    },

    // ---- indicator systems ----
    async findIndicators(ownerOrgId: string, stage: string, subject: string) {
      return db
        .selectFrom('exam_indicator_systems')
        .selectAll()
        .where('owner_org_id', '=', ownerOrgId)
        .where('stage', '=', stage)
        .where('subject', '=', subject)
        .executeTakeFirst();
    },

    async listIndicators(ownerOrgId: string) {
      return db
        .selectFrom('exam_indicator_systems')
        .selectAll()
        .where('owner_org_id', '=', ownerOrgId)
        .orderBy('stage')
        .orderBy('subject')
        .execute();
    },

    async upsertIndicators(w: {
      ownerOrgId: string;
      ownerPath: string;
      stage: string;
      subject: string;
      indicators: unknown;
      updatedBy: string;
    }) {
      await db
        .insertInto('exam_indicator_systems')
        .values({
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          stage: w.stage,
          subject: w.subject,
          indicators: JSON.stringify(w.indicators),
          updated_by: w.updatedBy,
        })
        .onConflict((oc) =>
          oc.columns(['owner_org_id', 'stage', 'subject']).doUpdateSet({
            indicators: JSON.stringify(w.indicators),
            updated_by: w.updatedBy,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },
  };
}

export type ExamsRepository = ReturnType<typeof createExamsRepository>;
