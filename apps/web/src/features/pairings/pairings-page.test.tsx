/**
 * 帮扶结对 page: the officer sees a dev school with 4 schools flagged (R3-B05) and may create; a school reads only;
 * the officer deletes a pairing without activities (confirmed) and may not once one is recorded; 各县统计 shows each
 * county and the total for the school year chosen.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, Pairing, PairingDetail, PairingStats, PairingStatsCounts } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { PairingsPage } from './pairings-page';

// ECharts cannot measure a happy-dom element: the chart is drawn in the browser
vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      pairings: vi.fn(),
      pairing: vi.fn(),
      createPairing: vi.fn(),
      checkPairing: vi.fn(),
      updatePairing: vi.fn(),
      recordPairingActivity: vi.fn(),
      deletePairing: vi.fn(),
      pairingStats: vi.fn(),
      listSchools: vi.fn(),
      communities: vi.fn(),
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

const FLAGGED: Pairing = {
  id: '21',
  kind: 'dev_school',
  lead: { id: '7', name: '清城区第一小学', level: null, kind: null },
  partners: ['二', '三', '四', '五'].map((n, i) => ({
    id: `${30 + i}`,
    name: `清城区第${n}小学`,
    level: null,
    kind: null,
  })),
  fromYear: '2026-2027',
  toYear: '2027-2028',
  note: null,
  findings: [
    {
      rule: 'R3-B05',
      severity: 'error',
      message: '教师发展学校帮扶带动 4 所学校，应为 1～3 所',
      values: { paired: 4, min: 1, max: 3 },
    },
  ],
  activityCount: 1,
  lastActivityOn: '2026-11-02',
  canManage: true,
  canRecord: true,
};

const DETAIL: PairingDetail = {
  ...FLAGGED,
  activities: [
    {
      id: '1',
      heldOn: '2026-11-02',
      title: '同课异构：三年级数学',
      place: '第一小学',
      participants: 18,
      notes: null,
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('PairingsPage', () => {
  it('R3-B05: an officer sees a dev school with 4 schools flagged, not hidden, and its activities', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [FLAGGED] });
    vi.mocked(api.pairing).mockResolvedValue(DETAIL);
    renderWithApp(<PairingsPage />, { me: me('tdc_staff', 'county') });
    expect(await screen.findByText('教师发展学校帮扶带动 4 所学校，应为 1～3 所')).toBeTruthy();
    expect(screen.getByText('清城区第五小学')).toBeTruthy();
    expect(screen.getByRole('button', { name: '新建结对' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /查\s*看/ }));
    expect(await screen.findByText('2026-11-02 · 同课异构：三年级数学')).toBeTruthy();
    expect(screen.getByRole('button', { name: '记录活动' })).toBeTruthy();
  });

  it('R3-B05 live: editing shows the server’s check of the partners before saving', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [FLAGGED] });
    vi.mocked(api.pairing).mockResolvedValue(DETAIL);
    vi.mocked(api.listSchools).mockResolvedValue({ items: [], total: 0, page: 1, pageSize: 20 });
    vi.mocked(api.checkPairing).mockResolvedValue({ findings: FLAGGED.findings });
    renderWithApp(<PairingsPage />, { me: me('tdc_staff', 'county') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    fireEvent.click(await screen.findByRole('button', { name: '修改结对' }));
    await waitFor(() =>
      expect(api.checkPairing).toHaveBeenCalledWith(
        expect.objectContaining({ kind: 'dev_school', leadId: '7', partnerIds: ['30', '31', '32', '33'] }),
      ),
    );
    expect(
      (await screen.findAllByText('教师发展学校帮扶带动 4 所学校，应为 1～3 所')).length,
    ).toBeGreaterThan(0);
  });

  it('a school reads its pairings without creating; the empty list renders cleanly', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [] });
    renderWithApp(<PairingsPage />, { me: me('school_admin', 'school') });
    expect(await screen.findByText('暂无帮扶结对')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '新建结对' })).toBeNull();
  });

  it('the kind filter asks the server for that kind', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [] });
    renderWithApp(<PairingsPage />, { me: me('bureau_admin', 'county') });
    await screen.findByText('暂无帮扶结对');
    fireEvent.click(screen.getByText('工作室与工作坊协作'));
    await waitFor(() => expect(api.pairings).toHaveBeenCalledWith('studio_workshop'));
  });
});

const counts = (n: number, activities: number, flagged: number): PairingStatsCounts => ({
  active: { dev_school: n, demo_school: 0, studio_workshop: 0, total: n },
  partnersHelped: 2 * n,
  flagged,
  activities,
  participants: activities * 10,
  idle: 0,
});

const STATS: PairingStats = {
  schoolYear: '2026-2027',
  from: '2026-09-01',
  to: '2027-08-31',
  rows: [
    { regionId: '3', name: '清城区', ...counts(3, 5, 1) },
    { regionId: '4', name: '英德市', ...counts(0, 0, 0) },
  ],
  total: counts(3, 5, 1),
};

describe('PairingsPage: delete and 各县统计', () => {
  it('the officer deletes a pairing without activities after confirming; the drawer closes', async () => {
    const idle = { ...DETAIL, activityCount: 0, lastActivityOn: null, activities: [] };
    vi.mocked(api.pairings).mockResolvedValue({ items: [{ ...FLAGGED, activityCount: 0 }] });
    vi.mocked(api.pairing).mockResolvedValue(idle);
    vi.mocked(api.deletePairing).mockResolvedValue(undefined);
    renderWithApp(<PairingsPage />, { me: me('tdc_staff', 'county') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    fireEvent.click(await screen.findByRole('button', { name: /删\s*除/ }));
    expect(await screen.findByText('删除这条结对？仅用于误录的结对，删除后不可恢复。')).toBeTruthy();
    const confirm = screen.getAllByRole('button', { name: /删\s*除/ }).at(-1);
    if (confirm) fireEvent.click(confirm);
    await waitFor(() => expect(api.deletePairing).toHaveBeenCalledWith('21'));
    await waitFor(() => expect(screen.queryByText('修改结对')).toBeNull());
  });

  it('with an activity recorded the delete button is disabled and says why', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [FLAGGED] });
    vi.mocked(api.pairing).mockResolvedValue(DETAIL);
    renderWithApp(<PairingsPage />, { me: me('tdc_staff', 'county') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    const del = await screen.findByRole('button', { name: /删\s*除/ });
    expect((del as HTMLButtonElement).disabled).toBe(true);
    fireEvent.mouseEnter(screen.getByTestId('pairing-delete-blocked'));
    expect(
      await screen.findByText('已记录 1 次结对活动，不能删除；帮扶结束请把结束学年改为本学年'),
    ).toBeTruthy();
    expect(api.deletePairing).not.toHaveBeenCalled();
  });

  it('a school sees neither the delete button nor the 各县统计 tab', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [{ ...FLAGGED, canManage: false }] });
    vi.mocked(api.pairing).mockResolvedValue({ ...DETAIL, canManage: false });
    renderWithApp(<PairingsPage />, { me: me('school_admin', 'school') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    await screen.findByText('2026-11-02 · 同课异构：三年级数学');
    expect(screen.queryByRole('button', { name: /删\s*除/ })).toBeNull();
    expect(screen.queryByText('各县统计')).toBeNull();
  });

  it('各县统计: each county with its counts, a county at zero, the total row and the activities chart', async () => {
    vi.mocked(api.pairings).mockResolvedValue({ items: [] });
    vi.mocked(api.pairingStats).mockResolvedValue(STATS);
    renderWithApp(<PairingsPage />, { me: me('bureau_admin', 'city') });
    fireEvent.click(await screen.findByText('各县统计'));
    expect(await screen.findByText('英德市')).toBeTruthy();
    expect(api.pairingStats).toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{4}$/));
    const row = screen.getByText('清城区').closest('tr');
    expect(row?.textContent).toContain('5');
    const total = screen.getByText('合计', { selector: 'strong' }).closest('tr');
    expect(total?.textContent).toBe(`合计${[3, 0, 0, 3, 6, 1, 5, 50, 0].join('')}`);
    expect(screen.getByText('2026-09-01 至 2027-08-31，按结对牵头方所在县统计')).toBeTruthy();
    expect(screen.getByTestId('pairing-stats-chart')).toBeTruthy();
  });
});
