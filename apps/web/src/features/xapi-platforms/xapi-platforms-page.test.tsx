import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OrgNode, XapiPlatform } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { XapiPlatformsPage } from './xapi-platforms-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      xapiPlatforms: vi.fn(),
      createXapiPlatform: vi.fn(),
      revokeXapiPlatform: vi.fn(),
      orgRoots: vi.fn(),
      orgChildren: vi.fn(),
    },
  };
});

const list = vi.mocked(api.xapiPlatforms);
const create = vi.mocked(api.createXapiPlatform);
const revoke = vi.mocked(api.revokeXapiPlatform);
const roots = vi.mocked(api.orgRoots);
const writeText = vi.fn();

const ROOT: OrgNode = { id: '1', parentId: null, kind: 'province', code: '44', name: '广东省', depth: 0 };
const ACTIVE: XapiPlatform = {
  id: '7',
  name: '国家中小学智慧教育平台',
  system: 'smartedu',
  unitName: '清城区',
  createdAt: '2026-11-01T02:00:00Z',
  revokedAt: null,
  revokedReason: null,
  statements: 42,
  lastStatementAt: '2026-12-05T12:30:00Z',
};
const REVOKED: XapiPlatform = {
  ...ACTIVE,
  id: '5',
  name: '旧研修网',
  system: 'oldnet',
  statements: 3,
  lastStatementAt: null,
  revokedAt: '2026-11-20T01:00:00Z',
  revokedReason: '合同到期，停止对接',
};
const TOKEN = 'tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0ZZ';

afterEach(cleanup);
beforeEach(() => {
  for (const m of [list, create, revoke, roots, writeText]) m.mockReset();
  list.mockResolvedValue({ items: [ACTIVE, REVOKED] });
  roots.mockResolvedValue([ROOT]);
  writeText.mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

describe('学习平台对接', () => {
  it('lists each platform with its unit, statements received, status and why it was revoked, never a token', async () => {
    renderWithApp(<XapiPlatformsPage />);
    const row = (await screen.findByText('国家中小学智慧教育平台')).closest('tr') as HTMLElement;
    expect(within(row).getByText('清城区')).toBeTruthy();
    expect(within(row).getByText('42')).toBeTruthy();
    expect(within(row).getByText('使用中')).toBeTruthy();
    const old = screen.getByText('旧研修网').closest('tr') as HTMLElement;
    expect(within(old).getByText('已停用')).toBeTruthy();
    expect(within(old).getByText('合同到期，停止对接')).toBeTruthy();
    // a revoked platform cannot be revoked again
    expect(within(old).queryByRole('button', { name: '停用' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/令牌（密码）/);
  });

  it('registers a platform and shows its token once, with a copy button, the endpoint and an example curl', async () => {
    create.mockResolvedValue({ id: '8', name: '清城区研修网', token: TOKEN });
    renderWithApp(<XapiPlatformsPage />);
    await screen.findByText('国家中小学智慧教育平台');
    await waitFor(() => expect(roots).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: /登记平台/ }));
    fireEvent.change(await screen.findByLabelText('平台名称'), { target: { value: '清城区研修网' } });
    fireEvent.change(screen.getByLabelText('来源系统标识'), { target: { value: 'qcyx' } });
    const dialog = screen.getByRole('dialog');
    fireEvent.click(
      within(dialog)
        .getAllByRole('button', { name: /登记平台/ })
        .at(-1) as HTMLElement,
    );
    await waitFor(() =>
      expect(create).toHaveBeenCalledWith({ name: '清城区研修网', system: 'qcyx', orgId: '1' }),
    );

    expect(await screen.findByText('平台“清城区研修网”已登记')).toBeTruthy();
    expect(screen.getByText('令牌只显示这一次，关闭后无法再查看')).toBeTruthy();
    expect(screen.getByTestId('xp-token').textContent).toBe(TOKEN);
    const curl = screen.getByTestId('xp-curl').textContent ?? '';
    expect(curl).toContain(`${window.location.origin}/api/v1/xapi/statements`);
    expect(curl).toContain(`-u '8:${TOKEN}'`);
    expect(curl).toContain('X-Experience-API-Version: 1.0.3');
    expect(curl).toContain('"account":{"homePage":"https://example.edu.cn","name":"身份证号"}');
    expect(curl).toContain('http://adlnet.gov/expapi/verbs/completed');
    expect(curl).toContain('"duration":"PT2H"');

    fireEvent.click(screen.getByRole('button', { name: /复制令牌/ }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(TOKEN));
    expect(await screen.findByText('已复制')).toBeTruthy();

    // closed, the token is gone for good
    fireEvent.click(screen.getByRole('button', { name: '我已保存令牌' }));
    await waitFor(() => expect(screen.queryByTestId('xp-token')).toBeNull());
    expect(document.body.textContent).not.toContain(TOKEN);
    expect(list.mock.calls.length).toBeGreaterThan(1);
  });

  it('revokes a platform with a reason of two characters or more; the list then says why', async () => {
    revoke.mockResolvedValue({
      items: [{ ...ACTIVE, revokedAt: '2026-12-06T01:00:00Z', revokedReason: '平台停止服务' }, REVOKED],
    });
    renderWithApp(<XapiPlatformsPage />);
    const row = (await screen.findByText('国家中小学智慧教育平台')).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '停用' }));
    const reason = await screen.findByLabelText('停用原因（至少 2 个字）');
    const ok = screen.getByRole('button', { name: /确 定|确定/ });
    fireEvent.change(reason, { target: { value: '停' } });
    expect((ok as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(reason, { target: { value: '平台停止服务' } });
    fireEvent.click(ok);
    await waitFor(() => expect(revoke).toHaveBeenCalledWith('7', '平台停止服务'));
    expect(await screen.findByText('平台停止服务')).toBeTruthy();
    expect(await screen.findByText(/已停用，该平台的令牌不再有效/)).toBeTruthy();
  });
});
