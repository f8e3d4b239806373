/**
 * Revoking a certificate of honour on the selection page (Y-EVAL-HONOUR-REVOKE): the owner's 撤销 asks for a reason
 * before anything is sent, says the title goes too, sends the trimmed reason, and the revoked certificate then shows
 * 已撤销 with who, when and why and no more PDF or 撤销; the server's refusal is shown in its words; a reader
 * without the right sees no 撤销; the public page shows a revoked certificate as 已撤销 with the day.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, PublicVerification, SelectionDetail, SelectionHonour } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { VerificationView } from '../verify/verify-page';
import { EvaluationSelectionPage } from './selection-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      evaluationSelection: vi.fn(),
      evaluationSelections: vi.fn(),
      revokeSelectionHonour: vi.fn(),
      listTeachers: vi.fn(),
    },
  };
});

const county: Me = {
  id: '9',
  username: 'qingcheng',
  displayName: '清城区教育局',
  grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const honour: SelectionHonour = {
  id: '8',
  candidateId: '1',
  holderName: '清城区甲工作室',
  title: '2026年度优秀工作室',
  certificateNo: '荣证〔2026〕3-001',
  code: 'ABCD-EFGH-JKMN-PQRS-TVWX',
  issuedOn: '2026-12-07',
  revokedAt: null,
  revokedOn: null,
  revokedByName: null,
  revokeReason: null,
};

const published: SelectionDetail = {
  id: '3',
  name: '2026年度优秀工作室评选',
  year: 2026,
  category: 'excellent_studio',
  categoryLabel: '优秀工作室',
  ruleIds: ['R3-G18'],
  ownerOrgId: '7',
  ownerOrgName: '清城区教育局',
  campaignId: '5',
  campaignName: '2026 年度名师工作室考核',
  eligibleBands: ['excellent'],
  maxAwards: null,
  status: 'published',
  candidates: 1,
  selected: 1,
  publishedAt: '2026-12-07T02:00:00Z',
  candidateList: [
    {
      id: '1',
      holderKind: 'community',
      holderId: '101',
      name: '清城区甲工作室',
      unitName: null,
      rank: 1,
      score: 95,
      max: 100,
      percent: 95,
      band: 'excellent',
      bandLabel: '优秀',
      eligible: true,
      selected: true,
      reason: null,
    },
  ],
  honours: [honour],
  bands: [{ code: 'excellent', label: '优秀' }],
  canManage: true,
};

const revoked: SelectionDetail = {
  ...published,
  honours: [
    {
      ...honour,
      revokedAt: '2026-12-08T02:00:00Z',
      revokedOn: '2026-12-08',
      revokedByName: '清城区教育局',
      revokeReason: '评分录入有误',
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const open = (d: SelectionDetail) => {
  vi.mocked(api.evaluationSelection).mockResolvedValue(d);
  return renderWithApp(<EvaluationSelectionPage />, {
    route: '/evaluation/selections/3',
    path: '/evaluation/selections/:id',
    me: county,
  });
};

/** The dialog's 撤销 (antd spaces a two-character label: 撤 销), the last such button on the page. */
function okButton(): HTMLElement {
  const ok = screen.getAllByRole('button', { name: /^撤\s?销$/ }).at(-1);
  if (!ok) throw new Error('no 撤销 button in the dialog');
  return ok;
}

describe('Y-EVAL-HONOUR-REVOKE: 撤销 on the selection page', () => {
  it('asks for a reason first, says the title goes too, then shows the certificate 已撤销 with who, when and why', async () => {
    vi.mocked(api.revokeSelectionHonour).mockResolvedValue(revoked);
    open(published);
    expect(await screen.findByText('有效')).toBeTruthy();
    fireEvent.click(screen.getByTestId('honour-revoke-8'));
    expect(await screen.findByText(/入选时记录的「优秀工作室」称号将一并撤除/)).toBeTruthy();
    const ok = okButton();
    fireEvent.click(ok);
    await waitFor(() => expect(screen.getByLabelText('撤销理由').getAttribute('aria-invalid')).toBe('true'));
    expect(api.revokeSelectionHonour).not.toHaveBeenCalled();
    fireEvent.change(screen.getByLabelText('撤销理由'), { target: { value: '  评分录入有误  ' } });
    fireEvent.click(ok);
    await waitFor(() =>
      expect(api.revokeSelectionHonour).toHaveBeenCalledWith('3', '8', { reason: '评分录入有误' }),
    );
    const row = await screen.findByTestId('honour-revoked-8');
    expect(row.textContent).toContain('已撤销');
    expect(row.textContent).toContain('2026-12-08 由清城区教育局撤销。理由：评分录入有误');
    expect(screen.queryByTestId('honour-revoke-8')).toBeNull();
    expect(screen.queryByRole('button', { name: '下载 PDF' })).toBeNull();
  });

  it('shows the server’s refusal in its words', async () => {
    vi.mocked(api.revokeSelectionHonour).mockRejectedValue(
      new ApiError({
        status: 403,
        code: 'FORBIDDEN',
        message:
          '撤销优秀工作室荣誉会撤除「清城区甲工作室」的「优秀工作室」称号，需由其主管教育局的管理员撤销',
        details: { permission: 'community.title', ruleId: 'R3-G18' },
      }),
    );
    open(published);
    fireEvent.click(await screen.findByTestId('honour-revoke-8'));
    fireEvent.change(await screen.findByLabelText('撤销理由'), { target: { value: '评分录入有误' } });
    fireEvent.click(okButton());
    expect(await screen.findByText(/需由其主管教育局的管理员撤销/)).toBeTruthy();
  });

  it('a reader without the right sees the status but no 撤销', async () => {
    open({ ...published, canManage: false });
    expect(await screen.findByText('有效')).toBeTruthy();
    expect(screen.queryByTestId('honour-revoke-8')).toBeNull();
  });
});

describe('Y-EVAL-HONOUR-REVOKE on the public page', () => {
  it('a revoked certificate of honour reads 已撤销 with its day and no reason', () => {
    const v: PublicVerification = {
      code: 'ABCD-EFGH-JKMN-PQRS-TVWX',
      kind: 'honour',
      status: 'revoked',
      holder: '清城区甲工作室',
      title: '2026年度优秀工作室',
      certificateNo: '荣证〔2026〕3-001',
      hoursTenths: 0,
      period: null,
      issuer: '清城区教育局',
      issuedOn: '2026-12-07',
      revokedOn: '2026-12-08',
      message: '该荣誉证书已于 2026-12-08 由颁发单位撤销，不再有效',
    };
    renderWithApp(<VerificationView data={v} />);
    const card = screen.getByTestId('verification');
    expect(card.textContent).toContain('已撤销');
    expect(card.textContent).toContain('撤销日期2026-12-08');
    expect(card.textContent).toContain('荣誉证书：2026年度优秀工作室');
  });
});
