/**
 * A refused 学时 claim in words: zh-CN shows the server's sentence; en-US words each problem by its code and values
 * (Y-HOURS-CLAIM-TEXT, Y-HOURS-CLAIM-DATES, Y-HOURS-AMOUNT, Y-HOURS-CLAIM-DAY; strings in
 * shared/i18n-reasons-hours.ts). A problem without a code this web knows keeps the generic message of the error.
 */
import { isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import type { Lang } from '../../shared/i18n';
import { CLAIM_FIELDS_EN, CLAIM_PROBLEMS_EN } from '../../shared/i18n-reasons-hours';

const tenths = (v: unknown) => (typeof v === 'number' ? String(v / 10) : undefined);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One problem in English, or undefined when its code or a value is unknown. */
export function claimProblemEn(p: unknown): string | undefined {
  if (!isRecord(p) || typeof p.code !== 'string') return undefined;
  const template = CLAIM_PROBLEMS_EN[p.code];
  if (!template) return undefined;
  const v = isRecord(p.values) ? p.values : {};
  const field = typeof p.field === 'string' ? p.field : '';
  const params: Record<string, unknown> = {
    ...v,
    field: CLAIM_FIELDS_EN[field] ?? field,
    date: v[field],
    hours: tenths(v.hoursTenths),
    dayMax: tenths(v.dayMaxTenths),
    max: p.code === 'CLAIM.HOURS_OVER_CAP' ? tenths(v.maxTenths) : v.max,
  };
  let missing = false;
  const s = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const x = params[name];
    if (typeof x !== 'string' && typeof x !== 'number') missing = true;
    return String(x ?? '');
  });
  return missing ? undefined : s;
}

/** Why a claim was refused, in the user's language. */
export function claimRefusalWords(lang: Lang, error: unknown): string {
  if (!isApiError(error)) return errorMessage(error, lang);
  if (lang === 'zh-CN') return error.message;
  const problems = isRecord(error.details) ? error.details.problems : undefined;
  if (Array.isArray(problems) && problems.length > 0) {
    const words = problems.map(claimProblemEn);
    if (words.every((w) => w !== undefined)) return words.join('; ');
  }
  return errorMessage(error, lang);
}
