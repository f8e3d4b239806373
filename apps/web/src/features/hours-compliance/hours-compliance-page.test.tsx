/** 学时达标: the unit's counts, its child units and the teachers behind; the filter, drilling, reminders. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComplianceTeacher, HoursCompliance, Me, OrgNode } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { HoursCompliancePage } from './hours-compliance-page';

vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: { yAxis?: { data?: unknown[] } } }) => (
    <div data-testid="chart" data-rows={option.yAxis?.data?.length ?? 0} />
  ),
}));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      hoursCompliance: vi.fn(),
      complianceTeachers: vi.fn(),
      remindBehind: vi.fn(),
      orgRoots: vi.fn(),
      org: vi.fn(),
      fetchFile: vi.fn(),
      ruleSources: vi.fn(),
    },
  };
});

const report = vi.mocked(api.hoursCompliance);
const teachers = vi.mocked(api.complianceTeachers);
const remind = vi.mocked(api.remindBehind);
const roots = vi.mocked(api.orgRoots);
const org = vi.mocked(api.org);

const county: Me = {
  id: '1',
  username: 'qingcheng',
  displayName: '清城区教育局',
  grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const row = (orgId: string, name: string, kind: string, n: Partial<HoursCompliance['total']> = {}) => ({
  orgId,
  name,
  kind,
  teachers: 10,
  onTrack: 6,
  behind: 4,
  shortTenths: 355,
  yearOnPace: 7,
  yearBehind: 3,
  categories: [{ category: 'school_based' as const, behind: 5 }],
  ...n,
});

const REPORT: HoursCompliance = {
  asOf: '2027-12-06',
  schoolYear: '2027-2028',
  inCycle: true,
  cycleSchoolYears: ['2026-2027', '2027-2028', '2028-2029', '2029-2030', '2030-2031'],
  elapsedYears: 1,
  groups: [
    {
      group: '',
      name: '',
      targetTenths: 3600,
      targetRuleId: 'Y-HOURS-CYCLE',
      expectedTenths: 720,
      yearMinTenths: null,
      yearMinRuleId: null,
      yearPaceTenths: 0,
    },
    {
      group: 'researcher',
      name: '教研员',
      targetTenths: 3600,
      targetRuleId: 'Y-HOURS-CYCLE',
      expectedTenths: 720,
      yearMinTenths: 900,
      yearMinRuleId: 'R-002-19',
      yearPaceTenths: 240,
    },
  ],
  categories: [
    { category: 'school_based', label: '校本研修', requiredTenths: 240, paceTenths: 64, ruleId: 'R3-S02' },
  ],
  onTrackRuleId: 'Y-HOURS-ON-TRACK',
  paceRuleId: 'Y-HOURS-YEAR-PACE',
  unit: { id: '7', name: '清城区', kind: 'county' },
  total: row('7', '清城区', 'county', {
    teachers: 20,
    onTrack: 15,
    behind: 5,
    shortTenths: 412,
    yearBehind: 4,
  }),
  units: [
    row('71', '清城区第一中学', 'school', { onTrack: 6, behind: 4 }),
    row('72', '清城区实验小学', 'school', { onTrack: 9, behind: 1, shortTenths: 57 }),
  ],
};

const teacher = (over: Partial<ComplianceTeacher>): ComplianceTeacher => ({
  teacherId: '501',
  name: '王芳',
  schoolId: '71',
  schoolName: '清城区第一中学',
  groupName: '',
  cycleCountedTenths: 365,
  expectedTenths: 720,
  shortOfExpectedTenths: 355,
  targetTenths: 3600,
  onTrack: false,
  yearCountedTenths: 0,
  yearPaceTenths: 0,
  yearOnPace: true,
  categories: [{ category: 'school_based', countedTenths: 20, paceTenths: 64 }],
  message: '本周期已计 36.5 学时，按进度应有 72 学时，落后 35.5 学时。',
  ...over,
});

const node = (id: string, name: string, kind: OrgNode['kind'], parentId: string | null): OrgNode => ({
  id,
  parentId,
  kind,
  code: null,
  name,
  depth: 0,
});

afterEach(cleanup);
beforeEach(() => {
  for (const m of [report, teachers, remind, roots, org]) m.mockReset();
  report.mockImplementation(async (orgId?: string) =>
    orgId === '71'
      ? {
          ...REPORT,
          unit: { id: '71', name: '清城区第一中学', kind: 'school' },
          units: [row('71', '清城区第一中学', 'school')],
        }
      : REPORT,
  );
  teachers.mockResolvedValue({
    total: 2,
    page: 1,
    pageSize: 20,
    items: [
      teacher({}),
      teacher({
        teacherId: '502',
        name: '李强',
        groupName: '教研员',
        onTrack: true,
        shortOfExpectedTenths: 0,
        cycleCountedTenths: 800,
        yearCountedTenths: 100,
        yearPaceTenths: 240,
        yearOnPace: false,
        message: '本周期已计 80 学时，进度达标；2027-2028 学年已计 10 学时，按进度应有 24 学时。',
      }),
    ],
  });
  roots.mockResolvedValue([node('7', '清城区', 'county', '2')]);
  org.mockImplementation(async (id: string) => ({
    node: id === '7' ? node('7', '清城区', 'county', '2') : node(id, '清城区第一中学', 'school', '7'),
    ancestors: [
      node('1', '广东省', 'province', null),
      node('2', '清远市', 'city', '1'),
      ...(id === '7' ? [] : [node('7', '清城区', 'county', '2')]),
    ],
  }));
});

const render = (route = '/hours/compliance') =>
  renderWithApp(<HoursCompliancePage />, { route, path: '/hours/compliance', me: county });

describe('学时达标', () => {
  it('shows the unit’s counts, its child units and the teachers behind with the plain reason', async () => {
    render();
    expect(await screen.findByText('学时达标 · 清城区')).toBeTruthy();
    expect(screen.getByText('截至 2027-12-06，2027—2028 学年')).toBeTruthy();
    expect(screen.getByText(/本周期 2026—2027 至 2030—2031 学年，已过 1 学年/)).toBeTruthy();
    expect(screen.getByTestId('hc-teachers').textContent).toContain('20');
    expect(screen.getByTestId('hc-on-track').textContent).toContain('15（75%）');
    expect(screen.getByTestId('hc-short').textContent).toContain('41.2');
    const units = screen.getByTestId('hc-units-table');
    expect(within(units).getByText('清城区第一中学')).toBeTruthy();
    expect(within(units).getAllByText('校本研修落后').length).toBeGreaterThan(0);
    expect(
      await screen.findByText('本周期已计 36.5 学时，按进度应有 72 学时，落后 35.5 学时。'),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '王芳' }).getAttribute('href')).toBe('/teachers/501');
    expect(screen.getByText('教研员')).toBeTruthy();
    expect(teachers).toHaveBeenCalledWith({ orgId: undefined, behind: 'any', page: 1, pageSize: 20 });
    // officers read the rules behind the figures in an ⓘ, not in the sentences
    expect(
      screen.getAllByTestId('rule-ref').some((r) => r.getAttribute('data-rules') === 'Y-HOURS-ON-TRACK'),
    ).toBe(true);
  });

  it('asks for the report and the teachers at once: both requests start before either answers', async () => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const reportOf = report.getMockImplementation();
    const teachersOf = teachers.getMockImplementation();
    report.mockImplementation(async (orgId?: string) => {
      await held;
      if (!reportOf) throw new Error('no report');
      return reportOf(orgId);
    });
    teachers.mockImplementation(async (q) => {
      await held;
      if (!teachersOf) throw new Error('no teachers');
      return teachersOf(q);
    });
    render('/hours/compliance?orgId=71');
    await waitFor(() => expect(teachers).toHaveBeenCalledTimes(1));
    expect(report).toHaveBeenCalledTimes(1);
    expect(teachers).toHaveBeenCalledWith({ orgId: '71', behind: 'any', page: 1, pageSize: 20 });
    answer();
    expect(await screen.findByRole('link', { name: '王芳' }, { timeout: 10000 })).toBeTruthy();
    expect(teachers).toHaveBeenCalledTimes(1);
  });

  it('a category filter without its category waits for the report and lists its first category', async () => {
    render('/hours/compliance?behind=category');
    await screen.findByRole('link', { name: '王芳' }, { timeout: 10000 });
    expect(teachers).toHaveBeenCalledTimes(1);
    expect(teachers).toHaveBeenCalledWith({
      orgId: undefined,
      behind: 'category',
      category: 'school_based',
      page: 1,
      pageSize: 20,
    });
  });

  it('asks for the teachers the filter names', async () => {
    render();
    await screen.findByRole('link', { name: '王芳' }, { timeout: 10000 });
    fireEvent.click(within(screen.getByTestId('hc-filter')).getByText('本学年落后'));
    await waitFor(() =>
      expect(teachers).toHaveBeenLastCalledWith({ orgId: undefined, behind: 'year', page: 1, pageSize: 20 }),
    );
    fireEvent.click(within(screen.getByTestId('hc-filter')).getByText('按类别'));
    await waitFor(() =>
      expect(teachers).toHaveBeenLastCalledWith({
        orgId: undefined,
        behind: 'category',
        category: 'school_based',
        page: 1,
        pageSize: 20,
      }),
    );
  });

  it('reminds the teachers of the list after a confirmation and says how many were told and skipped', async () => {
    remind.mockResolvedValue({ sent: 3, skipped: 1, intervalDays: 7, ruleId: 'Y-HOURS-REMIND' });
    render();
    await screen.findByRole('link', { name: '王芳' }, { timeout: 10000 });
    fireEvent.click(screen.getByTestId('hc-remind'));
    expect(
      await screen.findByText(/将向当前名单中的 2 位教师发送学时进度提醒；7 天内已提醒过的教师会跳过/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /OK|确 定|确定/ }));
    expect(await screen.findByText('已提醒 3 位，跳过 1 位（7 天内已提醒）')).toBeTruthy();
    expect(remind).toHaveBeenCalledWith({ orgId: undefined, behind: 'any', category: undefined });
  });

  it('drills into a child unit: its id goes into the URL and the page reads that unit', async () => {
    render();
    fireEvent.click(await screen.findByTestId('hc-unit-71'));
    await waitFor(() => expect(report).toHaveBeenLastCalledWith('71'));
    expect(await screen.findByText('学时达标 · 清城区第一中学')).toBeTruthy();
    await waitFor(() =>
      expect(teachers).toHaveBeenLastCalledWith({ orgId: '71', behind: 'any', page: 1, pageSize: 20 }),
    );
    // the way back: the officer's own unit first in the breadcrumb
    const trail = await screen.findByTestId('hc-trail');
    expect(within(trail).queryByText('清远市')).toBeNull();
    fireEvent.click(within(trail).getByText('清城区'));
    await waitFor(() => expect(report).toHaveBeenLastCalledWith('7'));
  });

  it('draws at most 20 units at once however many the unit has: a page of the table, the most behind in the charts', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      row(String(100 + i), `清城区第${i + 1}小学`, 'school'),
    );
    report.mockResolvedValue({ ...REPORT, units: many });
    render();
    const table = await screen.findByTestId('hc-units-table');
    expect(table.querySelectorAll('tbody tr.ant-table-row').length).toBe(20);
    expect(within(table).getByText('清城区第1小学')).toBeTruthy();
    expect(within(table).queryByText('清城区第21小学')).toBeNull();
    const charts = screen.getAllByTestId('chart');
    expect(charts.map((c) => c.getAttribute('data-rows'))).toEqual(['20', '20']);
    expect(screen.getByTestId('hc-chart-top').textContent).toBe(
      '图中为落后最多的 20 个单位（共 120 个），全部单位见下表',
    );
    // the teachers come a page at a time from the server
    await screen.findByRole('link', { name: '王芳' }, { timeout: 10000 });
    const list = screen.getByTestId('hc-teachers-table');
    expect(list.querySelectorAll('tbody tr.ant-table-row').length).toBeLessThanOrEqual(20);
  });

  it('a unit with few children draws them all, with no note', async () => {
    render();
    await screen.findByTestId('hc-units-table');
    expect(screen.getAllByTestId('chart').map((c) => c.getAttribute('data-rows'))).toEqual(['2', '2']);
    expect(screen.queryByTestId('hc-chart-top')).toBeNull();
  });

  it('shows the app’s not-found for a unit out of scope', async () => {
    const { ApiError } = await import('../../shared/api');
    report.mockRejectedValue(new ApiError({ status: 404, code: 'NOT_FOUND', message: '单位不存在' }));
    render('/hours/compliance?orgId=999');
    expect(await screen.findByText('页面不存在')).toBeTruthy();
  });
});
