/**
 * The columns of another platform's 学时 file and one row of it read into a record, or the problems that keep it
 * from being one (which row, column, value, rule; in Chinese). Pure: no database; the verdict against the ledger
 * is classify.ts's.
 */
import type { HourCategoryCode } from '@yanxun/contracts';
import {
  cleanText,
  HOUR_CATEGORIES,
  HOUR_CATEGORY_LABELS,
  normalizeHeader,
  parseDateCell,
  parseIdNumber,
} from '@yanxun/core';
import { AppError } from '../../../shared/app-error';
import type { SheetCell } from '../../../shared/sheets/xlsx';

export type ColumnKey =
  | 'idNumber'
  | 'name'
  | 'recordId'
  | 'title'
  | 'category'
  | 'hours'
  | 'startDate'
  | 'endDate';

/** Each column with its header and the headers other platforms export it under. */
export const EXTERNAL_COLUMNS: Array<{ key: ColumnKey; header: string; aliases: string[] }> = [
  { key: 'idNumber', header: '身份证号', aliases: ['身份证号码', '证件号码', '证件号'] },
  { key: 'name', header: '姓名', aliases: ['教师姓名', '学员姓名'] },
  { key: 'recordId', header: '记录编号', aliases: ['记录id', '学时记录编号', '来源记录编号', '编号', 'id'] },
  { key: 'title', header: '课程名称', aliases: ['培训名称', '项目名称', '课程'] },
  { key: 'category', header: '类别', aliases: ['学时类别', '培训类别', '培训形式'] },
  { key: 'hours', header: '学时', aliases: ['学时数', '获得学时', '认定学时'] },
  { key: 'startDate', header: '开始日期', aliases: ['开始时间', '起始日期'] },
  { key: 'endDate', header: '结束日期', aliases: ['结束时间', '完成日期', '截止日期'] },
];

/** Category names other platforms use, beside core's own labels and codes (our mapping, extend as met). */
const CATEGORY_ALIASES: Record<string, HourCategoryCode> = {
  网络培训: 'online',
  线上培训: 'online',
  在线学习: 'online',
  远程培训: 'online',
  面授培训: 'centralized',
  集中面授: 'centralized',
  跟岗实践: 'practice',
  返岗实践: 'practice',
  校本培训: 'school_based',
  自主学习: 'self_study',
};

/** A record of the file, read and checked on its own. */
export interface ExternalRecord {
  row: number;
  idNumber: string;
  name: string;
  recordId: string;
  title: string;
  category: HourCategoryCode;
  amountTenths: number;
  startDate: string;
  endDate: string;
  /** calendar days from start to end, both counted */
  days: number;
}

export interface RowProblem {
  column: string;
  value: string;
  rule: string;
  message: string;
  /** A conflict or change by its code and values (the web words it); a cell's problem is worded by `rule`. */
  code?: string;
  values?: Record<string, string | number>;
}

export type ParsedRow =
  | { ok: true; record: ExternalRecord }
  | { ok: false; row: number; recordId: string; name: string; title: string; problems: RowProblem[] };

/** Where each column is in the file, from its header row; a missing column stops the dry run (HEADER_MISMATCH). */
export function matchHeader(cells: SheetCell[]): Record<ColumnKey, number> {
  const keys = cells.map((c) => normalizeHeader(c));
  const out: Partial<Record<ColumnKey, number>> = {};
  const missing: string[] = [];
  for (const c of EXTERNAL_COLUMNS) {
    const names = [c.header, ...c.aliases].map((n) => normalizeHeader(n));
    const i = keys.findIndex((k) => names.includes(k));
    if (i < 0) missing.push(c.header);
    else out[c.key] = i;
  }
  if (missing.length > 0)
    throw new AppError('HEADER_MISMATCH', `表头缺少列：${missing.join('、')}`, {
      missing,
      expected: EXTERNAL_COLUMNS.map((c) => c.header),
    });
  return out as Record<ColumnKey, number>;
}

const DAY_MS = 86_400_000;
/** Days from a to b, both counted (2026-10-01 … 2026-10-03 → 3). */
export function spanDays(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS) + 1;
}

function categoryOf(text: string): HourCategoryCode | undefined {
  const t = text.replace(/\s+/g, '');
  const byLabel = HOUR_CATEGORIES.find((c) => HOUR_CATEGORY_LABELS[c] === t || c === t.toLowerCase());
  return byLabel ?? CATEGORY_ALIASES[t];
}

/** Hours as tenths: a number with at most one decimal (negative and zero pass here: classify queues them). */
function tenthsOf(text: string): number | undefined {
  if (!/^-?\d{1,6}(\.\d)?$/.test(text)) return undefined;
  return Math.round(Number(text) * 10);
}

/** One data row → a record, or its problems. `today` bounds the dates (no future record). */
export function parseRow(
  row: number,
  cells: SheetCell[],
  at: Record<ColumnKey, number>,
  today: string,
): ParsedRow {
  const text = (k: ColumnKey) => cleanText(cells[at[k]] ?? '');
  const problems: RowProblem[] = [];
  const header = (k: ColumnKey) => EXTERNAL_COLUMNS.find((c) => c.key === k)?.header ?? k;
  const problem = (k: ColumnKey, rule: string, message: string) =>
    problems.push({ column: header(k), value: text(k), rule, message });
  for (const k of [
    'idNumber',
    'name',
    'recordId',
    'title',
    'category',
    'hours',
    'startDate',
    'endDate',
  ] as const)
    if (text(k) === '') problem(k, 'REQUIRED', `${header(k)}为空`);
  const name = text('name');
  const recordId = text('recordId');
  const title = text('title');
  let idNumber = '';
  if (text('idNumber') !== '') {
    const id = parseIdNumber(text('idNumber'), { today });
    if (id.ok) idNumber = id.value.idNumber;
    else problem('idNumber', id.rule, id.message);
  }
  if (recordId.length > 100) problem('recordId', 'EXT.RECORD_ID', '记录编号超过 100 个字符');
  if (title.length > 200) problem('title', 'EXT.TITLE', '课程名称超过 200 个字符');
  const category = text('category') === '' ? undefined : categoryOf(text('category'));
  if (text('category') !== '' && !category)
    problem(
      'category',
      'EXT.CATEGORY',
      `无法识别的类别“${text('category')}”：应为 ${HOUR_CATEGORIES.map((c) => HOUR_CATEGORY_LABELS[c]).join('、')} 之一`,
    );
  const amount = text('hours') === '' ? undefined : tenthsOf(text('hours'));
  if (text('hours') !== '' && amount === undefined)
    problem('hours', 'EXT.HOURS_FORMAT', `学时“${text('hours')}”不是数字（最多一位小数）`);
  const dateOf = (k: 'startDate' | 'endDate') => {
    if (text(k) === '') return undefined;
    const d = parseDateCell(cells[at[k]]);
    if (!d) problem(k, 'DATE.INVALID', `${header(k)}“${text(k)}”不是有效日期`);
    else if (d > today) problem(k, 'EXT.DATE_FUTURE', `${header(k)} ${d} 晚于今天`);
    return d;
  };
  const startDate = dateOf('startDate');
  const endDate = dateOf('endDate');
  if (startDate && endDate && startDate > endDate)
    problem('endDate', 'EXT.DATE_ORDER', `结束日期 ${endDate} 早于开始日期 ${startDate}`);
  const days = startDate && endDate ? spanDays(startDate, endDate) : 0;
  if (days > 366) problem('endDate', 'EXT.DATE_SPAN', `起止日期跨 ${days} 天，超过一年`);
  if (problems.length > 0 || !category || amount === undefined || !startDate || !endDate)
    return { ok: false, row, recordId, name, title, problems };
  return {
    ok: true,
    record: {
      row,
      idNumber,
      name,
      recordId,
      title,
      category,
      amountTenths: amount,
      startDate,
      endDate,
      days,
    },
  };
}

/** What identifies a version of a record: a change in any of these is a changed record. */
export function fingerprintOf(
  r: Pick<ExternalRecord, 'amountTenths' | 'category' | 'startDate' | 'endDate'>,
): string {
  return `${r.amountTenths}|${r.category}|${r.startDate}|${r.endDate}`;
}

/** The ledger's credit key of a record of a source system (per teacher in the ledger's unique key). */
export function importCreditKey(system: string, recordId: string): string {
  return `import:${system}:${recordId}`;
}
