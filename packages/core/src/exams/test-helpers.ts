/** Build small exams for the tests from rows of [student, school, class, ...scores]. */
import type { ExamScores, ItemSpec } from './model';
import { readItemSheet, readScoreSheet } from './parse';

export function examOf(maxScores: number[], rows: (string | number | null)[][]): ExamScores {
  const ids = maxScores.map((_, j) => `Q${j + 1}`);
  const { items, errors: ie } = readItemSheet({
    records: [['item_id', 'max_score'], ...ids.map((id, j) => [id, String(maxScores[j])])],
  });
  if (ie.length) throw new Error(JSON.stringify(ie));
  const { exam, errors } = readScoreSheet(
    { records: [['student_id', 'school', 'class', ...ids], ...rows] },
    items,
  );
  if (!exam) throw new Error(JSON.stringify(errors));
  return exam;
}

/** Three items, Q1–Q3, of 5, 10 and 2.5 points, and the header of a score sheet for them (the CSV reader tests). */
export const THREE_ITEMS: ItemSpec[] = readItemSheet({
  records: [
    ['item_id', 'max_score'],
    ['Q1', '5'],
    ['Q2', '10'],
    ['Q3', '2.5'],
  ],
}).items;
export const THREE_ITEMS_HEADER = 'student_id,school,class,Q1,Q2,Q3';
