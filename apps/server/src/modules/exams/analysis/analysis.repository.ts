/** Data access of the analysis: the present students' scores and the cached analysis on the exam row. */
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { DB } from '../../../db/types';

/** A present student's row: `total` and `scores` are set for every student who sat the exam. */
export type ExamStudentRow = Pick<
  Selectable<DB['exam_students']>,
  'student_id' | 'school_id' | 'class_name' | 'prior_score' | 'source_row'
> & { total: number; scores: number[] };

export function createAnalysisRepository(db: Database) {
  return {
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
    ): Promise<Pick<Selectable<DB['exams']>, 'analysis' | 'analysis_version' | 'data_version'> | undefined> {
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
  };
}
