import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import { findProjectType } from './policy-pack';
import { projectCountyDeduction, shortlistCap } from './selection-quality';

describe('R-004-59 shortlistCap: ⌈seats × ratio⌉ candidates', () => {
  it('10 seats at 1:1.2 → 12 candidates (not 13 from floating point)', () => {
    expect(shortlistCap(10, 1.2)).toBe(12);
  });
  it('150 seats → 180 (the seed), 1 seat → 2, 0 seats → 0', () => {
    const ratio = findProjectType(HENAN_2021_PACK, 'trainer_advanced')?.competitiveRatio?.value ?? 0;
    expect(ratio).toBe(1.2);
    expect(shortlistCap(150, ratio)).toBe(180);
    expect(shortlistCap(1, ratio)).toBe(2);
    expect(shortlistCap(0, ratio)).toBe(0);
    expect(shortlistCap(11, ratio)).toBe(14);
  });
});

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
