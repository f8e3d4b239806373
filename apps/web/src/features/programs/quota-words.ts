/**
 * Refusals of the quota features in words (strings in shared/i18n-reasons-quota.ts): the server sends
 * `details.reasonCode` and `details.reasonValues` beside its Chinese sentence, and each problem of a list its
 * `code` and `values`. A code the web does not know, or a value missing from the sentence, keeps the server's text.
 */
import { type EligibilityCheckBody, QUOTA_REASON_CODES, SHORTLIST_ACTIONS } from '@yanxun/contracts';
import type { I18n, MessageKey, Params } from '../../shared/i18n';
import { checkLabel } from './eligibility-words';

type T = I18n['t'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isQuotaCode = (c: unknown): c is string =>
  typeof c === 'string' && (QUOTA_REASON_CODES as readonly string[]).includes(c);

/** The values as the sentence shows them: lists joined in the user's language, the action in words. */
function paramsOf(t: T, values: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(values)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    if (k === 'ids' && typeof v === 'string') out[k] = v.split('、').join(t('reason.elig.list'));
    else if (k === 'what' && (SHORTLIST_ACTIONS as readonly unknown[]).includes(v))
      out[k] = t(`quota.what.${v}` as MessageKey);
    else out[k] = v;
  }
  return out;
}

/** The sentence of a code with its values, or undefined when a value it names is missing. */
function said(t: T, code: string, params: Params, as: 'says' | 'problem' = 'says'): string | undefined {
  const s = t(`quota.${as}.${code}` as MessageKey, params);
  return /\{\w+\}/.test(s) ? undefined : s;
}

/** One problem of a refusal's list (名额 allocation, 差额遴选 result) in words; its own text otherwise. */
export function quotaProblemSentence(t: T, p: { code?: unknown; values?: unknown; message: string }): string {
  if (!isQuotaCode(p.code) || !isRecord(p.values)) return p.message;
  // over the quota, a problem says the numbers without the title's "名额超出："
  const as = p.code === 'QUOTA.OVER_ALLOCATED' ? 'problem' : 'says';
  return said(t, p.code, paramsOf(t, p.values), as) ?? p.message;
}

/** The failed conditions' names, by their codes, from the eligibility result the refusal carries. */
function failedLabels(t: T, eligibility: unknown): string | undefined {
  if (!isRecord(eligibility) || !Array.isArray(eligibility.checks)) return undefined;
  const failed = (eligibility.checks as EligibilityCheckBody[]).filter((c) => isRecord(c) && !c.passed);
  return failed.length > 0 ? failed.map((c) => checkLabel(t, c)).join(t('reason.elig.list')) : undefined;
}

/** A quota refusal's sentence from `details.reasonCode`; undefined when the error carries none this web knows. */
export function quotaReasonSentence(t: T, details: unknown): string | undefined {
  if (!isRecord(details) || !isQuotaCode(details.reasonCode)) return undefined;
  const code = details.reasonCode;
  const params = paramsOf(t, isRecord(details.reasonValues) ? details.reasonValues : {});
  if (code === 'NOMINATION.INELIGIBLE' || code === 'NOMINATION.NEEDS_OVERRIDE') {
    const labels = failedLabels(t, details.eligibility);
    if (labels) params.labels = labels;
  }
  if (code === 'SHORTLIST.PROBLEMS') {
    if (!Array.isArray(details.problems)) return undefined;
    params.list = details.problems
      .filter(isRecord)
      .map((p) => quotaProblemSentence(t, { ...p, message: String(p.message ?? '') }))
      .join(t('reason.elig.separator'));
  }
  return said(t, code, params);
}
