/**
 * The settings the built-in rubrics share, each with its rule ID and reading: the default grade bands (the seeds
 * give none), R3-B03's deduction and the C5 veto.
 */
import { pv } from '../programs/policy-value';
import type { DeductionRule, GradeBand, VetoRule } from './types';

/**
 * R3-B01: 三名 studios at least 10 % of the trained backbone staff; met when studios ≥ ⌈0.10 × backbone⌉ (the seed
 * leaves the rounding open: a county with 95 backbone teachers needs 10 studios, not 9.5).
 */
export const STUDIO_RATIO_MIN = pv(
  0.1,
  'R3-B01',
  'S003:L72-74, L447-449',
  '"按照不低于参训骨干校长、骨干教师和骨干班主任人数 10%的比例建立"：工作室数 ≥ ⌈参训骨干人数 × 10%⌉',
);

/** Y-EVAL-BANDS: the seeds define no bands although Rubric A is a 评级; Yanxun's default, a setting per rubric. */
export const DEFAULT_GRADE_BANDS = pv<readonly GradeBand[]>(
  [
    { code: 'excellent', label: '优秀', minPercent: 90 },
    { code: 'good', label: '良好', minPercent: 80 },
    { code: 'pass', label: '合格', minPercent: 60 },
    { code: 'fail', label: '不合格', minPercent: 0 },
  ],
  'Y-EVAL-BANDS',
  'issue 14',
  '文件未规定等次划分：默认按得分率（得分 ÷ 满分，百分数保留一位小数）优秀 ≥ 90%、良好 ≥ 80%、合格 ≥ 60%、其余不合格，可按评价方案修改',
);

/** R3-B03: −1 per person-time, within Rubric A's 12-point 组织实施 indicator, never below 0. */
export const SELECTION_QUALITY_DEDUCTION: DeductionRule = {
  per: 'person_time',
  points: 1,
  floor: 0,
  reasons: [
    { code: 'under_reported', label: '少报' },
    { code: 'missed_training', label: '缺培' },
    { code: 'not_completed', label: '未结业' },
    { code: 'ineligible', label: '学员不符合遴选条件' },
  ],
  ruleId: 'R3-B03',
  source: 'S003:L375-377',
  note: '每人次扣 1 分；文件未写扣分下限，解读为在本二级指标（12 分）内扣完为止，不低于 0 分，不影响其他指标',
};

/** Y-EVAL-VETO-C5: "无违反师德现象" read as a veto, as Yichang's 师德一票否决 (YC-16); a setting. */
export const C5_ETHICS_VETO: VetoRule = {
  id: 'C5-ethics',
  label: '团队成员有违反师德现象',
  effect: 'fail',
  enabled: true,
  ruleId: 'Y-EVAL-VETO-C5',
  source: 'S003:L766-767',
  note: '解读：C5 中“无违反师德现象”作一票否决（参照宜昌师德失范一票否决，YC-16）：有违反师德现象的工作坊评为不合格，得分照常计算并显示；可关闭，关闭后只按 C5 的 5 分评分',
};
