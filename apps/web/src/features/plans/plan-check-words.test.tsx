import { cleanup, screen } from '@testing-library/react';
import type { PlanCheckBody } from '@yanxun/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { PlanCheckList } from './plan-check-list';
import { planCheckLabel, planCheckSentence } from './plan-check-words';
import { EMPTY_PLAN_CHECKS, FAILING_CHECKS, PASSING_CHECKS } from './plan-checks.fixture';

afterEach(cleanup);

const zh = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, p);
const en = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) =>
  translate('en-US', key, p);

const ALL = [...PASSING_CHECKS, ...FAILING_CHECKS, ...EMPTY_PLAN_CHECKS];

/** The names in a check that are data: the plan's theme and module titles, the pack's topics and modes. */
function dataOf(c: PlanCheckBody): string[] {
  const out: string[] = [];
  for (const v of Object.values(c.values)) {
    if (Array.isArray(v)) out.push(...v);
    else if (typeof v === 'string' && c.code === 'PLAN.THEME') out.push(v);
  }
  return out.filter(Boolean).sort((a, b) => b.length - a.length);
}

describe('plan checks (R-004-03 … R-004-08, R-004-31, R-004-73/74) in words', () => {
  it('every code in every state is worded (passing, failing, an empty plan)', () => {
    const codes = new Set(ALL.map((c) => `${c.code}:${c.passed}`));
    expect(codes.size).toBeGreaterThanOrEqual(19);
  });

  it.each(ALL.map((c) => [`${c.code} ${c.passed ? 'pass' : 'fail'}`, c] as const))(
    'zh-CN says exactly what core says: %s',
    (_, c) => {
      expect(planCheckSentence(zh, c)).toBe(c.message);
      expect(planCheckLabel(zh, c)).toBe(c.label);
    },
  );

  it.each(ALL.map((c) => [`${c.code} ${c.passed ? 'pass' : 'fail'}`, c] as const))(
    'en-US has no Chinese outside data names: %s',
    (_, c) => {
      expect(hanOutside(planCheckSentence(en, c), ...dataOf(c))).toBe('');
      expect(hanOutside(planCheckLabel(en, c), ...dataOf(c))).toBe('');
    },
  );

  it('R-004-31: an incomplete module names its problem in English, the module and mode names kept', () => {
    const modules = FAILING_CHECKS.find((c) => c.code === 'PLAN.MODULES');
    expect(modules && planCheckSentence(en, modules)).toBe(
      '4 modules incomplete: Module 1: no title; 缺天数: 集中培训 needs a number of days (a whole number); 零学时: 网络研修 needs credit hours (more than 0); 讲座: the mode "lecture" is not in the policy pack',
    );
  });

  it('a check stored before the codes of its problems, or of an unknown code, keeps the server text', () => {
    const old: PlanCheckBody = {
      code: 'PLAN.MODULES',
      ruleId: 'R-004-31',
      label: '课程模块完整（研修形式、天数或学时）',
      passed: false,
      values: { modules: 1, problems: ['第 1 个模块：缺少名称'] },
      message: '1 个课程模块不完整：第 1 个模块：缺少名称',
    };
    expect(planCheckSentence(en, old)).toBe(old.message);
    expect(planCheckSentence(en, { ...old, code: 'PLAN.NEW' })).toBe(old.message);
    expect(planCheckLabel(en, { ...old, code: 'PLAN.NEW' })).toBe(old.label);
  });

  it('the list reads in English in en-US and as today in zh-CN', () => {
    const { unmount } = renderWithApp(<PlanCheckList checks={FAILING_CHECKS} />, { lang: 'en-US' });
    const row = screen.getByTestId('check-PLAN.CHIEF_EXPERT');
    expect(row.textContent).toContain('1 chief experts required, the plan names 0');
    expect(hanOutside(screen.getByTestId('check-PLAN.DEADLINE').textContent)).toBe('');
    unmount();
    renderWithApp(<PlanCheckList checks={FAILING_CHECKS} />);
    expect(screen.getByTestId('check-PLAN.CHIEF_EXPERT').textContent).toContain(
      '首席专家应为 1 名，方案中为 0 名',
    );
  });
});
