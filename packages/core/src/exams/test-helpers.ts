/** Build small exams for the tests from rows of [student, school, class, ...scores]. */
import type { ExamScores } from './model';
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
