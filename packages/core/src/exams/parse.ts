/**
 * Validation of the three exam files once they are read into cells (CSV text or Excel values): the item sheet
 * (`item_id,max_score[,type,knowledge_point,ability_level]`), the score sheet
 * (`student_id,school,class,<item ids…>`) and the prior scores (`student_id,prior_score`). Every problem names the
 * file, row, column, value and rule; nothing is guessed. See docs/POLICIES.md "Exam analysis" for the readings.
 */
import {
  IDENTIFIER_RULES,
  type IdentifierRule,
  identifierMessage,
  identifierProblem,
  shownValue,
} from '../identifiers';
import type {
  AbsentStudent,
  Cell,
  ClassRef,
  ExamInputError,
  ExamInputRule,
  ExamScores,
  ItemSpec,
  ItemType,
} from './model';

/** At most this many errors are collected per file; the first ones are what a user fixes first anyway. */
export const MAX_INPUT_ERRORS = 1000;

/** A sheet as read: records of cells, and the row number the user sees for each (default: index + 1). */
export interface SheetCells {
  records: Cell[][];
  rowNumbers?: ArrayLike<number>;
}

const HEADER_ALIASES: Record<string, string[]> = {
  student_id: ['student_id', '考号', '学号', '准考证号', '学生编号'],
  school: ['school', '学校'],
  class: ['class', '班级'],
  item_id: ['item_id', '题号', '小题', '题目'],
  max_score: ['max_score', '满分', '分值'],
  type: ['type', '题型'],
  knowledge_point: ['knowledge_point', '知识点'],
  ability_level: ['ability_level', '能力层级', '能力'],
  prior_score: ['prior_score', '前测成绩', '入口成绩', '上次成绩'],
};

/** Cells that mark a student as absent (缺考); compared after trimming, case-insensitively. */
export const ABSENT_MARKERS: readonly string[] = ['缺考', '缺', 'absent', 'abs'];

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'number' ? String(c) : c.trim();
}

function isBlank(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

function isAbsentMarker(c: Cell): boolean {
  if (typeof c !== 'string') return false;
  const t = c.trim().toLowerCase();
  return ABSENT_MARKERS.includes(t);
}

/**
 * A decimal number as a person types it: optional sign, digits, optional fraction (`12`, `7.5`, `.5`, `-3`).
 * No exponents, hex, thousands separators or words. Returns NaN for anything else. Excel numbers pass as they are
 * when finite.
 */
export function parseDecimal(c: Cell): number {
  if (typeof c === 'number') return Number.isFinite(c) ? c : Number.NaN;
  if (c === null || c === undefined) return Number.NaN;
  let s = c;
  if (s.length === 0) return Number.NaN;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first === 32 || last === 32 || first === 9 || last === 9) s = s.trim();
  let i = 0;
  const n = s.length;
  if (n === 0) return Number.NaN;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i++;
  let digits = 0;
  let dot = false;
  let int = 0; // the value while only digits have been seen (exact below 2^53; scores are small)
  for (; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      digits++;
      if (!dot) int = int * 10 + (ch - 48);
    } else if (ch === 46 && !dot) dot = true;
    else return Number.NaN;
  }
  if (digits === 0) return Number.NaN;
  if (dot || digits > 15) return Number(s); // correctly rounded decimal conversion
  return c0 === 45 ? -int : int;
}

function findColumns(
  header: Cell[],
  wanted: string[],
): { index: Map<string, number>; others: { col: number; name: string }[]; duplicates: string[] } {
  const index = new Map<string, number>();
  const others: { col: number; name: string }[] = [];
  const duplicates: string[] = [];
  const seenOthers = new Set<string>();
  header.forEach((h, col) => {
    const name = cellText(h);
    if (name === '') return;
    const key = wanted.find((w) =>
      (HEADER_ALIASES[w] ?? [w]).some((a) => a.toLowerCase() === name.toLowerCase()),
    );
    if (key) {
      if (index.has(key)) duplicates.push(name);
      else index.set(key, col);
    } else {
      if (seenOthers.has(name)) duplicates.push(name);
      seenOthers.add(name);
      others.push({ col, name });
    }
  });
  return { index, others, duplicates };
}

class Collector {
  readonly errors: ExamInputError[] = [];
  constructor(private readonly file: ExamInputError['file']) {}
  add(row: number, column: string | null, value: Cell, rule: ExamInputRule, message: string): void {
    if (this.errors.length >= MAX_INPUT_ERRORS) return;
    // the value as the user wrote it, cut for display (a 5,000-character cell is not echoed whole)
    const v = value === null || value === undefined ? null : shownValue(String(value));
    this.errors.push({ file: this.file, row, column, value: v, rule, message });
  }

  /**
   * Check a non-empty, trimmed value against an identifier rule; records `rule` naming row, column, value and
   * the rule in words. Returns whether it passed.
   */
  format(row: number, column: string, value: string, id: IdentifierRule, rule: ExamInputRule): boolean {
    const problem = identifierProblem(id, value);
    if (problem === null) return true;
    this.add(row, column, value, rule, `第 ${row} 行：${identifierMessage(id, value, problem)}`);
    return false;
  }
}

const R = IDENTIFIER_RULES;

function rowNumber(sheet: SheetCells, i: number): number {
  return sheet.rowNumbers ? (sheet.rowNumbers[i] ?? i + 1) : i + 1;
}

/** The first record that is not blank is the header; returns its index or -1. */
function headerIndex(records: Cell[][]): number {
  return records.findIndex((r) => r.some((c) => !isBlank(c)));
}

function parseItemType(t: string): ItemType | null | undefined {
  if (t === '') return null;
  const l = t.toLowerCase();
  if (l === 'objective' || t === '客观' || t === '客观题') return 'objective';
  if (l === 'subjective' || t === '主观' || t === '主观题') return 'subjective';
  return undefined;
}

export function splitLabels(t: string): string[] {
  return t
    .split(/[;；、|]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** items.csv: `item_id,max_score[,type,knowledge_point,ability_level]`. */
export function readItemSheet(sheet: SheetCells): { items: ItemSpec[]; errors: ExamInputError[] } {
  const out = new Collector('items');
  const items: ItemSpec[] = [];
  const h = headerIndex(sheet.records);
  if (h < 0) {
    out.add(1, null, null, 'EMPTY_FILE', '题目表是空的：第一行应为表头 item_id,max_score');
    return { items, errors: out.errors };
  }
  const header = sheet.records[h] ?? [];
  const cols = findColumns(header, ['item_id', 'max_score', 'type', 'knowledge_point', 'ability_level']);
  const headRow = rowNumber(sheet, h);
  for (const need of ['item_id', 'max_score']) {
    if (!cols.index.has(need)) out.add(headRow, need, null, 'MISSING_COLUMN', `题目表缺少列 ${need}`);
  }
  if (out.errors.length) return { items, errors: out.errors };
  const ci = (k: string) => cols.index.get(k) ?? -1;
  const seen = new Map<string, number>();
  for (let i = h + 1; i < sheet.records.length; i++) {
    const rec = sheet.records[i] ?? [];
    if (!rec.some((c) => !isBlank(c))) continue;
    const row = rowNumber(sheet, i);
    const id = cellText(rec[ci('item_id')]);
    const rawMax = rec[ci('max_score')];
    if (id === '') {
      out.add(row, 'item_id', null, 'REQUIRED', `第 ${row} 行：题号 item_id 不能为空`);
      continue;
    }
    if (!out.format(row, 'item_id', id, R.itemId, 'ITEM_ID_FORMAT')) continue;
    const prev = seen.get(id);
    if (prev !== undefined) {
      out.add(row, 'item_id', id, 'DUPLICATE_ITEM', `第 ${row} 行：题号 ${id} 与第 ${prev} 行重复`);
      continue;
    }
    seen.set(id, row);
    const max = parseDecimal(rawMax);
    if (Number.isNaN(max)) {
      out.add(
        row,
        'max_score',
        rawMax,
        'NOT_A_NUMBER',
        `第 ${row} 行：满分 max_score「${shownValue(cellText(rawMax))}」不是数字`,
      );
      continue;
    }
    if (!(max > 0)) {
      out.add(row, 'max_score', rawMax, 'MAX_NOT_POSITIVE', `第 ${row} 行：满分 max_score 必须大于 0`);
      continue;
    }
    const typeText = ci('type') >= 0 ? cellText(rec[ci('type')]) : '';
    const type = parseItemType(typeText);
    if (type === undefined) {
      out.add(
        row,
        'type',
        typeText,
        'BAD_TYPE',
        `第 ${row} 行：题型「${shownValue(typeText)}」应为 objective/客观 或 subjective/主观`,
      );
      continue;
    }
    const kp = ci('knowledge_point') >= 0 ? splitLabels(cellText(rec[ci('knowledge_point')])) : [];
    const ability = ci('ability_level') >= 0 ? cellText(rec[ci('ability_level')]) : '';
    const kpOk = kp.every((k) => out.format(row, 'knowledge_point', k, R.knowledgePoint, 'TEXT_FORMAT'));
    const abilityOk =
      ability === '' || out.format(row, 'ability_level', ability, R.abilityLevel, 'TEXT_FORMAT');
    if (!kpOk || !abilityOk) continue;
    items.push({
      id,
      maxScore: max,
      type,
      knowledgePoints: kp,
      abilityLevel: ability === '' ? null : ability,
    });
  }
  if (items.length === 0 && out.errors.length === 0)
    out.add(headRow, null, null, 'NO_ITEMS', '题目表中没有任何题目');
  return { items, errors: out.errors };
}

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

/** prior.csv's two columns (the first of each name; other columns are ignored), or null when one is missing. */
export function checkPriorHeader(header: Cell[]): { cId: number; cPrior: number } | null {
  const { index } = findColumns(header, ['student_id', 'prior_score']);
  const cId = index.get('student_id');
  const cPrior = index.get('prior_score');
  return cId === undefined || cPrior === undefined ? null : { cId, cPrior };
}

/**
 * prior.csv: `student_id,prior_score`. A blank prior score means "no prior" (the student is left out of the
 * value-added model); a student twice is an error. Prior scores may be any finite number (scale scores, z-scores).
 */
export function readPriorSheet(sheet: SheetCells): { prior: Map<string, number>; errors: ExamInputError[] } {
  const out = new Collector('prior');
  const prior = new Map<string, number>();
  const h = headerIndex(sheet.records);
  if (h < 0) {
    out.add(1, null, null, 'EMPTY_FILE', '前测成绩表是空的：第一行应为表头 student_id,prior_score');
    return { prior, errors: out.errors };
  }
  const header = sheet.records[h] ?? [];
  const headRow = rowNumber(sheet, h);
  const cols = findColumns(header, ['student_id', 'prior_score']);
  for (const need of ['student_id', 'prior_score']) {
    if (!cols.index.has(need)) out.add(headRow, need, null, 'MISSING_COLUMN', `前测成绩表缺少列 ${need}`);
  }
  if (out.errors.length) return { prior, errors: out.errors };
  const cId = cols.index.get('student_id') ?? 0;
  const cP = cols.index.get('prior_score') ?? 1;
  const seen = new Map<string, number>();
  for (let i = h + 1; i < sheet.records.length; i++) {
    const rec = sheet.records[i] ?? [];
    if (!rec.some((c) => !isBlank(c))) continue;
    const row = rowNumber(sheet, i);
    const id = cellText(rec[cId]);
    if (id === '') {
      out.add(row, 'student_id', null, 'REQUIRED', `第 ${row} 行：考号 student_id 不能为空`);
      continue;
    }
    if (!out.format(row, 'student_id', id, R.studentId, 'STUDENT_ID_FORMAT')) continue;
    const prev = seen.get(id);
    if (prev !== undefined) {
      out.add(row, 'student_id', id, 'DUPLICATE_STUDENT', `第 ${row} 行：考号 ${id} 与第 ${prev} 行重复`);
      continue;
    }
    seen.set(id, row);
    const raw = rec[cP];
    if (isBlank(raw)) continue;
    const v = parseDecimal(raw);
    if (Number.isNaN(v)) {
      out.add(
        row,
        'prior_score',
        raw,
        'NOT_A_NUMBER',
        `第 ${row} 行：前测成绩「${shownValue(cellText(raw))}」不是数字`,
      );
      continue;
    }
    prior.set(id, v);
  }
  return { prior, errors: out.errors };
}
