/**
 * The 学时 ledger in words (strings in shared/i18n-reasons-hours.ts): why part of an entry is not counted (DAY_CAP,
 * YEAR_CAP: R3-W16 and the pack's caps), where the cycle stands (Y-HOURS-CYCLE, Y-HOURS-ON-TRACK) and each
 * requirement (R3-S02, R-002-19), from the codes and values the server sends. A code or value the web does not
 * have keeps the server's text.
 */
import type { HourCategoryCode, HoursEntry, HoursRequirement, HoursStanding } from '@yanxun/contracts';
import { schoolYearLabel, schoolYearSpanLabel } from '../../shared/figures';
import type { I18n, Lang, MessageKey } from '../../shared/i18n';
import { hours } from './outcome-status-tag';

type T = I18n['t'];
type Reason = NonNullable<NonNullable<HoursEntry['notCounted']>['reasons']>[number];

const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function categoryWords(t: T, category: HourCategoryCode): string {
  return t(`hours.cat.${category}` as MessageKey);
}

function reasonSentence(t: T, lang: Lang, category: HourCategoryCode, r: Reason): string | undefined {
  const v = r.values;
  const cut = num(v.notCountedTenths);
  if (cut === undefined) return undefined;
  const label = categoryWords(t, category);
  if (r.code === 'DAY_CAP') {
    const [cap, limit, amount] = [v.dayCapTenths, v.limitTenths, v.amountTenths].map(num);
    if (cap === undefined || limit === undefined || amount === undefined || v.days === undefined)
      return undefined;
    return t('hoursSays.DAY_CAP', {
      category: label,
      cap: hours(cap),
      days: String(v.days),
      limit: hours(limit),
      amount: hours(amount),
      cut: hours(cut),
    });
  }
  if (r.code === 'YEAR_CAP') {
    const [cap, before] = [v.yearCapTenths, v.countedBeforeTenths].map(num);
    if (cap === undefined || before === undefined || typeof v.schoolYear !== 'string') return undefined;
    // what reached the year cap: the part cut plus what was left of the cap
    const allowed = cut + Math.max(0, cap - before);
    return t('hoursSays.YEAR_CAP', {
      category: label,
      cap: hours(cap),
      schoolYear: schoolYearLabel(v.schoolYear, lang),
      before: hours(before),
      allowed: hours(allowed),
      cut: hours(cut),
    });
  }
  return undefined;
}

/** Why part of an entry is not counted: every reason in words; the server's text when one is not known. */
export function notCountedSentence(t: T, lang: Lang, e: HoursEntry): string {
  const nc = e.notCounted;
  if (!nc) return '';
  if (!nc.reasons || nc.reasons.length === 0) return nc.message;
  const sentences = nc.reasons.map((r) => reasonSentence(t, lang, e.category, r));
  if (sentences.some((s) => s === undefined)) return nc.message;
  return sentences.join(t('hoursSays.join'));
}

/** Where the continuing-education cycle stands, in words. */
export function cycleSentence(t: T, lang: Lang, cycle: HoursStanding['cycle']): string {
  const elapsed = cycle.elapsedYears;
  if (elapsed === undefined) return cycle.message;
  const first = cycle.schoolYears[0];
  const last = cycle.schoolYears[cycle.schoolYears.length - 1];
  const span = first && last ? schoolYearSpanLabel(first, last, lang) : '';
  const left =
    cycle.behindTenths > 0
      ? t('hoursSays.cycle.left', { n: hours(cycle.behindTenths) })
      : t('hoursSays.cycle.done');
  const pace = cycle.onTrack
    ? t('hoursSays.cycle.onTrack')
    : t('hoursSays.cycle.behind', { n: hours(cycle.shortOfExpectedTenths) });
  const progress =
    elapsed === 0
      ? t('hoursSays.cycle.noneOver')
      : t('hoursSays.cycle.progress', { elapsed, expected: hours(cycle.expectedTenths), pace });
  return t('hoursSays.cycle', {
    span,
    target: hours(cycle.targetTenths),
    counted: hours(cycle.countedTenths),
    left,
    progress,
  });
}

/** A school year's requirement (a category's minimum, the yearly total) in words. */
export function requirementSentence(t: T, lang: Lang, r: HoursRequirement): string {
  if (r.schoolYear === null) return r.message;
  const shortfall =
    r.status === 'met' ? t('hoursSays.met') : t(`hoursSays.${r.status}`, { n: hours(r.behindTenths) });
  const common = {
    schoolYear: schoolYearLabel(r.schoolYear, lang),
    required: hours(r.requiredTenths),
    counted: hours(r.countedTenths),
    shortfall,
  };
  if (r.code === 'CATEGORY_YEAR_MIN' && r.category)
    return t('hoursSays.CATEGORY_YEAR_MIN', { ...common, category: categoryWords(t, r.category) });
  if (r.code === 'YEAR_MIN') {
    const group = r.groupName ? t('hoursSays.YEAR_MIN.group', { group: r.groupName }) : '';
    return t('hoursSays.YEAR_MIN', { ...common, group });
  }
  return r.message;
}
