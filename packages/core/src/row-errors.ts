/**
 * What every import row check shares: the error list of one row (RowErrors, with the code-table lookups and the
 * messages naming the column's template header), the school-code check both kinds need, and turning a sheet row
 * into cells by column key.
 */
import { CODE_TABLES, type CodeOf, type CodeTableName, lookupCode } from './codes';
import { IDENTIFIER_RULES, shownValue } from './identifiers';
import { headerOf, type ImportKind, MULTI_VALUE_SEPARATOR } from './import-columns';
import { cellText, cleanText } from './normalize';
import type { RowRule } from './row-rules';

export interface RowError {
  /** Row number as the user sees it in the spreadsheet. */
  row: number;
  /** Chinese header of the column. */
  column: string;
  /** The raw cell as text. */
  value: string;
  /** The kind of problem, a code of ROW_RULE_TEXTS (row-rules.ts), which says it in words. */
  rule: RowRule;
  message: string;
}

export interface RowResult<T> {
  /** Present only when the row has no errors. */
  value?: T;
  errors: RowError[];
}

/** Names and place texts: lengths from the identifier table (identifiers.ts). */
export const NAME_MIN_LENGTH = IDENTIFIER_RULES.teacherName.min;
export const NAME_MAX_LENGTH = IDENTIFIER_RULES.teacherName.max;
export const SCHOOL_NAME_MIN_LENGTH = IDENTIFIER_RULES.schoolName.min;
export const SCHOOL_NAME_MAX_LENGTH = IDENTIFIER_RULES.schoolName.max;
export const FREE_TEXT_MAX_LENGTH = IDENTIFIER_RULES.placeName.max;

const UNKNOWN_CODE_RULES: Record<CodeTableName, RowRule> = {
  stages: 'CODE.UNKNOWN_STAGE',
  subjects: 'CODE.UNKNOWN_SUBJECT',
  titles: 'CODE.UNKNOWN_TITLE',
  backboneLevels: 'CODE.UNKNOWN_BACKBONE',
  roles: 'CODE.UNKNOWN_ROLE',
  schoolTypes: 'CODE.UNKNOWN_SCHOOL_TYPE',
  employmentStatuses: 'CODE.UNKNOWN_STATUS',
  locationTypes: 'CODE.UNKNOWN_LOCATION_TYPE',
  genders: 'CODE.UNKNOWN_GENDER',
};

const ALLOWED_LIST_MAX = 10;
const ALLOWED_LIST_SHOWN = 8;

/** The allowed names of a table, briefly: all of them, or the first few and the count. */
export function allowedValuesText(table: CodeTableName): string {
  const names = CODE_TABLES[table].map((e) => e.name);
  if (names.length <= ALLOWED_LIST_MAX) return names.join('、');
  return `${names.slice(0, ALLOWED_LIST_SHOWN).join('、')}等 ${names.length} 项`;
}

export class RowErrors<K extends string> {
  readonly errors: RowError[] = [];

  constructor(
    private readonly kind: ImportKind,
    private readonly row: number,
    private readonly cells: Record<string, unknown>,
  ) {}

  raw(key: K): unknown {
    return this.cells[key];
  }

  text(key: K): string {
    return cleanText(this.cells[key]);
  }

  add(key: K, rule: RowRule, message: string): void {
    this.errors.push({
      row: this.row,
      column: headerOf(this.kind, key),
      // as written, cut for display: a 5,000-character cell is not echoed whole
      value: shownValue(cellText(this.cells[key])),
      rule,
      message,
    });
  }

  /** The cell's text, or undefined after recording REQUIRED when it is empty. */
  required(key: K): string | undefined {
    const text = this.text(key);
    if (text === '') {
      this.add(key, 'REQUIRED', `${headerOf(this.kind, key)}为必填项`);
      return undefined;
    }
    return text;
  }

  code<T extends CodeTableName>(key: K, table: T, text: string): CodeOf<T> | undefined {
    const entry = lookupCode(table, text);
    if (!entry) {
      this.add(
        key,
        UNKNOWN_CODE_RULES[table],
        `${headerOf(this.kind, key)}"${shownValue(text)}"无法识别，应填：${allowedValuesText(table)}`,
      );
    }
    return entry?.code;
  }

  /** Several values separated by 、,，;； or a line break; each must be in the table. Duplicates collapse. */
  codes<T extends CodeTableName>(key: K, table: T, text: string): CodeOf<T>[] | undefined {
    const parts = text
      .split(MULTI_VALUE_SEPARATOR)
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const found: CodeOf<T>[] = [];
    const unknown: string[] = [];
    for (const part of parts) {
      const entry = lookupCode(table, part);
      if (!entry) unknown.push(part);
      else if (!found.includes(entry.code)) found.push(entry.code);
    }
    if (unknown.length > 0) {
      this.add(
        key,
        UNKNOWN_CODE_RULES[table],
        `${headerOf(this.kind, key)}中的"${shownValue(unknown.join('、'))}"无法识别，应填：${allowedValuesText(table)}（多个用顿号分隔）`,
      );
      return undefined;
    }
    return found;
  }
}

const SCHOOL_CODE = /^\d{10}$/;

/** Text of a code cell; a number (Excel turns 2144012345 into one) is written out in full. */
export function codeText(v: unknown): string {
  return typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : cleanText(v);
}

export function checkSchoolCode<K extends string>(r: RowErrors<K>, key: K): string | undefined {
  const text = r.required(key);
  if (text === undefined) return undefined;
  const code = codeText(r.raw(key));
  if (!SCHOOL_CODE.test(code)) {
    r.add(key, 'SCHOOL_CODE.FORMAT', `学校标识码应为 10 位数字，实为"${shownValue(text)}"`);
    return undefined;
  }
  return code;
}

export function lengthOf(s: string): number {
  return [...s].length;
}

export function optional(text: string): string | null {
  return text === '' ? null : text;
}

/** Turn a sheet row (cells by column index) into cells by column key, using matchHeaders' mapping. */
export function cellsByKey<K extends string>(
  mapping: Map<number, K>,
  rowValues: unknown[],
): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  for (const [index, key] of mapping) cells[key] = rowValues[index];
  return cells;
}

/** Whether every cell of a row is empty after cleaning (such rows are skipped, not reported). */
export function isBlankRow(values: unknown[] | Record<string, unknown>): boolean {
  return Object.values(values).every((v) => cleanText(v) === '');
}
