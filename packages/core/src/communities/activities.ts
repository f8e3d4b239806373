/**
 * A workshop's year: its activity plan (R3-W06, R3-W08 … R3-W10), its registration (R3-W14), the 学时 its
 * members earn (R3-W16), the monthly review of every studio and workshop (R3-G17) and the annual selection's month
 * (R3-G18). School years are the `hours` module's (`schoolYearOf`, 09-01 by default).
 */
import { parseIsoDate } from '../dates';
import { dayLimitTenths } from '../hours/rules';
import {
  DEFAULT_SCHOOL_YEAR_START,
  schoolYearFirstDay,
  schoolYearLabel,
  schoolYearListLabel,
  schoolYearOf,
  schoolYearStarting,
  schoolYearStartYear,
} from '../hours/types';
import { addDays } from '../programs/policy-pack';
import { atLeastShare, DEFAULT_COMMUNITY_RULES, percent } from './rules';
import type { CommunityFinding, CommunityRules } from './types';

const hours = (tenths: number) => `${tenths / 10} 学时`;

function requireSchoolYear(schoolYear: string): number {
  const first = schoolYearStartYear(schoolYear);
  if (first === undefined) throw new RangeError(`not a school year like 2026-2027: ${schoolYear}`);
  return first;
}

// ---------------------------------------------------------------------------------------------------------
// The activity plan

/** One concentrated activity of a workshop's plan; a 专业阅读论坛 is one too, without live lessons. */
export interface PlanSession {
  id: string;
  date: string;
  kind: 'session' | 'reading_forum';
  /** 现场授课 (live lessons). */
  liveLessons: number;
  /** 议课 or 讲座. */
  discussions: number;
  /** The school that hosts it. */
  hostSchoolId: string;
}

export interface WorkshopPlan {
  schoolYear: string;
  sessions: readonly PlanSession[];
  /** The core members' schools, among which the year's activities rotate (R3-W06). */
  coreSchoolIds: readonly string[];
}

/** 'YYYY-MM' of each month the plan needs a session in, in school-year order. */
function planMonths(schoolYear: string, months: readonly number[], startMonthDay: string): string[] {
  const first = requireSchoolYear(schoolYear);
  const startMonth = Number(startMonthDay.slice(0, 2));
  return [...new Set(months)]
    .map((m) => {
      const year = m >= startMonth ? first : first + 1;
      return `${year}-${String(m).padStart(2, '0')}`;
    })
    .sort();
}

/**
 * A workshop's school-year plan: a concentrated session in every month the pack lists and ≥ 7 in the year
 * (R3-W08), 1–2 live lessons and at least one 议课/讲座 in each session (R3-W09), a reading forum (R3-W10), and
 * every core member's school hosting at least once (R3-W06; a session at another school is a warning). A session
 * dated outside the plan's school year is an error and counts for nothing.
 */
export function checkWorkshopPlan(
  plan: WorkshopPlan,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
  schoolYearStart: string = DEFAULT_SCHOOL_YEAR_START,
): CommunityFinding[] {
  const w = rules.workshop;
  const out: CommunityFinding[] = [];
  const inYear: PlanSession[] = [];
  plan.sessions.forEach((s, i) => {
    if (parseIsoDate(s.date) && schoolYearOf(s.date, schoolYearStart) === plan.schoolYear) inYear.push(s);
    else
      out.push({
        code: 'COMM.SESSION_OUTSIDE_YEAR',
        rule: w.sessionsPerYearMin.ruleId,
        severity: 'error',
        message: `第 ${i + 1} 次活动的日期 ${s.date} 不在 ${schoolYearLabel(plan.schoolYear)}内`,
        values: { session: s.id, position: i + 1, date: s.date, schoolYear: plan.schoolYear },
      });
  });

  const perMonth = new Map<string, number>();
  for (const s of inYear) perMonth.set(s.date.slice(0, 7), (perMonth.get(s.date.slice(0, 7)) ?? 0) + 1);
  const missing = planMonths(plan.schoolYear, w.sessionMonths.value, schoolYearStart).filter(
    (m) => (perMonth.get(m) ?? 0) < w.sessionsPerMonthMin.value,
  );
  if (missing.length > 0)
    out.push({
      code: 'COMM.MONTHS_SHORT',
      rule: w.sessionsPerMonthMin.ruleId,
      severity: 'error',
      message: `每月应集中研修 ${w.sessionsPerMonthMin.value} 次，以下月份不足：${missing.map((m) => `${m.slice(0, 4)} 年 ${Number(m.slice(5))} 月`).join('、')}`,
      values: { months: missing, perMonthMin: w.sessionsPerMonthMin.value },
    });
  if (inYear.length < w.sessionsPerYearMin.value)
    out.push({
      code: 'COMM.SESSIONS',
      rule: w.sessionsPerYearMin.ruleId,
      severity: 'error',
      message: `本学年集中活动 ${inYear.length} 次，少于 ${w.sessionsPerYearMin.value} 次`,
      values: { sessions: inYear.length, min: w.sessionsPerYearMin.value },
    });

  plan.sessions.forEach((s, i) => {
    if (s.kind !== 'session') return;
    const lessonsOk = s.liveLessons >= w.liveLessonsMin.value && s.liveLessons <= w.liveLessonsMax.value;
    if (!lessonsOk || s.discussions < w.discussionsMin.value)
      out.push({
        code: 'COMM.SESSION_CONTENT',
        rule: w.liveLessonsMin.ruleId,
        severity: 'error',
        message: `第 ${i + 1} 次活动（${s.date}）有现场授课 ${s.liveLessons} 节、议课或讲座 ${s.discussions} 次；每次应有现场授课 ${w.liveLessonsMin.value}～${w.liveLessonsMax.value} 节和至少 ${w.discussionsMin.value} 次议课或讲座`,
        values: {
          session: s.id,
          position: i + 1,
          date: s.date,
          liveLessons: s.liveLessons,
          discussions: s.discussions,
          liveLessonsMin: w.liveLessonsMin.value,
          liveLessonsMax: w.liveLessonsMax.value,
          discussionsMin: w.discussionsMin.value,
        },
      });
  });

  const forums = inYear.filter((s) => s.kind === 'reading_forum').length;
  if (forums < w.readingForumsMin.value)
    out.push({
      code: 'COMM.READING_FORUMS',
      rule: w.readingForumsMin.ruleId,
      severity: 'error',
      message: `本学年应有 ${w.readingForumsMin.value} 次专业阅读论坛，实有 ${forums} 次`,
      values: { forums, min: w.readingForumsMin.value },
    });

  const core = [...new Set(plan.coreSchoolIds)].sort();
  const hosted = new Map<string, number>();
  for (const s of inYear) hosted.set(s.hostSchoolId, (hosted.get(s.hostSchoolId) ?? 0) + 1);
  const notHosting = core.filter((id) => (hosted.get(id) ?? 0) < w.hostingsPerCoreUnitMin.value);
  if (notHosting.length > 0)
    out.push({
      code: 'COMM.HOST_ROTATION',
      rule: w.hostingsPerCoreUnitMin.ruleId,
      severity: 'error',
      message: `全年活动应在核心成员学校中轮流举行，有 ${notHosting.length} 所核心成员学校没有承办活动`,
      values: { schoolIds: notHosting, perCoreUnitMin: w.hostingsPerCoreUnitMin.value },
    });
  const outside = inYear.filter((s) => !core.includes(s.hostSchoolId));
  if (outside.length > 0)
    out.push({
      code: 'COMM.HOSTED_OUTSIDE',
      rule: w.hostingsPerCoreUnitMin.ruleId,
      severity: 'warning',
      message: `有 ${outside.length} 次活动不在核心成员学校举行`,
      values: {
        sessions: outside.map((s) => s.id),
        schoolIds: [...new Set(outside.map((s) => s.hostSchoolId))],
      },
    });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Registration

export interface WorkshopRegistration {
  registeredOn: string;
  /** The school year the registration is for; absent: the one `registeredOn` falls in. */
  firstSchoolYear?: string;
  /** Roster adjustments (调整) made under this registration. */
  adjustments: readonly { id: string; on: string }[];
}

export interface RegistrationStanding {
  /** The school years the registration holds for. */
  schoolYears: string[];
  /** Its last day: the day before the school year after them begins. */
  validUntil: string;
  /** Whether it still holds on `asOf`. */
  valid: boolean;
  findings: CommunityFinding[];
}

/**
 * R3-W14: a registration holds for 2 school years (the one it is for and the next), then the workshop registers
 * again; in each school year the roster may be adjusted at most once. An adjustment outside those years is an error.
 */
export function checkRegistration(
  reg: WorkshopRegistration,
  asOf: string,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
  schoolYearStart: string = DEFAULT_SCHOOL_YEAR_START,
): RegistrationStanding {
  const w = rules.workshop;
  const firstYear = reg.firstSchoolYear ?? schoolYearOf(reg.registeredOn, schoolYearStart);
  const first = requireSchoolYear(firstYear);
  const n = w.registrationYears.value;
  const schoolYears = Array.from({ length: n }, (_, i) => schoolYearStarting(first + i));
  const validUntil = addDays(schoolYearFirstDay(schoolYearStarting(first + n), schoolYearStart), -1);
  const out: CommunityFinding[] = [];
  const valid = asOf <= validUntil;
  if (!valid)
    out.push({
      code: 'COMM.REGISTRATION_EXPIRED',
      rule: w.registrationYears.ruleId,
      severity: 'error',
      message: `注册有效期 ${n} 个学年，已于 ${validUntil} 到期，需重新申报注册`,
      values: { validUntil, asOf, years: n, schoolYears },
    });
  const perYear = new Map<string, string[]>();
  for (const a of [...reg.adjustments].sort((x, y) => x.on.localeCompare(y.on) || x.id.localeCompare(y.id))) {
    const year = schoolYearOf(a.on, schoolYearStart);
    if (!schoolYears.includes(year)) {
      out.push({
        code: 'COMM.ADJUSTMENT_OUTSIDE',
        rule: w.adjustmentsPerYearMax.ruleId,
        severity: 'error',
        message: `${a.on} 的成员调整不在本次注册的有效期（${schoolYearListLabel(schoolYears)}）内`,
        values: { adjustment: a.id, on: a.on, schoolYears },
      });
      continue;
    }
    perYear.set(year, [...(perYear.get(year) ?? []), a.id]);
  }
  for (const [year, ids] of perYear)
    if (ids.length > w.adjustmentsPerYearMax.value)
      out.push({
        code: 'COMM.ADJUSTMENTS',
        rule: w.adjustmentsPerYearMax.ruleId,
        severity: 'error',
        message: `${schoolYearLabel(year)}调整成员 ${ids.length} 次，每学年最多 ${w.adjustmentsPerYearMax.value} 次`,
        values: { schoolYear: year, adjustments: ids.length, max: w.adjustmentsPerYearMax.value },
      });
  return { schoolYears, validUntil, valid, findings: out };
}

// ---------------------------------------------------------------------------------------------------------
// 学时 (R3-W16)

/** A member's attendance at a workshop activity. */
export interface WorkshopAttendance {
  id: string;
  memberId: string;
  date: string;
  /** Days attended (0.5 for half a day). */
  days: number;
  /** The activity's own 学时 (tenths), if it states them; absent: days × the day's 学时. */
  hoursTenths?: number;
}

export interface CreditLine {
  attendanceId: string;
  date: string;
  /** What the attendance is worth before the caps. */
  claimedTenths: number;
  countedTenths: number;
  notCountedTenths: number;
  /** Why part of it is not counted (R3-W16), or why the line is refused. */
  reasons: CommunityFinding[];
}

/** One member's workshop 学时 in one school year: the line per attendance and the totals. */
export interface MemberCredits {
  memberId: string;
  schoolYear: string;
  countedTenths: number;
  notCountedTenths: number;
  lines: CreditLine[];
}

/**
 * R3-W16: a member's workshop 学时 in tenths, per school year: at most 6 学时 a day attended (days × 6, rounded down
 * to a tenth) and at most 40 a school year. Attendances are read by date, then id, whatever order they come in;
 * the one that crosses 40 counts up to it and the rest is marked not counted with the rule and the numbers. An
 * attendance with no days or bad 学时 counts nothing (an error line).
 */
export function workshopCredits(
  attendances: readonly WorkshopAttendance[],
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
  schoolYearStart: string = DEFAULT_SCHOOL_YEAR_START,
): MemberCredits[] {
  const { dayCapTenths: dayCap, yearCapTenths: yearCap } = rules.workshop;
  const sorted = [...attendances].sort(
    (a, b) =>
      a.memberId.localeCompare(b.memberId) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  );
  const byKey = new Map<string, MemberCredits>();
  for (const a of sorted) {
    const schoolYear = schoolYearOf(a.date, schoolYearStart);
    const key = `${a.memberId}\u0000${schoolYear}`;
    const acc = byKey.get(key) ?? {
      memberId: a.memberId,
      schoolYear,
      countedTenths: 0,
      notCountedTenths: 0,
      lines: [],
    };
    byKey.set(key, acc);
    const dayLimit = Number.isFinite(a.days) && a.days > 0 ? dayLimitTenths(a.days, dayCap.value) : 0;
    const claimed = a.hoursTenths ?? dayLimit;
    const reasons: CommunityFinding[] = [];
    if (dayLimit <= 0 || !Number.isInteger(claimed) || claimed < 0) {
      reasons.push({
        code: 'COMM.HOURS_INVALID',
        rule: dayCap.ruleId,
        severity: 'error',
        message: `出勤天数 ${a.days} 或学时 ${a.hoursTenths === undefined ? '—' : a.hoursTenths / 10} 无效，不计学时`,
        values: { days: a.days, hoursTenths: a.hoursTenths ?? null },
      });
      acc.lines.push({
        attendanceId: a.id,
        date: a.date,
        claimedTenths: 0,
        countedTenths: 0,
        notCountedTenths: 0,
        reasons,
      });
      continue;
    }
    let counted = Math.min(claimed, dayLimit);
    if (counted < claimed)
      reasons.push({
        code: 'COMM.HOURS_DAY_CAP',
        rule: dayCap.ruleId,
        severity: 'warning',
        message: `每天最多计 ${hours(dayCap.value)}：${a.days} 天最多 ${hours(dayLimit)}，超出的 ${hours(claimed - counted)}不计入`,
        values: {
          days: a.days,
          dayCapTenths: dayCap.value,
          claimedTenths: claimed,
          dayLimitTenths: dayLimit,
        },
      });
    const room = Math.max(0, yearCap.value - acc.countedTenths);
    if (counted > room) {
      reasons.push({
        code: 'COMM.HOURS_YEAR_CAP',
        rule: yearCap.ruleId,
        severity: 'warning',
        message: `每学年最多计 ${hours(yearCap.value)}：本学年此前已计 ${hours(acc.countedTenths)}，本次 ${hours(counted)}中 ${hours(room)}计入，${hours(counted - room)}不计入`,
        values: { yearCapTenths: yearCap.value, beforeTenths: acc.countedTenths, wouldCountTenths: counted },
      });
      counted = room;
    }
    acc.countedTenths += counted;
    acc.notCountedTenths += claimed - counted;
    acc.lines.push({
      attendanceId: a.id,
      date: a.date,
      claimedTenths: claimed,
      countedTenths: counted,
      notCountedTenths: claimed - counted,
      reasons,
    });
  }
  return [...byKey.values()].sort(
    (a, b) => a.memberId.localeCompare(b.memberId) || a.schoolYear.localeCompare(b.schoolYear),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Monthly review (R3-G17) and the annual selection (R3-G18)

/** One studio's or workshop's month, as the 进修学校 counts it. */
export interface MonthlyStats {
  /** 'YYYY-MM'. */
  month: string;
  planned: number;
  held: number;
  /** Member-sessions expected (members × sessions held) and attended. */
  expectedAttendances: number;
  attendances: number;
  /** Outcomes submitted (课例, 讲座, 论文 …). */
  outputs: number;
  /** Teachers the community led this month (R3-B07 counts them over the year). */
  membersLed: number;
}

export interface MonthlyReview {
  month: string;
  held: number;
  planned: number;
  /** Attended ÷ expected, or null when nothing was expected. */
  attendanceRate: number | null;
  outputs: number;
  membersLed: number;
  findings: CommunityFinding[];
}

/**
 * R3-G17: the month's statistics and feedback: activities held against planned, the attendance rate (below the
 * pack's threshold is flagged, Y-COMM-ATTENDANCE), a month with activities but no outcome. Warnings: the review asks
 * for a look, it does not refuse anything.
 */
export function monthlyReview(
  stats: MonthlyStats,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): MonthlyReview {
  const out: CommunityFinding[] = [];
  if (stats.held < stats.planned)
    out.push({
      code: 'COMM.REVIEW_HELD',
      rule: 'R3-G17',
      severity: 'warning',
      message: `本月计划活动 ${stats.planned} 次，实际开展 ${stats.held} 次`,
      values: { month: stats.month, planned: stats.planned, held: stats.held },
    });
  const rate = stats.expectedAttendances > 0 ? stats.attendances / stats.expectedAttendances : null;
  const min = rules.review.attendanceMin;
  if (rate !== null && !atLeastShare(stats.attendances, stats.expectedAttendances, min.value))
    out.push({
      code: 'COMM.REVIEW_ATTENDANCE',
      rule: min.ruleId,
      severity: 'warning',
      message: `本月出勤率 ${percent(rate)}，低于 ${percent(min.value)}`,
      values: {
        month: stats.month,
        attendances: stats.attendances,
        expected: stats.expectedAttendances,
        min: min.value,
      },
    });
  if (stats.held > 0 && stats.outputs === 0)
    out.push({
      code: 'COMM.REVIEW_NO_OUTPUTS',
      rule: 'R3-G17',
      severity: 'warning',
      message: `本月开展活动 ${stats.held} 次，没有提交成果`,
      values: { month: stats.month, held: stats.held, outputs: 0 },
    });
  return {
    month: stats.month,
    held: stats.held,
    planned: stats.planned,
    attendanceRate: rate,
    outputs: stats.outputs,
    membersLed: stats.membersLed,
    findings: out,
  };
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** R3-G17: the months from `from` to `to` ('YYYY-MM', both included) that have no review record. */
export function missingMonthlyReviews(
  from: string,
  to: string,
  reviewed: readonly string[],
): CommunityFinding[] {
  if (!MONTH.test(from) || !MONTH.test(to)) throw new RangeError(`not a YYYY-MM month: ${from} … ${to}`);
  const done = new Set(reviewed);
  const missing: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (let month = from; month <= to; ) {
    if (!done.has(month)) missing.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    month = `${y}-${String(m).padStart(2, '0')}`;
  }
  if (missing.length === 0) return [];
  return [
    {
      code: 'COMM.REVIEWS_MISSING',
      rule: 'R3-G17',
      severity: 'warning',
      message: `有 ${missing.length} 个月没有月度评价记录：${missing.join('、')}`,
      values: { months: missing },
    },
  ];
}

/** R3-G18: whether `date` is in the month of the annual selection (December). */
export function isSelectionMonth(date: string, rules: CommunityRules = DEFAULT_COMMUNITY_RULES): boolean {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`not a YYYY-MM-DD calendar date: ${date}`);
  return parts.month === rules.review.selectionMonth.value;
}
