/**
 * 学时 compliance of many teachers at once: the thresholds of a day (what each teacher group must have counted by
 * `asOf`, over the cycle and in the current school year), and one teacher's standing from their per-year,
 * per-category totals after the day caps (`TeacherTotals`). `evaluateLedger` reads a whole ledger line by line;
 * this reads the totals a database keeps beside it, and gives the same counted sums and the same on-track verdict
 * (the property test holds the two together). Pure and deterministic.
 */
import { formatHours } from '../completion/completion';
import { parseIsoDate } from '../dates';
import { pv } from '../programs/policy-pack';
import { cycleSchoolYears } from './evaluate';
import { HOURS_RULE_ON_TRACK, targetsFor } from './rules';
import {
  HOUR_CATEGORIES,
  HOUR_CATEGORY_LABELS,
  type HourCategory,
  type HourRules,
  type LedgerEntry,
  schoolYearFirstDay,
  schoolYearLabel,
  schoolYearOf,
  schoolYearStarting,
} from './types';

/** On pace for a school year's minimum: counted ≥ minimum × days of the school year gone ÷ its days. */
export const HOURS_RULE_YEAR_PACE = 'Y-HOURS-YEAR-PACE';

/** The teacher group of everyone not in a group of the rules. */
export const DEFAULT_GROUP = '';

/** What one teacher group must have by `asOf`. */
export interface GroupThresholds {
  group: string;
  /** '教研员', or '' for the default group. */
  name: string;
  targetTenths: number;
  targetRuleId: string;
  /** target × elapsed school years ÷ cycle years, rounded up (Y-HOURS-ON-TRACK). */
  expectedTenths: number;
  /** The group's yearly total minimum, or null. */
  yearMinTenths: number | null;
  yearMinRuleId: string | null;
  /** The share of the yearly minimum due by `asOf` (Y-HOURS-YEAR-PACE), 0 without a minimum. */
  yearPaceTenths: number;
}

/** A category's yearly minimum and the share of it due by `asOf`. */
export interface CategoryThreshold {
  category: HourCategory;
  label: string;
  requiredTenths: number;
  ruleId: string;
  paceTenths: number;
}

export interface ComplianceThresholds {
  asOf: string;
  /** The school year `asOf` falls in. */
  schoolYear: string;
  /** Whether that school year is one of the cycle's. */
  inCycle: boolean;
  cycleSchoolYears: string[];
  /** School years of the cycle ended by `asOf`. */
  elapsedYears: number;
  /** Days of the current school year gone by `asOf` (0 on its first day) and its length in days. */
  yearDaysGone: number;
  yearDays: number;
  /** The default group first, then the rules' groups in their order. */
  groups: GroupThresholds[];
  /** Categories with a yearly minimum, in the order of HOUR_CATEGORIES. */
  categories: CategoryThreshold[];
  /** Tenths a category counts at most in one school year. */
  yearCaps: Partial<Record<HourCategory, number>>;
  onTrackRuleId: string;
  paceRuleId: string;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(p.year, p.month - 1, p.day) / DAY_MS;
}

const pace = (required: number, gone: number, days: number): number =>
  days <= 0 ? required : Math.ceil((required * gone) / days);

/** Tenths a day of each category counts at most (the day caps the totals are summed under). */
export function dayCapsOf(rules: HourRules): Partial<Record<HourCategory, number>> {
  const caps: Partial<Record<HourCategory, number>> = {};
  for (const c of HOUR_CATEGORIES) {
    const cap = rules.categories[c]?.dayCapTenths;
    if (cap) caps[c] = cap.value;
  }
  return caps;
}

/** The group a teacher holding these posts belongs to: the first of the rules' groups they hold, else default. */
export function groupOf(rules: HourRules, rolesHeld: readonly string[]): string {
  return Object.keys(rules.groups).find((g) => rolesHeld.includes(g)) ?? DEFAULT_GROUP;
}

/** What every teacher group must have counted by `asOf`, under `rules`. */
export function complianceThresholds(rules: HourRules, asOf: string): ComplianceThresholds {
  const start = rules.schoolYearStart.value;
  const schoolYear = schoolYearOf(asOf, start);
  const years = cycleSchoolYears(rules);
  const next = schoolYearStarting(Number(schoolYear.slice(0, 4)) + 1);
  const first = dayNumber(schoolYearFirstDay(schoolYear, start));
  const yearDays = dayNumber(schoolYearFirstDay(next, start)) - first;
  const yearDaysGone = dayNumber(asOf) - first;
  const elapsedYears = years.filter(
    (y) => asOf >= schoolYearFirstDay(schoolYearStarting(Number(y.slice(0, 4)) + 1), start),
  ).length;
  const groupKeys = [DEFAULT_GROUP, ...Object.keys(rules.groups)];
  const groups = groupKeys.map((group): GroupThresholds => {
    const t = targetsFor(rules, group === DEFAULT_GROUP ? undefined : group);
    const target = t.cycleTotalTenths.value;
    const yearMin = t.yearMinTenths;
    return {
      group,
      name: group === DEFAULT_GROUP ? '' : (rules.groups[group]?.name ?? group),
      targetTenths: target,
      targetRuleId: t.cycleTotalTenths.ruleId,
      expectedTenths: years.length === 0 ? 0 : Math.ceil((target * elapsedYears) / years.length),
      yearMinTenths: yearMin?.value ?? null,
      yearMinRuleId: yearMin?.ruleId ?? null,
      yearPaceTenths: yearMin ? pace(yearMin.value, yearDaysGone, yearDays) : 0,
    };
  });
  const categories: CategoryThreshold[] = [];
  const yearCaps: Partial<Record<HourCategory, number>> = {};
  for (const category of HOUR_CATEGORIES) {
    const rule = rules.categories[category];
    if (rule?.yearCapTenths) yearCaps[category] = rule.yearCapTenths.value;
    const min = rule?.yearMinTenths;
    if (!min) continue;
    categories.push({
      category,
      label: HOUR_CATEGORY_LABELS[category],
      requiredTenths: min.value,
      ruleId: min.ruleId,
      paceTenths: pace(min.value, yearDaysGone, yearDays),
    });
  }
  return {
    asOf,
    schoolYear,
    inCycle: years.includes(schoolYear),
    cycleSchoolYears: years,
    elapsedYears,
    yearDaysGone,
    yearDays,
    groups,
    categories,
    yearCaps,
    onTrackRuleId: HOURS_RULE_ON_TRACK,
    paceRuleId: HOURS_RULE_YEAR_PACE,
  };
}

/** A teacher's sums of one school year, per category, after the day caps (before the year caps). */
export interface TeacherTotals {
  schoolYear: string;
  byCategory: Partial<Record<HourCategory, number>>;
}

/**
 * Sums a teacher's ledger into per-year totals after the day caps, as the database keeps them: a standing posting
 * adds min(amount, days × day cap), its reversal takes the same away. Entries must be well formed (the database's
 * checks: postings positive, a reversal the exact negative of one posting with its days).
 */
export function totalsOf(
  entries: readonly LedgerEntry[],
  dayCaps: Partial<Record<HourCategory, number>>,
): TeacherTotals[] {
  const years = new Map<string, TeacherTotals>();
  for (const e of entries) {
    const cap = dayCaps[e.category];
    const size = Math.abs(e.amountTenths);
    const capped =
      cap !== undefined && e.days !== undefined && e.days !== null ? Math.min(size, e.days * cap) : size;
    const y = years.get(e.schoolYear) ?? { schoolYear: e.schoolYear, byCategory: {} };
    y.byCategory[e.category] = (y.byCategory[e.category] ?? 0) + Math.sign(e.amountTenths) * capped;
    years.set(e.schoolYear, y);
  }
  return [...years.values()];
}

export interface CategoryCompliance extends CategoryThreshold {
  countedTenths: number;
  onPace: boolean;
  /** pace − counted, at least 0. */
  shortTenths: number;
}

export interface TeacherCompliance {
  group: string;
  cycleCountedTenths: number;
  expectedTenths: number;
  targetTenths: number;
  onTrack: boolean;
  /** expected − counted, at least 0. */
  shortOfExpectedTenths: number;
  /** target − counted, at least 0. */
  cycleLeftTenths: number;
  yearCountedTenths: number;
  yearMinTenths: number | null;
  yearPaceTenths: number;
  /** counted ≥ the group's yearly pace and every category's pace. */
  yearOnPace: boolean;
  categories: CategoryCompliance[];
  /** Plain Chinese, for the teacher and the school. */
  message: string;
}

const hours = (tenths: number): string => `${formatHours(tenths)} 学时`;

/** What of a school year's totals counts: each category at most its year cap. */
function countedOfYear(t: TeacherTotals | undefined, caps: ComplianceThresholds['yearCaps']): number {
  if (!t) return 0;
  let sum = 0;
  for (const c of HOUR_CATEGORIES) {
    const base = t.byCategory[c] ?? 0;
    const cap = caps[c];
    sum += cap === undefined ? base : Math.min(base, cap);
  }
  return sum;
}

/** A category's minimum against what counted of it this school year (after its year cap). */
export function categoryCompliance(c: CategoryThreshold, countedTenths: number): CategoryCompliance {
  return {
    ...c,
    countedTenths,
    onPace: countedTenths >= c.paceTenths,
    shortTenths: Math.max(0, c.paceTenths - countedTenths),
  };
}

/** One teacher's standing by `t.asOf`, from their totals. */
export function teacherCompliance(
  totals: readonly TeacherTotals[],
  t: ComplianceThresholds,
  group: string = DEFAULT_GROUP,
): TeacherCompliance {
  const g = t.groups.find((x) => x.group === group) ?? t.groups[0];
  if (!g) throw new RangeError('thresholds without a default group');
  const byYear = new Map(totals.map((y) => [y.schoolYear, y]));
  const cycleCounted = t.cycleSchoolYears.reduce((s, y) => s + countedOfYear(byYear.get(y), t.yearCaps), 0);
  const current = byYear.get(t.schoolYear);
  const yearCounted = countedOfYear(current, t.yearCaps);
  const categories = t.categories.map((c) => {
    const base = current?.byCategory[c.category] ?? 0;
    const cap = t.yearCaps[c.category];
    return categoryCompliance(c, cap === undefined ? base : Math.min(base, cap));
  });
  const onTrack = cycleCounted >= g.expectedTenths;
  const yearOnPace = yearCounted >= g.yearPaceTenths && categories.every((c) => c.onPace);
  const standing = {
    group: g.group,
    cycleCountedTenths: cycleCounted,
    expectedTenths: g.expectedTenths,
    targetTenths: g.targetTenths,
    onTrack,
    shortOfExpectedTenths: Math.max(0, g.expectedTenths - cycleCounted),
    cycleLeftTenths: Math.max(0, g.targetTenths - cycleCounted),
    yearCountedTenths: yearCounted,
    yearMinTenths: g.yearMinTenths,
    yearPaceTenths: g.yearPaceTenths,
    yearOnPace,
    categories,
  };
  return { ...standing, message: complianceMessage(standing, t.schoolYear) };
}

/** Where a teacher stands, in plain Chinese for the teacher and their school (no rule IDs). */
export function complianceMessage(c: Omit<TeacherCompliance, 'message'>, schoolYear: string): string {
  const parts = [
    c.onTrack
      ? `本周期已计 ${hours(c.cycleCountedTenths)}，进度达标`
      : `本周期已计 ${hours(c.cycleCountedTenths)}，按进度应有 ${hours(c.expectedTenths)}，落后 ${hours(c.expectedTenths - c.cycleCountedTenths)}`,
    ...c.categories
      .filter((x) => !x.onPace)
      .map(
        (x) =>
          `${schoolYearLabel(schoolYear)}${x.label}已计 ${hours(x.countedTenths)}，按进度应有 ${hours(x.paceTenths)}`,
      ),
  ];
  if (c.yearMinTenths !== null && c.yearCountedTenths < c.yearPaceTenths)
    parts.push(
      `${schoolYearLabel(schoolYear)}已计 ${hours(c.yearCountedTenths)}，按进度应有 ${hours(c.yearPaceTenths)}`,
    );
  return `${parts.join('；')}。`;
}

/** A teacher behind is reminded at most once in this many days (Y-HOURS-REMIND). */
export const HOURS_RULE_REMIND = 'Y-HOURS-REMIND';
export const DEFAULT_REMIND_INTERVAL_DAYS = pv(
  7,
  HOURS_RULE_REMIND,
  'issue 12',
  'Yanxun 默认值：学时落后提醒同一位教师 7 天内只发一次，避免重复打扰',
);
