import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { CheckinDisplay, ClassDetail, Me } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { CheckinPage } from './checkin-page';
import { CheckinScreenPage } from './checkin-screen-page';
import { ClassDetailPage } from './class-detail-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      checkin: vi.fn(),
      myClasses: vi.fn(),
      classDetail: vi.fn(),
      checkinDisplay: vi.fn(),
      ruleSources: vi.fn(async () => []),
    },
  };
});

const checkin = vi.mocked(api.checkin);
vi.mocked(api.myClasses).mockResolvedValue([]);

afterEach(() => {
  cleanup();
  checkin.mockReset();
});

const RULE_ID = /\b(R-\d{3}-\d+|R3-[A-Z]+\d+|Y-[A-Z0-9-]+)\b/;
const meAs = (role: Me['grants'][number]['role']): Me => ({
  id: '1',
  username: role,
  displayName: role,
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: role === 'teacher' ? '101' : null,
  csrfToken: 'x',
  mustChangePassword: false,
});

describe('CheckinPage (teacher phone)', () => {
  it('checks in at once with the token of the scanned URL and shows success', async () => {
    checkin.mockResolvedValue({
      status: 'checked_in',
      classId: '7',
      className: '第一期 A 班',
      slot: 'arrive',
      slotLabel: '报到',
      checkedAt: '2021-09-06T01:00:00.000Z',
      message: '报到签到成功（09:00:00）',
    });
    renderWithApp(<CheckinPage />, { route: '/checkin?t=7.arrive.1.abc', path: '/checkin' });
    await waitFor(() => expect(screen.getByTestId('checkin-outcome').dataset.status).toBe('checked_in'));
    expect(checkin).toHaveBeenCalledTimes(1);
    expect(checkin).toHaveBeenCalledWith({ t: '7.arrive.1.abc' });
    expect(screen.getByText('签到成功')).toBeTruthy();
    expect(screen.getByText('第一期 A 班 · 报到')).toBeTruthy();
  });

  it('a second check-in says 已签到 with the first time', async () => {
    checkin.mockResolvedValue({
      status: 'already',
      classId: '7',
      className: 'A 班',
      slot: 'arrive',
      slotLabel: '报到',
      checkedAt: '2021-09-06T01:00:00.000Z',
      message: '已签到（09:00:00），无需重复签到',
    });
    renderWithApp(<CheckinPage />, { route: '/checkin?t=x', path: '/checkin' });
    await waitFor(() => expect(screen.getByTestId('checkin-outcome').dataset.status).toBe('already'));
    expect(screen.getByText('已签到（09:00:00），无需重复签到')).toBeTruthy();
  });

  it('a refusal shows the server sentence; a teacher sees no rule (Y-004-QR-ROTATE stays in details)', async () => {
    checkin.mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '签到码已过期：现场二维码每 30 秒更换，请扫描屏幕上最新的二维码',
        details: { reason: 'expired', ruleId: 'Y-004-QR-ROTATE' },
      }),
    );
    renderWithApp(<CheckinPage />, { route: '/checkin?t=old', path: '/checkin', me: meAs('teacher') });
    await waitFor(() => expect(screen.getByTestId('checkin-outcome').dataset.status).toBe('refused'));
    expect(screen.getByText(/签到码已过期/)).toBeTruthy();
    expect(screen.queryByTestId('rule-ref')).toBeNull();
    expect(screen.getByTestId('checkin-outcome').textContent).not.toMatch(RULE_ID);
  });

  it('takes a 6-digit short code when there is no token; the button waits for 6 digits', async () => {
    checkin.mockResolvedValue({
      status: 'checked_in',
      classId: '7',
      className: 'A 班',
      slot: 'register',
      slotLabel: '注册',
      checkedAt: '2021-09-06T01:00:00.000Z',
      message: '注册签到成功',
    });
    renderWithApp(<CheckinPage />, { route: '/checkin', path: '/checkin' });
    const input = screen.getByLabelText('输入现场屏幕上的 6 位数字码');
    fireEvent.change(input, { target: { value: '12a34' } });
    expect((input as HTMLInputElement).value).toBe('1234');
    expect(screen.getByRole('button', { name: /签\s*到/ }).hasAttribute('disabled')).toBe(true);
    fireEvent.change(input, { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: /签\s*到/ }));
    await waitFor(() => expect(checkin).toHaveBeenCalledWith({ code: '123456' }));
    expect(checkin).toHaveBeenCalledTimes(1);
  });

  it('my classes show when I registered and arrived with the date, so a registration days before reads as such', async () => {
    vi.mocked(api.myClasses).mockResolvedValueOnce([
      {
        classId: '2',
        className: '第一期',
        programmeTitle: '市培',
        startDate: '2026-11-30',
        endDate: '2026-12-11',
        venue: '清远',
        registeredAt: '2026-11-20T05:25:00.000Z',
        arrivedAt: '2026-11-29T23:58:00.000Z',
      },
    ]);
    renderWithApp(<CheckinPage />, { route: '/checkin', path: '/checkin' });
    expect(await screen.findByText('注册 2026-11-20 13:25')).toBeTruthy();
    expect(screen.getByText('报到 2026-11-30 07:58')).toBeTruthy();
  });
});

const DETAIL: ClassDetail = {
  id: '7',
  programmeId: '3',
  programmeTitle: '乡村骨干教师素质提升',
  name: '第一期 A 班',
  periodNo: 1,
  startDate: '2021-09-06',
  endDate: '2021-09-10',
  venue: '报告厅',
  providerOrgId: '9',
  providerOrgName: '华南师范大学',
  enrolled: 40,
  lights: { green: 1, amber: 0, red: 1, grey: 4 },
  canManage: true,
  sessions: [
    {
      id: '11',
      date: '2021-09-06',
      startsAt: '09:00',
      endsAt: '11:30',
      title: '开班典礼',
      mode: 'centralized',
      location: '',
    },
  ],
  documents: [],
  board: [
    {
      code: 'registration_notice',
      label: '《报到通知书》',
      ruleId: 'R-004-10',
      light: 'red',
      dueDate: '2021-08-27',
      basis: { kind: 'offset', anchor: 'class_start', anchorDate: '2021-09-06', offsetDays: -10 },
      today: '2021-09-06',
      submittedOn: null,
      late: false,
      days: 10,
      message: '《报到通知书》已逾期 10 天（截止 2021-08-27）',
    },
    {
      code: 'timetable',
      label: '培训课程表',
      ruleId: 'R-004-11',
      light: 'green',
      dueDate: '2021-09-01',
      basis: { kind: 'offset', anchor: 'class_start', anchorDate: '2021-09-06', offsetDays: -5 },
      today: '2021-09-06',
      submittedOn: '2021-09-02',
      late: true,
      days: 1,
      message: '培训课程表已报送，逾期 1 天',
    },
  ],
  checkin: {
    open: true,
    opensOn: '2021-09-05',
    closesOn: '2021-09-10',
    rotationSeconds: 30,
    ruleId: 'Y-004-CHECKIN-OPEN',
  },
  canDisplay: true,
};

describe('ClassDetailPage', () => {
  it('shows the deadline board with lights, reasons (rules in ⓘ for officers) and lateness, the timetable and the screen link', async () => {
    vi.mocked(api.classDetail).mockResolvedValue(DETAIL);
    const { container } = renderWithApp(<ClassDetailPage />, {
      route: '/classes/7',
      path: '/classes/:id',
      me: meAs('bureau_admin'),
    });
    await screen.findByText('第一期 A 班');
    expect(container.querySelector('[data-light="red"]')?.textContent).toBe('已逾期');
    expect(container.querySelector('[data-light="green"]')?.textContent).toBe('已完成');
    expect(screen.getByText('《报到通知书》已逾期 10 天（截止 2021-08-27）')).toBeTruthy();
    const refs = screen.getAllByTestId('rule-ref').map((r) => r.getAttribute('data-rules'));
    expect(refs).toEqual(expect.arrayContaining(['R-004-10', 'R-004-11']));
    expect(container.querySelector('tbody')?.textContent).not.toMatch(RULE_ID);
    expect(screen.getByText('逾期 1 天报送')).toBeTruthy();
    expect(screen.getByText('开班典礼')).toBeTruthy();
    expect(screen.getByText('签到开放：2021-09-05 至 2021-09-10')).toBeTruthy();
    expect(screen.getByRole('link', { name: /签到大屏/ }).getAttribute('href')).toBe(
      '/classes/7/screen?slot=arrive',
    );
  }, 20_000);
});

describe('CheckinScreenPage (venue)', () => {
  it('shows the QR code of the check-in URL and the short code large, with the count', async () => {
    const d: CheckinDisplay = {
      classId: '7',
      className: '第一期 A 班',
      slot: 'arrive',
      slotLabel: '报到',
      path: '/checkin?t=7.arrive.1.abc',
      token: '7.arrive.1.abc',
      shortCode: '042137',
      rotationSeconds: 30,
      expiresAt: 60_000,
      serverTime: 45_000,
      checkedIn: 12,
      total: 40,
      open: true,
      opensOn: '2021-09-05',
      closesOn: '2021-09-10',
      ruleId: 'Y-004-QR-ROTATE',
    };
    vi.mocked(api.checkinDisplay).mockResolvedValue(d);
    const { container } = renderWithApp(<CheckinScreenPage />, {
      route: '/classes/7/screen?slot=arrive',
      path: '/classes/:id/screen',
    });
    expect((await screen.findByTestId('short-code')).textContent).toBe('042137');
    expect(vi.mocked(api.checkinDisplay)).toHaveBeenCalledWith('7', 'arrive');
    expect(screen.getByText('已签到 12 / 40 人')).toBeTruthy();
    expect(container.querySelector('svg')).toBeTruthy();
  });

  it('Y-004-CHECKIN-OPEN outside the check-in days: no QR code and no short code, but when check-in opens', async () => {
    const closed: CheckinDisplay = {
      classId: '7',
      className: '第一期 A 班',
      slot: 'arrive',
      slotLabel: '报到',
      path: '/checkin?t=7.arrive.1.abc',
      token: '7.arrive.1.abc',
      shortCode: '042137',
      rotationSeconds: 30,
      expiresAt: Date.parse('2021-09-01T02:00:30Z'),
      // 2021-09-01 10:00 in Shanghai: four days before check-in opens
      serverTime: Date.parse('2021-09-01T02:00:00Z'),
      checkedIn: 0,
      total: 40,
      open: false,
      opensOn: '2021-09-05',
      closesOn: '2021-09-10',
      ruleId: 'Y-004-QR-ROTATE',
    };
    vi.mocked(api.checkinDisplay).mockResolvedValue(closed);
    const { container } = renderWithApp(<CheckinScreenPage />, {
      route: '/classes/7/screen?slot=arrive',
      path: '/classes/:id/screen',
    });
    expect((await screen.findByTestId('checkin-not-open')).textContent).toContain(
      '签到时间为 2021-09-05 至 2021-09-10',
    );
    expect(screen.queryByTestId('short-code')).toBeNull();
    expect(container.textContent).not.toContain('042137');
    expect(container.querySelector('canvas, [data-testid="checkin-qr"]')).toBeNull();
    expect(screen.getByTestId('screen-back').closest('a')?.getAttribute('href')).toBe('/classes/7');
  });

  it('Y-004-CHECKIN-OPEN the day after the last day: check-in has closed', async () => {
    vi.mocked(api.checkinDisplay).mockResolvedValue({
      classId: '7',
      className: '第一期 A 班',
      slot: 'arrive',
      slotLabel: '报到',
      path: '/checkin?t=x',
      token: 'x',
      shortCode: '042137',
      rotationSeconds: 30,
      expiresAt: Date.parse('2021-09-10T16:00:30Z'),
      // 2021-09-11 00:00 in Shanghai
      serverTime: Date.parse('2021-09-10T16:00:00Z'),
      checkedIn: 38,
      total: 40,
      open: false,
      opensOn: '2021-09-05',
      closesOn: '2021-09-10',
      ruleId: 'Y-004-QR-ROTATE',
    });
    renderWithApp(<CheckinScreenPage />, {
      route: '/classes/7/screen?slot=arrive',
      path: '/classes/:id/screen',
    });
    expect((await screen.findByTestId('checkin-not-open')).textContent).toContain('签到已于 2021-09-10 结束');
  });
});
