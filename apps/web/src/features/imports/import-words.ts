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
  QUEUE_KIND_PARTICULARS_EN,
  ROW_PARTICULARS_EN,
} from '../../shared/i18n-reasons-imports';

export interface RowProblemFacts {
  column: string;
  value: string;
  rule: string;
  message: string;
  code?: string | undefined;
  values?: Record<string, string | number> | undefined;
}

/** The template with its parameters; undefined when one it names is missing. */
function filled(template: string, params: Record<string, string | number>): string | undefined {
  let missing = false;
  const s = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) missing = true;
    return String(v ?? '');
  });
  return missing ? undefined : s;
}

/** The column's name: its English header in en-US (teacher, school and 学时 imports), else as the server sent it. */
export function importColumnWords(lang: Lang, column: string): string {
  if (lang === 'zh-CN') return column;
  return headerEnOf(column) ?? EXTERNAL_HEADERS_EN[column] ?? column;
}

/** What is wrong with the cell, in words. */
export function importProblemWords(lang: Lang, p: RowProblemFacts): string {
  if (lang === 'zh-CN') return p.message;
  const column = importColumnWords(lang, p.column);
  if (p.code !== undefined) {
    const template = EXTERNAL_PARTICULARS_EN[p.code];
    return (template && filled(template, { column, value: p.value, ...p.values })) ?? p.message;
  }
  const template = Object.hasOwn(ROW_PARTICULARS_EN, p.rule)
    ? ROW_PARTICULARS_EN[p.rule as keyof typeof ROW_PARTICULARS_EN]
    : EXTERNAL_PARTICULARS_EN[p.rule];
  return (template && filled(template, { column, value: p.value })) ?? p.message;
}

/** Why a record waits in the 学时 review queue, by its kind and its own fields. */
export function queueItemWords(
  lang: Lang,
  q: { kind: string; message: string; name: string; hoursTenths: number; startDate: string; endDate: string },
): string {
  if (lang === 'zh-CN') return q.message;
  const template = QUEUE_KIND_PARTICULARS_EN[q.kind];
  const params = { name: q.name, hours: q.hoursTenths / 10, startDate: q.startDate, endDate: q.endDate };
  return (template && filled(template, params)) ?? q.message;
}
