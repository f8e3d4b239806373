/**
 * Cells of the exam files as read (CSV text or Excel values): headers and their aliases, blanks, 缺考 markers,
 * decimal numbers as people type them, and the collector of input errors (file, row, column, value, rule).
 */
import { type IdentifierRule, identifierMessage, identifierProblem, shownValue } from '../identifiers';
import type { Cell, ExamInputError, ExamInputRule } from './model';

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

export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  return typeof c === 'number' ? String(c) : c.trim();
}

export function isBlank(c: Cell): boolean {
  return c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
}

export function isAbsentMarker(c: Cell): boolean {
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

export function findColumns(
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

export class Collector {
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

export function rowNumber(sheet: SheetCells, i: number): number {
  return sheet.rowNumbers ? (sheet.rowNumbers[i] ?? i + 1) : i + 1;
}

/** The first record that is not blank is the header; returns its index or -1. */
export function headerIndex(records: Cell[][]): number {
  return records.findIndex((r) => r.some((c) => !isBlank(c)));
}
