import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { PlanSummary } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { PROVINCE_ME } from '../programs/programme.test-data';
import { PlansPage } from './plans-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { listPlans: vi.fn(), openProgrammes: vi.fn(), me: vi.fn() } };
});

/** The province's officer reviews the plans. */
const REVIEWER = PROVINCE_ME;

const plan = (over: Partial<PlanSummary>): PlanSummary => ({
  id: '1',
  programmeId: '4',
  programmeTitle: '2026年"省培计划"省级骨干教师培育项目（清远市）',
  ownerOrgName: '广东省',
  providerOrgId: '9',
  providerName: '清远职业技术学院继续教育学院',
  status: 'approved',
  currentVersion: 2,
  submittedAt: '2026-09-01T02:00:00Z',
  updatedAt: '2026-09-02T02:00:00Z',
  canEdit: false,
  canReview: true,
  ...over,
});

beforeEach(() => {
  vi.mocked(api.me).mockResolvedValue(REVIEWER);
  vi.mocked(api.openProgrammes).mockResolvedValue([]);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('培训方案审核: the default filter shows what the reviewer most likely wants', () => {
  it('opens on 已提交待审核 when a plan waits', async () => {
    vi.mocked(api.listPlans).mockResolvedValue([
      plan({ id: '1' }),
      plan({ id: '2', status: 'submitted', programmeTitle: '清远市2026年乡村骨干教师素质提升培训（市培）' }),
    ]);
    renderWithApp(<PlansPage />);
    expect(
      await screen.findByText('清远市2026年乡村骨干教师素质提升培训（市培）', undefined, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByText('2026年"省培计划"省级骨干教师培育项目（清远市）')).toBeNull();
    expect(
      within(screen.getAllByTestId('plan-status')[0] as HTMLElement).getByText('已提交待审核 1'),
    ).toBeTruthy();
  }, 20_000);

  it('with nothing waiting it opens on 全部; an empty filter names the other statuses and widens in one click', async () => {
    vi.mocked(api.listPlans).mockResolvedValue([plan({ id: '1' }), plan({ id: '3', status: 'returned' })]);
    renderWithApp(<PlansPage />);
    expect(
      (
        await screen.findAllByText('2026年"省培计划"省级骨干教师培育项目（清远市）', undefined, {
          timeout: 5000,
        })
      ).length,
    ).toBe(2);
    expect(api.listPlans).toHaveBeenCalledWith({});
    fireEvent.click(
      within(screen.getAllByTestId('plan-status')[0] as HTMLElement).getByText('已提交待审核 0'),
    );
    const empty = await screen.findByTestId('filtered-empty');
    expect(empty.textContent).toContain('没有「已提交待审核」的记录。');
    expect(empty.textContent).toContain('其他状态：已批准 1 条、已退回 1 条。');
    fireEvent.click(within(empty).getByRole('button', { name: /查看全部/ }));
    expect((await screen.findAllByText('2026年"省培计划"省级骨干教师培育项目（清远市）')).length).toBe(2);
  }, 20_000);

  it('no plan at all: says none has been handed in and where they come from', async () => {
    vi.mocked(api.listPlans).mockResolvedValue([]);
    renderWithApp(<PlansPage />);
    expect((await screen.findByTestId('filtered-empty')).textContent).toContain(
      '辖区内还没有承训机构提交培训方案',
    );
  }, 20_000);
});
