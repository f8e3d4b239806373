import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { kpiRate, kpiTargetsOf, PROJECT_COUNTY_KPI_TARGETS } from './kpi';
import { pv } from './policy-pack';

describe('kpiRate (R-004-27 注册完成率 / 报到率)', () => {
  it('divides and rounds to 4 decimals', () => {
    expect(kpiRate(2, 3)).toEqual({ numerator: 2, denominator: 3, rate: 0.6667 });
    expect(kpiRate(3, 3).rate).toBe(1);
    expect(kpiRate(0, 3).rate).toBe(0);
  });
  it('no denominator or an unknown numerator gives no rate (shown as —), not 0', () => {
    expect(kpiRate(0, 0).rate).toBeNull();
    expect(kpiRate(null, 5)).toEqual({ numerator: null, denominator: 5, rate: null });
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
