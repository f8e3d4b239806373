/** The public verification page (Y-VERIFY-PUBLIC): valid, revoked, not found, malformed and throttled answers. */
import { cleanup, screen } from '@testing-library/react';
import type { PublicVerification } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { VerifyPage } from './verify-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { verifyDocument: vi.fn() } };
});

const verifyDocument = vi.mocked(api.verifyDocument);
const CODE = 'YRCK-SG5C-E2PF-M7V5-PKDK';

const valid: PublicVerification = {
  code: CODE,
  kind: 'certificate',
  status: 'valid',
  holder: '罗*燕',
  title: '市级乡村骨干教师培训',
  certificateNo: '2021-000123-0001',
  hoursTenths: 1500,
  period: null,
  issuer: '清远市教师发展中心',
  issuedOn: '2021-09-10',
  revokedOn: null,
  message: '该结业证书由清远市教师发展中心于 2021-09-10 出具，真实有效，记载 150 学时',
};

const apiError = (status: number, code: string, message: string) =>
  new ApiError({ status, code, message, details: {}, requestId: 'r', retryAfterSeconds: null });

const open = () => renderWithApp(<VerifyPage />, { route: `/verify/${CODE}`, path: '/verify/:code?' });

afterEach(cleanup);
beforeEach(() => verifyDocument.mockReset());

describe('Y-VERIFY-PUBLIC: the verification page', () => {
  it('a valid certificate: 真实有效, the masked holder, programme, number, hours, issuer and date', async () => {
    verifyDocument.mockResolvedValueOnce(valid);
    open();
    expect(await screen.findByText('真实有效')).toBeTruthy();
    expect(verifyDocument).toHaveBeenCalledWith(CODE);
    const card = screen.getByTestId('verification').textContent ?? '';
    for (const s of [
      '罗*燕',
      '结业证书：市级乡村骨干教师培训',
      '2021-000123-0001',
      '150 学时',
      '清远市教师发展中心',
      '2021-09-10',
    ])
      expect(card).toContain(s);
    expect(card).not.toContain('已撤销');
  });

  it('a revoked transcript: 已撤销 with the revocation date', async () => {
    verifyDocument.mockResolvedValueOnce({
      ...valid,
      kind: 'transcript',
      title: '学时证明',
      certificateNo: null,
      period: '2021-2022 学年',
      status: 'revoked',
      revokedOn: '2021-10-01',
      message: '该学时证明已于 2021-10-01 由出具单位撤销，不再有效',
    });
    open();
    expect(await screen.findByText('已撤销')).toBeTruthy();
    const card = screen.getByTestId('verification').textContent ?? '';
    expect(card).toContain('撤销日期2021-10-01');
    expect(card).toContain('该学时证明已于 2021-10-01 由出具单位撤销');
    expect(card).not.toContain('真实有效');
  });

  it('not found and malformed say which, in Chinese; a throttled look-up is a warning', async () => {
    verifyDocument.mockRejectedValueOnce(
      apiError(404, 'NOT_FOUND', '未找到该验证码：平台没有出具过带此验证码的证明或证书'),
    );
    open();
    expect((await screen.findByRole('alert')).textContent).toContain('未找到该验证码');
    cleanup();
    verifyDocument.mockRejectedValueOnce(
      apiError(400, 'VALIDATION_FAILED', '验证码格式不正确：应为 20 位字母和数字'),
    );
    open();
    const bad = await screen.findByRole('alert');
    expect(bad.textContent).toContain('验证码格式不正确');
    expect(bad.closest('.ant-alert')?.className).toContain('ant-alert-error');
    cleanup();
    verifyDocument.mockRejectedValueOnce(apiError(429, 'RATE_LIMITED', '查询失败次数过多，请 15 分钟后再试'));
    open();
    const wait = await screen.findByRole('alert');
    expect(wait.textContent).toContain('查询失败次数过多');
    expect(wait.closest('.ant-alert')?.className).toContain('ant-alert-warning');
  });
});
