/**
 * A teacher's 学时 standing: the ledger's lines (what counts and why not), totals by school year and category,
 * the cycle total against its target and the pro-rata "on track" check, and every per-year minimum met or not.
 * Pure and deterministic; "today" is `asOf`. Changing the rules re-evaluates the same entries: nothing here
 * writes to an entry.
 */
import { formatHours } from '../completion/completion';
import { parseIsoDate } from '../dates';
import { type LedgerLine, ledgerLines } from './lines';
import { HOURS_RULE_ON_TRACK, targetsFor } from './rules';
import {
  HOUR_CATEGORIES,
  HOUR_CATEGORY_LABELS,
  type HourCategory,
  type HourRules,
  type LedgerEntry,
  schoolYearFirstDay,
  schoolYearLabel,
  schoolYearSpanLabel,
  schoolYearStarting,
} from './types';

export interface YearCategoryTotal {
  schoolYear: string;
  category: HourCategory;
  countedTenths: number;
  notCountedTenths: number;
}

export interface YearTotal {
  schoolYear: string;
  countedTenths: number;
  notCountedTenths: number;
}

/** `in_progress`: not met yet, but the school year (or cycle) has not ended by `asOf`. */
export type RequirementStatus = 'met' | 'not_met' | 'in_progress';

/** One minimum a teacher must reach: a category in a school year, a school year's total, or the cycle total. */
export interface RequirementStanding {
  code: 'CATEGORY_YEAR_MIN' | 'YEAR_MIN' | 'CYCLE_TOTAL';
  ruleId: string;
  /** null for the cycle total. */
  schoolYear: string | null;
  /** Set for CATEGORY_YEAR_MIN only. */
  category: HourCategory | null;
  requiredTenths: number;
  countedTenths: number;
  met: boolean;
  status: RequirementStatus;
  /** How much is missing: required − counted, at least 0. */
  behindTenths: number;
  /** YEAR_MIN of a group with its own minimum (教研员): the group's name, as the sentence says it. */
  groupName?: string;
  message: string;
}

export interface CycleStanding {
  /** The cycle's school years, first to last. */
  schoolYears: string[];
  firstDay: string;
  /** The last day of the cycle's last school year. */
  lastDay: string;
  targetTenths: number;
  /** The rule the target comes from: the group's override, else the region's cycle total. */
  targetRuleId: string;
  countedTenths: number;
  met: boolean;
  behindTenths: number;
  /** School years of the cycle that have ended by `asOf` (0 … cycle years). */
  elapsedYears: number;
  /** target × elapsed years ÷ cycle years, rounded up to a tenth. */
  expectedTenths: number;
  /** counted ≥ expected (rule Y-HOURS-ON-TRACK). */
  onTrack: boolean;
  onTrackRuleId: string;
  /** expected − counted, at least 0. */
  shortOfExpectedTenths: number;
  message: string;
}

export interface LedgerEvaluation {
  asOf: string;
  group: string | null;
  /** Every entry, in reading order (occurredOn, postedAt, id). */
  lines: LedgerLine[];
  /** Tenths of 学时: the sum of the lines' counted amounts (all school years). */
  balance: number;
  /** Counted and not counted per school year and category, of `entry` lines only (pairs net to 0, errors apart). */
  byYearCategory: YearCategoryTotal[];
  byYear: YearTotal[];
  cycle: CycleStanding;
  /** Per-year minimums of the cycle's school years begun by `asOf`, then the cycle total. */
  requirements: RequirementStanding[];
  /** Lines that could not be read as credits (kind `error`). */
  errorCount: number;
}

const hours = (tenths: number): string => `${formatHours(tenths)} 学时`;

/**
 * Evaluates one teacher's entries under `rules`, for a teacher of `options.group` (a key of `rules.groups`, or
 * none), as of the calendar date `options.asOf`.
 */
export function evaluateLedger(
  entries: LedgerEntry[],
  rules: HourRules,
  options: { group?: string; asOf: string },
): LedgerEvaluation {
  if (!parseIsoDate(options.asOf)) throw new RangeError(`asOf is not a YYYY-MM-DD date: ${options.asOf}`);
  const lines = ledgerLines(entries, rules);
  const byYearCategory = totalsByYearCategory(lines);
  const byYear = totalsByYear(byYearCategory);
  const cycle = cycleStanding(byYear, rules, options);
  const requirements = [
    ...yearRequirements(byYearCategory, byYear, cycle, rules, options),
    cycleRequirement(cycle),
  ];
  return {
    asOf: options.asOf,
    group: options.group ?? null,
    lines,
    balance: lines.reduce((sum, l) => sum + l.countedTenths, 0),
    byYearCategory,
    byYear,
    cycle,
    requirements,
    errorCount: lines.filter((l) => l.kind === 'error').length,
  };
}

/** Sums of `entry` lines per school year and category, by school year then the order of HOUR_CATEGORIES. */
export function totalsByYearCategory(lines: readonly LedgerLine[]): YearCategoryTotal[] {
  const cells = new Map<string, YearCategoryTotal>();
  for (const line of lines) {
    if (line.kind !== 'entry') continue;
    const { schoolYear, category } = line.entry;
    const key = `${schoolYear}|${category}`;
    const cell = cells.get(key) ?? { schoolYear, category, countedTenths: 0, notCountedTenths: 0 };
    cell.countedTenths += line.countedTenths;
    cell.notCountedTenths += line.notCountedTenths;
    cells.set(key, cell);
  }
  const order = (c: HourCategory) => HOUR_CATEGORIES.indexOf(c);
  return [...cells.values()].sort(
    (a, b) =>
      (a.schoolYear < b.schoolYear ? -1 : a.schoolYear > b.schoolYear ? 1 : 0) ||
      order(a.category) - order(b.category),
  );
}

/** The per-year sums of `totalsByYearCategory`, in school-year order. */
export function totalsByYear(cells: readonly YearCategoryTotal[]): YearTotal[] {
  const years = new Map<string, YearTotal>();
  for (const c of cells) {
    const y = years.get(c.schoolYear) ?? { schoolYear: c.schoolYear, countedTenths: 0, notCountedTenths: 0 };
    y.countedTenths += c.countedTenths;
    y.notCountedTenths += c.notCountedTenths;
    years.set(c.schoolYear, y);
  }
  return [...years.values()];
}

/** The cycle's school years: `cycleYears` of them from the one starting in `cycleStartYear`. */
export function cycleSchoolYears(rules: HourRules): string[] {
  const first = rules.cycleStartYear.value;
  return Array.from({ length: rules.cycleYears.value }, (_, k) => schoolYearStarting(first + k));
}

/** The day before `date` (YYYY-MM-DD). */
function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - 1));
  return t.toISOString().slice(0, 10);
}

/** Whether the school year has ended by `asOf` (the next one has begun). */
function yearEnded(schoolYear: string, rules: HourRules, asOf: string): boolean {
  const next = schoolYearStarting(Number(schoolYear.slice(0, 4)) + 1);
  return asOf >= schoolYearFirstDay(next, rules.schoolYearStart.value);
}

/**
 * The cycle total counted (entries of the cycle's school years) against the target of the teacher's group, and
 * whether the teacher is on track: counted ≥ target × elapsed school years ÷ cycle years, where a school year has
 * elapsed once the next one has begun (so nobody is behind during the cycle's first year).
 */
export function cycleStanding(
  byYear: readonly YearTotal[],
  rules: HourRules,
  options: { group?: string; asOf: string },
): CycleStanding {
  const schoolYears = cycleSchoolYears(rules);
  const start = rules.schoolYearStart.value;
  const years = schoolYears.length;
  const target = targetsFor(rules, options.group).cycleTotalTenths;
  const inCycle = new Set(schoolYears);
  const counted = byYear.filter((y) => inCycle.has(y.schoolYear)).reduce((s, y) => s + y.countedTenths, 0);
  const elapsed = schoolYears.filter((y) => yearEnded(y, rules, options.asOf)).length;
  const expected = years === 0 ? 0 : Math.ceil((target.value * elapsed) / years);
  const firstDay = schoolYearFirstDay(schoolYearStarting(rules.cycleStartYear.value), start);
  const lastDay = dayBefore(
    schoolYearFirstDay(schoolYearStarting(rules.cycleStartYear.value + years), start),
  );
  const span = years === 0 ? '' : schoolYearSpanLabel(schoolYears[0] ?? '', schoolYears[years - 1] ?? '');
  const behind = Math.max(0, target.value - counted);
  const onTrack = counted >= expected;
  const progress =
    elapsed === 0
      ? '周期内尚无结束的学年。'
      : `已过 ${elapsed} 个学年，按进度此时应有 ${hours(expected)}，${onTrack ? '进度达标' : `落后 ${hours(expected - counted)}`}。`;
  return {
    schoolYears,
    firstDay,
    lastDay,
    targetTenths: target.value,
    targetRuleId: target.ruleId,
    countedTenths: counted,
    met: counted >= target.value,
    behindTenths: behind,
    elapsedYears: elapsed,
    expectedTenths: expected,
    onTrack,
    onTrackRuleId: HOURS_RULE_ON_TRACK,
    shortOfExpectedTenths: Math.max(0, expected - counted),
    message: `本周期（${span}）应完成 ${hours(target.value)}，已计 ${hours(counted)}${behind > 0 ? `，还差 ${hours(behind)}` : '，已完成'}；${progress}`,
  };
}

function statusOf(met: boolean, ended: boolean): RequirementStatus {
  return met ? 'met' : ended ? 'not_met' : 'in_progress';
}

function shortfall(required: number, counted: number, ended: boolean): string {
  if (counted >= required) return '已达到。';
  return `还差 ${hours(required - counted)}${ended ? '。' : '（学年未结束）。'}`;
}

/**
 * For each school year of the cycle begun by `asOf`: each category's yearly minimum (校本研修 24 学时, R3-S02) and
 * the yearly total minimum of the teacher's group or region (教研员 90 学时, R-002-19).
 */
export function yearRequirements(
  cells: readonly YearCategoryTotal[],
  byYear: readonly YearTotal[],
  cycle: CycleStanding,
  rules: HourRules,
  options: { group?: string; asOf: string },
): RequirementStanding[] {
  const out: RequirementStanding[] = [];
  const yearMin = targetsFor(rules, options.group).yearMinTenths;
  const groupName = options.group === undefined ? undefined : rules.groups[options.group]?.name;
  for (const schoolYear of cycle.schoolYears) {
    if (schoolYearFirstDay(schoolYear, rules.schoolYearStart.value) > options.asOf) break;
    const ended = yearEnded(schoolYear, rules, options.asOf);
    for (const category of HOUR_CATEGORIES) {
      const min = rules.categories[category]?.yearMinTenths;
      if (!min) continue;
      const cell = cells.find((c) => c.schoolYear === schoolYear && c.category === category);
      const counted = cell?.countedTenths ?? 0;
      const met = counted >= min.value;
      out.push({
        code: 'CATEGORY_YEAR_MIN',
        ruleId: min.ruleId,
        schoolYear,
        category,
        requiredTenths: min.value,
        countedTenths: counted,
        met,
        status: statusOf(met, ended),
        behindTenths: Math.max(0, min.value - counted),
        message: `${schoolYearLabel(schoolYear)}${HOUR_CATEGORY_LABELS[category]}应完成 ${hours(min.value)}，已计 ${hours(counted)}，${shortfall(min.value, counted, ended)}`,
      });
    }
    if (yearMin) {
      const counted = byYear.find((y) => y.schoolYear === schoolYear)?.countedTenths ?? 0;
      const met = counted >= yearMin.value;
      const who = groupName ? `${groupName}` : '';
      out.push({
        code: 'YEAR_MIN',
        ruleId: yearMin.ruleId,
        schoolYear,
        category: null,
        requiredTenths: yearMin.value,
        countedTenths: counted,
        met,
        status: statusOf(met, ended),
        behindTenths: Math.max(0, yearMin.value - counted),
        ...(groupName ? { groupName } : {}),
        message: `${schoolYearLabel(schoolYear)}${who}培训学时应不少于 ${hours(yearMin.value)}，已计 ${hours(counted)}，${shortfall(yearMin.value, counted, ended)}`,
      });
    }
  }
  return out;
}

/** The cycle total as a requirement (not met, rather than in progress, once the cycle's last day has passed). */
export function cycleRequirement(cycle: CycleStanding): RequirementStanding {
  const ended = cycle.elapsedYears === cycle.schoolYears.length;
  return {
    code: 'CYCLE_TOTAL',
    ruleId: cycle.targetRuleId,
    schoolYear: null,
    category: null,
    requiredTenths: cycle.targetTenths,
    countedTenths: cycle.countedTenths,
    met: cycle.met,
    status: statusOf(cycle.met, ended),
    behindTenths: cycle.behindTenths,
    message: cycle.message,
  };
}
