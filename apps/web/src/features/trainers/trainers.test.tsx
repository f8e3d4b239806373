import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, MyTrainer, TrainerDetail, TrainerRecord, TrainerStanding } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { MyTrainerPage } from './my-trainer-page';
import { TrainersPage } from './trainers-page';

// ECharts cannot measure a happy-dom element (it warns of a 0 × 0 DOM): the test looks at the option instead
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({
    option,
  }: {
    option: { series: Array<{ data: number[]; markLine?: { data: Array<{ yAxis: number }> } }> };
  }) => (
    <div data-testid="chart" data-min={option.series[0]?.markLine?.data[0]?.yAxis}>
      {option.series.map((s) => s.data.join(',')).join('|')}
    </div>
  ),
}));

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      trainers: vi.fn(),
      trainer: vi.fn(),
      trainerStanding: vi.fn(),
      decideTrainer: vi.fn(),
      myTrainer: vi.fn(),
      applyTrainer: vi.fn(),
      listTeachers: vi.fn(),
    },
  };
});

const list = vi.mocked(api.trainers);
const standing = vi.mocked(api.trainerStanding);
const decide = vi.mocked(api.decideTrainer);
const mine = vi.mocked(api.myTrainer);
const apply = vi.mocked(api.applyTrainer);

const me = (role: 'bureau_admin' | 'teacher'): Me => ({
  id: '1',
  username: role,
  displayName: role === 'teacher' ? '周培训' : '清城区教育局',
  grants: [{ role, orgId: '23', orgName: '清城区', orgKind: role === 'teacher' ? 'school' : 'county' }],
  teacherId: role === 'teacher' ? '501' : null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const RECOMMENDED: TrainerRecord = {
  id: '9',
  teacherId: '501',
  teacherName: '周培训',
  schoolId: '77',
  schoolName: '清城区第一小学',
  poolOrgId: '23',
  poolName: '清城区',
  route: 'application',
  status: 'recommended',
  statement: '从教二十年，市级骨干教师',
  consentOn: null,
  consentNote: null,
  termStart: null,
  termEnd: null,
  endedOn: null,
  revocationReason: null,
  overrides: [],
  eligibility: {
    kind: 'first',
    asOf: '2026-10-20',
    age: 46,
    outcome: 'needs_override',
    findings: [
      {
        rule: 'R3-P03',
        severity: 'warning',
        message: '周培训的职称不是副高级以上，原则上应具有副高级以上职称，需审定同意',
        values: {},
      },
    ],
  },
  lastAssessment: null,
  updatedAt: '2026-10-20T02:00:00Z',
};
const SERVING: TrainerRecord = {
  ...RECOMMENDED,
  id: '10',
  teacherName: '李在聘',
  status: 'approved',
  termStart: '2025-09-01',
  termEnd: '2028-08-31',
  eligibility: { kind: 'renewal', asOf: '2028-09-01', age: 50, outcome: 'eligible', findings: [] },
  lastAssessment: { year: 2026, result: 'pass', note: null, assessedAt: '2026-10-01T02:00:00Z' },
};
const STANDING: TrainerStanding = {
  year: 2026,
  asOf: '2026-10-20',
  teamMin: 50,
  activeShareMin: 0.9,
  counties: [
    { orgId: '23', name: '清城区', size: 50, active: 45, activeShare: 0.9, findings: [] },
    {
      orgId: '24',
      name: '英德市',
      size: 12,
      active: 3,
      activeShare: 0.25,
      findings: [
        { rule: 'R3-P01', severity: 'error', message: '县级教师培训师队伍 12 人，少于 50 人', values: {} },
      ],
    },
  ],
};

afterEach(cleanup);
beforeEach(() => {
  vi.clearAllMocks();
  list.mockResolvedValue({ items: [RECOMMENDED, SERVING], total: 2 });
  standing.mockResolvedValue(STANDING);
});

describe('培训者团队 (the pool page)', () => {
  it('lists records with status, findings in plain Chinese, term and assessment; shows the standing chart', async () => {
    renderWithApp(<TrainersPage />, { me: me('bureau_admin') });
    const row = (await screen.findByText('周培训')).closest('tr') as HTMLElement;
    expect(within(row).getByText('单位已推荐')).toBeTruthy();
    expect(within(row).getByText('需审定同意')).toBeTruthy();
    expect(within(row).getByText(/职称不是副高级以上/)).toBeTruthy();
    const serving = screen.getByText('李在聘').closest('tr') as HTMLElement;
    expect(within(serving).getByText('聘期至 2028-08-31')).toBeTruthy();
    expect(within(serving).getByText('2026 年度合格')).toBeTruthy();
    expect(within(serving).getByRole('button', { name: '撤销资格' })).toBeTruthy();
    // members, then members active in the year, per county
    const chart = await screen.findByTestId('chart');
    expect(chart.textContent).toBe('50,12|45,3');
    expect(chart.getAttribute('data-min')).toBe('50'); // the team minimum as a line, the bars in their legend's colour
    expect(screen.getByText(/英德市：县级教师培训师队伍 12 人/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/R3-P0\d/);
  });

  it('approval asks a reason for each open warning and sends it as an override', async () => {
    decide.mockResolvedValue({
      ...RECOMMENDED,
      status: 'approved',
      events: [],
      assessments: [],
      assignments: [],
    } as TrainerDetail);
    renderWithApp(<TrainersPage />, { me: me('bureau_admin') });
    const row = (await screen.findByText('周培训')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '审定聘任' }));
    const input = await screen.findByLabelText(/同意理由：周培训的职称/);
    fireEvent.change(input, { target: { value: '市级骨干教师' } });
    fireEvent.click(screen.getByRole('button', { name: /OK|确\s*定/ }));
    await waitFor(() =>
      expect(decide).toHaveBeenCalledWith('9', {
        decision: 'approve',
        reason: undefined,
        overrides: [{ rule: 'R3-P03', reason: '市级骨干教师' }],
        termStart: undefined,
      }),
    );
  });

  it('renders with no data', async () => {
    list.mockResolvedValue({ items: [], total: 0 });
    standing.mockResolvedValue({ ...STANDING, counties: [] });
    renderWithApp(<TrainersPage />, { me: me('bureau_admin') });
    expect(await screen.findByText('管辖范围内没有县（区）')).toBeTruthy();
  });
});

describe('培训者申请 (the teacher’s page)', () => {
  const MINE: MyTrainer = {
    records: [],
    pools: [
      { id: '23', name: '清城区', kind: 'county' },
      { id: '2', name: '清远市', kind: 'city' },
    ],
    eligibility: RECOMMENDED.eligibility ?? {
      kind: 'first',
      asOf: '',
      age: 0,
      outcome: 'eligible',
      findings: [],
    },
  };

  it('shows today’s check and applies to the county with a statement', async () => {
    mine.mockResolvedValue(MINE);
    apply.mockResolvedValue({
      ...RECOMMENDED,
      status: 'applied',
      events: [],
      assessments: [],
      assignments: [],
    });
    renderWithApp(<MyTrainerPage />, { me: me('teacher') });
    expect(await screen.findByText('46 周岁')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('申请理由与专长'), {
      target: { value: '从教二十年，愿承担县级培训任务' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await waitFor(() =>
      expect(apply).toHaveBeenCalledWith({ statement: '从教二十年，愿承担县级培训任务', poolOrgId: '23' }),
    );
  });

  it('shows a record’s status and history, and no form for a pool already applied to', async () => {
    mine.mockResolvedValue({
      ...MINE,
      pools: [MINE.pools[0] ?? { id: '23', name: '清城区', kind: 'county' }],
      records: [
        {
          ...RECOMMENDED,
          events: [
            {
              id: '1',
              action: 'apply',
              fromStatus: null,
              toStatus: 'applied',
              reason: null,
              details: {},
              actorName: '周培训',
              at: '2026-10-19T02:00:00Z',
            },
            {
              id: '2',
              action: 'recommend',
              fromStatus: 'applied',
              toStatus: 'recommended',
              reason: '教学成绩突出',
              details: {},
              actorName: '学校管理员',
              at: '2026-10-20T02:00:00Z',
            },
          ],
          assessments: [],
          assignments: [],
        },
      ],
    });
    renderWithApp(<MyTrainerPage />, { me: me('teacher') });
    const card = await screen.findByTestId('my-trainer-9');
    expect(within(card).getByText('单位已推荐')).toBeTruthy();
    expect(within(card).getByText('教学成绩突出')).toBeTruthy();
    expect(screen.queryByTestId('trainer-apply-form')).toBeNull();
  });
});
