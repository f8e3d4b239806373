import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ShortlistCandidate, ShortlistSelection } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ShortlistPage } from './shortlist-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      shortlistSelection: vi.fn(),
      markShortlist: vi.fn(),
      shortlistAction: vi.fn(),
      codes: vi.fn(async () => ({})),
    },
  };
});

const cand = (id: string, over: Partial<ShortlistCandidate> = {}): ShortlistCandidate => ({
  nominationId: id,
  teacherId: `t${id}`,
  teacherName: `候选${id}`,
  gender: 'F',
  idNumberMasked: '4418*************X',
  title: null,
  subject: null,
  stage: null,
  schoolId: '1',
  schoolName: '一小',
  quotaOrgId: 'a',
  quotaOrgName: '甲校',
  status: 'candidate',
  eligibility: {
    projectTypeCode: 'trainer_advanced',
    trackCode: 'trainer',
    referenceDate: '2021-07-30',
    eligible: true,
    needsOverride: false,
    checks: [],
    priorities: [],
  },
  overrideReason: null,
  nominatedAt: '2021-07-01T00:00:00Z',
  score: null,
  rank: null,
  decision: null,
  reason: null,
  markedBy: null,
  markedAt: null,
  ...over,
});

const selection = (over: Partial<ShortlistSelection> = {}): ShortlistSelection => ({
  programmeId: '9',
  programmeTitle: '培训师高端研修',
  projectTypeCode: 'trainer_advanced',
  ownerOrgName: '省教育厅',
  providerOrgId: '3',
  providerName: '某师范学院',
  selectionDeadline: '2021-07-30',
  deadlinePassed: false,
  ruleId: 'R-004-59',
  ratio: 1.2,
  ownerConfirms: { value: true, ruleId: 'R-004-59', note: null },
  status: 'open',
  round: 0,
  totalPlaces: 2,
  selected: 2,
  submittedBy: null,
  submittedAt: null,
  decidedBy: null,
  decidedAt: null,
  returnComment: null,
  canSelect: true,
  canReview: false,
  nodes: [
    {
      orgId: 'a',
      orgName: '甲校',
      places: 2,
      cap: 3,
      candidates: 3,
      selected: 2,
      notSelected: 0,
      undecided: 1,
    },
  ],
  candidates: [cand('1', { decision: 'selected' }), cand('2', { decision: 'selected' }), cand('3')],
  problems: [
    {
      code: 'SHORTLIST.UNDECIDED',
      ruleId: 'R-004-59',
      orgId: 'a',
      values: { undecided: 1 },
      message: '甲校还有 1 名候选人未确定是否入选',
    },
  ],
  ...over,
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('shortlist page (R-004-59)', () => {
  it('the provider: places exactly filled, a third selected turns the count red; a not-selected needs a reason before saving', async () => {
    vi.mocked(api.shortlistSelection).mockResolvedValue(selection());
    renderWithApp(<ShortlistPage />, { route: '/shortlists/9', path: '/shortlists/:id' });
    expect((await screen.findByTestId('shortlist-total')).textContent).toContain('已选 2 / 名额 2');
    expect(screen.getByText(/还有 1 名候选人未确定/)).toBeTruthy();
    expect((screen.getByTestId('shortlist-submit') as HTMLButtonElement).disabled).toBe(true);
    const row3 = screen.getByText('候选3').closest('tr');
    if (!row3) throw new Error('row');
    fireEvent.click(within(row3).getByText('入选'));
    expect(screen.getByTestId('shortlist-total').textContent).toContain('已选 3 / 名额 2');
    expect(screen.getByText('3 / 2')).toBeTruthy();
    fireEvent.click(within(row3).getByText('未入选'));
    // no reason yet: the save button is off until one is written
    expect((screen.getByTestId('shortlist-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(row3).getByPlaceholderText(/必填/), { target: { value: '经验不足' } });
    vi.mocked(api.markShortlist).mockResolvedValue(selection({ problems: [] }));
    fireEvent.click(screen.getByTestId('shortlist-save'));
    await waitFor(() =>
      expect(api.markShortlist).toHaveBeenCalledWith('9', {
        marks: [{ nominationId: '3', decision: 'not_selected', reason: '经验不足' }],
      }),
    );
  });

  it('the owner: a submitted selection shows who submitted, with confirm and return', async () => {
    vi.mocked(api.shortlistSelection).mockResolvedValue(
      selection({
        status: 'submitted',
        round: 1,
        canSelect: false,
        canReview: true,
        submittedBy: '承训机构项目负责人',
        submittedAt: '2021-07-20T02:00:00Z',
        problems: [],
        candidates: [
          cand('1', { decision: 'selected' }),
          cand('2', { decision: 'selected' }),
          cand('3', { decision: 'not_selected', reason: '经验不足' }),
        ],
      }),
    );
    renderWithApp(<ShortlistPage />, { route: '/shortlists/9', path: '/shortlists/:id' });
    expect(await screen.findByTestId('shortlist-confirm-owner')).toBeTruthy();
    expect(screen.getByText(/承训机构项目负责人 于 .* 提交（第 1 次）/)).toBeTruthy();
    expect(screen.getByText('经验不足')).toBeTruthy();
    expect(screen.queryByTestId('shortlist-submit')).toBeNull();
    fireEvent.click(screen.getByTestId('shortlist-return'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '请复核' } });
    vi.mocked(api.shortlistAction).mockResolvedValue(selection({ status: 'returned' }));
    fireEvent.click(within(dialog).getByRole('button', { name: /退回修改/ }));
    await waitFor(() => expect(api.shortlistAction).toHaveBeenCalledWith('9', 'return', '请复核'));
  });
});
