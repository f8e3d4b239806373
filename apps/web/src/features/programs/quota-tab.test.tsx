import { cleanup, screen, within } from '@testing-library/react';
import type { Programme, QuotaNode } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { PROVINCE_ME } from './programme.test-data';
import { QuotaTab, quotaTree } from './quota-tab';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { quotas: vi.fn(), me: vi.fn() } };
});

const ME = PROVINCE_ME;

const PROGRAMME = {
  id: '4',
  title: '2026年"省培计划"省级骨干教师培育项目（清远市）',
  selectionDeadline: '2026-09-30',
} as Programme;

const node = (n: Partial<QuotaNode> & Pick<QuotaNode, 'orgId' | 'orgName' | 'orgKind'>): QuotaNode => ({
  parentOrgId: null,
  seats: 0,
  ruralSeats: 0,
  allocated: 0,
  used: 0,
  unused: 0,
  waitlisted: 0,
  usedInSubtree: 0,
  unusedInSubtree: 0,
  waitlistedInSubtree: 0,
  ...n,
});

// 广东省 45 → 清远市 43 → 清城区 43 → 清城中学 43: 38 selected at the school, 2 waiting
const NODES: QuotaNode[] = [
  node({ orgId: '1', orgName: '广东省', orgKind: 'province', seats: 45, allocated: 43, unused: 2 }),
  node({ orgId: '5', orgName: '清远市', orgKind: 'city', parentOrgId: '1', seats: 43, allocated: 43 }),
  node({ orgId: '7', orgName: '清城区', orgKind: 'county', parentOrgId: '5', seats: 43, allocated: 43 }),
  node({
    orgId: '9',
    orgName: '清城中学',
    orgKind: 'school',
    parentOrgId: '7',
    seats: 43,
    used: 38,
    unused: 5,
  }),
].map((n) => ({
  ...n,
  usedInSubtree: 38,
  waitlistedInSubtree: 2,
  unusedInSubtree: n.orgId === '1' ? 7 : 5,
  ...(n.orgId === '9' ? { waitlisted: 2 } : {}),
}));

beforeEach(() => {
  vi.mocked(api.me).mockResolvedValue(ME);
  vi.mocked(api.quotas).mockResolvedValue({ programmeId: '4', nodes: NODES });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('名额分配 (R-004-17): a parent node reads what its subtree uses', () => {
  it('已推荐 of 广东省 and 清远市 is the 38 selected at the school, not 0; the top line sums the subtree', async () => {
    renderWithApp(<QuotaTab programme={PROGRAMME} />);
    expect((await screen.findByTestId('quota-used-1')).textContent).toBe('38');
    expect(screen.getByTestId('quota-used-5').textContent).toBe('38');
    const stats = screen
      .getAllByText(/^(已推荐|未使用（含下级）|候补)$/)
      .map((el) => el.closest('.ant-statistic'));
    const value = (label: string) =>
      stats.find((s) => s?.textContent?.startsWith(label))?.querySelector('.ant-statistic-content')
        ?.textContent;
    expect(value('已推荐')).toBe('38');
    expect(value('未使用（含下级）')).toBe('7');
    expect(value('候补')).toBe('2');
  });

  it('a parent with nominations of its own says how many are its own beside the roll-up', async () => {
    vi.mocked(api.quotas).mockResolvedValue({
      programmeId: '4',
      nodes: NODES.map((n) => (n.orgId === '5' ? { ...n, used: 2, usedInSubtree: 40 } : n)),
    });
    renderWithApp(<QuotaTab programme={PROGRAMME} />);
    const cell = await screen.findByTestId('quota-used-5');
    expect(cell.textContent).toBe('40本级 2');
    expect(within(cell).getByText('本级 2')).toBeTruthy();
  });

  it('quotaTree nests nodes under their parents; a node whose parent is out of sight is a root', () => {
    const roots = quotaTree(NODES.slice(1));
    expect(roots.map((r) => r.orgName)).toEqual(['清远市']);
    expect(roots[0]?.children?.[0]?.children?.[0]?.orgName).toBe('清城中学');
  });
});
