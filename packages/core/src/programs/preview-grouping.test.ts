import { describe, expect, it } from 'vitest';
import { fullYearsBetween } from '../dates';
import { HENAN_2021_PACK } from './henan-2021';
import { addDays, findProjectType, findTrack } from './policy-pack';
import { latestDateWithFullYears, planEligibilityGrouping, yearClassOf } from './preview-grouping';

describe('latestDateWithFullYears: the year boundaries of the age and 教龄 rules (R-004-56, R-004-72)', () => {
  it('born on the reference date 45 years back is 45; a day later is 44', () => {
    expect(latestDateWithFullYears('2021-07-30', 45)).toBe('1976-07-30');
    expect(fullYearsBetween('1976-07-30', '2021-07-30')).toBe(45);
    expect(fullYearsBetween('1976-07-31', '2021-07-30')).toBe(44);
  });
  it('29 February: born on it is one year older on 1 March of common years', () => {
    expect(latestDateWithFullYears('2023-02-28', 45)).toBe('1978-02-28');
    expect(latestDateWithFullYears('2023-02-28', 47)).toBe('1976-02-28');
    expect(fullYearsBetween('1976-02-29', '2023-02-28')).toBe(46);
    expect(fullYearsBetween('1976-02-29', '2023-03-01')).toBe(47);
    expect(latestDateWithFullYears('2024-02-29', 4)).toBe('2020-02-29');
  });
  it('classes agree with fullYearsBetween on every day of six years around the boundaries', () => {
    for (const ref of ['2021-07-30', '2024-02-29', '2023-02-28', '2023-03-01']) {
      const [c] =
        planEligibilityGrouping(
          [
            {
              code: 't',
              name: 't',
              kind: 'trainee',
              eligibility: {
                minTeachingYears: { value: 5, ruleId: 'R', source: '' },
                age: {
                  max: { value: 2, ruleId: 'R', source: '' },
                  soft: { value: true, ruleId: 'R', source: '' },
                },
              },
            },
          ],
          [ref],
        ).teaching ?? [];
      if (!c) throw new Error('no classes');
      for (let d = addDays(ref, -365 * 7); d <= addDays(ref, 400); d = addDays(d, 1)) {
        const years = fullYearsBetween(d, ref);
        expect(yearClassOf(c, d)).toBe(Math.min(Math.max(years, 4), 6));
      }
    }
  });
});

describe('planEligibilityGrouping', () => {
  it('groups only by what the rules read: rural backbone reads location, 教龄 and backbone, not age or roles', () => {
    const type = findProjectType(HENAN_2021_PACK, 'rural_backbone');
    const track = type && findTrack(type);
    if (!track) throw new Error('no track');
    const plan = planEligibilityGrouping([track], ['2021-07-30']);
    expect(plan.age).toBeNull();
    expect(plan.teaching?.[0]?.lo).toBe(4);
    expect(plan.location && plan.backbone).toBe(true);
    expect(plan.roles || plan.title || plan.stage).toBe(false);
  });
  it('refuses a reference date that is not a calendar date', () => {
    expect(() => planEligibilityGrouping([], ['2021-02-30'])).toThrow(RangeError);
  });
});
