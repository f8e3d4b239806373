import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CommunityDetail, CommunityReview, CommunitySummary, Me, MyCommunity } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { CommunitiesPage } from './communities-page';
import { CommunityPage } from './community-page';
import { CommunityReviewPage } from './community-review-page';
import { MyCommunitiesPage } from './my-communities-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      communities: vi.fn(),
      createCommunity: vi.fn(),
      community: vi.fn(),
      changeRoster: vi.fn(),
      registerCommunity: vi.fn(),
      communityPlan: vi.fn(),
      communityActivities: vi.fn(),
      communityReview: vi.fn(),
      communityFeedback: vi.fn(),
      myCommunities: vi.fn(),
      ruleSources: vi.fn(),
    },
  };
});

const county: Me = {
  id: '1',
  username: 'qingcheng',
  displayName: '清城区教育局',
  grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};
const school: Me = {
  ...county,
  grants: [{ role: 'school_admin', orgId: '9', orgName: '第一小学', orgKind: 'school' }],
};

const SUMMARY: CommunitySummary = {
  id: '3',
  name: '清城区初中数学工作坊',
  kind: 'workshop',
  workshopClass: 'class_2',
  level: 'county',
  stage: null,
  hostOrgId: '9',
  hostOrgName: '第一小学',
  hostTeacherId: '11',
  hostTeacherName: '坊主甲',
  status: 'draft',
  memberCount: 4,
  errorCount: 2,
  warningCount: 0,
};
const DETAIL: CommunityDetail = {
  ...SUMMARY,
  members: [
    {
      id: '21',
      teacherId: '11',
      name: '坊主甲',
      role: 'host',
      schoolId: '9',
      schoolName: '第一小学',
      currentSchoolId: '9',
      currentSchoolName: '第一小学',
      joinedOn: '2026-10-20',
      joinReason: null,
      leftOn: null,
      leaveReason: null,
      moved: false,
      moveFindings: [],
    },
    {
      id: '22',
      teacherId: '12',
      name: '核心一',
      role: 'core',
      schoolId: '10',
      schoolName: '第二小学',
      currentSchoolId: '9',
      currentSchoolName: '第一小学',
      joinedOn: '2026-10-20',
      joinReason: null,
      leftOn: null,
      leaveReason: null,
      moved: true,
      moveFindings: [
        {
          rule: 'R3-W04',
          severity: 'error',
          message: '核心一调至第一小学后，核心成员只来自 4 个不同区域的学校，至少应有 5 个',
          values: { areas: 4, min: 5 },
        },
      ],
    },
  ],
  history: [],
  registration: null,
  findings: [
    {
      rule: 'R3-W02',
      severity: 'error',
      message: '核心成员 2 人，应为 5～7 人',
      values: { core: 2, min: 5, max: 7 },
    },
  ],
  canManage: true,
  canRecord: true,
};

afterEach(cleanup);
beforeEach(() => {
  vi.mocked(api.communities).mockReset().mockResolvedValue([SUMMARY]);
  vi.mocked(api.community).mockReset().mockResolvedValue(DETAIL);
  vi.mocked(api.communityPlan)
    .mockReset()
    .mockResolvedValue({ schoolYear: '2026-2027', sessions: [], findings: [] });
  vi.mocked(api.communityActivities).mockReset().mockResolvedValue([]);
  vi.mocked(api.ruleSources).mockReset().mockResolvedValue([]);
});

describe('工作室与工作坊', () => {
  it('lists each community with its kind, status and problems counted; a manager may create one', async () => {
    renderWithApp(<CommunitiesPage />, { me: county });
    const row = (await screen.findByText('清城区初中数学工作坊')).closest('tr') as HTMLElement;
    expect(within(row).getByText('教师工作坊（二类）')).toBeTruthy();
    expect(within(row).getByText('未注册')).toBeTruthy();
    expect(within(row).getByText('2 项问题')).toBeTruthy();
    expect(screen.getByRole('button', { name: /新建/ })).toBeTruthy();
  });

  it('a school admin reads the list without a create button; an empty list says so', async () => {
    vi.mocked(api.communities).mockResolvedValue([]);
    renderWithApp(<CommunitiesPage />, { me: school });
    expect(await screen.findByText('暂无工作室或工作坊')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新建/ })).toBeNull();
  });

  it('one community shows the findings in words, the moved member flagged, and registers on a click', async () => {
    vi.mocked(api.registerCommunity).mockRejectedValue(new Error('成员组成不符合要求，暂不能注册'));
    renderWithApp(<CommunityPage />, { me: county, route: '/communities/3', path: '/communities/:id' });
    expect(await screen.findByText('核心成员 2 人，应为 5～7 人')).toBeTruthy();
    expect(screen.getByText('已调动')).toBeTruthy();
    expect(screen.getByText(/核心一调至第一小学后/)).toBeTruthy();
    // officers see the rule beside the sentence
    expect(screen.getAllByTestId('rule-ref').map((e) => e.getAttribute('data-rules'))).toContain('R3-W02');
    fireEvent.click(screen.getByRole('button', { name: /注\s*册/ }));
    expect(await screen.findByText('成员组成不符合要求，暂不能注册')).toBeTruthy();
  });
});

describe('月度动态评价 and 我的工作室/工作坊', () => {
  it('the review table shows the month per community with the rate and feedback', async () => {
    const review: CommunityReview = {
      month: '2026-10',
      canFeedback: true,
      rows: [
        {
          communityId: '3',
          name: '清城区初中数学工作坊',
          kind: 'workshop',
          level: 'county',
          hostOrgName: '第一小学',
          planned: 1,
          held: 2,
          expectedAttendances: 42,
          attendances: 24,
          attendanceRate: 24 / 42,
          outputs: 1,
          membersLed: 21,
          findings: [],
          feedback: '按计划开展',
        },
      ],
    };
    vi.mocked(api.communityReview).mockResolvedValue(review);
    renderWithApp(<CommunityReviewPage />, { me: county });
    const row = (await screen.findByText('清城区初中数学工作坊')).closest('tr') as HTMLElement;
    expect(within(row).getByText('57.1%')).toBeTruthy();
    expect(within(row).getByText('按计划开展')).toBeTruthy();
    expect(within(row).getByRole('button', { name: '填写反馈' })).toBeTruthy();
  });

  it('a teacher sees their communities with the coming activity and the 学时 earned; none says so', async () => {
    const mine: MyCommunity = {
      id: '3',
      name: '清城区初中数学工作坊',
      kind: 'workshop',
      level: 'county',
      role: 'core',
      joinedOn: '2026-10-20',
      upcoming: [{ id: '5', heldOn: '2026-11-12', kind: 'discussion', title: '议课活动' }],
      schoolYear: '2026-2027',
      countedTenths: 120,
      notCountedTenths: 0,
    };
    vi.mocked(api.myCommunities).mockResolvedValue([mine]);
    renderWithApp(<MyCommunitiesPage />);
    expect(await screen.findByText('2026—2027 学年已计 12 学时')).toBeTruthy();
    expect(screen.getByText(/议课活动/)).toBeTruthy();
    expect(screen.getByText('核心成员')).toBeTruthy();
    cleanup();
    vi.mocked(api.myCommunities).mockResolvedValue([]);
    renderWithApp(<MyCommunitiesPage />);
    await waitFor(() => expect(screen.getByText('您还没有加入工作室或工作坊')).toBeTruthy());
  });
});
