/**
 * R3-B09 (S003 附件 5, 校本研修示范校评价标准 12): a school's annual teacher-training budget is at least 5 % of its
 * annual public-funds budget, and its teachers use at least 90 % of it. Both are checks shown with the numbers,
 * never refusals: a school short of either keeps its record. Amounts are integer fen; the comparisons are exact
 * (in integers), so 5.00 % and 90 % meet the rule and 4.99 % and 89.9 % do not. Use above 100 % (a budget topped up
 * during the year) is not flagged.
 */
import type { PolicyValue } from '../programs/policy-pack';
import { DEFAULT_COMMUNITY_RULES } from './rules';
import type { CommunityFinding, CommunityRules } from './types';

export interface TrainingBudgetAmounts {
  /** 年度公用经费预算总额, fen (> 0) */
  publicFundsFen: number;
  /** 教师培训经费预算, fen */
  budgetFen: number;
  /** 已使用: spent on the teachers' training, fen */
  usedFen: number;
}

export interface TrainingBudgetStanding {
  /** budget ÷ public funds */
  budgetShare: number;
  /** used ÷ budget; null when nothing was budgeted */
  useShare: number | null;
  budgetMet: boolean;
  useMet: boolean;
  shareMin: number;
  useMin: number;
  rule: string;
  findings: CommunityFinding[];
  /** Y-EVAL-LIVE-SHARE: half toward each condition (value ÷ threshold, at most 1). */
  share: number;
}

/** The pack's two R3-B09 values, or the defaults for a pack saved before them. */
export function trainingBudgetRulesOf(rules: CommunityRules = DEFAULT_COMMUNITY_RULES): {
  shareMin: PolicyValue<number>;
  useMin: PolicyValue<number>;
} {
  const d = DEFAULT_COMMUNITY_RULES.schoolBased;
  const shareMin = rules.schoolBased.trainingBudgetShareMin ?? d.trainingBudgetShareMin;
  const useMin = rules.schoolBased.trainingBudgetUseMin ?? d.trainingBudgetUseMin;
  if (!shareMin || !useMin) throw new Error('DEFAULT_COMMUNITY_RULES lacks R3-B09');
  return { shareMin, useMin };
}

/** Fen as 元 for a sentence: 4,200,000 → "4.2 万元", 123,456 → "1234.56 元". */
export function yuanText(fen: number): string {
  const trim = (x: number) => String(Math.round(x * 100) / 100);
  return Math.abs(fen) >= 1_000_000 ? `${trim(fen / 1_000_000)} 万元` : `${trim(fen / 100)} 元`;
}

/** A share as a percentage cut (not rounded) to two decimals, so a share under the line never reads as the line. */
export function percentCut(share: number): string {
  return `${Math.floor(share * 10000 + 1e-7) / 100}%`;
}

/** n ≥ min × of, compared in integers (min with at most four decimals). */
function atLeast(n: number, of: number, min: number): boolean {
  return BigInt(n) * 10000n >= BigInt(Math.round(min * 10000)) * BigInt(of);
}

export function checkTrainingBudget(
  a: TrainingBudgetAmounts,
  rules: CommunityRules = DEFAULT_COMMUNITY_RULES,
): TrainingBudgetStanding {
  const { shareMin, useMin } = trainingBudgetRulesOf(rules);
  const budgetShare = a.publicFundsFen > 0 ? a.budgetFen / a.publicFundsFen : 0;
  const useShare = a.budgetFen > 0 ? a.usedFen / a.budgetFen : null;
  const budgetMet = a.publicFundsFen > 0 && atLeast(a.budgetFen, a.publicFundsFen, shareMin.value);
  const useMet = a.budgetFen > 0 && atLeast(a.usedFen, a.budgetFen, useMin.value);
  const findings: CommunityFinding[] = [];
  if (!budgetMet)
    findings.push({
      code: 'COMM.BUDGET_SHARE',
      rule: shareMin.ruleId,
      severity: 'warning',
      message: `教师培训经费 ${yuanText(a.budgetFen)}，占公用经费 ${percentCut(budgetShare)}，低于 ${percentCut(shareMin.value)}`,
      values: {
        publicFundsFen: a.publicFundsFen,
        budgetFen: a.budgetFen,
        share: budgetShare,
        min: shareMin.value,
      },
    });
  if (a.budgetFen > 0 && !useMet)
    findings.push({
      code: 'COMM.BUDGET_USE',
      rule: useMin.ruleId,
      severity: 'warning',
      message: `已用于教师培训 ${yuanText(a.usedFen)}，占培训经费 ${percentCut(useShare ?? 0)}，低于 ${percentCut(useMin.value)}`,
      values: { budgetFen: a.budgetFen, usedFen: a.usedFen, share: useShare, min: useMin.value },
    });
  const toward = (met: boolean, v: number, min: number) => (met ? 1 : Math.max(0, Math.min(1, v / min)));
  const share =
    (toward(budgetMet, budgetShare, shareMin.value) + toward(useMet, useShare ?? 0, useMin.value)) / 2;
  return {
    budgetShare,
    useShare,
    budgetMet,
    useMet,
    shareMin: shareMin.value,
    useMin: useMin.value,
    rule: shareMin.ruleId,
    findings,
    share,
  };
}
