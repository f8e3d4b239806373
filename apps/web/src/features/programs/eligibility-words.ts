/**
 * An eligibility check in words, from its code and values (strings in shared/i18n-reasons.ts), so en-US reads it
 * in English; the zh-CN templates say what core says. A check without a code (stored before codes were sent), a
 * code not worded here (岗位, 资格条件确认: their names are the pack's), a value missing, or the code tables not yet
 * loaded (GET /codes names 城乡类型, 骨干, 职称, 学段) keeps the server's text.
 */
import type { CodeTables, EligibilityCheckBody } from '@yanxun/contracts';
import { type CodeTableKey, codeName } from '../../shared/codes';
import type { I18n, Lang, MessageKey } from '../../shared/i18n';
import { codeLabel } from './pack-format';

type T = I18n['t'];
type Values = EligibilityCheckBody['values'];

const LABELED = [
  'age',
  'training_years',
  'teaching_years',
  'location_type',
  'backbone',
  'role',
  'title',
  'stage',
  'attestation',
  'integrity',
  'overlap',
] as const;

/** The condition's name by its code; the server's name otherwise. */
export function checkLabel(t: T, c: EligibilityCheckBody): string {
  return c.code && (LABELED as readonly string[]).includes(c.code)
    ? t(`reason.elig.label.${c.code}` as MessageKey)
    : c.label;
}

const num = (v: Values[string] | undefined) => (typeof v === 'number' ? v : undefined);
const str = (v: Values[string] | undefined) => (typeof v === 'string' ? v : undefined);

function names(t: T, csv: string | undefined, name: (code: string) => string): string {
  return (csv ?? '').split(',').filter(Boolean).map(name).join(t('reason.elig.list'));
}

function ageSentence(t: T, c: EligibilityCheckBody, ref: string): string | undefined {
  const v = c.values;
  const age = num(v.age);
  if (v.age === null) return t('reason.elig.age.missing');
  if (age === undefined) return undefined;
  const max = num(v.max);
  const min = num(v.min);
  const soft = c.soft ? 'Soft' : '';
  if (max !== undefined && age > max) return t(`reason.elig.age.old${soft}`, { ref, age, max });
  if (min !== undefined && age < min) return t(`reason.elig.age.young${soft}`, { ref, age, min });
  return t('reason.elig.age.ok', { ref, age });
}

function yearsSentence(t: T, c: EligibilityCheckBody, ref: string, kind: 'training' | 'teaching') {
  const v = c.values;
  const since = kind === 'training' ? v.startYear : v.teachingStartDate;
  if (v.years === null || since === null) return t(`reason.elig.${kind}.missing`);
  const years = num(v.years);
  const min = num(v.min);
  if (years === undefined || min === undefined || since === undefined) return undefined;
  return t(`reason.elig.${kind}.${c.passed ? 'ok' : 'short'}`, { since: String(since), ref, years, min });
}

function memberSentence(
  t: T,
  c: EligibilityCheckBody,
  key: 'location' | 'backbone' | 'title' | 'stage',
  valueKey: string,
  name: (code: string) => string,
): string | undefined {
  const value = c.values[valueKey];
  const allowed = names(t, str(c.values.allowed), name);
  const verdict = t(c.passed ? 'reason.elig.meets' : 'reason.elig.fails');
  if (value === null) {
    if (key === 'location' || key === 'backbone') return t(`reason.elig.${key}.missing`);
    return t(`reason.elig.${key}.is`, { value: t('reason.elig.notRecorded'), verdict, allowed });
  }
  const code = str(value);
  return code === undefined ? undefined : t(`reason.elig.${key}.is`, { value: name(code), verdict, allowed });
}

function integritySentence(
  t: T,
  c: EligibilityCheckBody,
  name: (code: string) => string,
): string | undefined {
  const v = c.values;
  if (v.applies === false) return t('reason.elig.integrity.notApplicable');
  const years = num(v.years);
  if (years === undefined) return undefined;
  if (c.passed) return t('reason.elig.integrity.clear', { years });
  const [recordDate, kind, barEndsOn, allowedFrom, programmeStart] = [
    v.recordDate,
    v.kind,
    v.barEndsOn,
    v.allowedFrom,
    v.programmeStart,
  ].map(str);
  if (!recordDate || !kind || !barEndsOn || !allowedFrom || !programmeStart) return undefined;
  return t('reason.elig.integrity.barred', {
    recordDate,
    kind: name(kind),
    years,
    barEndsOn,
    allowedFrom,
    programmeStart,
  });
}

function overlapSentence(t: T, c: EligibilityCheckBody): string | undefined {
  const [start, end, other, otherStart, otherEnd] = [
    c.values.programmeStart,
    c.values.programmeEnd,
    c.values.otherProgrammeName,
    c.values.otherStart,
    c.values.otherEnd,
  ].map(str);
  if (!start || !end) return undefined;
  if (c.passed) return t('reason.elig.overlap.clear', { start, end });
  if (!other || !otherStart || !otherEnd) return undefined;
  return t('reason.elig.overlap.clash', { other, otherStart, otherEnd, start, end });
}

function baseSentence(
  t: T,
  lang: Lang,
  c: EligibilityCheckBody,
  ref: string,
  tables: CodeTables | undefined,
): string | undefined {
  const member = (key: 'location' | 'backbone' | 'title' | 'stage', valueKey: string, table: CodeTableKey) =>
    tables?.[table]
      ? memberSentence(t, c, key, valueKey, (x) => codeName(tables, table, x, lang))
      : undefined;
  switch (c.code) {
    case 'age':
      return ageSentence(t, c, ref);
    case 'training_years':
      return yearsSentence(t, c, ref, 'training');
    case 'teaching_years':
      return yearsSentence(t, c, ref, 'teaching');
    case 'location_type':
      return member('location', 'locationType', 'locationTypes');
    case 'backbone':
      return member('backbone', 'backbone', 'backbone');
    case 'title':
      return member('title', 'title', 'titles');
    case 'stage':
      return member('stage', 'stage', 'stages');
    case 'integrity':
      return integritySentence(t, c, (x) => codeLabel(x, lang));
    case 'overlap':
      return overlapSentence(t, c);
    default:
      return undefined;
  }
}

/** The check in words: the base sentence, then (a soft rule) the exception it needs or was granted. */
export function checkSentence(
  t: T,
  lang: Lang,
  c: EligibilityCheckBody,
  referenceDate: string,
  tables: CodeTables | undefined,
): string {
  const base = baseSentence(t, lang, c, referenceDate, tables);
  if (base === undefined) return c.message;
  const failedSoft = c.soft && (!c.passed || c.override !== undefined);
  const needs = failedSoft ? t('reason.elig.needsOverride', { sentence: base }) : base;
  return c.override ? t('reason.elig.overridden', { sentence: needs, reason: c.override.reason }) : needs;
}
