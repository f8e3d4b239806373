/**
 * 校本研修 (S003 附件 5): when a school's annual plan is due (R3-S03) and the 进修学校's end-of-term spot check, a
 * reproducible seeded draw of schools (R3-S04). The 24 学时 a year (R3-S02) is counted by the 学时 ledger
 * (`hours/`), whose value the pack's `communities.schoolBased.yearMinTenths` mirrors.
 */
import { parseIsoDate } from '../dates';
import { addDays } from '../programs/policy-pack';
import { seededOrder } from '../seeded-hash';
import { DEFAULT_COMMUNITY_RULES, percent } from './rules';
import type { CommunityFinding, CommunityRules } from './types';

export interface PlanDue {
  /** The first day of the week the plan must come before. */
  weekBegins: string;
  /** The last day a submission is on time: the day before. */
  lastDay: string;
  rule: string;
}

/** Monday of the calendar week (Monday–Sunday) `date` is in. */
function mondayOf(date: string): string {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD calendar date: ${date}`);
  const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * R3-S03: a school's 《年度校本研修方案申请表》 is due before week 2 of the school year. `firstSchoolDay` is the day
 * the school year opens (开学, e.g. 2026-09-01). Weeks count from that day (`from_start`, default: week 2 begins 7
 * days later, so the last day on time is the 7th day) or as calendar weeks from Monday (`calendar`: week 1 is the
 * week the first school day is in).
 */
export function schoolPlanDue(
  firstSchoolDay: string,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): PlanDue {
  const s = rules.schoolBased;
  const weekOne = s.planWeekBasis.value === 'calendar' ? mondayOf(firstSchoolDay) : firstSchoolDay;
  if (!parseIsoDate(weekOne)) throw new RangeError(`not a YYYY-MM-DD calendar date: ${firstSchoolDay}`);
  const weekBegins = addDays(weekOne, 7 * (s.planDueBeforeWeek.value - 1));
  return { weekBegins, lastDay: addDays(weekBegins, -1), rule: s.planDueBeforeWeek.ruleId };
}

/** R3-S03: a plan submitted on `submittedOn` (or not yet, on `asOf`) against its due date. */
export function checkSchoolPlan(
  submittedOn: string | null,
  firstSchoolDay: string,
  asOf: string,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): CommunityFinding[] {
  const due = schoolPlanDue(firstSchoolDay, rules);
  const when = submittedOn ?? asOf;
  if (when <= due.lastDay) return [];
  return [
    {
      code: 'COMM.SCHOOL_PLAN_LATE',
      rule: due.rule,
      severity: 'error',
      message:
        submittedOn === null
          ? `年度校本研修方案应在 ${due.lastDay} 前（含当天）提交，至今未提交`
          : `年度校本研修方案于 ${submittedOn} 提交，晚于 ${due.lastDay} 的截止日`,
      values: { submittedOn, lastDay: due.lastDay, asOf },
    },
  ];
}

export interface SpotCheckDraw {
  /** The schools drawn, in draw order. */
  picks: string[];
  /** How many were drawn: ⌈schools × ratio⌉, at least 1 when there are schools and the ratio is above 0. */
  count: number;
  population: number;
  ratio: number;
  seed: string;
  rule: string;
  /** How the count was reached, for the record. */
  note: string;
}

/**
 * R3-S04: the 进修学校's random spot check of schools' process materials. Each school is ranked by a hash of the
 * seed and its id and the first ⌈n × ratio⌉ are drawn, so the same seed and the same schools give the same picks
 * in whatever order the list comes, and anyone can re-run the draw from the recorded seed. Duplicate ids count once.
 * The pack's ratio is `communityRulesOf(pack).schoolBased.spotCheckRatio`. Not a cryptographic draw: the seed should be fixed and published before the list is known (e.g. the date and
 * the officer's number).
 */
export function spotCheckDraw(
  schoolIds: readonly string[],
  ratio: number,
  seed: string,
  rule: string = DEFAULT_COMMUNITY_RULES.schoolBased.spotCheckRatio.ruleId,
): SpotCheckDraw {
  if (!Number.isFinite(ratio) || ratio < 0 || ratio > 1)
    throw new RangeError(`a spot-check ratio is between 0 and 1: ${ratio}`);
  const ids = [...new Set(schoolIds)];
  const n = ids.length;
  const count = n === 0 || ratio === 0 ? 0 : Math.min(n, Math.ceil(n * ratio - 1e-9));
  const picks = seededOrder(ids, seed).slice(0, count);
  return {
    picks,
    count,
    population: n,
    ratio,
    seed,
    rule,
    note: `共 ${n} 所，按 ${percent(ratio)} 抽取（向上取整）${count} 所`,
  };
}
