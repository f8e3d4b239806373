/**
 * The score sheet: `student_id,school,class,<item ids…>` against the item sheet; the header's layout is shared with
 * the CSV fast path (scores-fast.ts). Rows of 缺考 markers and blanks only are absent students, kept apart.
 */
import { IDENTIFIER_RULES as R, shownValue } from '../identifiers';
import type { AbsentStudent, Cell, ClassRef, ExamInputError, ExamScores, ItemSpec } from './model';
import {
  Collector,
  cellText,
  findColumns,
  headerIndex,
  isAbsentMarker,
  isBlank,
  parseDecimal,
  rowNumber,
  type SheetCells,
} from './parse-cells';

/** Where the score sheet's columns are, once its header is checked (shared with the CSV fast path). */
export interface ScoreSheetLayout {
  /** header column of each item, in item order */
  colOf: Int32Array;
  maxOf: Float64Array;
  cId: number;
  cSchool: number;
  cClass: number;
  /** header.length: cells beyond it are EXTRA_CELLS */
  width: number;
}

function scoreSheetLayout(
  header: Cell[],
  headRow: number,
  items: ItemSpec[],
  out: Collector,
): ScoreSheetLayout | null {
  const cols = findColumns(header, ['student_id', 'school', 'class']);
  for (const need of ['student_id', 'school', 'class']) {
    if (!cols.index.has(need)) out.add(headRow, need, null, 'MISSING_COLUMN', `成绩表缺少列 ${need}`);
  }
  for (const d of cols.duplicates)
    out.add(headRow, d, d, 'DUPLICATE_COLUMN', `成绩表的列「${shownValue(d)}」出现了不止一次`);
  const itemCol = new Map<string, number>();
  for (const o of cols.others) {
    if (!items.some((it) => it.id === o.name))
      out.add(
        headRow,
        o.name,
        o.name,
        'UNKNOWN_ITEM_COLUMN',
        `成绩表的列「${shownValue(o.name)}」不是题目表中的题号`,
      );
    else if (!itemCol.has(o.name)) itemCol.set(o.name, o.col);
  }
  for (const it of items) {
    if (!itemCol.has(it.id))
      out.add(headRow, it.id, null, 'MISSING_COLUMN', `成绩表缺少题目表中的题 ${it.id} 的列`);
  }
  if (out.errors.length) return null;
  return {
    colOf: Int32Array.from(items, (it) => itemCol.get(it.id) ?? -1),
    maxOf: Float64Array.from(items, (it) => it.maxScore),
    cId: cols.index.get('student_id') ?? 0,
    cSchool: cols.index.get('school') ?? 1,
    cClass: cols.index.get('class') ?? 2,
    width: header.length,
  };
}

/** The layout of a score sheet's header, or null when the header has any problem (for the CSV fast path). */
export function checkScoreHeader(header: Cell[], items: ItemSpec[]): ScoreSheetLayout | null {
  return scoreSheetLayout(header, 1, items, new Collector('scores'));
}

export interface ReadScoresOptions {
  /** When given, a school not in this set is an error (UNKNOWN_SCHOOL); the CLI has no org tree and omits it. */
  knownSchools?: ReadonlySet<string>;
  /**
   * The CSV fast path returns the matrix as a Float32Array while every score is exactly one (the command line:
   * 16 instead of 32 MB for 100,000 × 40, docs/PERFORMANCE.md section 5); a score that is not (0.1) widens it to a
   * Float64Array. The general path always returns a Float64Array.
   */
  compactScores?: boolean;
}

/** The refusal of a score sheet with a header and no student rows (shared with the server's 400). */
export const NO_STUDENTS_MESSAGE =
  '成绩表只有表头，没有任何学生的数据行；空表不能上传（写入会清空这场考试已有的成绩）';

/** scores.csv: `student_id,school,class,<item ids…>` against the item sheet. */
export function readScoreSheet(
  sheet: SheetCells,
  items: ItemSpec[],
  options: ReadScoresOptions = {},
): { exam: ExamScores | null; errors: ExamInputError[] } {
  const out = new Collector('scores');
  const h = headerIndex(sheet.records);
  if (h < 0) {
    out.add(1, null, null, 'EMPTY_FILE', '成绩表是空的：第一行应为表头 student_id,school,class,题号…');
    return { exam: null, errors: out.errors };
  }
  const header = sheet.records[h] ?? [];
  const layout = scoreSheetLayout(header, rowNumber(sheet, h), items, out);
  if (!layout) return { exam: null, errors: out.errors };
  const { colOf, maxOf, cId, cSchool, cClass, width } = layout;
  const m = items.length;

  const capacity = Math.max(0, sheet.records.length - h - 1);
  let scores = new Float64Array(capacity * m);
  const rows = new Int32Array(capacity);
  const school = new Int32Array(capacity);
  const klass = new Int32Array(capacity);
  const studentIds: string[] = [];
  const schools: string[] = [];
  const schoolIdx = new Map<string, number>();
  const classes: ClassRef[] = [];
  const classIdx = new Map<string, number>();
  const absent: AbsentStudent[] = [];
  const seen = new Map<string, number>();
  let blankCells = 0;
  let n = 0;
  const line = new Float64Array(m);

  for (let i = h + 1; i < sheet.records.length; i++) {
    const rec = sheet.records[i] ?? [];
    const row = rowNumber(sheet, i);
    // one pass over the item cells: numbers (the common case) first, then blanks, 缺考 markers and the rest
    let blanks = 0;
    let markers = 0;
    let firstMarker = -1;
    for (let j = 0; j < m; j++) {
      const c = rec[colOf[j] ?? 0];
      if (c === undefined || c === null || c === '') {
        line[j] = 0;
        blanks++;
        continue;
      }
      const v = parseDecimal(c);
      if (!Number.isNaN(v)) {
        line[j] = v;
        if (v < 0 || v > (maxOf[j] ?? 0)) {
          const itemId = items[j]?.id ?? '';
          if (v < 0) out.add(row, itemId, c, 'NEGATIVE', `第 ${row} 行「${itemId}」列：得分 ${v} 不能为负数`);
          else
            out.add(
              row,
              itemId,
              c,
              'ABOVE_MAX',
              `第 ${row} 行「${itemId}」列：得分 ${v} 超过该题满分 ${maxOf[j]}`,
            );
        }
        continue;
      }
      line[j] = 0;
      if (isBlank(c)) blanks++;
      else if (isAbsentMarker(c)) {
        markers++;
        if (firstMarker < 0) firstMarker = j;
      } else {
        const itemId = items[j]?.id ?? '';
        out.add(
          row,
          itemId,
          c,
          'NOT_A_NUMBER',
          `第 ${row} 行「${itemId}」列：「${shownValue(cellText(c))}」不是数字`,
        );
      }
    }
    const id = cellText(rec[cId]);
    const schoolName = cellText(rec[cSchool]);
    const className = cellText(rec[cClass]);
    let extra = -1;
    for (let k = width; k < rec.length; k++) {
      if (!isBlank(rec[k])) {
        extra = k;
        break;
      }
    }
    if (blanks === m && id === '' && schoolName === '' && className === '' && extra < 0) {
      if (rec.every(isBlank)) continue; // a blank line
    }
    if (id === '') out.add(row, 'student_id', null, 'REQUIRED', `第 ${row} 行：考号 student_id 不能为空`);
    else if (out.format(row, 'student_id', id, R.studentId, 'STUDENT_ID_FORMAT')) {
      const prev = seen.get(id);
      if (prev !== undefined)
        out.add(row, 'student_id', id, 'DUPLICATE_STUDENT', `第 ${row} 行：考号 ${id} 与第 ${prev} 行重复`);
      else seen.set(id, row);
    }
    if (schoolName === '') out.add(row, 'school', null, 'REQUIRED', `第 ${row} 行：学校 school 不能为空`);
    else if (!out.format(row, 'school', schoolName, R.schoolRef, 'TEXT_FORMAT')) {
      // refused for its form; whether such a school exists is not asked
    } else if (options.knownSchools && !options.knownSchools.has(schoolName))
      out.add(
        row,
        'school',
        schoolName,
        'UNKNOWN_SCHOOL',
        `第 ${row} 行：学校「${schoolName}」不在本辖区的学校名单中`,
      );
    if (className === '') out.add(row, 'class', null, 'REQUIRED', `第 ${row} 行：班级 class 不能为空`);
    else out.format(row, 'class', className, R.className, 'TEXT_FORMAT');
    if (extra >= 0)
      out.add(
        row,
        null,
        rec[extra],
        'EXTRA_CELLS',
        `第 ${row} 行第 ${extra + 1} 列：表头之外还有数据「${shownValue(cellText(rec[extra]))}」`,
      );
    // absent: every item cell blank, or 缺考 markers and blanks only
    const isAbsent = blanks + markers === m;
    if (markers > 0 && !isAbsent) {
      const it = items[firstMarker];
      out.add(
        row,
        it?.id ?? null,
        rec[colOf[firstMarker] ?? 0],
        'ABSENT_WITH_SCORES',
        `第 ${row} 行：标记了缺考，但其他题目又有分数；缺考的学生所有题目应留空或标“缺考”`,
      );
    }
    if (out.errors.length > 0) continue; // keep validating, stop building
    if (isAbsent) {
      absent.push({ studentId: id, school: schoolName, className, row });
      continue;
    }
    blankCells += blanks;
    let s = schoolIdx.get(schoolName);
    if (s === undefined) {
      s = schools.length;
      schools.push(schoolName);
      schoolIdx.set(schoolName, s);
    }
    const ck = `${s}\u0000${className}`;
    let c = classIdx.get(ck);
    if (c === undefined) {
      c = classes.length;
      classes.push({ school: s, name: className });
      classIdx.set(ck, c);
    }
    scores.set(line, n * m);
    rows[n] = row;
    school[n] = s;
    klass[n] = c;
    studentIds.push(id);
    n++;
  }
  if (out.errors.length) return { exam: null, errors: out.errors };
  if (n === 0 && absent.length === 0) {
    // a header and nothing else: written, it would replace an exam's students with none
    const headRow = rowNumber(sheet, h);
    out.add(headRow, null, null, 'NO_STUDENTS', NO_STUDENTS_MESSAGE);
    return { exam: null, errors: out.errors };
  }
  if (n * m < scores.length) scores = scores.slice(0, n * m);
  const fullMarks = items.reduce((a, it) => a + it.maxScore, 0);
  return {
    exam: {
      items,
      fullMarks,
      studentIds,
      rows: rows.slice(0, n),
      schools,
      school: school.slice(0, n),
      classes,
      klass: klass.slice(0, n),
      scores,
      absent,
      blankCells,
    },
    errors: [],
  };
}
