import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { BudgetReport, Me, PlanCheckBody, PlanDetail } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { BudgetView } from './budget-page';
import { PlanCheckList } from './plan-check-list';
import { PlanEditor } from './plan-page';

// ECharts cannot measure a happy-dom element (it warns of a 0 × 0 DOM): the chart is drawn in the browser
vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      savePlan: vi.fn(),
      planAction: vi.fn(),
      checkPlan: vi.fn(),
      uploadPlanPdf: vi.fn(),
      fetchFile: vi.fn(),
    },
  };
});

const TOPICS = ['习近平新时代中国特色社会主义思想', '“四史”教育', '师德师风'];

const CHECKS: PlanCheckBody[] = [
  {
    code: 'PLAN.DEADLINE',
    ruleId: 'R-004-08',
    label: '2021-07-30 前（含当日）提交',
    passed: true,
    values: { today: '2021-07-20', deadline: '2021-07-30' },
    message: '在申报截止日 2021-07-30 前提交',
  },
  {
    code: 'PLAN.PRACTICAL_SHARE',
    ruleId: 'R-004-05',
    label: '实践性课程比例不少于 50%',
    passed: false,
    values: { share: '49.9%', minPct: 50 },
    message: '实践性课程比例（按学时）49.9%，低于不少于 50% 的要求',
  },
];

function detail(overrides: Partial<PlanDetail> = {}): PlanDetail {
  return {
    id: '7',
    programmeId: '3',
    programmeTitle: '乡村骨干教师素质提升培训',
    ownerOrgName: '省教育厅',
    providerOrgId: '9',
    providerName: '承训大学',
    status: 'draft',
    currentVersion: 1,
    submittedAt: null,
    updatedAt: '2021-07-20T02:00:00Z',
    canEdit: true,
    canReview: false,
    versions: [
      {
        version: 1,
        body: {
          theme: '课堂提问',
          classCount: 1,
          modules: [
            {
              title: '师德师风',
              mode: 'online',
              hoursTenths: 20,
              practical: false,
              asynchronous: true,
              compulsoryTopic: '师德师风',
            },
          ],
          staff: [{ role: 'chief_expert', name: '王教授' }],
        },
        file: null,
        checkResult: null,
        submittedAt: null,
        decision: null,
        reviewComment: null,
        reviewedAt: null,
        updatedAt: '2021-07-20T02:00:00Z',
      },
    ],
    requirements: {
      projectTypeName: '乡村骨干教师素质提升培训项目',
      trackName: '乡村骨干教师',
      deadline: '2021-07-30',
      deadlineRuleId: 'R-004-08',
      topics: TOPICS,
      topicsRuleId: 'R-004-04',
      modes: [
        {
          code: 'centralized',
          name: '集中培训',
          unit: 'days',
          countsAs: 'centralized',
          practicalByDefault: false,
        },
        { code: 'online', name: '网络研修', unit: 'hours', countsAs: 'online', practicalByDefault: false },
      ],
      centralizedDays: 15,
      onlineHoursTenths: 300,
      totalsAreMinimum: false,
      practicalShareMinPct: 50,
      practicalRuleId: 'R-004-05',
      chiefExperts: 1,
      subjectClassTeachersPerClass: 1,
      lifeClassTeachersPerClass: 1,
      staffingRuleId: 'R-004-07',
    },
    ...overrides,
  };
}

afterEach(cleanup);

const provider: Me = {
  id: '1',
  username: 'provider',
  displayName: '华南师范大学',
  grants: [{ role: 'provider_staff', orgId: '9', orgName: '华南师范大学', orgKind: 'provider' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

beforeEach(() => {
  vi.mocked(api.savePlan).mockReset();
  vi.mocked(api.planAction).mockReset();
});

describe('PlanCheckList', () => {
  it('shows every rule with pass or fail and the reason in words; its ID in the ⓘ for the provider', () => {
    renderWithApp(<PlanCheckList checks={CHECKS} />, { me: provider });
    expect(screen.getByTestId('check-PLAN.DEADLINE').getAttribute('data-passed')).toBe('true');
    const share = screen.getByTestId('check-PLAN.PRACTICAL_SHARE');
    expect(share.getAttribute('data-passed')).toBe('false');
    expect(share.textContent).not.toContain('R-004-05');
    expect(within(share).getByTestId('rule-ref').getAttribute('data-rules')).toBe('R-004-05');
    expect(share.textContent).toContain('49.9%');
  });
});

describe('PlanEditor', () => {
  it('ticks the compulsory topics the modules cover and lists the pack requirements, their rules in the ⓘ', () => {
    renderWithApp(<PlanEditor detail={detail()} />, { me: provider });
    const topics = screen.getByTestId('topics');
    expect(topics.textContent).toContain('师德师风');
    expect(screen.getByText('≥ 50%')).toBeTruthy();
    expect(screen.queryByText('R-004-07')).toBeNull();
    const refs = screen.getAllByTestId('rule-ref').map((e) => e.getAttribute('data-rules'));
    expect(refs).toEqual(expect.arrayContaining(['R-004-08', 'R-004-05', 'R-004-07']));
  });

  it('"补齐必修内容模块" adds the missing topics as asynchronous online modules', () => {
    renderWithApp(<PlanEditor detail={detail()} />);
    fireEvent.click(screen.getByText('补齐必修内容模块'));
    const titles = screen.getAllByLabelText('模块名称').map((el) => (el as HTMLInputElement).value);
    expect(titles).toEqual(['师德师风', '习近平新时代中国特色社会主义思想', '“四史”教育']);
  });

  it('a refused submission shows the server message in words and the per-rule result', async () => {
    vi.mocked(api.savePlan).mockResolvedValue(detail());
    vi.mocked(api.planAction).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '培训方案有 1 项未通过检查，未提交：实践性课程比例不少于 50%',
        details: { ruleIds: ['R-004-05'], checks: CHECKS },
      }),
    );
    renderWithApp(<PlanEditor detail={detail()} />);
    fireEvent.click(screen.getByText('提交审核'));
    await waitFor(() => expect(screen.getByText(/未提交：实践性课程比例/)).toBeTruthy());
    expect(screen.getByTestId('check-PLAN.PRACTICAL_SHARE').getAttribute('data-passed')).toBe('false');
    expect(vi.mocked(api.savePlan)).toHaveBeenCalledWith('7', detail().versions[0]?.body);
  });

  it('a reviewer sees the plan read-only with return and approve; return sends the comment', async () => {
    vi.mocked(api.planAction).mockResolvedValue(detail({ status: 'returned' }));
    renderWithApp(<PlanEditor detail={detail({ canEdit: false, canReview: true, status: 'submitted' })} />);
    expect(screen.queryByText('提交审核')).toBeNull();
    expect((screen.getByLabelText('培训主题（一个专业发展问题）') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('审核意见'), { target: { value: '请补充跟岗学校' } });
    fireEvent.click(screen.getByText('退回修改'));
    await waitFor(() =>
      expect(vi.mocked(api.planAction)).toHaveBeenCalledWith('7', 'return', '请补充跟岗学校'),
    );
  });
});

describe('BudgetView', () => {
  const report: BudgetReport = {
    programmeId: '3',
    programmeTitle: '乡村骨干教师素质提升培训',
    seats: 10,
    studios: 0,
    lines: [
      {
        category: 'centralized',
        ruleId: 'R-004-22',
        label: '乡村骨干教师集中培训',
        quantity: 15,
        unit: '人天',
        unitFen: 40_000,
        people: 10,
        amountFen: 6_000_000,
      },
    ],
    totalFen: 6_000_000,
    comparison: {
      categories: [
        {
          category: 'centralized',
          ruleIds: ['R-004-22'],
          budgetFen: 6_000_000,
          actualFen: 6_000_001,
          varianceFen: -1,
          usedBasisPoints: 10_000,
          overBudget: true,
        },
        {
          category: 'online',
          ruleIds: ['R-004-23'],
          budgetFen: 0,
          actualFen: 0,
          varianceFen: 0,
          usedBasisPoints: null,
          overBudget: false,
        },
        {
          category: 'studio',
          ruleIds: ['R-004-24'],
          budgetFen: 0,
          actualFen: 0,
          varianceFen: 0,
          usedBasisPoints: null,
          overBudget: false,
        },
      ],
      budgetFen: 6_000_000,
      actualFen: 6_000_001,
      varianceFen: -1,
      overBudget: true,
      ruleId: 'R-004-25',
    },
    spending: [
      {
        id: '1',
        category: 'centralized',
        amountFen: 6_000_001,
        spentOn: '2021-09-15',
        note: null,
        createdAt: '',
      },
    ],
    canWrite: true,
  };

  it('shows amounts in 元 (stored in fen), the rule of each line and the over-budget flag (rules in the ⓘ)', () => {
    renderWithApp(<BudgetView report={report} />, { me: provider });
    expect(screen.getAllByText('60,000.00').length).toBeGreaterThan(0);
    expect(screen.getAllByText('60,000.01').length).toBeGreaterThan(0);
    expect(screen.getByText('-0.01')).toBeTruthy();
    expect(screen.getByText('超预算')).toBeTruthy();
    expect(screen.queryByText(/R-004-2/)).toBeNull();
    const refs = screen.getAllByTestId('rule-ref').map((e) => e.getAttribute('data-rules'));
    expect(refs).toEqual(expect.arrayContaining(['R-004-25', 'R-004-22']));
  });
});
