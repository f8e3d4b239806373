/**
 * A finding of core's checkRubric in words, from its code and values (strings in
 * shared/i18n-reasons-evaluation.ts), so en-US reads the rubric's validation in English; the zh-CN templates say
 * what core says. Indicator titles, merged-cell titles and IDs are the rubric's own. A code not worded here, or a
 * value missing, keeps core's text.
 */
import type { RubricFindingBody } from '@yanxun/contracts';
import type { I18n, MessageKey } from '../../../shared/i18n';

type T = I18n['t'];

/** core's fmt: no trailing ".0", at most two decimals. */
function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}

/** The values a template needs, numbers printed as core prints them, or undefined when one is missing. */
function pick(
  v: Record<string, unknown>,
  keys: string[],
  raw: string[] = [],
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const x = v[k];
    if (typeof x === 'number') out[k] = raw.includes(k) ? String(x) : fmt(x);
    else if (typeof x === 'string') out[k] = x;
    else return undefined;
  }
  return out;
}

const KEYS: Record<string, string[]> = {
  DUPLICATE_ID: ['id'],
  DEDUCTION_WITHOUT_FLOOR: ['label'],
  SECTION_SUM_MISMATCH: ['label', 'declared', 'sum'],
  GROUP_EMPTY: ['groupTitle'],
  GROUP_SPLIT: ['groupTitle'],
  GROUP_ITEM_POINTS: ['label', 'groupTitle'],
  DEDUCTION_TWICE: ['label'],
  GROUP_UNKNOWN: ['label', 'group'],
  ITEM_UNSCORED: ['label'],
  DECLARED_TOTAL_MISMATCH: ['declaredTotal', 'sectionSum'],
  TOTAL_MISMATCH: ['itemTotal', 'declared'],
  BANDS: [],
};

function sentence(t: T, f: RubricFindingBody): string | undefined {
  const v = f.values;
  if (f.code === 'NEGATIVE_POINTS' || f.code === 'POINTS_PRECISION') {
    const raw = f.code === 'POINTS_PRECISION' ? ['points'] : [];
    if (f.code === 'NEGATIVE_POINTS' && v.label === undefined) {
      const p = pick(v, ['groupTitle', 'points']);
      return p && t('rubricCheck.NEGATIVE_POINTS.group', p);
    }
    const p = pick(v, ['label', 'points'], raw);
    if (!p || (v.of !== 'points' && v.of !== 'deduction')) return undefined;
    return t(`rubricCheck.${f.code}`, { ...p, of: t(`rubricCheck.of.${v.of}`) });
  }
  if (f.code === 'EMPTY_INDICATOR') {
    if (v.label === undefined) {
      const p = pick(v, ['node']);
      return p && t('rubricCheck.EMPTY_INDICATOR.untitled', p);
    }
    const p = pick(v, ['label']);
    return p && t('rubricCheck.EMPTY_INDICATOR', p);
  }
  const keys = KEYS[f.code];
  if (!keys) return undefined;
  const p = pick(v, keys);
  return p && t(`rubricCheck.${f.code}` as MessageKey, p);
}

/** The finding in words; core's sentence for what is not worded here. */
export function rubricFindingSentence(t: T, f: RubricFindingBody): string {
  return sentence(t, f) ?? f.message;
}
