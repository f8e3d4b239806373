/**
 * The project-county deduction for selection (R3-B03). Shortlist sizes (R-004-59) are quota.ts `shortlistSize`.
 */
import { type PolicyValue, pv } from './policy-pack';

export interface ProjectCountyDeductionRules {
  /** Points of the indicator the deduction is taken from ("组织实施（12分）"). */
  maxPoints: PolicyValue<number>;
  /** Points per person-time (每人次扣 1 分). */
  perPersonTime: PolicyValue<number>;
  /** Whether a trainee selected by an override of a "原则上" rule counts as 不符合遴选条件. */
  overridesCountAsIneligible: PolicyValue<boolean>;
}

export const PROJECT_COUNTY_DEDUCTION: ProjectCountyDeductionRules = {
  maxPoints: pv(12, 'R3-B03', 'S003:L729-733', '"国培计划"项目组织实施·组织实施（12分）'),
  perPersonTime: pv(
    1,
    'R3-B03',
    'S003:L731-733',
    '少报、缺培、未结业每人次扣 1 分，学员不符合遴选条件每人次扣 1 分',
  ),
  overridesCountAsIneligible: pv(
    false,
    'R3-B03',
    'S003:L733',
    '解读："原则上"条件（如年龄 45 周岁）经记录理由例外通过的学员不按"不符合遴选条件"扣分；可改为 true',
  ),
};

export interface DeductionCounts {
  /** 少报: seats held but not filled with a selected trainee. */
  underReported: number;
  /** 缺培: selected trainees recorded as no-shows. */
  missed: number;
  /** 未结业: trainees recorded as not completed or dismissed. */
  notCompleted: number;
  /** 不符合遴选条件: selected trainees who do not meet the selection rules. */
  ineligible: number;
}

const LABELS: Record<keyof DeductionCounts, { code: string; label: string }> = {
  underReported: { code: 'under_reported', label: '少报' },
  missed: { code: 'missed', label: '缺培' },
  notCompleted: { code: 'not_completed', label: '未结业' },
  ineligible: { code: 'ineligible', label: '学员不符合遴选条件' },
};

/** R3-B03: points deducted per person-time, never more than the indicator holds; the score floors at 0. */
export function projectCountyDeduction(
  counts: DeductionCounts,
  rules: ProjectCountyDeductionRules = PROJECT_COUNTY_DEDUCTION,
) {
  const per = rules.perPersonTime.value;
  const max = rules.maxPoints.value;
  const items = (Object.keys(LABELS) as Array<keyof DeductionCounts>).map((k) => ({
    code: LABELS[k].code as 'under_reported' | 'missed' | 'not_completed' | 'ineligible',
    label: LABELS[k].label,
    personTimes: Math.max(0, counts[k]),
    points: Math.max(0, counts[k]) * per,
  }));
  const raw = items.reduce((s, i) => s + i.points, 0);
  const points = Math.min(raw, max);
  return { ruleId: rules.maxPoints.ruleId, maxPoints: max, points, score: max - points, items };
}
