/** 评优评先 pages: the candidates pre-checked by the policy, a departure asks for its reason before it is saved, the
 * server's refusal shown in its words; a published selection lists its certificates; the public page names an
 * honour and shows no hours. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, PublicVerification, SelectionDetail } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
      decideEvaluationSelection: vi.fn(),
      publishEvaluationSelection: vi.fn(),
      nominateForSelection: vi.fn(),
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

const cand = (
  id: string,
  name: string,
  rank: number,
  band: string,
  bandLabel: string,
  selected: boolean,
) => ({
  id,
  holderKind: 'community' as const,
  holderId: `10${id}`,
  name,
  unitName: null,
  rank,
  score: 100 - rank * 5,
  max: 100,
  percent: 100 - rank * 5,
  band,
  bandLabel,
  eligible: band === 'excellent',
  selected,
  reason: null,
});

const draft: SelectionDetail = {
  id: '3',
  name: '2026年度优秀工作坊评选',
  year: 2026,
  category: 'excellent_workshop',
  categoryLabel: '优秀工作坊',
  ruleIds: ['R3-G18', 'R3-W15'],
  ownerOrgId: '7',
  ownerOrgName: '清城区教育局',
  campaignId: '5',
  campaignName: '2026 年度教师工作坊考核',
  eligibleBands: ['excellent'],
  maxAwards: 2,
  status: 'draft',
  candidates: 3,
  selected: 2,
  publishedAt: null,
  candidateList: [
    cand('1', '清城区甲工作坊', 1, 'excellent', '优秀', true),
    cand('2', '清城区乙工作坊', 2, 'excellent', '优秀', true),
    cand('3', '清城区丙工作坊', 3, 'good', '良好', false),
  ],
  honours: [],
  bands: [{ code: 'excellent', label: '优秀' }],
  canManage: true,
};

beforeEach(() => {
  vi.mocked(api.evaluationSelection).mockResolvedValue(draft);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

const open = () =>
  renderWithApp(<EvaluationSelectionPage />, {
    route: '/evaluation/selections/3',
    path: '/evaluation/selections/:id',
    me: county,
  });

describe('评优评先 (R3-G18)', () => {
  it('shows the policy, the pre-checked candidates with rank, score and band, and who is outside the bands', async () => {
    open();
    const table = await screen.findByTestId('sel-candidates');
    expect(screen.getByText('评选规则：优秀，名额上限 2')).toBeTruthy();
    expect((screen.getByLabelText('入选 清城区甲工作坊') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('入选 清城区丙工作坊') as HTMLInputElement).checked).toBe(false);
    expect(table.textContent).toContain('不在可入选等次');
    expect(table.textContent).toContain('95 / 100');
  });

  it('a departure from the pre-check asks for a reason before saving; the server’s refusal is shown as it says', async () => {
    vi.mocked(api.decideEvaluationSelection).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '本次评选最多 2 个名额，已选 3 个',
        details: { ruleId: 'R3-G18' },
      }),
    );
    open();
    await screen.findByTestId('sel-candidates');
    fireEvent.click(screen.getByLabelText('入选 清城区乙工作坊'));
    const save = screen.getByTestId('sel-save') as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('理由 清城区乙工作坊'), { target: { value: '年内活动记录不全' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() =>
      expect(api.decideEvaluationSelection).toHaveBeenCalledWith('3', {
        decisions: [{ candidateId: '2', selected: false, reason: '年内活动记录不全' }],
      }),
    );
    expect(await screen.findByText('本次评选最多 2 个名额，已选 3 个')).toBeTruthy();
  });

  it('a published selection lists its certificates with their codes and offers the zip', async () => {
    vi.mocked(api.evaluationSelection).mockResolvedValue({
      ...draft,
      status: 'published',
      publishedAt: '2026-12-07T02:00:00Z',
      honours: [
        {
          id: '8',
          candidateId: '1',
          holderName: '清城区甲工作坊',
          title: '2026年度优秀工作坊',
          certificateNo: '荣证〔2026〕3-001',
          code: 'ABCD-EFGH-JKMN-PQRS-TVWX',
          issuedOn: '2026-12-07',
          revokedAt: null,
          revokedOn: null,
          revokedByName: null,
          revokeReason: null,
        },
      ],
    });
    open();
    expect(await screen.findByText('ABCD-EFGH-JKMN-PQRS-TVWX')).toBeTruthy();
    expect(screen.getByTestId('sel-zip')).toBeTruthy();
    expect(screen.queryByTestId('sel-publish')).toBeNull();
    expect((screen.getByLabelText('入选 清城区甲工作坊') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('the public page names a certificate of honour', () => {
  it('shows 荣誉证书 with its title and no hours', () => {
    const honour: PublicVerification = {
      code: 'ABCD-EFGH-JKMN-PQRS-TVWX',
      kind: 'honour',
      status: 'valid',
      holder: '清城区甲工作坊',
      title: '2026年度优秀工作坊',
      certificateNo: '荣证〔2026〕3-001',
      hoursTenths: 0,
      period: null,
      issuer: '清城区教育局',
      issuedOn: '2026-12-07',
      revokedOn: null,
      message: '该荣誉证书由清城区教育局于 2026-12-07 颁发，真实有效：2026年度优秀工作坊',
    };
    renderWithApp(<VerificationView data={honour} />);
    const card = screen.getByTestId('verification');
    expect(card.textContent).toContain('荣誉证书：2026年度优秀工作坊');
    expect(card.textContent).not.toContain('学时');
  });
});
