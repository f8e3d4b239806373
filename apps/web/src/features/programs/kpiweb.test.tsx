import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { IntegrityRecordBody, KpiReport, KpiRow, Programme } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { NotificationBell } from '../../shared/notification-bell';
import { renderWithApp } from '../../shared/test-utils';
import { MyIntegrityCard } from './integrity-appeals';
import { KpiTab } from './kpi-tab';
import { competitiveRatio, shortlistCap } from './shortlist-panel';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      programmeKpis: vi.fn(),
      fetchFile: vi.fn(),
      appealIntegrity: vi.fn(),
      notifications: vi.fn(),
      markNotificationRead: vi.fn(),
    },
  };
});

const rate = (n: number | null, d: number) => ({
  numerator: n,
  denominator: d,
  rate: n === null || d === 0 ? null : n / d,
  reason: n === null ? ('not_reported' as const) : d === 0 ? ('no_denominator' as const) : null,
});
const row = (over: Partial<KpiRow>): KpiRow => ({
  orgId: '1',
  orgName: '清城区',
  orgKind: 'county',
  drillable: true,
  seats: 6,
  nominations: 5,
  selected: 5,
  enrolled: 5,
  registered: 4,
  arrived: 3,
  sessionsExpected: 10,
  sessionsAttended: 5,
  completed: null,
  assessed: null,
  registrationRate: rate(4, 5),
  arrivalRate: rate(3, 5),
  attendanceRate: rate(5, 10),
  completionRate: rate(null, 5),
  refusedAttempts: 2,
  overridden: 0,
  noShows: 0,
  notCompleted: 0,
  deductionPoints: 1,
  deductionScore: 11,
  ...over,
});
const report = (over: Partial<KpiReport> = {}): KpiReport => ({
  programmeId: '7',
  programmeTitle: '乡村骨干',
  level: 'county',
  parent: null,
  asOf: '2021-09-07',
  completionAvailable: false,
  deductionRuleId: 'R3-B03',
  targets: [{ kpi: 'arrivalRate', value: 1, ruleId: 'R3-B02', note: '' }],
  rows: [row({})],
  total: row({ orgId: '', orgName: '合计', orgKind: 'total', drillable: false }),
  ...over,
});
const programme = { id: '7', title: '乡村骨干' } as Programme;

beforeEach(() => vi.mocked(api.programmeKpis).mockReset());
afterEach(() => cleanup());

describe('数据看板 KpiTab', () => {
  it('shows rates as percentages, — for 结业率 until completion is recorded, and the R3-B03 deduction', async () => {
    vi.mocked(api.programmeKpis).mockResolvedValue(report());
    renderWithApp(<KpiTab programme={programme} />);
    const table = await screen.findByTestId('kpi-table');
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(first).getByText('80.0%')).toBeTruthy();
    expect(within(first).getByText('60.0%')).toBeTruthy();
    expect(within(first).getByText('50.0%')).toBeTruthy();
    expect(within(first).getByText('—')).toBeTruthy();
    expect(within(first).getByText('−1')).toBeTruthy();
    expect(screen.getByTestId('kpi-completion-pending')).toBeTruthy();
    expect(screen.getByTestId('chart')).toBeTruthy();
  });

  it('drills from a county to its schools and back', async () => {
    vi.mocked(api.programmeKpis).mockResolvedValue(report());
    renderWithApp(<KpiTab programme={programme} />);
    fireEvent.click(await screen.findByRole('button', { name: '清城区' }));
    await waitFor(() =>
      expect(api.programmeKpis).toHaveBeenLastCalledWith('7', { level: 'school', parentOrgId: '1' }),
    );
    const crumbs = screen.getByTestId('kpi-drill-path');
    fireEvent.click(within(crumbs).getByText('全部'));
    await waitFor(() => expect(api.programmeKpis).toHaveBeenLastCalledWith('7', { level: 'county' }));
  });
});

describe('shortlist helpers (R-004-59)', () => {
  it('cap is ⌈seats × ratio⌉: 5 seats → 6, 6 seats → 8 (7.2 rounds up), 0 → 0', () => {
    expect(shortlistCap(5, 1.2)).toBe(6);
    expect(shortlistCap(6, 1.2)).toBe(8);
    expect(shortlistCap(0, 1.2)).toBe(0);
  });
  it('reads the ratio of the project type; none below 1 or absent', () => {
    const pack = {
      projectTypes: [
        { code: 'a', name: 'A', tracks: [], competitiveRatio: { value: 1.2 } },
        { code: 'b', name: 'B', tracks: [] },
      ],
    } as unknown as Parameters<typeof competitiveRatio>[0];
    expect(competitiveRatio(pack, 'a')).toBe(1.2);
    expect(competitiveRatio(pack, 'b')).toBeNull();
  });
});

const record = (over: Partial<IntegrityRecordBody> = {}): IntegrityRecordBody => ({
  id: '3',
  teacherId: '9',
  teacherName: '张老师',
  kind: 'no_show',
  recordDate: '2024-09-01',
  programmeId: null,
  evidence: '未请假未报到',
  standing: true,
  createdAt: '2024-09-02T00:00:00Z',
  barEndsOn: '2099-08-31',
  appeal: { status: 'none', reason: null, appealedAt: null, decidedAt: null, decisionReason: null },
  standingReason: null,
  ...over,
});

describe('my integrity record (R-004-20)', () => {
  it('shows the bar end date and sends an appeal with the reason', async () => {
    vi.mocked(api.appealIntegrity).mockResolvedValue(record());
    renderWithApp(<MyIntegrityCard record={record()} />);
    expect(screen.getByTestId('bar-end').textContent).toContain('2099-08-31');
    const submit = screen.getByTestId('appeal-submit') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('appeal-reason'), { target: { value: '有病假证明' } });
    fireEvent.click(submit);
    await waitFor(() => expect(api.appealIntegrity).toHaveBeenCalledWith('3', '有病假证明'));
  });
  it('a pending appeal shows its status and no second form', () => {
    renderWithApp(
      <MyIntegrityCard
        record={record({
          appeal: {
            status: 'pending',
            reason: '病假',
            appealedAt: '2024-09-03T00:00:00Z',
            decidedAt: null,
            decisionReason: null,
          },
        })}
      />,
    );
    expect(screen.getByTestId('appeal-status').textContent).toBe('申诉审核中');
    expect(screen.queryByTestId('appeal-submit')).toBeNull();
  });
});

describe('notification bell', () => {
  it('shows the unread count and marks one read', async () => {
    vi.mocked(api.notifications).mockResolvedValue({
      unread: 1,
      items: [
        {
          id: '5',
          kind: 'integrity.appeal',
          title: '申诉已处理',
          body: '申诉成立',
          entity: null,
          entityId: null,
          createdAt: '2024-09-03T00:00:00Z',
          readAt: null,
          words: null,
        },
      ],
    });
    vi.mocked(api.markNotificationRead).mockResolvedValue(undefined);
    renderWithApp(<NotificationBell />);
    await waitFor(() => expect(screen.getByLabelText('消息通知（1 条未读）')).toBeTruthy());
    fireEvent.click(screen.getByTestId('notif-bell'));
    fireEvent.click(await screen.findByTestId('notif-read'));
    await waitFor(() => expect(api.markNotificationRead).toHaveBeenCalledWith('5'));
  });
});
