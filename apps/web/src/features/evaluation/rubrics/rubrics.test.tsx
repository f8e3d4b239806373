/** 评价量表: the library (built-ins with their warnings, edit only where owned), the editor's live check
 * (B's 25 vs 20 shown as a warning; a negative point value is an error that blocks the save), the server's
 * refusal, a save that posts the next version, and the versions with the campaigns' recorded choice; a node's
 * live item picked from the registry or cleared, saved with the version. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CampaignSummary, Me, RubricDetail, RubricDocument, RubricSummary } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../../shared/api';
import { renderWithApp } from '../../../shared/test-utils';
import { EvaluationRubricPage } from './rubric-page';
import { EvaluationRubricsPage } from './rubrics-page';

vi.mock('../../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../shared/api')>();
  return {
    ...actual,
    api: {
      evaluationRubrics: vi.fn(),
      evaluationRubric: vi.fn(),
      evaluationRubricVersions: vi.fn(),
      evaluationCampaigns: vi.fn(),
      saveEvaluationRubric: vi.fn(),
      cloneEvaluationRubric: vi.fn(),
      evaluationMetrics: vi.fn(),
    },
  };
});

const city: Me = {
  id: '9',
  username: 'city',
  displayName: '市教育局',
  grants: [{ role: 'bureau_admin', orgId: '5', orgName: '清远市', orgKind: 'city' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const leaf = (id: string, text: string, points: number) => ({
  id,
  text,
  points,
  form: 'review_documents' as const,
  departments: [],
  evidence: ['实践案例'],
  source: '',
});

/** Rubric B's shape where it disagrees: 成果呈现 20 with items 10 + 15. */
const doc: RubricDocument = {
  id: 'rubric-b',
  title: '校本研修示范校评价标准',
  source: '',
  version: '1',
  nodes: [
    {
      id: 'B-S1',
      title: '制度建设',
      points: 5,
      departments: [],
      evidence: [],
      source: '',
      children: [leaf('B1', '学校有三年教师发展规划。', 5)],
    },
    {
      id: 'B-S3',
      title: '成果呈现',
      points: 20,
      departments: [],
      evidence: [],
      source: '',
      children: [
        leaf('B10', '研修团队每学期形成实践案例1-2个。', 10),
        leaf('B11', '本校教师参与市级各类专业评比中成绩突出。', 15),
      ],
    },
  ],
  scoreGroups: [],
  bands: {
    value: [
      { code: 'excellent', label: '优秀', minPercent: 90 },
      { code: 'good', label: '良好', minPercent: 80 },
      { code: 'pass', label: '合格', minPercent: 60 },
      { code: 'fail', label: '不合格', minPercent: 0 },
    ],
    ruleId: 'Y-EVAL-BANDS',
    source: '',
  },
  normalisation: { value: 'item_points', ruleId: 'Y-EVAL-B-TOTAL', source: '' },
};

const summary = (over: Partial<RubricSummary>): RubricSummary => ({
  ref: 'rubric:41',
  rubricId: '40',
  title: doc.title,
  region: null,
  version: '2',
  builtin: false,
  ownerOrgId: '5',
  ownerOrgName: '清远市',
  canEdit: true,
  defaultNormalisation: 'item_points',
  warnings: [],
  createdAt: '2026-12-07T02:00:00Z',
  maxPoints: 30,
  liveBindings: [],
  ...over,
});
const detail = (over: Partial<RubricDetail> = {}): RubricDetail => ({
  ...summary({}),
  rubric: doc,
  units: [],
  ...over,
});

const campaign: CampaignSummary = {
  id: '3',
  name: '2026 年示范校评估',
  year: 2026,
  ownerOrgId: '5',
  ownerOrgName: '清远市',
  subjectKind: 'school',
  rubricRef: 'rubric:40@1',
  rubricTitle: doc.title,
  normalisation: 'declared',
  normalisationBy: '王科长',
  normalisationAt: '2026-12-01T02:00:00Z',
  status: 'open',
  appealDays: 5,
  appealClosesOn: null,
  publishedAt: null,
  subjectCount: 4,
};

const openEditor = (d: RubricDetail) => {
  vi.mocked(api.evaluationRubric).mockResolvedValue(d);
  return renderWithApp(<EvaluationRubricPage />, {
    route: `/evaluation/rubrics/${encodeURIComponent(d.ref)}`,
    path: '/evaluation/rubrics/:ref',
    me: city,
  });
};
const pointsInput = () => {
  const el = screen.getByTestId('rubric-node-points');
  return el instanceof HTMLInputElement ? el : within(el).getByRole('spinbutton');
};

beforeEach(() => {
  vi.mocked(api.evaluationRubricVersions).mockResolvedValue([
    {
      ref: 'rubric:41',
      version: 2,
      title: doc.title,
      createdAt: '2026-12-07T02:00:00Z',
      createdBy: '李干事',
      warnings: 2,
    },
    {
      ref: 'rubric:40',
      version: 1,
      title: '示范校（副本）',
      createdAt: '2026-11-30T02:00:00Z',
      createdBy: '王科长',
      warnings: 2,
    },
  ]);
  vi.mocked(api.evaluationCampaigns).mockResolvedValue([campaign]);
  vi.mocked(api.evaluationMetrics).mockResolvedValue([
    {
      key: 'studio_reach',
      label: '工作室年度引领教师',
      subjectKinds: ['studio', 'county'],
      ruleId: 'R3-B07',
    },
    {
      key: 'workshop_activities',
      label: '工作坊活动开展',
      subjectKinds: ['workshop', 'studio'],
      ruleId: 'R3-G17',
    },
  ]);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('the rubric library', () => {
  it('lists the built-ins with their warnings count; edit only on the rubrics the officer owns', async () => {
    vi.mocked(api.evaluationRubrics).mockResolvedValue([
      summary({
        ref: 'builtin:B',
        rubricId: null,
        version: '2022-S003',
        builtin: true,
        ownerOrgId: null,
        ownerOrgName: null,
        canEdit: false,
        createdAt: null,
        maxPoints: 100,
        warnings: [
          {
            severity: 'warning',
            code: 'SECTION_SUM_MISMATCH',
            message: '「成果呈现」标注 20 分，所列各项合计 25 分',
            path: 'B-S3',
            values: {},
          },
          {
            severity: 'warning',
            code: 'TOTAL_MISMATCH',
            message: '各项分值合计 100 分，标注总分 95 分',
            path: 'rubric-b',
            values: {},
          },
        ],
      }),
      summary({ ref: 'rubric:41' }),
      summary({ ref: 'rubric:77', title: '广东省量表', ownerOrgName: '广东省', canEdit: false }),
    ]);
    renderWithApp(<EvaluationRubricsPage />, { me: city });
    const list = await screen.findByTestId('rubric-list');
    await waitFor(() => expect(list.textContent).toContain('广东省量表'));
    expect(screen.getByTestId('rubric-warnings-builtin:B').textContent).toBe('2');
    expect(list.textContent).toContain('第 2 版');
    expect(screen.getByTestId('rubric-edit-rubric:41')).toBeTruthy();
    expect(screen.queryByTestId('rubric-edit-builtin:B')).toBeNull();
    expect(screen.queryByTestId('rubric-edit-rubric:77')).toBeNull();
    expect(screen.getByTestId('rubric-clone-builtin:B')).toBeTruthy();
  });

  it('a county cloning a built-in is offered a title with its own name, not 济源’s', async () => {
    const countyMe: Me = {
      ...city,
      grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
    };
    vi.mocked(api.evaluationRubrics).mockResolvedValue([
      summary({
        ref: 'builtin:C',
        rubricId: null,
        title: '济源示范区中小学优秀教师工作坊评价标准',
        region: '济源示范区',
        builtin: true,
        ownerOrgId: null,
        ownerOrgName: null,
        canEdit: false,
      }),
    ]);
    vi.mocked(api.cloneEvaluationRubric).mockResolvedValue(detail({ ref: 'rubric:90' }));
    renderWithApp(<EvaluationRubricsPage />, { me: countyMe });
    fireEvent.click(await screen.findByTestId('rubric-clone-builtin:C'));
    const form = await screen.findByTestId('rubric-clone-form');
    const title = within(form).getByDisplayValue('清城区中小学优秀教师工作坊评价标准');
    expect(title).toBeTruthy();
    expect(form.textContent).not.toContain('济源');
    fireEvent.submit(form);
    await waitFor(() =>
      expect(api.cloneEvaluationRubric).toHaveBeenCalledWith({
        ownerOrgId: '7',
        from: 'builtin:C',
        title: '清城区中小学优秀教师工作坊评价标准',
      }),
    );
  });
});

describe('the rubric editor (Y-EVAL-CHECK, Y-EVAL-NORMALISE)', () => {
  it('shows B’s 成果呈现 25 vs 20 as a warning as it loads; a built-in is read-only and offers a clone', async () => {
    openEditor(detail({ ref: 'builtin:B', rubricId: null, builtin: true, canEdit: false, ownerOrgId: null }));
    const warnings = await screen.findByTestId('rubric-warnings');
    expect(warnings.textContent).toContain('「成果呈现」标注 20 分，所列各项合计 25 分');
    expect(warnings.textContent).toContain('各项分值合计 30 分，标注总分 25 分');
    expect(screen.queryByTestId('rubric-save')).toBeNull();
    expect(screen.getByTestId('rubric-clone')).toBeTruthy();
  });

  it('a negative point value is an error as one types and the save is blocked', async () => {
    openEditor(detail());
    await screen.findByTestId('rubric-editor');
    const save = screen.getByTestId('rubric-save');
    expect(save.hasAttribute('disabled')).toBe(true);
    fireEvent.click(await screen.findByTestId('rubric-tree-B10'));
    fireEvent.change(pointsInput(), { target: { value: '-2' } });
    const errors = await screen.findByTestId('rubric-errors');
    expect(errors.textContent).toContain('的分值为负数（-2）');
    expect(screen.getByTestId('rubric-save').hasAttribute('disabled')).toBe(true);
    fireEvent.change(pointsInput(), { target: { value: '5' } });
    await waitFor(() => expect(screen.queryByTestId('rubric-errors')).toBeNull());
    // 成果呈现 now adds up (5 + 15 = 20), and so does the whole (25 = 25)
    expect(screen.queryByTestId('rubric-warnings')).toBeNull();
    expect(screen.getByTestId('rubric-check-ok')).toBeTruthy();
    expect(screen.getByTestId('rubric-save').hasAttribute('disabled')).toBe(false);
  });

  it('the selected indicator’s level is a heading above its fields, and each field has its own label', async () => {
    openEditor(detail());
    await screen.findByTestId('rubric-editor');
    fireEvent.click(await screen.findByText('成果呈现'));
    const form = screen.getByTestId('rubric-node-form');
    // 一级指标 stands on its own line, not inline beside the 编号 field
    const level = within(form).getByRole('heading', { name: '一级指标' });
    expect(level.parentElement).toBe(form);
    expect(level.closest('.ant-space')).toBeNull();
    const idLabel = within(form).getByText('编号');
    expect(level.compareDocumentPosition(idLabel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect((within(form).getByLabelText('编号') as HTMLInputElement).value).toBe('B-S3');
    expect((within(form).getByLabelText('分值') as HTMLInputElement).value).toBe('20');
    fireEvent.click(screen.getByTestId('rubric-tree-B10'));
    expect(within(screen.getByTestId('rubric-node-form')).getByRole('heading').textContent).not.toBe(
      '一级指标',
    );
  });

  it('saving posts the next version of the rubric and opens it', async () => {
    const next = detail({ ref: 'rubric:42', version: '3' });
    vi.mocked(api.saveEvaluationRubric).mockResolvedValue(next);
    vi.mocked(api.evaluationRubric).mockResolvedValueOnce(detail()).mockResolvedValue(next);
    renderWithApp(<EvaluationRubricPage />, {
      route: '/evaluation/rubrics/rubric%3A41',
      path: '/evaluation/rubrics/:ref',
      me: city,
    });
    await screen.findByTestId('rubric-editor');
    fireEvent.click(await screen.findByText('成果呈现'));
    fireEvent.change(screen.getByTestId('rubric-node-title'), { target: { value: '成果与辐射' } });
    fireEvent.click(screen.getByTestId('rubric-save'));
    await waitFor(() => expect(api.saveEvaluationRubric).toHaveBeenCalledTimes(1));
    const body = vi.mocked(api.saveEvaluationRubric).mock.calls[0]?.[0];
    expect(body).toMatchObject({ ownerOrgId: '5', rubricId: '40' });
    expect(body?.rubric.nodes[1]?.title).toBe('成果与辐射');
    await waitFor(() => expect(api.evaluationRubric).toHaveBeenLastCalledWith('rubric:42'));
    await waitFor(() => expect(screen.getByTestId('rubric-editor').textContent).toContain('第 3 版'));
  });

  it('shows the server’s refusal with each finding', async () => {
    vi.mocked(api.saveEvaluationRubric).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'B-S3：「成果呈现」的分值超过一位小数（20.05）',
        details: {
          ruleId: 'Y-EVAL-CHECK',
          findings: [
            {
              severity: 'error',
              code: 'POINTS_PRECISION',
              message: '「成果呈现」的分值超过一位小数（20.05）',
              path: 'B-S3',
              values: {},
            },
          ],
        },
      }),
    );
    openEditor(detail());
    await screen.findByTestId('rubric-editor');
    fireEvent.click(await screen.findByText('成果呈现'));
    fireEvent.change(screen.getByTestId('rubric-node-title'), { target: { value: '成果呈现（修订）' } });
    fireEvent.click(screen.getByTestId('rubric-save'));
    const refusal = await screen.findByTestId('rubric-refusal');
    expect(refusal.textContent).toContain('服务器拒绝保存');
    expect(refusal.textContent).toContain('「成果呈现」的分值超过一位小数（20.05）');
  });

  it('offers the three maxima for the warnings, and lists the versions and the campaigns’ recorded choice', async () => {
    openEditor(detail());
    await screen.findByTestId('rubric-editor');
    fireEvent.click(screen.getByTestId('rubric-tab-bands'));
    const norm = await screen.findByTestId('rubric-normalisation');
    expect(norm.textContent).toContain('按各项分值合计计满分（满分 30）');
    expect(norm.textContent).toContain('按标注分值计满分（各项目不超过标注分值）（满分 25）');
    expect(norm.textContent).toContain('折算为百分制（满分 100）');
    fireEvent.click(screen.getByTestId('rubric-tab-versions'));
    const versions = await screen.findByTestId('rubric-versions');
    await waitFor(() => expect(versions.textContent).toContain('李干事'));
    expect(versions.textContent).toContain('第 1 版');
    const campaigns = screen.getByTestId('rubric-campaigns');
    expect(campaigns.textContent).toContain('2026 年示范校评估');
    expect(campaigns.textContent).toContain('按标注分值计满分');
    expect(campaigns.textContent).toContain('王科长');
    expect(campaigns.textContent).toContain('第 1 版');
  });

  it('a node’s live item is picked from the registry by its label and rule, or cleared, and saved with the version', async () => {
    const declared: RubricDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'B-S3'
          ? {
              ...n,
              children: (n.children ?? []).map((c) =>
                c.id === 'B11' ? { ...c, metric: 'workshop_activities' } : c,
              ),
            }
          : n,
      ),
    };
    vi.mocked(api.saveEvaluationRubric).mockResolvedValue(detail({ ref: 'rubric:42', version: '3' }));
    openEditor(detail({ rubric: declared }));
    await screen.findByTestId('rubric-editor');
    const field = () => screen.getByTestId('rubric-node-metric');

    fireEvent.click(await screen.findByTestId('rubric-tree-B11'));
    await waitFor(() => expect(field().textContent).toContain('工作坊活动开展（R3-G17）'));
    const clear = field().querySelector('.ant-select-clear');
    if (!(clear instanceof HTMLElement)) throw new Error('no clear button on the live item');
    fireEvent.click(clear);
    await waitFor(() => expect(field().textContent).toContain('不取实时数据'));

    fireEvent.click(screen.getByTestId('rubric-tree-B10'));
    fireEvent.mouseDown(within(field()).getByRole('combobox'));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-item-option')].find(
        (o) =>
          !o.closest('.ant-select-dropdown-hidden') &&
          o.textContent?.includes('工作室年度引领教师（R3-B07）'),
      );
      if (!(found instanceof HTMLElement)) throw new Error('no option 工作室年度引领教师（R3-B07）');
      return found;
    });
    expect(option.textContent).toContain('工作室、项目县（区）');
    fireEvent.click(option);
    await waitFor(() => expect(field().textContent).toContain('工作室年度引领教师（R3-B07）'));

    fireEvent.click(screen.getByTestId('rubric-save'));
    await waitFor(() => expect(api.saveEvaluationRubric).toHaveBeenCalledTimes(1));
    const items = vi.mocked(api.saveEvaluationRubric).mock.calls[0]?.[0].rubric.nodes[1]?.children ?? [];
    expect(items.map((c) => [c.id, c.metric])).toEqual([
      ['B10', 'studio_reach'],
      ['B11', undefined],
    ]);
  });
});
