import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { completionRate, kpiRate, kpiTargetsOf, PROJECT_COUNTY_KPI_TARGETS } from './kpi';
import { pv } from './policy-pack';

describe('kpiRate (R-004-27 注册完成率 / 报到率)', () => {
  it('divides and rounds to 4 decimals', () => {
    expect(kpiRate(2, 3)).toEqual({ numerator: 2, denominator: 3, rate: 0.6667, reason: null });
    expect(kpiRate(3, 3).rate).toBe(1);
    expect(kpiRate(0, 3).rate).toBe(0);
  });
  it('no denominator or an unknown numerator gives no rate (shown as —), not 0', () => {
    expect(kpiRate(0, 0)).toMatchObject({ rate: null, reason: 'no_denominator' });
    expect(kpiRate(null, 5)).toEqual({ numerator: null, denominator: 5, rate: null, reason: 'not_reported' });
    expect(kpiRate(0, 1)).toMatchObject({ rate: 0, reason: null }); // a real 0 % with a denominator of 1
  });
});

describe('completionRate (R3-B02 结业率)', () => {
  it('no completion run yet: "—" with the reason, never 0 %', () => {
    expect(completionRate(0, 0, 7)).toEqual({
      numerator: 0,
      denominator: 0,
      rate: null,
      reason: 'no_completion_run',
    });
    expect(completionRate(0, 0, 0).reason).toBe('no_denominator');
    expect(completionRate(null, null, 7).reason).toBe('not_reported');
  });
  it('divides by the trainees judged: 1 judged and failed is 0 %, 2 of 4 judged is 50 %', () => {
    expect(completionRate(0, 1, 7)).toMatchObject({ rate: 0, reason: null, denominator: 1 });
    expect(completionRate(2, 4, 7)).toMatchObject({ rate: 0.5, numerator: 2, denominator: 4 });
  });
});

describe('kpiTargetsOf (R3-B02)', () => {
  it('a pack without targets gets R3-B02: arrival and completion 100%, none for registration', () => {
    const t = kpiTargetsOf(HENAN_2021_PACK);
    expect(t).toBe(PROJECT_COUNTY_KPI_TARGETS);
    expect(t.arrivalRate).toMatchObject({ value: 1, ruleId: 'R3-B02' });
    expect(t.completionRate?.value).toBe(1);
    expect(t.registrationRate).toBeUndefined();
  });
  it("a pack's own targets win", () => {
    const own = { registrationRate: pv(0.95, 'Y-KPI-REG', 'test') };
    expect(kpiTargetsOf({ kpiTargets: own })).toBe(own);
  });
});
