/**
 * Data access of the parents' side: the per-student access codes (exam_access_codes, stored as an HMAC) and a
 * student's rows in the exams released to parents.
 */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { DB } from '../../../db/types';

export type AccessCodeRow = Pick<
  Selectable<DB['exam_access_codes']>,
  'county_id' | 'student_id' | 'school_id' | 'code_hash'
>;

/** A student's row in an exam released to parents, with the exam's facts. */
export type ChildExamRow = { exam_id: string } & Pick<
  Selectable<DB['exams']>,
  | 'name'
  | 'semester'
  | 'stage'
  | 'subject'
  | 'grade'
  | 'kind'
  | 'exam_date'
  | 'full_marks'
  | 'report_settings'
> &
  Pick<Selectable<DB['exam_students']>, 'absent' | 'total'>;

export interface CodeWrite {
  countyId: string;
  studentId: string;
  schoolId: string;
  schoolPath: string;
  codeHash: string;
}

/** A school's student with its latest class, and when its code was issued (null: no code). */
type SchoolStudentRow = Pick<Selectable<DB['exam_students']>, 'student_id' | 'class_name'> & {
  issued_at: Date | null;
};

export function createParentsRepository(db: Database) {
  return {
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
    ): Promise<Array<SchoolStudentRow & { has_code: boolean }>> {
      const rows = await sql<SchoolStudentRow>`
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
