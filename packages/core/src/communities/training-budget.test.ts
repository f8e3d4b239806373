import { describe, expect, it } from 'vitest';
import { pv } from '../programs/policy-pack';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import { checkTrainingBudget, percentCut, trainingBudgetRulesOf, yuanText } from './training-budget';
import type { CommunityRules } from './types';

/** 公用经费 100 万元 = 100,000,000 fen; 5 % of it is 5 万元. */
const PUBLIC = 100_000_000;

describe('R3-B09 school training budget (5 % of public funds, ≥ 90 % used)', () => {
  it('5.00 % meets the rule, 4.99 % does not, with the numbers in a sentence', () => {
    expect(
      checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 5_000_000, usedFen: 4_500_000 }),
    ).toMatchObject({
      budgetMet: true,
      useMet: true,
      findings: [],
      share: 1,
    });
    const low = checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 4_990_000, usedFen: 4_990_000 });
    expect(low.budgetMet).toBe(false);
    expect(low.findings).toEqual([
      {
        code: 'COMM.BUDGET_SHARE',
        rule: 'R3-B09',
        severity: 'warning',
        message: '教师培训经费 4.99 万元，占公用经费 4.99%，低于 5%',
        values: { publicFundsFen: PUBLIC, budgetFen: 4_990_000, share: 0.0499, min: 0.05 },
      },
    ]);
    // half toward 5 % (4.99 ÷ 5) and the use half met
    expect(low.share).toBeCloseTo((0.0499 / 0.05 + 1) / 2, 10);
  });

  it('one fen short of 5 % is short: the comparison is exact', () => {
    const r = checkTrainingBudget({ publicFundsFen: 100_000_001, budgetFen: 5_000_000, usedFen: 5_000_000 });
    expect(r.budgetMet).toBe(false);
    expect(r.findings[0]?.message).toBe('教师培训经费 5 万元，占公用经费 4.99%，低于 5%');
  });

  it('90 % used meets the rule, 89.9 % does not', () => {
    const at = checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 5_000_000, usedFen: 4_500_000 });
    expect(at).toMatchObject({ useMet: true, useShare: 0.9, findings: [] });
    const under = checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 5_000_000, usedFen: 4_495_000 });
    expect(under.useMet).toBe(false);
    expect(under.findings).toEqual([
      {
        code: 'COMM.BUDGET_USE',
        rule: 'R3-B09',
        severity: 'warning',
        message: '已用于教师培训 4.5 万元，占培训经费 89.9%，低于 90%',
        values: { budgetFen: 5_000_000, usedFen: 4_495_000, share: 0.899, min: 0.9 },
      },
    ]);
    expect(under.share).toBeCloseTo((1 + 0.899 / 0.9) / 2, 10);
  });

  it('use above 100 % (topped up) is kept and not flagged; nothing budgeted has no use rate', () => {
    expect(
      checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 5_000_000, usedFen: 6_000_000 }),
    ).toMatchObject({ useMet: true, findings: [], share: 1 });
    const none = checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 0, usedFen: 0 });
    expect(none).toMatchObject({ useShare: null, budgetMet: false, useMet: false, share: 0 });
    expect(none.findings.map((f) => f.message)).toEqual(['教师培训经费 0 元，占公用经费 0%，低于 5%']);
  });

  it('reads the pack’s values with their rule ID, and the defaults for a pack saved before them', () => {
    expect(trainingBudgetRulesOf().shareMin).toMatchObject({ value: 0.05, ruleId: 'R3-B09' });
    expect(trainingBudgetRulesOf().useMin).toMatchObject({ value: 0.9, ruleId: 'R3-B09' });
    const {
      trainingBudgetShareMin: _,
      trainingBudgetUseMin: __,
      ...old
    } = DEFAULT_COMMUNITY_RULES.schoolBased;
    const before: CommunityRules = { ...DEFAULT_COMMUNITY_RULES, schoolBased: old };
    expect(trainingBudgetRulesOf(before).useMin.value).toBe(0.9);
    const strict: CommunityRules = {
      ...DEFAULT_COMMUNITY_RULES,
      schoolBased: { ...old, trainingBudgetShareMin: pv(0.06, 'R3-B09', 'test') },
    };
    expect(
      checkTrainingBudget({ publicFundsFen: PUBLIC, budgetFen: 5_000_000, usedFen: 5_000_000 }, strict)
        .budgetMet,
    ).toBe(false);
  });

  it('words the amounts in 元 and 万元', () => {
    expect(yuanText(4_200_000)).toBe('4.2 万元');
    expect(yuanText(123_456)).toBe('1234.56 元');
    expect(percentCut(0.035)).toBe('3.5%');
    expect(percentCut(0.04999)).toBe('4.99%');
  });
});
