/**
 * The exam data model, independent of how the files were read (CSV, Excel, database).
 *
 * - Only students who sat the exam are in the score matrix. Absent students (缺考) are kept apart in `absent`:
 *   they are excluded from every statistic and counted separately, never turned into zeros.
 * - `scores` is the students × items matrix, row-major: the score of student `i` on item `j` is
 *   `scores[i * items.length + j]`. A blank item cell of a present student is 0 (a question left unanswered
 *   scores nothing); how many such cells there were is `blankCells`.
 * - School and class are interned: `school[i]` indexes `schools`, `klass[i]` indexes `classes` (a class is a
 *   school + class name pair: 一班 of two schools are two classes).
 */

export type ItemType = 'objective' | 'subjective';

export interface ItemSpec {
  id: string;
  maxScore: number;
  type: ItemType | null;
  /** Knowledge points (知识点) this item tests; several may be listed separated by ; ； 、 or |. */
  knowledgePoints: string[];
  /** Ability level (能力层级), e.g. 识记 / 理解 / 应用. */
  abilityLevel: string | null;
}

export interface ClassRef {
  school: number;
  name: string;
}

export interface AbsentStudent {
  studentId: string;
  school: string;
  className: string;
  /** The row of the source file. */
  row: number;
}

export interface ExamScores {
  items: ItemSpec[];
  /** Sum of the items' max scores. */
  fullMarks: number;
  studentIds: string[];
  /** The source row of each present student. */
  rows: Int32Array;
  schools: string[];
  school: Int32Array;
  classes: ClassRef[];
  klass: Int32Array;
  scores: Float64Array;
  absent: AbsentStudent[];
  blankCells: number;
}

/** One problem in an input file: which file, row (as the user sees it, header = 1), column, value and rule. */
export interface ExamInputError {
  file: ExamInputFile;
  row: number;
  column: string | null;
  value: string | null;
  rule: ExamInputRule;
  message: string;
}

export const EXAM_INPUT_FILES = ['scores', 'items', 'prior'] as const;
export type ExamInputFile = (typeof EXAM_INPUT_FILES)[number];

/**
 * The rules an exam upload is checked against: the file checks of the readers (parse.ts, scores-fast.ts), then
 * the checks the upload makes with what only the database knows (`FULL_MARKS_MISMATCH`: the items' maximum
 * scores against the exam's full marks; `AMBIGUOUS_SCHOOL` and `SCHOOL_OUT_OF_SCOPE`: a school that is not
 * `UNKNOWN_SCHOOL` to the system but cannot be used).
 */
export const EXAM_INPUT_RULES = [
  'MISSING_COLUMN',
  'UNKNOWN_ITEM_COLUMN',
  'DUPLICATE_COLUMN',
  'DUPLICATE_ITEM',
  'DUPLICATE_STUDENT',
  'REQUIRED',
  'NOT_A_NUMBER',
  'NEGATIVE',
  'ABOVE_MAX',
  'MAX_NOT_POSITIVE',
  'BAD_TYPE',
  'UNKNOWN_SCHOOL',
  'ABSENT_WITH_SCORES',
  'EXTRA_CELLS',
  'NO_ITEMS',
  'NO_STUDENTS',
  'STUDENT_ID_FORMAT',
  'ITEM_ID_FORMAT',
  'TEXT_FORMAT',
  'EMPTY_FILE',
  'FULL_MARKS_MISMATCH',
  'AMBIGUOUS_SCHOOL',
  'SCHOOL_OUT_OF_SCOPE',
] as const;
export type ExamInputRule = (typeof EXAM_INPUT_RULES)[number];

export type Cell = string | number | null | undefined;
