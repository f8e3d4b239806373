import { cleanup, screen } from '@testing-library/react';
import type { Home, HomeTask, Me, OverviewProgramme } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { notificationPath } from '../../shared/notification-bell';
import { hanOutside, renderWithApp } from '../../shared/test-utils';
import { HomePage } from './home-page';
import { taskPath } from './home-tasks';
import { LatestWarnings } from './year-at-a-glance';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { me: vi.fn(), home: vi.fn(), orgRoots: vi.fn(async () => []), orgChildren: vi.fn(async () => []) },
  };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const me = (role: Me['grants'][number]['role'], teacherId: string | null = null): Me => ({
  id: '1',
  username: role,
  displayName: '测试用户',
  grants: [{ role, orgId: '7', orgName: '广东省', orgKind: 'province' }],
  teacherId,
  csrfToken: 'x',
  mustChangePassword: false,
});

const rate = (n: number, d: number) => ({ numerator: n, denominator: d, rate: n / d, reason: null });

const programme: OverviewProgramme = {
  id: '2',
  title: '乡村骨干教师素质提升培训（市培）',
  level: 'city',
  ownerOrgName: '清远市',
  startDate: '2026-11-16',
  endDate: '2026-12-31',
  ownedInScope: true,
  seats: 60,
  seatsUsed: 56,
  enrolled: 56,
  arrived: 47,
  assessed: 0,
  completed: 0,
  arrivalRate: rate(47, 56),
  completionRate: { numerator: null, denominator: 0, rate: null, reason: 'no_completion_run' },
  hoursTenths: 0,
  budgetFen: null,
  spentFen: null,
  classes: 1,
  overdueDeadlines: 3,
  overdueRules: ['R-004-10'],
};

const empty: Home = {
  asOf: '2026-11-23',
  training: null,
  warnings: null,
  classes: null,
  plans: null,
  tasks: [],
};

const officerHome: Home = {
  ...empty,
  training: {
    year: 2026,
    programmes: 4,
    running: 1,
    upcoming: 2,
    finished: 1,
    seats: 131,
    seatsUsed: 95,
    enrolled: 94,
    arrived: 85,
    assessed: 38,
    completed: 35,
    arrivalRate: rate(85, 94),
    completionRate: rate(35, 38),
    classes: 2,
    overdueDeadlines: 9,
    current: [programme],
  },
  warnings: {
    cycleId: '3',
    cycleName: '2026—2027 学年高一数学质量监测',
    total: 3,
    latest: [
      {
        rule: 'EW-BELOW',
        examId: '11',
        examName: '2026 秋季高一数学期末',
        schoolId: '40',
        school: '清远市清城中学',
        metric: 'score_rate',
        value: 0.39,
        reference: 0.5,
        message: '清远市清城中学得分率 39.0%，低于预警线 50.0%',
      },
    ],
  },
  tasks: [{ kind: 'plan_review', count: 1, subject: '省级骨干教师培育项目', id: '5', due: null }],
};

describe('工作台', () => {
  it('an officer: the six figures of the year, each opening its list; the running programme; tasks; warnings', async () => {
    vi.mocked(api.me).mockResolvedValue(me('bureau_admin'));
    vi.mocked(api.home).mockResolvedValue(officerHome);
    vi.mocked(api.orgRoots).mockResolvedValue([
      { id: '7', name: '广东省', kind: 'province', teacherCount: 2000, schoolCount: 40, childCount: 1 },
    ] as Awaited<ReturnType<typeof api.orgRoots>>);
    renderWithApp(<HomePage />);
    expect((await screen.findByTestId('home-tile-programmes')).textContent).toContain('1 个进行中');
    const href = (id: string) => screen.getByTestId(id).getAttribute('href');
    expect(href('home-tile-programmes')).toBe('/programmes');
    expect(screen.getByTestId('home-tile-seats').textContent).toContain('73%');
    expect(href('home-tile-seats')).toBe('/training-overview');
    expect(screen.getByTestId('home-tile-arrival').textContent).toContain('90.4%');
    expect(screen.getByTestId('home-tile-completion').textContent).toContain('92.1%');
    expect(screen.getByTestId('home-tile-overdue').textContent).toContain('9');
    expect(href('home-tile-overdue')).toBe('/classes');
    expect(href('home-tile-warnings')).toBe('/monitoring/cycles/3');
    expect(screen.getByRole('link', { name: programme.title }).getAttribute('href')).toBe('/programmes/2');
    expect(
      screen.getByRole('link', { name: '审核培训方案：省级骨干教师培育项目' }).getAttribute('href'),
    ).toBe('/plans/5');
    expect(screen.getByTestId('home-warnings').textContent).toContain('低于预警线 50.0%');
    // the scope's teachers and schools, for a role that reads teachers
    expect((await screen.findByTestId('home-teacher-count')).textContent).toContain('2,000');
  });

  it('the latest warnings in en-US: the sentence from the rule and values, Chinese only in the school’s name', () => {
    const warnings = officerHome.warnings;
    if (!warnings) throw new Error('no warnings');
    renderWithApp(<LatestWarnings warnings={warnings} />, { lang: 'en-US' });
    const sentence = screen.getByTestId('warning-sentence').textContent;
    expect(sentence).toBe('清远市清城中学: score rate 39.0%, below the warning line of 50.0%');
    expect(hanOutside(sentence, '清远市清城中学')).toBe('');
    cleanup();
    renderWithApp(<LatestWarnings warnings={warnings} />);
    expect(screen.getByTestId('warning-sentence').textContent).toBe(warnings.latest[0]?.message);
  });

  it('a trainer: its classes and no figures of the year, no teachers card', async () => {
    vi.mocked(api.me).mockResolvedValue(me('trainer'));
    vi.mocked(api.home).mockResolvedValue({
      ...empty,
      classes: { total: 0, running: 0, upcoming: 0, items: [] },
    });
    renderWithApp(<HomePage />);
    expect((await screen.findByTestId('home-classes')).textContent).toContain('还没有培训班');
    expect(screen.getByTestId('home-tasks').textContent).toContain('暂无待办事项');
    expect(screen.queryByTestId('home-year')).toBeNull();
    expect(screen.queryByTestId('home-region')).toBeNull();
    expect(api.orgRoots).not.toHaveBeenCalled();
  });

  it('an expert (evaluator only) lands on 评审任务', async () => {
    vi.mocked(api.me).mockResolvedValue(me('evaluator'));
    vi.mocked(api.home).mockResolvedValue(empty);
    renderWithApp(<HomePage />);
    expect((await screen.findByTestId('location')).textContent).toBe('/evaluation/tasks');
  });

  it('a role with no work says so plainly instead of an empty chart', async () => {
    vi.mocked(api.me).mockResolvedValue(me('trainer'));
    vi.mocked(api.home).mockResolvedValue(empty);
    renderWithApp(<HomePage />);
    expect((await screen.findByTestId('home-nothing')).textContent).toContain('没有可办理的工作');
  });

  it('a teacher goes to their own profile, without asking for a landing page', async () => {
    vi.mocked(api.me).mockResolvedValue(me('teacher', '42'));
    renderWithApp(<HomePage />);
    expect((await screen.findByTestId('location')).textContent).toBe('/teachers/42');
    expect(api.home).not.toHaveBeenCalled();
  });

  it('a task links to where it is done', () => {
    const t = (kind: HomeTask['kind'], id: string | null): HomeTask => ({
      kind,
      count: 1,
      subject: null,
      id,
      due: null,
    });
    expect(taskPath(t('outcomes_review', '9'))).toBe('/classes/9/outcomes');
    expect(taskPath(t('completion_run', '9'))).toBe('/classes/9/completion');
    expect(taskPath(t('deadline_overdue', null))).toBe('/classes');
    expect(taskPath(t('shortlist_select', '4'))).toBe('/shortlists/4');
    expect(taskPath(t('programme_open', '4'))).toBe('/plans');
  });

  it('a notification opens what it is about: a plan, a shortlist (by programme), the teacher’s integrity page', () => {
    expect(notificationPath({ entity: 'plan', entityId: '5' })).toBe('/plans/5');
    expect(notificationPath({ entity: 'shortlist', entityId: '4' })).toBe('/shortlists/4');
    expect(notificationPath({ entity: 'teacher', entityId: '12' })).toBe('/teachers/12');
    expect(notificationPath({ entity: 'integrity_record', entityId: '8' })).toBe('/me/integrity');
    expect(notificationPath({ entity: 'nomination', entityId: '8' })).toBeNull();
    expect(notificationPath({ entity: 'plan', entityId: null })).toBeNull();
  });
});
