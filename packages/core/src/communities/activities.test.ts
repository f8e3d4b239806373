import { describe, expect, it } from 'vitest';
import {
  checkRegistration,
  checkWorkshopPlan,
  isSelectionMonth,
  missingMonthlyReviews,
  monthlyReview,
  type PlanSession,
  type WorkshopAttendance,
  type WorkshopPlan,
  workshopCredits,
} from './activities';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import type { CommunityRules } from './types';

const CORE = ['s1', 's2', 's3', 's4', 's5'];
const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-03', '2027-04', '2027-05', '2027-06'];

/** One session on the 15th of each teaching month, rotating over the five core schools; June is the forum. */
function fullPlan(): WorkshopPlan {
  const sessions: PlanSession[] = MONTHS.map((m, i) => ({
    id: `s${i + 1}`,
    date: `${m}-15`,
    kind: m === '2027-06' ? 'reading_forum' : 'session',
    liveLessons: m === '2027-06' ? 0 : 1,
    discussions: m === '2027-06' ? 0 : 1,
    hostSchoolId: CORE[i % CORE.length] ?? 's1',
  }));
  return { schoolYear: '2026-2027', sessions, coreSchoolIds: CORE };
}

const withSessions = (plan: WorkshopPlan, change: (s: PlanSession[]) => PlanSession[]): WorkshopPlan => ({
  ...plan,
  sessions: change([...plan.sessions]),
});
const rulesOf = (plan: WorkshopPlan, rules?: CommunityRules) =>
  checkWorkshopPlan(plan, rules).map((f) => f.rule);

describe('a workshop’s school-year plan (R3-W06, R3-W08 … R3-W10)', () => {
  it('a session in each teaching month, 8 in all, a forum and every core school hosting passes', () => {
    expect(checkWorkshopPlan(fullPlan())).toEqual([]);
  });

  it('R3-W08: a teaching month without a session is named; January and February are not required', () => {
    const plan = withSessions(fullPlan(), (s) =>
      s.map((x) => (x.date === '2026-11-15' ? { ...x, date: '2027-01-10' } : x)),
    );
    const f = checkWorkshopPlan(plan).filter((x) => x.rule === 'R3-W08');
    expect(f).toEqual([
      expect.objectContaining({
        message: '每月应集中研修 1 次，以下月份不足：2026 年 11 月',
        values: { months: ['2026-11'], perMonthMin: 1 },
      }),
    ]);
  });

  it('R3-W08: 6 concentrated activities in the year is an error, 7 passes', () => {
    const oneMonth: CommunityRules = {
      ...DEFAULT_COMMUNITY_RULES,
      workshop: {
        ...DEFAULT_COMMUNITY_RULES.workshop,
        sessionMonths: { ...DEFAULT_COMMUNITY_RULES.workshop.sessionMonths, value: [6] },
      },
    };
    const seven = withSessions(fullPlan(), (s) => s.slice(1));
    expect(seven.sessions).toHaveLength(7);
    expect(rulesOf(seven, oneMonth)).not.toContain('R3-W08');
    const six = withSessions(fullPlan(), (s) => s.slice(2));
    expect(checkWorkshopPlan(six, oneMonth).find((f) => f.rule === 'R3-W08')).toMatchObject({
      message: '本学年集中活动 6 次，少于 7 次',
      values: { sessions: 6, min: 7 },
    });
  });

  it('R3-W08: a session outside the school year is an error and counts for nothing', () => {
    const plan = withSessions(fullPlan(), (s) =>
      s.map((x, i) => (i === 0 ? { ...x, date: '2026-08-31' } : x)),
    );
    const f = checkWorkshopPlan(plan).filter((x) => x.rule === 'R3-W08');
    expect(f.map((x) => x.message)).toEqual([
      '第 1 次活动的日期 2026-08-31 不在 2026—2027 学年内',
      '每月应集中研修 1 次，以下月份不足：2026 年 9 月',
    ]);
  });

  it('R3-W09: 0 live lessons and 3 are errors, 1 and 2 pass; no 议课 or 讲座 is an error; the forum needs no lesson', () => {
    const lessons = (n: number, d = 1) =>
      rulesOf(
        withSessions(fullPlan(), (s) =>
          s.map((x, i) => (i === 0 ? { ...x, liveLessons: n, discussions: d } : x)),
        ),
      );
    expect(lessons(0)).toContain('R3-W09');
    expect(lessons(1)).not.toContain('R3-W09');
    expect(lessons(2)).not.toContain('R3-W09');
    expect(lessons(3)).toContain('R3-W09');
    expect(lessons(1, 0)).toContain('R3-W09');
    expect(lessons(1, 2)).not.toContain('R3-W09');
  });

  it('R3-W10: a year without a reading forum is an error', () => {
    const plan = withSessions(fullPlan(), (s) =>
      s.map((x) => ({ ...x, kind: 'session' as const, liveLessons: 1, discussions: 1 })),
    );
    expect(checkWorkshopPlan(plan).find((f) => f.rule === 'R3-W10')?.message).toBe(
      '本学年应有 1 次专业阅读论坛，实有 0 次',
    );
  });

  it('R3-W06: a core school that hosts nothing is an error; a session at another school is a warning', () => {
    const plan = withSessions(fullPlan(), (s) =>
      s.map((x) => (x.hostSchoolId === 's5' ? { ...x, hostSchoolId: 'other' } : x)),
    );
    const f = checkWorkshopPlan(plan).filter((x) => x.rule === 'R3-W06');
    expect(f.map((x) => [x.severity, x.values.schoolIds])).toEqual([
      ['error', ['s5']],
      ['warning', ['other']],
    ]);
  });
});

describe('registration (R3-W14)', () => {
  const reg = { registeredOn: '2026-09-10', adjustments: [] };

  it('R3-W14: holds for 2 school years: valid on 2028-08-31, expired on 2028-09-01', () => {
    const on = checkRegistration(reg, '2028-08-31');
    expect(on).toMatchObject({
      schoolYears: ['2026-2027', '2027-2028'],
      validUntil: '2028-08-31',
      valid: true,
      findings: [],
    });
    const after = checkRegistration(reg, '2028-09-01');
    expect(after.valid).toBe(false);
    expect(after.findings).toEqual([
      expect.objectContaining({
        rule: 'R3-W14',
        message: '注册有效期 2 个学年，已于 2028-08-31 到期，需重新申报注册',
      }),
    ]);
  });

  it('R3-W14: one adjustment in each school year passes; a second in the same school year is an error', () => {
    const once = {
      ...reg,
      adjustments: [
        { id: 'j1', on: '2027-03-01' },
        { id: 'j2', on: '2027-10-01' },
      ],
    };
    expect(checkRegistration(once, '2027-12-01').findings).toEqual([]);
    const twice = {
      ...reg,
      adjustments: [
        { id: 'j1', on: '2026-10-01' },
        { id: 'j2', on: '2027-08-31' },
      ],
    };
    expect(checkRegistration(twice, '2027-12-01').findings.map((f) => f.message)).toEqual([
      '2026—2027 学年调整成员 2 次，每学年最多 1 次',
    ]);
  });

  it('R3-W14: a registration for the coming school year, and an adjustment outside its years', () => {
    const next = {
      registeredOn: '2026-06-20',
      firstSchoolYear: '2026-2027',
      adjustments: [{ id: 'j1', on: '2028-09-02' }],
    };
    const s = checkRegistration(next, '2027-01-01');
    expect(s.validUntil).toBe('2028-08-31');
    expect(s.findings.map((f) => f.values.adjustment)).toEqual(['j1']);
    expect(s.findings[0]?.message).toBe(
      '2028-09-02 的成员调整不在本次注册的有效期（2026—2027、2027—2028 学年）内',
    );
  });
});

describe('workshop 学时 (R3-W16: 6 a day, at most 40 a school year)', () => {
  const att = (
    id: string,
    date: string,
    days = 1,
    hoursTenths?: number,
    memberId = 't1',
  ): WorkshopAttendance =>
    hoursTenths === undefined ? { id, memberId, date, days } : { id, memberId, date, days, hoursTenths };

  it('R3-W16: a day is 6 学时, half a day 3; an activity stating 7 学时 a day counts 6 and says why', () => {
    const [acc] = workshopCredits([
      att('a', '2026-10-01'),
      att('b', '2026-10-02', 0.5),
      att('c', '2026-10-03', 1, 70),
    ]);
    expect(acc?.lines.map((l) => [l.countedTenths, l.notCountedTenths])).toEqual([
      [60, 0],
      [30, 0],
      [60, 10],
    ]);
    expect(acc?.lines[2]?.reasons[0]).toMatchObject({
      rule: 'R3-W16',
      message: '每天最多计 6 学时：1 天最多 6 学时，超出的 1 学时不计入',
    });
  });

  it('R3-W16: exactly 40 学时 in the school year all count; the next 0.1 学时 is recorded and not counted', () => {
    const forty = [att('a', '2026-10-01', 6), att('b', '2026-11-01', 1, 40)];
    const [exact] = workshopCredits(forty);
    expect(exact).toMatchObject({ countedTenths: 400, notCountedTenths: 0 });
    expect(exact?.lines.every((l) => l.reasons.length === 0)).toBe(true);
    const [over] = workshopCredits([...forty, att('c', '2026-12-01', 1, 1)]);
    expect(over).toMatchObject({ countedTenths: 400, notCountedTenths: 1 });
    expect(over?.lines[2]?.reasons[0]).toMatchObject({
      rule: 'R3-W16',
      message: '每学年最多计 40 学时：本学年此前已计 40 学时，本次 0.1 学时中 0 学时计入，0.1 学时不计入',
    });
  });

  it('R3-W16: the attendance crossing 40 counts up to it; order of input does not matter; a new school year starts again', () => {
    const list = [
      att('a', '2026-10-01', 6),
      att('b', '2026-11-01'),
      att('c', '2027-09-01'),
      att('d', '2026-10-01', 1, undefined, 't2'),
    ];
    const result = workshopCredits(list);
    expect(workshopCredits([...list].reverse())).toEqual(result);
    expect(result.map((m) => [m.memberId, m.schoolYear, m.countedTenths, m.notCountedTenths])).toEqual([
      ['t1', '2026-2027', 400, 20],
      ['t1', '2027-2028', 60, 0],
      ['t2', '2026-2027', 60, 0],
    ]);
  });

  it('R3-W16: no days, negative or fractional tenths count nothing (an error line)', () => {
    const [acc] = workshopCredits([
      att('a', '2026-10-01', 0),
      att('b', '2026-10-02', 1, -10),
      att('c', '2026-10-03', 1, 2.5),
    ]);
    expect(acc?.countedTenths).toBe(0);
    expect(acc?.lines.map((l) => l.reasons[0]?.severity)).toEqual(['error', 'error', 'error']);
  });
});

describe('monthly review (R3-G17) and the annual selection (R3-G18)', () => {
  const stats = {
    month: '2026-10',
    planned: 2,
    held: 2,
    expectedAttendances: 100,
    attendances: 80,
    outputs: 3,
    membersLed: 4,
  };

  it('R3-G17: a month as planned with 80 % attendance and outcomes has no finding', () => {
    expect(monthlyReview(stats)).toMatchObject({ attendanceRate: 0.8, findings: [] });
  });

  it('R3-G17: fewer activities than planned, and activities without outcomes, are warnings', () => {
    const r = monthlyReview({ ...stats, held: 1, outputs: 0 });
    expect(r.findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['R3-G17', 'warning', '本月计划活动 2 次，实际开展 1 次'],
      ['R3-G17', 'warning', '本月开展活动 1 次，没有提交成果'],
    ]);
  });

  it('Y-COMM-ATTENDANCE: 79 % attendance is flagged, 80 % is not; nothing expected gives no rate', () => {
    expect(monthlyReview({ ...stats, attendances: 79 }).findings).toEqual([
      expect.objectContaining({ rule: 'Y-COMM-ATTENDANCE', message: '本月出勤率 79%，低于 80%' }),
    ]);
    const none = monthlyReview({
      ...stats,
      planned: 0,
      held: 0,
      expectedAttendances: 0,
      attendances: 0,
      outputs: 0,
    });
    expect(none).toMatchObject({ attendanceRate: null, findings: [] });
  });

  it('R3-G17: the months without a review record, across the new year', () => {
    expect(missingMonthlyReviews('2026-11', '2027-02', ['2026-11', '2027-01'])).toEqual([
      expect.objectContaining({ rule: 'R3-G17', values: { months: ['2026-12', '2027-02'] } }),
    ]);
    expect(missingMonthlyReviews('2026-11', '2026-12', ['2026-11', '2026-12'])).toEqual([]);
    expect(() => missingMonthlyReviews('2026-13', '2027-01', [])).toThrow(RangeError);
  });

  it('R3-G18: the annual selection is in December', () => {
    expect(isSelectionMonth('2026-12-01')).toBe(true);
    expect(isSelectionMonth('2026-11-30')).toBe(false);
    expect(isSelectionMonth('2027-01-01')).toBe(false);
  });
});
