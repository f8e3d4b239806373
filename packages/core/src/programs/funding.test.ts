import { describe, expect, it } from 'vitest';
import { compareSpending, costPerTrainee, programmeBudget, projectBudget, studiosFor } from './funding';
import { HENAN_2021_PACK } from './henan-2021';
import type { PolicyPack } from './policy-pack';

const pack = HENAN_2021_PACK;

describe('standard cost per trainee in fen (R-004-22 400 元/人/天, R-004-23 3 元/学时)', () => {
  it('R-004-22/23 project 1 backbone: 15 × 40000 + 60 × 300 = 618000 fen (6,180 元)', () => {
    const b = costPerTrainee(pack, 'backbone_cultivation', 'backbone');
    expect(b.lines.map((l) => [l.ruleId, l.quantity, l.unit, l.unitFen, l.amountFen])).toEqual([
      ['R-004-22', 15, '人天', 40_000, 600_000],
      ['R-004-23', 60, '学时', 300, 18_000],
    ]);
    expect(b.totalFen).toBe(618_000);
  });

  it('R-004-23 project 1 new teacher: 50 学时 online only = 15000 fen', () => {
    expect(costPerTrainee(pack, 'backbone_cultivation', 'new_teacher').totalFen).toBe(15_000);
  });

  it('R-004-60 project 3 trainer: 50 days + 60 学时 per year × 2 = 2036000 fen; the per-cycle reading gives 2018000', () => {
    expect(costPerTrainee(pack, 'trainer_advanced').totalFen).toBe(2_036_000);
    const perCycle: PolicyPack = structuredClone(pack);
    const basis = perCycle.projectTypes[2]?.tracks[0]?.onlineHoursBasis;
    if (!basis) throw new Error('setup');
    basis.value = 'per_cycle';
    expect(costPerTrainee(perCycle, 'trainer_advanced').totalFen).toBe(2_018_000);
  });

  it('R-004-69 project 4: 20 × 40000 + 100 × 300 = 830000 fen', () => {
    expect(costPerTrainee(pack, 'institution_backbone').totalFen).toBe(830_000);
  });

  it('R-004-73/74 project 5: 15 × 40000 + 30 × 300 = 609000 fen', () => {
    expect(costPerTrainee(pack, 'rural_backbone').totalFen).toBe(609_000);
  });

  it('a changed standard flows through: 450 元/天 makes project 5 684000 fen', () => {
    const next: PolicyPack = structuredClone(pack);
    next.funding.centralizedPerPersonDayFen.value = 45_000;
    expect(costPerTrainee(next, 'rural_backbone').totalFen).toBe(684_000);
  });

  it('throws on an unknown project type or track', () => {
    expect(() => costPerTrainee(pack, 'nope')).toThrow(RangeError);
    expect(() => costPerTrainee(pack, 'rural_backbone', 'nope')).toThrow(RangeError);
  });
});

describe('project budget (R-004-24 20,000 元 per studio)', () => {
  it('R-004-24 project 3: 150 trainers + 15 expert studios = 305400000 + 30000000 fen', () => {
    const b = projectBudget(pack, 'trainer_advanced', { people: { trainer: 150 }, studios: 15 });
    expect(b.lines.map((l) => [l.ruleId, l.amountFen])).toEqual([
      ['R-004-22', 300_000_000],
      ['R-004-23', 5_400_000],
      ['R-004-24', 30_000_000],
    ]);
    expect(b.totalFen).toBe(335_400_000);
  });

  it('R-004-24 project 1: one studio of 10 backbone and 100 new teachers', () => {
    const b = projectBudget(pack, 'backbone_cultivation', {
      people: { backbone: 10, new_teacher: 100 },
      studios: 1,
    });
    expect(b.totalFen).toBe(10 * 618_000 + 100 * 15_000 + 2_000_000);
  });

  it('R-004-24 project 2 studios are not subsidised by default (reading in the pack note)', () => {
    const b = projectBudget(pack, 'county_system', { people: { county_team: 50 }, studios: 10 });
    expect(b.lines.some((l) => l.ruleId === 'R-004-24')).toBe(false);
    expect(b.totalFen).toBe(50 * (30 * 40_000 + 120 * 300));
  });
});

describe('programme budget from seats (R-004-22 … R-004-24), every line with its category and rule', () => {
  it('R-004-62 150 trainers fill ⌈150 ÷ 10⌉ = 15 expert studios; 151 fill 16', () => {
    expect(studiosFor(pack, 'trainer_advanced', 'trainer', 150)).toEqual({
      studios: 15,
      ruleId: 'R-004-62',
      perStudio: 10,
    });
    expect(studiosFor(pack, 'trainer_advanced', 'trainer', 151).studios).toBe(16);
    expect(studiosFor(pack, 'trainer_advanced', 'trainer', 0).studios).toBe(0);
  });

  it('R-004-33 backbone fill 名师网络工作室 of 10; rural backbone fill no studio', () => {
    expect(studiosFor(pack, 'backbone_cultivation', 'backbone', 20).studios).toBe(2);
    expect(studiosFor(pack, 'rural_backbone', 'rural_backbone', 200)).toEqual({ studios: 0 });
  });

  it('project 3, 150 seats: lines by category in fen, total 335400000 (3,354,000 元)', () => {
    const b = programmeBudget(pack, {
      projectTypeCode: 'trainer_advanced',
      trackCode: 'trainer',
      seats: 150,
    });
    expect(b.lines.map((l) => [l.category, l.ruleId, l.amountFen])).toEqual([
      ['centralized', 'R-004-22', 300_000_000],
      ['online', 'R-004-23', 5_400_000],
      ['studio', 'R-004-24', 30_000_000],
    ]);
    expect([b.totalFen, b.studios]).toEqual([335_400_000, 15]);
  });

  it('an explicit studio count overrides the derived one', () => {
    const b = programmeBudget(pack, {
      projectTypeCode: 'trainer_advanced',
      trackCode: 'trainer',
      seats: 150,
      studios: 0,
    });
    expect(b.lines.some((l) => l.category === 'studio')).toBe(false);
  });
});

describe('spending vs budget (R-004-25), in fen', () => {
  const budget = programmeBudget(pack, {
    projectTypeCode: 'rural_backbone',
    trackCode: 'rural_backbone',
    seats: 10,
  });

  it('budget 6000000 + 90000 fen; spending exactly the budget is not over, one fen more is', () => {
    const at = compareSpending(pack, budget, [
      { category: 'centralized', amountFen: 6_000_000 },
      { category: 'online', amountFen: 90_000 },
    ]);
    expect(
      at.categories.map((c) => [c.category, c.budgetFen, c.actualFen, c.varianceFen, c.overBudget]),
    ).toEqual([
      ['centralized', 6_000_000, 6_000_000, 0, false],
      ['online', 90_000, 90_000, 0, false],
      ['studio', 0, 0, 0, false],
    ]);
    expect(at.overBudget).toBe(false);
    expect(at.categories[0]?.usedBasisPoints).toBe(10_000);
    const over = compareSpending(pack, budget, [
      { category: 'centralized', amountFen: 6_000_001 },
      { category: 'online', amountFen: 1 },
    ]);
    expect(over.categories[0]).toMatchObject({ varianceFen: -1, overBudget: true, ruleIds: ['R-004-22'] });
    expect(over.overBudget).toBe(true);
    expect(over.ruleId).toBe('R-004-25');
    expect([over.budgetFen, over.actualFen, over.varianceFen]).toEqual([6_090_000, 6_000_002, 89_998]);
  });

  it('spending in a category without budget is over budget and names that standard', () => {
    const c = compareSpending(pack, budget, [{ category: 'studio', amountFen: 100 }]);
    expect(c.categories[2]).toMatchObject({
      budgetFen: 0,
      usedBasisPoints: null,
      overBudget: true,
      ruleIds: ['R-004-24'],
    });
  });

  it('a reversal (negative entry) brings an over-budget category back', () => {
    const c = compareSpending(pack, budget, [
      { category: 'online', amountFen: 100_000 },
      { category: 'online', amountFen: -10_000 },
    ]);
    expect(c.categories[1]).toMatchObject({ actualFen: 90_000, overBudget: false });
  });
});
