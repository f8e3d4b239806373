/** R3-B09 教师培训经费: the school's card (amounts in 元 sent as fen, the ratios, the findings) and the county's table. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, SchoolTrainingBudget, TrainingBudget } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { TrainingBudgetCard, TrainingBudgetsTable, toFen } from './training-budget-card';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { schoolTrainingBudget: vi.fn(), saveTrainingBudget: vi.fn(), trainingBudgets: vi.fn() },
  };
});

const me = (role: Me['grants'][number]['role'], orgKind: string): Me => ({
  id: '1',
  username: 'u',
  displayName: 'u',
  grants: [{ role, orgId: '7', orgName: '清城区第一小学', orgKind }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const SHORT: TrainingBudget = {
  schoolId: '7',
  schoolName: '清城区第一小学',
  year: 2026,
  publicFundsFen: 100_000_000,
  budgetFen: 3_500_000,
  usedFen: 3_500_000,
  note: null,
  budgetShare: 0.035,
  useShare: 1,
  budgetMet: false,
  useMet: true,
  shareMin: 0.05,
  useMin: 0.9,
  rule: 'R3-B09',
  findings: [
    {
      rule: 'R3-B09',
      severity: 'warning',
      message: '教师培训经费 3.5 万元，占公用经费 3.5%，低于 5%',
      values: {},
    },
  ],
  updatedAt: '2026-11-20T02:00:00Z',
};

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('R3-B09 training budget', () => {
  it('元 become integer fen', () => {
    expect(toFen(42000.5)).toBe(4_200_050);
    expect(toFen(0.1 + 0.2)).toBe(30);
  });

  it('a school with no record enters its year in 元; the server gets fen and the findings are shown', async () => {
    const empty: SchoolTrainingBudget = {
      schoolId: '7',
      schoolName: '清城区第一小学',
      year: 2026,
      record: null,
      canEdit: true,
      shareMin: 0.05,
      useMin: 0.9,
    };
    vi.mocked(api.schoolTrainingBudget).mockResolvedValue(empty);
    vi.mocked(api.saveTrainingBudget).mockResolvedValue(SHORT);
    renderWithApp(<TrainingBudgetCard schoolId="7" year={2026} />, { me: me('school_admin', 'school') });
    expect(await screen.findByText('本年度未填报教师培训经费')).toBeTruthy();
    expect(screen.getByText(/公用经费预算总额的 5% 足额安排教师培训经费，教师使用率不低于 90%/)).toBeTruthy();
    const inputs = screen.getAllByRole('spinbutton');
    fireEvent.change(inputs[0] as HTMLElement, { target: { value: '1000000' } });
    fireEvent.change(inputs[1] as HTMLElement, { target: { value: '35000' } });
    fireEvent.change(inputs[2] as HTMLElement, { target: { value: '35000.5' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() =>
      expect(api.saveTrainingBudget).toHaveBeenCalledWith('7', 2026, {
        publicFundsFen: 100_000_000,
        budgetFen: 3_500_000,
        usedFen: 3_500_050,
        note: null,
      }),
    );
  });

  it('a record short of 5 %: the ratios with 达标 / 未达标 and the finding with its rule', async () => {
    vi.mocked(api.schoolTrainingBudget).mockResolvedValue({
      schoolId: '7',
      schoolName: '清城区第一小学',
      year: 2026,
      record: SHORT,
      canEdit: false,
      shareMin: 0.05,
      useMin: 0.9,
    });
    renderWithApp(<TrainingBudgetCard schoolId="7" year={2026} />, { me: me('bureau_admin', 'city') });
    expect(await screen.findByText('教师培训经费 3.5 万元，占公用经费 3.5%，低于 5%（R3-B09）')).toBeTruthy();
    expect(screen.getByText(/占公用经费 3.5% · 未达标/)).toBeTruthy();
    expect(screen.getByText(/使用率 100% · 达标/)).toBeTruthy();
    // read-only for a reader who may not correct it
    expect(screen.queryByRole('button', { name: /保\s*存/ })).toBeNull();
  });

  it('the county’s table: each school’s amounts in 元 and its flags; open leads to the school', async () => {
    const ok: TrainingBudget = {
      ...SHORT,
      schoolId: '8',
      schoolName: '清城区第二小学',
      budgetFen: 5_000_000,
      usedFen: 4_500_000,
      budgetShare: 0.05,
      useShare: 0.9,
      budgetMet: true,
      findings: [],
    };
    vi.mocked(api.trainingBudgets).mockResolvedValue({ year: 2026, items: [SHORT, ok], metBoth: 1 });
    const onOpen = vi.fn();
    renderWithApp(<TrainingBudgetsTable year={2026} onOpen={onOpen} />, { me: me('tdc_staff', 'county') });
    expect(await screen.findByText('清城区第二小学')).toBeTruthy();
    expect(screen.getByText('两项均达标 1 所 / 已填报 2 所')).toBeTruthy();
    expect(screen.getAllByText('1,000,000.00')).toHaveLength(2);
    expect(screen.getByText(/占公用经费 3.5% · 未达标/)).toBeTruthy();
    expect(screen.getByText(/占公用经费 5% · 达标/)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '查看 / 更正' })[0] as HTMLElement);
    expect(onOpen).toHaveBeenCalledWith('7');
  });
});
