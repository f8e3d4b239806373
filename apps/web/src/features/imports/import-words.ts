/**
 * An import row error in the user's language: zh-CN shows the server's column and sentence as they are; en-US the
 * column's English header and the particulars of the rule code from the cell's value (shared/i18n-reasons-
 * imports.ts). A code the web does not know keeps the server's sentence.
 */
import { headerEnOf } from '@yanxun/contracts';
import type { Lang } from '../../shared/i18n';
import {
  EXTERNAL_HEADERS_EN,
  EXTERNAL_PARTICULARS_EN,
  ROW_PARTICULARS_EN,
} from '../../shared/i18n-reasons-imports';

export interface RowProblemFacts {
  column: string;
  value: string;
  rule: string;
  message: string;
}

/** The column's name: its English header in en-US (teacher, school and 学时 imports), else as the server sent it. */
export function importColumnWords(lang: Lang, column: string): string {
  if (lang === 'zh-CN') return column;
  return headerEnOf(column) ?? EXTERNAL_HEADERS_EN[column] ?? column;
}

/** What is wrong with the cell, in words. */
export function importProblemWords(lang: Lang, p: RowProblemFacts): string {
  if (lang === 'zh-CN') return p.message;
  const template = Object.hasOwn(ROW_PARTICULARS_EN, p.rule)
    ? ROW_PARTICULARS_EN[p.rule as keyof typeof ROW_PARTICULARS_EN]
    : EXTERNAL_PARTICULARS_EN[p.rule];
  if (!template) return p.message;
  const column = importColumnWords(lang, p.column);
  return template.replace('{column}', column).replace('{value}', p.value);
}
