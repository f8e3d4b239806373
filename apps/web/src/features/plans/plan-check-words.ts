/**
 * A check of a training plan in words, from its code and values (strings in shared/i18n-reasons-plans.ts), so
 * en-US reads it in English; the zh-CN templates say what core's checkPlan says. A code not worded here, or a
 * check stored without the values a sentence needs, keeps the server's text. Topic, module and mode names are the
 * pack's and the plan's own.
 */
import type { PlanCheckBody } from '@yanxun/contracts';
import type { I18n, MessageKey } from '../../shared/i18n';

type T = I18n['t'];
type Value = PlanCheckBody['values'][string] | undefined;

const num = (v: Value) => (typeof v === 'number' ? v : undefined);
const str = (v: Value) => (typeof v === 'string' ? v : undefined);
const list = (v: Value) => (Array.isArray(v) ? v : undefined);
const bool = (v: Value) => (typeof v === 'boolean' ? v : undefined);

function hours(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** The required total of a days or hours check, with its unit, or undefined without the values. */
function total(t: T, c: PlanCheckBody, which: 'required' | 'planned'): string | undefined {
  if (c.code === 'PLAN.CENTRALIZED_DAYS') {
    const n = num(c.values[which]);
    return n === undefined ? undefined : t('planCheck.days.n', { n });
  }
  const n = num(c.values[`${which}Tenths`]);
  return n === undefined ? undefined : t('planCheck.hours.n', { n: hours(n) });
}

const TOTALS = ['PLAN.CENTRALIZED_DAYS', 'PLAN.ONLINE_HOURS'];

/** What the check asks, by its code; the server's label otherwise. */
export function planCheckLabel(t: T, c: PlanCheckBody): string {
  const v = c.values;
  switch (c.code) {
    case 'PLAN.DEADLINE': {
      const deadline = str(v.deadline);
      return deadline === undefined ? c.label : t('planCheck.deadline.label', { deadline });
    }
    case 'PLAN.SEALED_PDF':
      return t('planCheck.sealedPdf.label');
    case 'PLAN.THEME':
      return t('planCheck.theme.label');
    case 'PLAN.MODULES':
      return t('planCheck.modules.label');
    case 'PLAN.COMPULSORY_TOPICS': {
      const n = num(v.required);
      return n === undefined ? c.label : t('planCheck.topics.label', { n });
    }
    case 'PLAN.PRACTICAL_SHARE': {
      const min = num(v.minPct);
      return min === undefined ? c.label : t('planCheck.share.label', { min });
    }
    case 'PLAN.CHIEF_EXPERT': {
      const n = num(v.required);
      return n === undefined ? c.label : t('planCheck.chief.label', { n });
    }
    case 'PLAN.CLASS_TEACHERS':
      return t('planCheck.classTeachers.label');
  }
  if (TOTALS.includes(c.code)) {
    const required = total(t, c, 'required');
    const minimum = bool(v.minimum);
    if (required === undefined || minimum === undefined) return c.label;
    const what = t(c.code === 'PLAN.CENTRALIZED_DAYS' ? 'planCheck.days.what' : 'planCheck.hours.what');
    return t(minimum ? 'planCheck.total.labelMin' : 'planCheck.total.labelExact', { what, required });
  }
  return c.label;
}

const MODULE_PROBLEMS = ['unknown_mode', 'untitled', 'no_days', 'no_hours'];

function modulesSentence(t: T, c: PlanCheckBody): string | undefined {
  const n = num(c.values.modules);
  if (n === undefined) return undefined;
  if (c.passed) return t('planCheck.modules.ok', { n });
  if (n === 0) return t('planCheck.modules.none');
  const kinds = list(c.values.problemKinds);
  const positions = list(c.values.problemPositions);
  const titles = list(c.values.problemTitles);
  const modes = list(c.values.problemModes);
  if (!kinds || !positions || !titles || !modes) return undefined;
  const problems: string[] = [];
  for (const [i, kind] of kinds.entries()) {
    if (!MODULE_PROBLEMS.includes(kind)) return undefined;
    const nth = t('planCheck.module.nth', { n: positions[i] ?? '' });
    const name = kind === 'untitled' ? nth : titles[i] || nth;
    problems.push(t(`planCheck.module.${kind}` as MessageKey, { name, mode: modes[i] ?? '' }));
  }
  return t('planCheck.modules.bad', {
    n: problems.length,
    problems: problems.join(t('planCheck.separator')),
  });
}

function topicsSentence(t: T, c: PlanCheckBody): string | undefined {
  const n = num(c.values.required);
  const missing = list(c.values.missing);
  const notAsync = list(c.values.notAsyncOnline);
  if (n === undefined || !missing || !notAsync) return undefined;
  if (c.passed) return t('planCheck.topics.ok', { n });
  const parts: string[] = [];
  const sep = t('planCheck.list');
  if (missing.length)
    parts.push(t('planCheck.topics.missing', { n: missing.length, topics: missing.join(sep) }));
  if (notAsync.length) parts.push(t('planCheck.topics.notAsync', { topics: notAsync.join(sep) }));
  return t('planCheck.topics.bad', { parts: parts.join(t('planCheck.separator')) });
}

function shareSentence(t: T, c: PlanCheckBody): string | undefined {
  const share = str(c.values.share);
  const min = num(c.values.minPct);
  const basis = str(c.values.basis);
  if (share === undefined || min === undefined || !['hours', 'days', 'modules'].includes(basis ?? ''))
    return undefined;
  const basisName = t(`planCheck.share.basis.${basis}` as MessageKey);
  return t(c.passed ? 'planCheck.share.ok' : 'planCheck.share.low', { basis: basisName, share, min });
}

function totalSentence(t: T, c: PlanCheckBody): string | undefined {
  const planned = total(t, c, 'planned');
  const required = total(t, c, 'required');
  const minimum = bool(c.values.minimum);
  if (planned === undefined || required === undefined || minimum === undefined) return undefined;
  const what = t(c.code === 'PLAN.CENTRALIZED_DAYS' ? 'planCheck.days.what' : 'planCheck.hours.what');
  const verdict = t(c.passed ? 'planCheck.meets' : 'planCheck.fails');
  return t(minimum ? 'planCheck.total.min' : 'planCheck.total.exact', { what, planned, required, verdict });
}

function classTeachersSentence(t: T, c: PlanCheckBody): string | undefined {
  const v = c.values;
  const classes = num(v.classes);
  if (classes === 0) return t('planCheck.classTeachers.noClasses');
  const [subject, needSubject, life, needLife] = [
    num(v.subject),
    num(v.needSubject),
    num(v.life),
    num(v.needLife),
  ];
  if (classes === undefined || subject === undefined || needSubject === undefined) return undefined;
  if (life === undefined || needLife === undefined) return undefined;
  const verdict = t(c.passed ? 'planCheck.meets' : 'planCheck.fails');
  return t('planCheck.classTeachers.is', { classes, needSubject, needLife, subject, life, verdict });
}

function sentence(t: T, c: PlanCheckBody): string | undefined {
  const v = c.values;
  switch (c.code) {
    case 'PLAN.DEADLINE': {
      const deadline = str(v.deadline);
      const today = str(v.today);
      if (deadline === undefined || today === undefined) return undefined;
      return c.passed
        ? t('planCheck.deadline.ok', { deadline })
        : t('planCheck.deadline.late', { deadline, today });
    }
    case 'PLAN.SEALED_PDF':
      return t(c.passed ? 'planCheck.sealedPdf.ok' : 'planCheck.sealedPdf.missing');
    case 'PLAN.THEME': {
      const theme = str(v.theme);
      if (theme === undefined) return undefined;
      return c.passed ? t('planCheck.theme.ok', { theme }) : t('planCheck.theme.missing');
    }
    case 'PLAN.MODULES':
      return modulesSentence(t, c);
    case 'PLAN.COMPULSORY_TOPICS':
      return topicsSentence(t, c);
    case 'PLAN.PRACTICAL_SHARE':
      return shareSentence(t, c);
    case 'PLAN.CENTRALIZED_DAYS':
    case 'PLAN.ONLINE_HOURS':
      return totalSentence(t, c);
    case 'PLAN.CHIEF_EXPERT': {
      const planned = num(v.planned);
      const required = num(v.required);
      if (planned === undefined || required === undefined) return undefined;
      return c.passed
        ? t('planCheck.chief.ok', { n: planned })
        : t('planCheck.chief.bad', { required, planned });
    }
    case 'PLAN.CLASS_TEACHERS':
      return classTeachersSentence(t, c);
  }
  return undefined;
}

/** Why the check passed or failed, in words; the server's sentence for what is not worded here. */
export function planCheckSentence(t: T, c: PlanCheckBody): string {
  return sentence(t, c) ?? c.message;
}
