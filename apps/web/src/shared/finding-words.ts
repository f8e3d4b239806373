/**
 * A finding of core's community checks in words, from its code and values (strings in
 * i18n-reasons-findings.ts), so en-US reads it in English; the zh-CN templates say what core says. The rule ID
 * stays in the ⓘ. A finding without a code (kept before codes were sent), a code not worded here or a value
 * missing keeps the server's text. Member and school names are data.
 */
import { COMMUNITY_KINDS, COMMUNITY_LEVELS } from '@yanxun/contracts';
import { schoolYearLabel, schoolYearListLabel } from './figures';
import type { I18n, MessageKey } from './i18n';

type T = I18n['t'];

/** What the pages receive: communities', pairings', school-based research's and the training budget's findings. */
export interface FindingFacts {
  code?: string | undefined;
  message: string;
  values: Record<string, unknown>;
}

type Values = Record<string, unknown>;
type Words = (t: T, v: Values) => string | undefined;

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const strs = (v: unknown) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;

/** The reader's language (its dictionary says it), for the one writer of school years (figures.ts). */
const langOf = (t: T) => (t('finding.locale') === 'en-US' ? 'en-US' : 'zh-CN');

/** A school year as core writes it in the reader's language: '2026—2027 学年' (en-US '2026–2027'). */
function year(t: T, v: unknown): string | undefined {
  const y = str(v);
  return y === undefined ? undefined : schoolYearLabel(y, langOf(t));
}

/** core's percent: 0.2 → 20%, 0.875 → 87.5%. */
function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** core's percentCut: cut (not rounded) to two decimals. */
function percentCut(share: number): string {
  return `${Math.floor(share * 10000 + 1e-7) / 100}%`;
}

function money(t: T, fen: number): string {
  const trim = (x: number) => String(Math.round(x * 100) / 100);
  return Math.abs(fen) >= 1_000_000
    ? t('finding.wan', { n: trim(fen / 1_000_000) })
    : t('finding.yuan', { n: trim(fen / 100) });
}

const hours = (t: T, tenths: number) => t('finding.hours', { n: tenths / 10 });

/** Every value a template needs, as numbers or strings, or undefined when one is missing. */
function all(v: Values, keys: string[]): Record<string, string | number> | undefined {
  const out: Record<string, string | number> = {};
  for (const k of keys) {
    const x = v[k];
    if (typeof x !== 'number' && typeof x !== 'string') return undefined;
    out[k] = x;
  }
  return out;
}

const plain =
  (key: MessageKey, keys: string[]): Words =>
  (t, v) => {
    const p = all(v, keys);
    return p && t(key, p);
  };

const LEVELS: readonly string[] = COMMUNITY_LEVELS;
const KINDS: readonly string[] = COMMUNITY_KINDS;

function studioName(t: T, studio: unknown): string | undefined {
  if (studio === 'county_studio') return t('finding.studio.county_studio');
  return typeof studio === 'string' && KINDS.includes(studio)
    ? t(`comm.kind.${studio}` as MessageKey)
    : undefined;
}

const level = (t: T, x: unknown) =>
  typeof x === 'string' && LEVELS.includes(x) ? t(`comm.level.${x}` as MessageKey) : undefined;
const kind = (t: T, x: unknown) =>
  typeof x === 'string' && KINDS.includes(x) ? t(`comm.kind.${x}` as MessageKey) : undefined;

const WORDS: Record<string, Words> = {
  'COMM.SCHOOL_UNKNOWN': (t, v) => {
    const members = strs(v.members);
    return members && t('finding.COMM.SCHOOL_UNKNOWN', { members: members.join(t('finding.list')) });
  },
  'COMM.WORKSHOP_CORE': plain('finding.COMM.WORKSHOP_CORE', ['core', 'min', 'max']),
  'COMM.WORKSHOP_FORMAL': (t, v) => {
    const p = all(v, ['formal', 'min', 'max']);
    return (
      p &&
      t(v.base === 'team' ? 'finding.COMM.WORKSHOP_FORMAL.team' : 'finding.COMM.WORKSHOP_FORMAL.others', p)
    );
  },
  'COMM.CORE_AREAS': plain('finding.COMM.CORE_AREAS', ['areas', 'min']),
  'COMM.HOST_UNIT_SHARE': (t, v) => {
    const [n, base, share, allowed] = [num(v.hostUnitCore), num(v.base), num(v.share), num(v.allowed)];
    if (n === undefined || base === undefined || share === undefined || allowed === undefined)
      return undefined;
    const key =
      v.baseKind === 'team' ? 'finding.COMM.HOST_UNIT_SHARE.team' : 'finding.COMM.HOST_UNIT_SHARE.core';
    return t(key, { n, base, share: percent(share), allowed });
  },
  'COMM.MEMBER_AREAS': plain('finding.COMM.MEMBER_AREAS', ['areas', 'min']),
  'COMM.STUDIO_HOSTS': (t, v) => {
    const studio = studioName(t, v.studio);
    const p = all(v, ['required', 'hosts']);
    return studio && p && t('finding.COMM.STUDIO_HOSTS', { ...p, studio });
  },
  'COMM.STUDIO_MEMBERS': (t, v) => {
    const studio = studioName(t, v.studio);
    const p = all(v, ['min', 'max', 'core']);
    if (!studio || !p) return undefined;
    const key = p.min === p.max ? 'finding.COMM.STUDIO_MEMBERS.exact' : 'finding.COMM.STUDIO_MEMBERS.range';
    return t(key, { ...p, studio });
  },
  'COMM.STUDIO_MENTEES': (t, v) => {
    const studio = studioName(t, v.studio);
    const mentees = num(v.mentees);
    if (!studio || mentees === undefined) return undefined;
    const max = num(v.max) ?? t('finding.unlimited');
    return t('finding.COMM.STUDIO_MENTEES', { studio, mentees, min: num(v.min) ?? 0, max });
  },
  'COMM.STUDIO_REACH': (t, v) => {
    const p = all(v, ['teachersLed', 'min']);
    return p && t('finding.COMM.STUDIO_REACH', { n: p.teachersLed ?? '', min: p.min ?? '' });
  },
  'COMM.PAIRED_SCHOOLS': (t, v) => {
    const p = all(v, ['paired', 'min', 'max']);
    if (!p || (v.unit !== 'dev_school' && v.unit !== 'demo_school')) return undefined;
    return t(`finding.COMM.PAIRED_SCHOOLS.${v.unit}`, p);
  },
  'COMM.TWO_WAY_PAIR': (t, v) => {
    const words = {
      requiredStudioLevel: level(t, v.requiredStudioLevel),
      requiredWorkshopLevel: level(t, v.requiredWorkshopLevel),
      studioLevel: level(t, v.studioLevel),
      studioKind: kind(t, v.studioKind),
      workshopLevel: level(t, v.workshopLevel),
      workshopKind: kind(t, v.workshopKind),
    };
    const p = all(words, Object.keys(words));
    return p && t('finding.COMM.TWO_WAY_PAIR', p);
  },
  'COMM.SESSION_OUTSIDE_YEAR': (t, v) => {
    const schoolYear = year(t, v.schoolYear);
    const p = schoolYear && all({ ...v, schoolYear }, ['position', 'date', 'schoolYear']);
    return p && t('finding.COMM.SESSION_OUTSIDE_YEAR', p);
  },
  'COMM.MONTHS_SHORT': (t, v) => {
    const months = strs(v.months);
    const min = num(v.perMonthMin);
    if (!months || min === undefined) return undefined;
    const names = months.map((m) => t('finding.month', { y: m.slice(0, 4), m: Number(m.slice(5)) }));
    return t('finding.COMM.MONTHS_SHORT', { min, months: names.join(t('finding.list')) });
  },
  'COMM.SESSIONS': plain('finding.COMM.SESSIONS', ['sessions', 'min']),
  'COMM.SESSION_CONTENT': plain('finding.COMM.SESSION_CONTENT', [
    'position',
    'date',
    'liveLessons',
    'discussions',
    'liveLessonsMin',
    'liveLessonsMax',
    'discussionsMin',
  ]),
  'COMM.READING_FORUMS': plain('finding.COMM.READING_FORUMS', ['min', 'forums']),
  'COMM.HOST_ROTATION': (t, v) => {
    const ids = strs(v.schoolIds);
    return ids && t('finding.COMM.HOST_ROTATION', { n: ids.length });
  },
  'COMM.HOSTED_OUTSIDE': (t, v) => {
    const ids = strs(v.sessions);
    return ids && t('finding.COMM.HOSTED_OUTSIDE', { n: ids.length });
  },
  'COMM.REGISTRATION_EXPIRED': plain('finding.COMM.REGISTRATION_EXPIRED', ['years', 'validUntil']),
  'COMM.ADJUSTMENT_OUTSIDE': (t, v) => {
    const on = str(v.on);
    const years = strs(v.schoolYears);
    return (
      on &&
      years &&
      t('finding.COMM.ADJUSTMENT_OUTSIDE', { on, schoolYears: schoolYearListLabel(years, langOf(t)) })
    );
  },
  'COMM.ADJUSTMENTS': (t, v) => {
    const schoolYear = year(t, v.schoolYear);
    const p = schoolYear && all({ ...v, schoolYear }, ['schoolYear', 'adjustments', 'max']);
    return p && t('finding.COMM.ADJUSTMENTS', p);
  },
  'COMM.HOURS_INVALID': (t, v) => {
    const days = num(v.days);
    if (days === undefined) return undefined;
    const tenths = num(v.hoursTenths);
    return t('finding.COMM.HOURS_INVALID', { days, hours: tenths === undefined ? '—' : tenths / 10 });
  },
  'COMM.HOURS_DAY_CAP': (t, v) => {
    const p = all(v, ['days', 'dayCapTenths', 'claimedTenths', 'dayLimitTenths']);
    if (!p) return undefined;
    const [cap, claimed, limit] = [Number(p.dayCapTenths), Number(p.claimedTenths), Number(p.dayLimitTenths)];
    const counted = Math.min(claimed, limit);
    return t('finding.COMM.HOURS_DAY_CAP', {
      cap: hours(t, cap),
      days: p.days ?? '',
      limit: hours(t, limit),
      over: hours(t, claimed - counted),
    });
  },
  'COMM.HOURS_YEAR_CAP': (t, v) => {
    const [cap, before, counted] = [num(v.yearCapTenths), num(v.beforeTenths), num(v.wouldCountTenths)];
    if (cap === undefined || before === undefined || counted === undefined) return undefined;
    const room = Math.max(0, cap - before);
    return t('finding.COMM.HOURS_YEAR_CAP', {
      cap: hours(t, cap),
      before: hours(t, before),
      counted: hours(t, counted),
      room: hours(t, room),
      rest: hours(t, counted - room),
    });
  },
  'COMM.REVIEW_HELD': plain('finding.COMM.REVIEW_HELD', ['planned', 'held']),
  'COMM.REVIEW_ATTENDANCE': (t, v) => {
    const [a, e, min] = [num(v.attendances), num(v.expected), num(v.min)];
    if (a === undefined || !e || min === undefined) return undefined;
    return t('finding.COMM.REVIEW_ATTENDANCE', { rate: percent(a / e), min: percent(min) });
  },
  'COMM.REVIEW_NO_OUTPUTS': plain('finding.COMM.REVIEW_NO_OUTPUTS', ['held']),
  'COMM.REVIEWS_MISSING': (t, v) => {
    const months = strs(v.months);
    return (
      months &&
      t('finding.COMM.REVIEWS_MISSING', { n: months.length, months: months.join(t('finding.list')) })
    );
  },
  'COMM.SCHOOL_PLAN_LATE': (t, v) => {
    const lastDay = str(v.lastDay);
    if (!lastDay) return undefined;
    const submittedOn = str(v.submittedOn);
    if (v.submittedOn === null) return t('finding.COMM.SCHOOL_PLAN_LATE.missing', { lastDay });
    return submittedOn && t('finding.COMM.SCHOOL_PLAN_LATE.late', { lastDay, submittedOn });
  },
  'COMM.BUDGET_SHARE': (t, v) => {
    const [budget, share, min] = [num(v.budgetFen), num(v.share), num(v.min)];
    if (budget === undefined || share === undefined || min === undefined) return undefined;
    return t('finding.COMM.BUDGET_SHARE', {
      budget: money(t, budget),
      share: percentCut(share),
      min: percentCut(min),
    });
  },
  'COMM.BUDGET_USE': (t, v) => {
    const [used, min] = [num(v.usedFen), num(v.min)];
    if (used === undefined || min === undefined) return undefined;
    const share = num(v.share) ?? 0;
    return t('finding.COMM.BUDGET_USE', {
      used: money(t, used),
      share: percentCut(share),
      min: percentCut(min),
    });
  },
};

/** The finding in words; the server's sentence for what is not worded here. */
export function findingSentence(t: T, f: FindingFacts): string {
  const words = f.code ? WORDS[f.code] : undefined;
  const sentence = words?.(t, f.values);
  if (sentence === undefined) return f.message;
  const member = str(f.values.movedMember);
  const school = str(f.values.toSchool);
  if (member === undefined) return sentence;
  return school === undefined ? f.message : t('finding.moved', { member, school, sentence });
}
