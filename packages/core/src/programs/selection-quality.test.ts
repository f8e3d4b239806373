import { describe, expect, it } from 'vitest';
import { projectCountyDeduction } from './selection-quality';

describe('R3-B03 project-county deduction: −1 per person-time from 12 points', () => {
  it('sums under-reported, missed, not completed and ineligible person-times', () => {
    const d = projectCountyDeduction({ underReported: 2, missed: 1, notCompleted: 1, ineligible: 1 });
    expect(d).toMatchObject({ ruleId: 'R3-B03', maxPoints: 12, points: 5, score: 7 });
    expect(d.items.map((i) => [i.code, i.personTimes, i.points])).toEqual([
      ['under_reported', 2, 2],
      ['missed', 1, 1],
      ['not_completed', 1, 1],
      ['ineligible', 1, 1],
    ]);
  });
  it('12 person-times take all 12 points; 13 still leave the score at 0, not below', () => {
    expect(
      projectCountyDeduction({ underReported: 12, missed: 0, notCompleted: 0, ineligible: 0 }).score,
    ).toBe(0);
    const d = projectCountyDeduction({ underReported: 10, missed: 3, notCompleted: 0, ineligible: 0 });
    expect(d).toMatchObject({ points: 12, score: 0 });
  });
  it('nothing to deduct: full 12 points', () => {
    expect(
      projectCountyDeduction({ underReported: 0, missed: 0, notCompleted: 0, ineligible: 0 }),
    ).toMatchObject({
      points: 0,
      score: 12,
    });
  });
});
