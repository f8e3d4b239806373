import type { LiveValue } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { hanOutside } from '../../shared/test-utils';
import { liveDetail, liveLabel } from './live-words';

const zh = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en-US', key, p);

/** The metrics' names as the server's definitions.ts gives them. */
const LABELS: Record<string, string> = {
  selection_quality_deduction: '遴选质量扣分（少报、缺培、未结业、不符合遴选条件）',
  selection_rates: '选送率、参训率、结业率（目标均为 100%）',
  trainer_team: '县级教师培训师队伍（不少于 50 人，发挥作用比例不低于 90%）',
  trainer_team_size: '县级教师培训师队伍人数（不少于 50 人）',
  trainer_active_share: '培训师参与项目发挥作用的比例（不低于 90%）',
  studio_ratio: '“三名”工作室数与参训骨干人数之比（不低于 10%）',
  studio_reach: '工作室年度引领教师（每个工作室至少 5 名）',
  workshop_activities: '年度研修活动开展（已开展 ÷ 计划）',
  school_training_budget: '教师培训经费（不低于公用经费预算总额的 5%，使用率不低于 90%）',
};

/** R3-B03's live value as readings.ts writes it. */
const deduction: LiveValue = {
  unitId: 'A2.2',
  metricKey: 'selection_quality_deduction',
  label: LABELS.selection_quality_deduction ?? '',
  suggested: 9,
  detail: '3 人次：少报 1、缺培 2、未结业 0、不符合遴选条件 0（2021 年 2 个培训项目）',
  deductions: [
    { reason: 'under_reported', count: 1 },
    { reason: 'missed_training', count: 2 },
  ],
  facts: {
    code: 'selection_quality_deduction',
    values: {
      total: 3,
      underReported: 1,
      missed: 2,
      notCompleted: 0,
      ineligible: 0,
      year: 2021,
      programmes: 2,
    },
  },
  ruleId: 'R3-B03',
};

describe('live values beside a unit (R3-B03 person-times, the metrics by key)', () => {
  it.each(Object.entries(LABELS))(
    'the name of %s: zh-CN as the server, en-US in English',
    (metricKey, label) => {
      expect(liveLabel(zh, { metricKey, label })).toBe(label);
      expect(hanOutside(liveLabel(en, { metricKey, label }))).toBe('');
    },
  );

  it('R3-B03: the person-times by reason, zh-CN as the server, en-US in English', () => {
    expect(liveDetail(zh, deduction)).toBe(deduction.detail);
    expect(liveDetail(en, deduction)).toBe(
      '3 person-times: under-reported 1, missed training 2, not completed 0, trainee not eligible 0 (2 programmes in 2021)',
    );
  });

  it('a detail without numbers or a key not known here keeps the server text', () => {
    const { facts: _, ...old } = deduction;
    expect(liveDetail(en, old)).toBe(deduction.detail);
    expect(liveLabel(en, { metricKey: 'new_metric', label: '新指标' })).toBe('新指标');
  });
});
