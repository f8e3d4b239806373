import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { LoginPage, safeNext } from './login-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { login: vi.fn(), changePassword: vi.fn(), me: vi.fn() } };
});

const login = vi.mocked(api.login);
const changePassword = vi.mocked(api.changePassword);

const ME: Me = {
  id: 'u1',
  username: 'zhang',
  teacherId: null,
  displayName: '张老师',
  grants: [],
  csrfToken: 'c',
  mustChangePassword: false,
};

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

function lockedError(until: string) {
  return new ApiError({
    status: 423,
    code: 'ACCOUNT_LOCKED',
    message: 'locked',
    details: { lockedUntil: until },
    requestId: 'r',
  });
}

afterEach(cleanup);

beforeEach(() => {
  login.mockReset();
  changePassword.mockReset();
});

describe('LoginPage', () => {
  it('signs in with the typed credentials and goes to the page asked for', async () => {
    login.mockResolvedValueOnce(ME);
    renderWithApp(<LoginPage />, { route: '/login?next=%2Fteachers%3Fq%3D1', path: '/login' });
    fillAndSubmit('zhang', 'secret');
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/teachers?q=1'));
    expect(login).toHaveBeenCalledWith({ username: 'zhang', password: 'secret' });
  });

  it('does not submit empty fields', async () => {
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(login).not.toHaveBeenCalled();
  });

  it('shows the Chinese message for INVALID_CREDENTIALS and stays on the page', async () => {
    login.mockRejectedValueOnce(
      new ApiError({ status: 401, code: 'INVALID_CREDENTIALS', message: 'bad', requestId: 'r' }),
    );
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toContain('用户名或密码错误');
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('says until when an account is locked', async () => {
    // shown in the deployment's zone (Asia/Shanghai), whatever the browser's
    login.mockRejectedValueOnce(lockedError('2030-05-05T23:08:00Z'));
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'wrong');
    const alert = await screen.findByTestId('login-error');
    expect(alert.textContent).toContain('已被临时锁定');
    expect(alert.textContent).toContain('2030-05-06 07:08');
  });

  it('hardening: a throttled sign-in (429) says until when, how long, and that the right password waits too', async () => {
    const until = new Date(Date.now() + 15 * 60_000);
    login.mockRejectedValueOnce(
      new ApiError({
        status: 429,
        code: 'RATE_LIMITED',
        message: '登录失败次数过多，为保护账号安全，请 15 分钟后再试',
        details: { retryAfterSeconds: 900, retryAt: until.toISOString() },
        requestId: 'r',
        retryAfterSeconds: 900,
      }),
    );
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'wrong');
    const alert = await screen.findByTestId('login-error');
    // the clock time in Asia/Shanghai (the deployment's zone), not the browser's
    const hhmm = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(until);
    // and its date first when that is tomorrow in Shanghai (a sign-in after 23:45 there)
    const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
    const shown = day(until) === day(new Date()) ? hhmm : `${day(until)} ${hhmm}`;
    expect(alert.textContent).toContain(
      `登录失败次数过多，为保护账号安全，请于 ${shown} 后再试（约 15 分钟）`,
    );
    expect(alert.textContent).toContain('等待期间在本设备上输入正确密码也无法登录');
    expect(screen.queryByTestId('location')).toBeNull();
  });

  it('a 429 with only a Retry-After header (e.g. from a proxy) still says how long', async () => {
    login.mockRejectedValueOnce(
      new ApiError({
        status: 429,
        code: 'RATE_LIMITED',
        message: 'Too Many Requests',
        retryAfterSeconds: 120,
      }),
    );
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toContain('（约 2 分钟）');
  });

  it('a throttled old-password check in the change form says until when', async () => {
    login.mockResolvedValueOnce({ ...ME, mustChangePassword: true });
    changePassword.mockRejectedValueOnce(
      new ApiError({
        status: 429,
        code: 'RATE_LIMITED',
        message: '原密码输错次数过多，请 15 分钟后再试',
        details: { retryAfterSeconds: 900, retryAt: new Date(Date.now() + 900_000).toISOString() },
        requestId: 'r',
      }),
    );
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'initial');
    await screen.findByTestId('password-form');
    fireEvent.change(screen.getByTestId('password-old'), { target: { value: 'guess' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'A-much-better-pass1' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'A-much-better-pass1' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect((await screen.findByTestId('password-error')).textContent).toMatch(
      /原密码输错次数过多，请于 (?:\d{4}-\d\d-\d\d )?\d\d:\d\d 后再试（约 15 分钟）/,
    );
  });

  it('asks for a new password when the server says mustChangePassword, and lists policy violations', async () => {
    login.mockResolvedValueOnce({ ...ME, mustChangePassword: true });
    changePassword.mockRejectedValueOnce(
      new ApiError({
        status: 400,
        code: 'PASSWORD_POLICY',
        message: 'policy',
        details: {
          violations: [{ rule: 'min_length', message: '密码至少 12 位' }, { message: '不能与用户名相同' }],
        },
        requestId: 'r',
      }),
    );
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'initial');
    expect(await screen.findByTestId('password-form')).toBeTruthy();
    expect(screen.queryByTestId('location')).toBeNull();

    fireEvent.change(screen.getByTestId('password-old'), { target: { value: 'initial' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'short' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'short' } });
    fireEvent.click(screen.getByTestId('password-submit'));

    const violations = await screen.findByTestId('password-violations');
    expect(violations.textContent).toContain('密码至少 12 位');
    expect(violations.textContent).toContain('不能与用户名相同');
    expect(screen.getByTestId('password-error').textContent).toContain('新密码不符合密码规则');
    expect(changePassword).toHaveBeenCalledWith({ oldPassword: 'initial', newPassword: 'short' });
  });

  it('enters the app once the password is changed', async () => {
    login.mockResolvedValueOnce({ ...ME, mustChangePassword: true });
    changePassword.mockResolvedValueOnce({ ...ME, mustChangePassword: false });
    renderWithApp(<LoginPage />, { route: '/login', path: '/login' });
    fillAndSubmit('zhang', 'initial');
    await screen.findByTestId('password-form');
    fireEvent.change(screen.getByTestId('password-old'), { target: { value: 'initial' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'A-much-better-pass1' } });
    fireEvent.change(screen.getByTestId('password-confirm'), { target: { value: 'A-much-better-pass1' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    await waitFor(() => expect(screen.getByTestId('location').textContent).toBe('/'));
  });
});

describe('safeNext', () => {
  it('only follows same-site paths', () => {
    expect(safeNext('/teachers?q=1')).toBe('/teachers?q=1');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('/login')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
