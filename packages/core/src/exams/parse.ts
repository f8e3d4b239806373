/**
 * Validation of the three exam files once they are read into cells (CSV text or Excel values): the item sheet
 * (`item_id,max_score[,type,knowledge_point,ability_level]`), the score sheet
 * (`student_id,school,class,<item ids…>`) and the prior scores (`student_id,prior_score`). Every problem names the
 * file, row, column, value and rule; nothing is guessed. See docs/POLICIES.md "Exam analysis" for the readings.
 */
export { ABSENT_MARKERS, MAX_INPUT_ERRORS, parseDecimal, type SheetCells } from './parse-cells';
export { checkFullMarks, readItemSheet, splitLabels } from './parse-items';
export { checkPriorHeader, readPriorSheet } from './parse-prior';
export {
  checkScoreHeader,
  NO_STUDENTS_MESSAGE,
  type ReadScoresOptions,
  readScoreSheet,
  type ScoreSheetLayout,
} from './parse-scores';
