/** 评价 pages: the rater's sheet (range, evidence, self-score, live R3-B03 value, the server's refusal), 评审任务 with
 * no work, the scorecard with its charts, the campaigns page with no data and a new campaign's live items. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, RaterSheet, Scorecard } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { EvaluationCampaignsPage } from './campaigns-page';
import { EvaluationScorecardPage } from './scorecard-page';
import { EvaluationSheetPage } from './sheet-page';
import { EvaluationSubjectPage } from './subject-page';
import { EvaluationTasksPage } from './tasks-page';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      evaluationTasks: vi.fn(),
      evaluationSheet: vi.fn(),
      saveEvaluationSheet: vi.fn(),
      submitEvaluationSheet: vi.fn(),
      evaluationScorecard: vi.fn(),
      evaluationCampaigns: vi.fn(),
      evaluationRubrics: vi.fn(),
      evaluationSubject: vi.fn(),
      uploadEvaluationEvidence: vi.fn(),
      saveEvaluationSelfScores: vi.fn(),
      fileEvaluationAppeal: vi.fn(),
    },
  };
});

const expert: Me = {
  id: '9',
  username: 'expert',
  displayName: '评审专家',
  grants: [{ role: 'evaluator', orgId: '5', orgName: '清远市', orgKind: 'city' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};
const city: Me = {
  ...expert,
  grants: [{ role: 'bureau_admin', orgId: '5', orgName: '清远市', orgKind: 'city' }],
};

const unit = (id: string, title: string, max: number) => ({
  id,
  kind: 'indicator' as const,
  title,
  max,
  sectionId: id.slice(0, 2),
  sectionTitle: '组织管理',
  path: id,
  form: null,
  departments: ['教师教育科'],
  evidence: [],
  deduction: null,
});

const sheet: RaterSheet = {
  task: {
    subjectId: '11',
    subjectName: '清城区',
    campaignId: '3',
    campaignName: '2026 年国培项目县评估',
    year: 2026,
    status: 'scoring',
    submitted: false,
    scoredUnits: 0,
    units: 2,
  },
  units: [unit('A1.1', '规划制定', 3), unit('A2.2', '组织实施', 12)],
  vetoes: [],
  evidence: [{ id: '1', unitId: 'A1.1', name: '规划.pdf', uploadedAt: '2026-12-07T02:00:00Z' }],
  selfScores: { 'A2.2': 11 },
  live: [
    {
      unitId: 'A2.2',
      metricKey: 'selection_quality_deduction',
      label: '遴选质量扣分',
      suggested: 9,
      detail: '3 人次：少报 1、缺培 2、未结业 0、不符合遴选条件 0（2026 年 2 个培训项目）',
      deductions: [],
      ruleId: 'R3-B03',
    },
  ],
  sheet: { units: {}, vetoes: {} },
  canEdit: true,
};

beforeEach(() => {
  vi.mocked(api.evaluationSheet).mockResolvedValue(sheet);
  vi.mocked(api.evaluationTasks).mockResolvedValue([]);
  vi.mocked(api.evaluationCampaigns).mockResolvedValue([]);
  vi.mocked(api.evaluationRubrics).mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the rater (Y-EVAL-CHECK, R3-B03)', () => {
  it('shows each unit with its maximum, the evidence, the self-score and the live value with its numbers', async () => {
    renderWithApp(<EvaluationSheetPage />, {
      route: '/evaluation/tasks/11',
      path: '/evaluation/tasks/:id',
      me: expert,
    });
    const page = await screen.findByTestId('eval-sheet');
    expect(page.textContent).toContain('满分 12');
    expect(page.textContent).toContain('自评 11');
    expect(page.textContent).toContain('数据建议 9 分');
    expect(page.textContent).toContain('少报 1、缺培 2');
    expect(screen.getByText('规划.pdf').getAttribute('href')).toBe(
      '/api/v1/evaluation/subjects/11/evidence/1',
    );
  });

  it('a score that departs from the suggestion asks for the reason; the server’s refusal is shown as it says', async () => {
    vi.mocked(api.saveEvaluationSheet).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '「组织实施」满分 12 分，得分 13 超出',
        details: { unitId: 'A2.2', max: 12 },
      }),
    );
    renderWithApp(<EvaluationSheetPage />, {
      route: '/evaluation/tasks/11',
      path: '/evaluation/tasks/:id',
      me: expert,
    });
    await screen.findByTestId('eval-sheet');
    const input = screen.getByLabelText('评分 A2.2');
    fireEvent.change(input, { target: { value: '8' } });
    expect(await screen.findByPlaceholderText('与数据建议不同的理由')).toBeTruthy();
    fireEvent.click(screen.getByTestId('eval-save'));
    expect(await screen.findByText('「组织实施」满分 12 分，得分 13 超出')).toBeTruthy();
  });

  it('评审任务 with nothing assigned says so', async () => {
    renderWithApp(<EvaluationTasksPage />, { me: expert });
    await waitFor(() => expect(screen.getByTestId('eval-tasks').textContent).toContain('暂无评审任务'));
  });
});

describe('the scorecard and the campaigns page', () => {
  it('shows the total, the band, the charts and the raters as 专家1/2', async () => {
    const card: Scorecard = {
      campaignId: '3',
      campaignName: '2026 年国培项目县评估',
      year: 2026,
      status: 'published',
      subjectId: '11',
      subjectName: '清城区',
      rubricTitle: '项目县评估',
      normalisation: { value: 'item_points', label: '按各项分值合计计满分', ruleId: 'Y-EVAL-NORMALISE' },
      sections: [{ id: 'A1', title: '组织管理', declared: 8, itemMax: 8, score: 7, counted: 7, how: '' }],
      units: [
        {
          unitId: 'A1.1',
          title: '规划制定',
          sectionId: 'A1',
          max: 3,
          raw: 3,
          deducted: 0,
          final: 3,
          how: '2 位评委评分平均 3',
          rules: ['Y-EVAL-RATERS'],
          self: null,
          ratings: [
            { rater: '专家1', score: 3, outlier: false },
            { rater: '专家2', score: 3, outlier: false },
          ],
          mean: 3,
          range: 0,
          sd: 0,
          moderated: null,
          evidence: [],
          live: null,
        },
      ],
      score: 92.5,
      max: 100,
      percent: 92.5,
      band: { code: 'excellent', label: '优秀' },
      vetoes: [],
      how: '',
      rounding: '',
      raters: 2,
      appeals: [],
      appealClosesOn: '2026-12-12',
      canAppeal: false,
    };
    vi.mocked(api.evaluationScorecard).mockResolvedValue(card);
    renderWithApp(<EvaluationScorecardPage />, {
      route: '/evaluation/subjects/11/scorecard',
      path: '/evaluation/subjects/:id/scorecard',
      me: city,
    });
    expect((await screen.findByTestId('eval-total')).textContent).toContain('92.5 / 100');
    expect(screen.getByTestId('eval-scorecard').textContent).toContain('优秀');
    expect(screen.getByTestId('eval-radar')).toBeTruthy();
    expect(screen.getByTestId('eval-bars')).toBeTruthy();
    expect(screen.getByText('专家1 3')).toBeTruthy();
  });

  it('the campaigns page renders with no data and offers a new campaign to a bureau', async () => {
    renderWithApp(<EvaluationCampaignsPage />, { me: city });
    await waitFor(() => expect(screen.getByTestId('eval-campaigns').textContent).toContain('暂无评价活动'));
    expect(screen.getByTestId('eval-create')).toBeTruthy();
  });

  it('a new Rubric A campaign over counties lists the rubric’s live items from the registry, ticked', async () => {
    const def = (key: string, label: string, ruleId: string, kinds: Array<'county' | 'studio'>) => ({
      key,
      label,
      ruleId,
      subjectKinds: kinds,
    });
    vi.mocked(api.evaluationRubrics).mockResolvedValue([
      {
        ref: 'builtin:A',
        rubricId: null,
        title: '项目县绩效评级标准',
        region: null,
        version: '2022-S003',
        builtin: true,
        ownerOrgId: null,
        ownerOrgName: null,
        canEdit: false,
        defaultNormalisation: 'item_points',
        warnings: [],
        createdAt: null,
        maxPoints: 100,
        liveBindings: [
          {
            unitId: 'A3.3',
            nodeId: 'A3.3',
            whole: true,
            metric: def('trainer_team', '县级教师培训师队伍', 'R3-P01, R3-P02', ['county']),
          },
          {
            unitId: 'A3.4',
            nodeId: 'A3.4b',
            whole: false,
            metric: def('studio_ratio', '“三名”工作室比例', 'R3-B01', ['county']),
          },
        ],
      },
    ]);
    renderWithApp(<EvaluationCampaignsPage />, { me: city });
    fireEvent.click(await screen.findByTestId('eval-create'));
    const item = await screen.findByText('A3.3：县级教师培训师队伍（R3-P01, R3-P02）');
    expect(screen.getByText('A3.4：“三名”工作室比例（R3-B01），仅显示数据')).toBeTruthy();
    await waitFor(() => expect(item.closest('label')?.querySelector('input')?.checked).toBe(true));
  });
});

describe('the subject (Y-EVAL-EVIDENCE)', () => {
  it('while open, each unit offers an upload and a self-score, with its 责任科室 and the files already given', async () => {
    const county: Me = {
      ...expert,
      grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
    };
    vi.mocked(api.evaluationSubject).mockResolvedValue({
      subjectId: '11',
      subjectName: '清城区',
      campaign: {
        id: '3',
        name: '2026 年国培项目县评估',
        year: 2026,
        ownerOrgId: '5',
        ownerOrgName: '清远市',
        subjectKind: 'county',
        rubricRef: 'builtin:A',
        rubricTitle: '项目县评估',
        normalisation: 'item_points',
        normalisationBy: '市教育局',
        normalisationAt: '2026-12-07T02:00:00Z',
        status: 'open',
        appealDays: 5,
        appealClosesOn: null,
        publishedAt: null,
        subjectCount: 2,
      },
      units: [unit('A1.1', '规划制定', 3), unit('A2.2', '组织实施', 12)],
      evidence: [{ id: '1', unitId: 'A1.1', name: '规划.pdf', uploadedAt: '2026-12-07T02:00:00Z' }],
      selfScores: {},
      canUpload: true,
      appeals: [],
      scorecardReady: false,
    });
    renderWithApp(<EvaluationSubjectPage />, {
      route: '/evaluation/subjects/11',
      path: '/evaluation/subjects/:id',
      me: county,
    });
    const page = await screen.findByTestId('eval-subject');
    expect(page.textContent).toContain('责任科室：教师教育科');
    expect(screen.getAllByText('上传材料')).toHaveLength(2);
    expect(screen.getByLabelText('自评分 A2.2')).toBeTruthy();
    expect(screen.getByText('规划.pdf').getAttribute('href')).toBe(
      '/api/v1/evaluation/subjects/11/evidence/1',
    );
    expect(screen.queryByText('申诉')).toBeNull();
  });
});
