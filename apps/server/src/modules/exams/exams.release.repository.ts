/**
 * Data access of exam releases: the published public summary, the release to parents, and the
 * per-student access codes (hashed). Kept apart from exams.repository.ts (the upload and analysis side).
 */
import { sql } from 'kysely';
import { appSecret } from '../../db/app-secrets';
import type { Database } from '../../db/database';

export interface ReleaseRow {
  exam_id: string;
  public_summary: unknown;
  public_version: number | null;
  public_at: Date | null;
  parents_at: Date | null;
}

export interface PublicExamRow {
  id: string;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  grade: string;
  kind: string;
  exam_date: string | null;
  region: string;
  public_summary: unknown;
  public_at: Date;
}

export interface AccessCodeRow {
  county_id: string;
  student_id: string;
  school_id: string;
  code_hash: string;
}

export interface ChildExamRow {
  exam_id: string;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  grade: string;
  kind: string;
  exam_date: string | null;
  full_marks: number;
  report_settings: unknown;
  absent: boolean;
  total: number | null;
}

export interface CodeWrite {
  countyId: string;
  studentId: string;
  schoolId: string;
  schoolPath: string;
  codeHash: string;
}

export function createExamReleaseRepository(db: Database) {
  return {
    /** The deployment's key `name` (app_secrets), made on first use. */
    secret(name: string): Promise<Buffer> {
      return appSecret(db, name);
    },

    async examForRelease(id: string) {
      return db
        .selectFrom('exams as e')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select(['e.id', 'e.owner_path', 'e.owner_org_id', 'e.data_version', 'o.kind as owner_kind'])
        .where('e.id', '=', id)
        .executeTakeFirst();
    },

    async findRelease(examId: string): Promise<ReleaseRow | undefined> {
      return db
        .selectFrom('exam_releases')
        .select(['exam_id', 'public_summary', 'public_version', 'public_at', 'parents_at'])
        .where('exam_id', '=', examId)
        .executeTakeFirst();
    },

    async setPublic(
      examId: string,
      summary: unknown | null,
      version: number | null,
      by: string,
      trx: Database = db,
    ): Promise<void> {
      const on = summary !== null;
      await trx
        .insertInto('exam_releases')
        .values({
          exam_id: examId,
          public_summary: on ? JSON.stringify(summary) : null,
          public_version: version,
          public_at: on ? sql<Date>`now()` : null,
          public_by: on ? by : null,
        })
        .onConflict((oc) =>
          oc.column('exam_id').doUpdateSet({
            public_summary: on ? JSON.stringify(summary) : null,
            public_version: version,
            public_at: on ? sql<Date>`now()` : null,
            public_by: on ? by : null,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },

    async setParents(examId: string, on: boolean, by: string, trx: Database = db): Promise<void> {
      await trx
        .insertInto('exam_releases')
        .values({ exam_id: examId, parents_at: on ? sql<Date>`now()` : null, parents_by: on ? by : null })
        .onConflict((oc) =>
          oc.column('exam_id').doUpdateSet({
            parents_at: on ? sql<Date>`now()` : null,
            parents_by: on ? by : null,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },

    /** Published summaries, newest first; the region is the exam owner's name (a bureau, never a school). */
    async listPublic(limit: number, examId?: string): Promise<PublicExamRow[]> {
      let q = db
        .selectFrom('exam_releases as r')
        .innerJoin('exams as e', 'e.id', 'r.exam_id')
        .innerJoin('orgs as o', 'o.id', 'e.owner_org_id')
        .select([
          'e.id',
          'e.name',
          'e.semester',
          'e.stage',
          'e.subject',
          'e.grade',
          'e.kind',
          'e.exam_date',
          'o.name as region',
          'r.public_summary',
          'r.public_at',
        ])
        .where('r.public_summary', 'is not', null)
        .where('o.kind', '!=', 'school');
      if (examId) q = q.where('e.id', '=', examId);
      return (await q
        .orderBy('r.public_at', 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .execute()) as PublicExamRow[];
    },

    async findSchool(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'path', 'kind', 'county_id'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** The students a school has in any exam (its latest class), with whether they hold a code. */
    async studentsOfSchool(
      schoolId: string,
      countyId: string,
    ): Promise<Array<{ student_id: string; class_name: string; has_code: boolean; issued_at: Date | null }>> {
      const rows = await sql<{
        student_id: string;
        class_name: string;
        issued_at: Date | null;
      }>`
        SELECT s.student_id, s.class_name, c.issued_at
        FROM (
          SELECT DISTINCT ON (student_id) student_id, class_name
          FROM exam_students
          WHERE county_id = ${countyId} AND school_id = ${schoolId}
          ORDER BY student_id, exam_id DESC
        ) s
        LEFT JOIN exam_access_codes c ON c.county_id = ${countyId} AND c.student_id = s.student_id
          AND c.school_id = ${schoolId}
        ORDER BY s.class_name, s.student_id`.execute(db);
      return rows.rows.map((r) => ({ ...r, has_code: r.issued_at !== null }));
    },

    /** Insert or replace codes; bulk via unnest. */
    async upsertCodes(rows: CodeWrite[], by: string, trx: Database = db): Promise<void> {
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        const col = <K extends keyof CodeWrite>(k: K) => part.map((r) => r[k]);
        await sql`
          INSERT INTO exam_access_codes (county_id, student_id, school_id, school_path, code_hash, issued_by)
          SELECT t.county_id, t.student_id, t.school_id, t.school_path, t.code_hash, ${by}::bigint
          FROM unnest(${col('countyId')}::bigint[], ${col('studentId')}::text[], ${col('schoolId')}::bigint[],
            ${col('schoolPath')}::text[], ${col('codeHash')}::text[])
            AS t(county_id, student_id, school_id, school_path, code_hash)
          ON CONFLICT (county_id, student_id) DO UPDATE SET
            school_id = EXCLUDED.school_id, school_path = EXCLUDED.school_path, code_hash = EXCLUDED.code_hash,
            issued_at = now(), issued_by = EXCLUDED.issued_by`.execute(trx);
      }
    },

    async codesOfStudent(studentId: string): Promise<AccessCodeRow[]> {
      return db
        .selectFrom('exam_access_codes')
        .select(['county_id', 'student_id', 'school_id', 'code_hash'])
        .where('student_id', '=', studentId)
        .orderBy('county_id')
        .execute();
    },

    /** The student's rows in exams released to parents, newest exam first. */
    async childExams(countyId: string, studentId: string): Promise<ChildExamRow[]> {
      return (await db
        .selectFrom('exam_students as s')
        .innerJoin('exams as e', 'e.id', 's.exam_id')
        .innerJoin('exam_releases as r', 'r.exam_id', 's.exam_id')
        .select([
          'e.id as exam_id',
          'e.name',
          'e.semester',
          'e.stage',
          'e.subject',
          'e.grade',
          'e.kind',
          'e.exam_date',
          'e.full_marks',
          'e.report_settings',
          's.absent',
          's.total',
        ])
        .where('s.county_id', '=', countyId)
        .where('s.student_id', '=', studentId)
        .where('r.parents_at', 'is not', null)
        .orderBy('e.exam_date', (ob) => ob.desc().nullsLast())
        .orderBy('e.id', 'desc')
        .execute()) as ChildExamRow[];
    },
  };
}

export type ExamReleaseRepository = ReturnType<typeof createExamReleaseRepository>;
