/**
 * The exam data model, independent of how the files were read (CSV, Excel, database).
 *
 * - Only students who sat the exam are in the score matrix. Absent students (缺考) are kept apart in `absent`:
 *   they are excluded from every statistic and counted separately, never turned into zeros.
 * - `scores` is the students × items matrix, row-major: the score of student `i` on item `j` is
 *   `scores[i * items.length + j]`. A blank item cell of a present student is 0 (a question left unanswered
 *   scores nothing); how many such cells there were is `blankCells`. It is a Float64Array, or a Float32Array
 *   (half the memory) when its reader was asked for one (`compactScores`) and every score is exactly a float32
 *   (whole, half or quarter points …): each element then reads back as the same double, so every sum is the same.
 * - School and class are interned: `school[i]` indexes `schools`, `klass[i]` indexes `classes` (a class is a
 *   school + class name pair: 一班 of two schools are two classes).
 */

/** The score matrix (see above). */
export type ScoreMatrix = Float64Array | Float32Array;

/** The first `length` scores as a Float64Array: the matrix itself when it is one of that length, else a copy. */
export function float64Scores(s: ScoreMatrix, length: number): Float64Array {
  if (s instanceof Float64Array) return s.length === length ? s : s.slice(0, length);
  return Float64Array.from(s.subarray(0, length));
}

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
  scores: ScoreMatrix;
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

/** Each rule in plain words: the upload's error table shows these (the code is for officers, in a tooltip). */
export const EXAM_INPUT_RULE_TEXTS: Record<ExamInputRule, { zh: string; en: string }> = {
  MISSING_COLUMN: { zh: '缺少必需的列', en: 'A required column is missing' },
  UNKNOWN_ITEM_COLUMN: { zh: '成绩表中有题目表没有的题目列', en: 'An item column the item sheet lacks' },
  DUPLICATE_COLUMN: { zh: '列名重复', en: 'Repeated column' },
  DUPLICATE_ITEM: { zh: '题号重复', en: 'Repeated item' },
  DUPLICATE_STUDENT: { zh: '学号重复', en: 'Repeated student ID' },
  REQUIRED: { zh: '必填项为空', en: 'Required cell is empty' },
  NOT_A_NUMBER: { zh: '不是数字', en: 'Not a number' },
  NEGATIVE: { zh: '得分为负数', en: 'Negative score' },
  ABOVE_MAX: { zh: '得分超过满分', en: 'Score above the maximum' },
  MAX_NOT_POSITIVE: { zh: '满分应大于 0', en: 'Maximum must be above 0' },
  BAD_TYPE: { zh: '题型无法识别', en: 'Unknown item type' },
  UNKNOWN_SCHOOL: { zh: '系统中没有这所学校', en: 'Unknown school' },
  ABSENT_WITH_SCORES: { zh: '缺考却有得分', en: 'Absent but scored' },
  EXTRA_CELLS: { zh: '表头之外还有数据', en: 'Cells beyond the header' },
  NO_ITEMS: { zh: '题目表没有题目', en: 'No items' },
  NO_STUDENTS: { zh: '成绩表没有学生', en: 'No students' },
  STUDENT_ID_FORMAT: { zh: '学号格式不正确', en: 'Student ID has the wrong format' },
  ITEM_ID_FORMAT: { zh: '题号格式不正确', en: 'Item ID has the wrong format' },
  TEXT_FORMAT: { zh: '文字含不允许的字符或过长', en: 'Text too long or has characters not allowed' },
  EMPTY_FILE: { zh: '文件没有数据', en: 'The file is empty' },
  FULL_MARKS_MISMATCH: { zh: '各题满分之和与考试满分不符', en: 'Item maxima do not add up to full marks' },
  AMBIGUOUS_SCHOOL: { zh: '学校名称对应多所学校', en: 'The school name matches several schools' },
  SCHOOL_OUT_OF_SCOPE: { zh: '学校不在您的管辖范围内', en: 'School outside your scope' },
};

export type Cell = string | number | null | undefined;
