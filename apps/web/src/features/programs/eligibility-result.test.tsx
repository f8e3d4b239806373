import { cleanup, screen, within } from '@testing-library/react';
import type { EligibilityCheckBody, EligibilityResultBody, Me } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../shared/test-utils';
import { checkState, EligibilityResultView } from './eligibility-result';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { ...actual.api, codes: vi.fn(async () => ({})) } };
});

afterEach(cleanup);

const schoolAdmin: Me = {
  id: '1',
  username: 'school',
  displayName: '学校管理员',
  grants: [{ role: 'school_admin', orgId: '9', orgName: '清城一中', orgKind: 'school' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const teaching: EligibilityCheckBody = {
  ruleId: 'R-004-72',
  label: '教龄',
  passed: true,
  soft: false,
  values: { years: 5, min: 5, teachingStartDate: '2016-09-01' },
  message: '2016-09-01 起任教，至 2027-07-30 教龄满 5 年，符合 5 年以上的要求',
};
const location: EligibilityCheckBody = {
  ruleId: 'R-004-72',
  label: '学校城乡类型',
  passed: false,
  soft: false,
  values: { locationType: 'urban', allowed: 'town,rural' },
  message: '所在学校为城区学校，不符合（须为镇区、乡村学校）',
};
const backbone: EligibilityCheckBody = {
  ruleId: 'R-004-72',
  label: '骨干教师',
  passed: true,
  soft: false,
  values: { backbone: 'county', allowed: 'school,county,city' },
  message: '县级骨干教师，符合',
};
const age46: EligibilityCheckBody = {
  ruleId: 'R-004-56',
  label: '年龄',
  passed: false,
  soft: true,
  values: { age: 46, min: null, max: 45, referenceDate: '2027-07-30' },
  message: '2027-07-30 时 46 周岁，超过 45 周岁（原则上）',
};
const ban: EligibilityCheckBody = {
  ruleId: 'R-004-20',
  label: '培训诚信档案',
  passed: false,
  soft: false,
  values: { applies: true, years: 3, recordDate: '2025-09-01', kind: 'no_show', allowedFrom: '2028-09-01' },
  message: '2025-09-01 有"无特殊情况未参训"记录，3 年内不得参加省级组织的集中培训项目，2028-09-01 起方可参加',
};

function result(
  checks: EligibilityCheckBody[],
  over: Partial<EligibilityResultBody> = {},
): EligibilityResultBody {
  const failed = checks.filter((c) => !c.passed);
  return {
    projectTypeCode: 'rural_backbone',
    trackCode: 'rural_backbone',
    referenceDate: '2027-07-30',
    eligible: failed.length === 0,
    needsOverride: failed.length > 0 && failed.every((c) => c.soft),
    checks,
    priorities: [],
    ...over,
  };
}

describe('EligibilityResultView (R-004-72, R-004-56, R-004-20)', { timeout: 30_000 }, () => {
  it('an ineligible teacher: the verdict names each failed condition in words (rules in ⓘ), every rule shows pass/fail and the values used', () => {
    renderWithApp(
      <EligibilityResultView result={result([teaching, location, backbone, ban])} teacherName="安鹏" />,
      { me: schoolAdmin },
    );
    const verdict = screen.getByTestId('elig-verdict');
    expect(verdict.textContent).toContain('安鹏 不符合推荐条件（2 项）');
    expect(verdict.textContent).toContain('学校城乡类型：所在学校为城区学校');
    expect(verdict.textContent).toContain('培训诚信档案：2025-09-01 有');
    expect(verdict.textContent).not.toMatch(/R-004-\d+/);
    expect(
      within(verdict)
        .getAllByTestId('rule-ref')
        .map((r) => r.getAttribute('data-rules')),
    ).toEqual(['R-004-72', 'R-004-20']);
    const failed = screen.getAllByTestId('elig-check-failed');
    expect(failed).toHaveLength(2);
    expect(failed[0]?.textContent).toContain('学校城乡类型：城区');
    expect(failed[0]?.textContent).toContain('要求：镇区、乡村');
    expect(failed[1]?.textContent).toContain('可参训日期：2028-09-01');
    expect(failed[1]?.textContent).toContain('情形：无特殊情况未参训');
    // 教龄 at the boundary (5 years, 5 required) passes, with both numbers shown
    const passed = screen.getAllByTestId('elig-check-passed');
    expect(passed[0]?.textContent).toContain('年数：5 年');
    expect(passed[0]?.textContent).toContain('要求不少于：5');
    // backbone codes read as backbone levels, not programme levels
    expect(passed[1]?.textContent).toContain('校级骨干、县级骨干、市级骨干');
    expect(passed[1]?.textContent).not.toContain('校本研修');
    expect(screen.getByText('年龄、教龄等按 2027-07-30 计算')).toBeTruthy();
  });

  it('age 46 under an "in principle" 45: override needed, not ineligible', () => {
    renderWithApp(<EligibilityResultView result={result([teaching, age46])} teacherName="李华" />);
    expect(screen.getByTestId('elig-verdict').textContent).toContain('填写例外理由后可以推荐');
    const row = screen.getByTestId('elig-check-needsOverride');
    expect(within(row).getByText('需例外审批')).toBeTruthy();
    expect(row.textContent).toContain('年龄：46 周岁');
    expect(row.textContent).toContain('要求不超过：45 周岁');
    expect(row.textContent).toContain('计算日期：2027-07-30');
  });

  it('an overridden rule shows the recorded reason and who gave it; the nomination is eligible', () => {
    const overridden: EligibilityCheckBody = {
      ...age46,
      passed: true,
      values: { ...age46.values, override: true, overrideReason: '县级培训团队骨干，确需参训' },
      override: { reason: '县级培训团队骨干，确需参训', by: 'school' },
    };
    expect(checkState(overridden)).toBe('overridden');
    renderWithApp(<EligibilityResultView result={result([teaching, overridden])} teacherName="李华" />);
    expect(screen.getByTestId('elig-verdict').textContent).toContain('李华 符合推荐条件');
    const row = screen.getByTestId('elig-check-overridden');
    expect(row.textContent).toContain('已例外通过');
    expect(row.textContent).toContain('例外理由：县级培训团队骨干，确需参训（school）');
  });
});
