/** The prior scores: `student_id,prior_score`, for the value-added model. */
import { IDENTIFIER_RULES as R, shownValue } from '../identifiers';
import type { Cell, ExamInputError } from './model';
import {
  Collector,
  cellText,
  findColumns,
  headerIndex,
  isBlank,
  parseDecimal,
  rowNumber,
  type SheetCells,
} from './parse-cells';

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
