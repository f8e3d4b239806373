import { describe, expect, it } from 'vitest';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import { checkSchoolPlan, schoolPlanDue, spotCheckDraw } from './school-based';
import type { CommunityRules } from './types';

const calendarWeeks: CommunityRules = {
  ...DEFAULT_COMMUNITY_RULES,
  schoolBased: {
    ...DEFAULT_COMMUNITY_RULES.schoolBased,
    planWeekBasis: { ...DEFAULT_COMMUNITY_RULES.schoolBased.planWeekBasis, value: 'calendar' },
  },
};

describe('the school’s annual plan (R3-S03: before week 2)', () => {
  it('R3-S03: school opening Tuesday 2026-09-01: due by 2026-09-07 (weeks from the first day)', () => {
    expect(schoolPlanDue('2026-09-01')).toEqual({
      weekBegins: '2026-09-08',
      lastDay: '2026-09-07',
      rule: 'R3-S03',
    });
  });

  it('R3-S03: on calendar weeks (Monday–Sunday) week 2 begins Monday 2026-09-07, so due by 2026-09-06', () => {
    expect(schoolPlanDue('2026-09-01', calendarWeeks)).toMatchObject({
      weekBegins: '2026-09-07',
      lastDay: '2026-09-06',
    });
    // a school year opening on a Monday: both readings agree
    expect(schoolPlanDue('2026-08-31', calendarWeeks).lastDay).toBe(schoolPlanDue('2026-08-31').lastDay);
  });

  it('R3-S03: submitted on the last day is on time, the day after is late; not submitted by then is late', () => {
    expect(checkSchoolPlan('2026-09-07', '2026-09-01', '2026-09-20')).toEqual([]);
    expect(checkSchoolPlan('2026-09-08', '2026-09-01', '2026-09-20')).toEqual([
      expect.objectContaining({
        rule: 'R3-S03',
        message: '年度校本研修方案于 2026-09-08 提交，晚于 2026-09-07 的截止日',
      }),
    ]);
    expect(checkSchoolPlan(null, '2026-09-01', '2026-09-07')).toEqual([]);
    expect(checkSchoolPlan(null, '2026-09-01', '2026-09-08')[0]?.message).toContain('至今未提交');
  });
});

describe('the end-of-term spot check (R3-S04: a seeded draw)', () => {
  const schools = (n: number) =>
    Array.from({ length: n }, (_, i) => `school-${String(i + 1).padStart(3, '0')}`);

  it('R3-S04: the count is ⌈n × ratio⌉: 10 × 20 % = 2, 11 × 20 % → 3, 5 × 20 % = 1, 10 × 25 % → 3', () => {
    expect(spotCheckDraw(schools(10), 0.2, 'seed').count).toBe(2);
    expect(spotCheckDraw(schools(11), 0.2, 'seed').count).toBe(3);
    expect(spotCheckDraw(schools(5), 0.2, 'seed').picks).toHaveLength(1);
    expect(spotCheckDraw(schools(10), 0.25, 'seed')).toMatchObject({
      count: 3,
      note: '共 10 所，按 25% 抽取（向上取整）3 所',
    });
    expect(spotCheckDraw(schools(3), 0.01, 'seed').count).toBe(1);
    expect(spotCheckDraw(schools(10), 0, 'seed').picks).toEqual([]);
    expect(spotCheckDraw([], 0.2, 'seed').count).toBe(0);
    expect(spotCheckDraw(schools(4), 1, 'seed').picks.sort()).toEqual(schools(4));
    expect(() => spotCheckDraw(schools(4), 1.2, 'seed')).toThrow(RangeError);
  });

  it('R3-S04: the same seed and schools give the same picks in any input order; duplicates count once', () => {
    const list = schools(40);
    const draw = spotCheckDraw(list, 0.2, '2026-12-20/officer-7');
    expect(draw.picks).toHaveLength(8);
    expect(new Set(draw.picks).size).toBe(8);
    expect(spotCheckDraw([...list].reverse(), 0.2, '2026-12-20/officer-7').picks).toEqual(draw.picks);
    const shuffled = [...list].sort((a, b) => (a.slice(-1) + a).localeCompare(b.slice(-1) + b));
    expect(spotCheckDraw([...shuffled, ...list.slice(0, 5)], 0.2, '2026-12-20/officer-7')).toMatchObject({
      picks: draw.picks,
      population: 40,
    });
    expect(draw.rule).toBe('R3-S04');
  });

  it('R3-S04: another seed draws other schools, and over many seeds every school is drawn about as often', () => {
    const list = schools(10);
    expect(spotCheckDraw(schools(40), 0.2, 'a').picks).not.toEqual(
      spotCheckDraw(schools(40), 0.2, 'b').picks,
    );
    const times = new Map<string, number>();
    for (let s = 0; s < 2000; s++)
      for (const id of spotCheckDraw(list, 0.2, `seed-${s}`).picks) times.set(id, (times.get(id) ?? 0) + 1);
    // 2000 draws of 2 of 10: each school 400 times expected
    for (const id of list) expect(times.get(id) ?? 0).toBeGreaterThan(320);
    for (const id of list) expect(times.get(id) ?? 0).toBeLessThan(480);
  });
});
