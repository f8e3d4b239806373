/** 校本研修 page: a school sees its due date, late flag and records; the 进修学校 sees the plans and draws. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, SchoolPlanList, SchoolResearchYear } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { SchoolResearchPage } from './school-research-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      schoolPlans: vi.fn(),
      schoolResearchYear: vi.fn(),
      decideSchoolPlan: vi.fn(),
      spotChecks: vi.fn(),
      drawSpotCheck: vi.fn(),
      certifySchoolRecord: vi.fn(),
      listTeachers: vi.fn(),
      fetchFile: vi.fn(),
      schoolTrainingBudget: vi.fn(),
      saveTrainingBudget: vi.fn(),
      trainingBudgets: vi.fn(),
    },
  };
});

const me = (role: Me['grants'][number]['role'], orgKind: string): Me => ({
  id: '1',
  username: 'u',
  displayName: 'u',
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const YEAR: SchoolResearchYear = {
  schoolId: '7',
  schoolName: '清城区第一小学',
  schoolYear: '2026-2027',
  due: { firstSchoolDay: '2026-09-01', lastDay: '2026-09-07', beforeWeek: 2, rule: 'R3-S03' },
  finding: {
    rule: 'R3-S03',
    message: '年度校本研修方案于 2026-09-08 提交，晚于 2026-09-07 的截止日',
    values: {},
  },
  plan: null,
  versions: [],
  records: [
    {
      id: '11',
      semester: 1,
      heldOn: '2026-09-10',
      topic: '数学组集体备课',
      form: '集体备课',
      note: null,
      participants: [{ teacherId: '5', teacherName: '王研修', hoursTenths: 30, certifiedTenths: 0 }],
      needsCertification: true,
    },
  ],
  assessments: [],
  yearMinTenths: 240,
  certified: [],
  canSubmit: true,
  canReview: false,
};

beforeEach(() => {
  // R3-B09's card and table: nothing entered yet
  vi.mocked(api.schoolTrainingBudget).mockResolvedValue({
    schoolId: '7',
    schoolName: '清城区第一小学',
    year: 2026,
    record: null,
    canEdit: true,
    shareMin: 0.05,
    useMin: 0.9,
  });
  vi.mocked(api.trainingBudgets).mockResolvedValue({ year: 2026, items: [], metBoth: 0 });
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('SchoolResearchPage', () => {
  it('a school: the R3-S03 due date and late finding, its records, certify posts', async () => {
    vi.mocked(api.schoolResearchYear).mockResolvedValue(YEAR);
    vi.mocked(api.certifySchoolRecord).mockResolvedValue({ posted: 1, reversed: 0, unchanged: 0 });
    renderWithApp(<SchoolResearchPage />, { me: me('school_admin', 'school') });
    expect(await screen.findByText(/方案提交截止：2026-09-07/)).toBeTruthy();
    expect(screen.getByText(/晚于 2026-09-07 的截止日/)).toBeTruthy();
    expect(screen.getByText('数学组集体备课')).toBeTruthy();
    expect(await screen.findByText('本年度未填报教师培训经费')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '核定学时' }));
    await waitFor(() => expect(api.certifySchoolRecord).toHaveBeenCalledWith('11'));
  });

  it('the 进修学校: plans with the late flag, approve, and the spot-check draw with an empty list', async () => {
    const list: SchoolPlanList = {
      schoolYear: '2026-2027',
      due: YEAR.due,
      plans: [
        {
          planId: '3',
          schoolId: '7',
          schoolName: '清城区第一小学',
          schoolYear: '2026-2027',
          version: 1,
          status: 'submitted',
          theme: '课例研究',
          firstSubmittedOn: '2026-09-08',
          submittedOn: '2026-09-08',
          late: true,
          due: YEAR.due,
          finding: YEAR.finding,
          canDecide: true,
        },
        {
          planId: '4',
          schoolId: '8',
          schoolName: '英德市第一小学',
          schoolYear: '2026-2027',
          version: 1,
          status: 'approved',
          theme: '主题阅读',
          firstSubmittedOn: '2026-09-10',
          submittedOn: '2026-09-10',
          late: false,
          // its county's own pack: due before week 3
          due: { ...YEAR.due, lastDay: '2026-09-14', beforeWeek: 3 },
          finding: null,
          canDecide: false,
        },
      ],
    };
    vi.mocked(api.schoolPlans).mockResolvedValue(list);
    vi.mocked(api.spotChecks).mockResolvedValue([]);
    vi.mocked(api.decideSchoolPlan).mockResolvedValue({
      id: '3',
      version: 1,
      status: 'approved',
      form: {
        theme: '课例研究',
        leader: '张',
        yearGoals: '目标',
        semesterGoals: { first: '目标', second: '目标' },
        contents: ['校本课程开发'],
        forms: ['集体备课'],
        projects: [],
        assessment: '考核',
      },
      submittedOn: '2026-09-08',
      submittedAt: '2026-09-08T00:00:00Z',
      late: true,
      decidedAt: null,
      returnReason: null,
    });
    renderWithApp(<SchoolResearchPage />, { me: me('tdc_staff', 'county') });
    expect(await screen.findByText('课例研究')).toBeTruthy();
    expect(screen.getByText('逾期提交')).toBeTruthy();
    // the list's due date in the pack's words; a school whose own pack differs shows its own beside the row
    expect(screen.getByText('方案提交截止：2026-09-07（开学 2026-09-01，第 2 周前）')).toBeTruthy();
    expect(screen.getAllByText(/本校截止/).map((e) => e.textContent)).toEqual(['本校截止 2026-09-14']);
    expect(screen.getByText('按时提交')).toBeTruthy();
    expect(await screen.findByText('暂无抽查')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /通\s*过/ }));
    await waitFor(() => expect(api.decideSchoolPlan).toHaveBeenCalledWith('3', { decision: 'approve' }));
  });

  it('a city bureau with no plans: an empty list and no draw form', async () => {
    vi.mocked(api.schoolPlans).mockResolvedValue({ schoolYear: '2026-2027', due: YEAR.due, plans: [] });
    renderWithApp(<SchoolResearchPage />, { me: me('bureau_admin', 'city') });
    expect(await screen.findByText('本学年还没有学校提交方案')).toBeTruthy();
    expect(screen.queryByText('期末抽查')).toBeNull();
  });
});
