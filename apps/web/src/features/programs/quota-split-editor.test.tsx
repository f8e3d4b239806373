import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Me, QuotaNode, QuotaSuggestion } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { checkSplit, QuotaSplitEditor, type SplitRow } from './quota-split-editor';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { suggestQuota: vi.fn(), allocateQuota: vi.fn(), ruleSources: vi.fn(async () => []) },
  };
});

const suggestQuota = vi.mocked(api.suggestQuota);
const cityOfficer: Me = {
  id: '1',
  username: 'city',
  displayName: '清远市教育局',
  grants: [{ role: 'bureau_admin', orgId: '2', orgName: '清远市', orgKind: 'city' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};
const allocateQuota = vi.mocked(api.allocateQuota);

const COUNTY: QuotaNode = {
  orgId: '7',
  orgName: '清城区',
  orgKind: 'county',
  parentOrgId: '5',
  seats: 10,
  ruralSeats: 2,
  allocated: 0,
  used: 0,
  unused: 10,
  waitlisted: 0,
  usedInSubtree: 0,
  unusedInSubtree: 10,
  waitlistedInSubtree: 0,
};

const SUGGESTION: QuotaSuggestion = {
  orgId: '7',
  seats: 10,
  reservedRural: 2,
  weightBasis: 'teachers',
  children: [
    {
      orgId: '46',
      orgName: '源潭镇中心小学',
      orgKind: 'school',
      teachers: 57,
      ruralTeachers: 57,
      seats: 6,
      ruralSeats: 2,
    },
    {
      orgId: '17',
      orgName: '清城中学',
      orgKind: 'school',
      teachers: 40,
      ruralTeachers: 0,
      seats: 4,
      ruralSeats: 0,
    },
    {
      orgId: '27',
      orgName: '东城第一小学',
      orgKind: 'school',
      teachers: 0,
      ruralTeachers: 0,
      seats: 0,
      ruralSeats: 0,
    },
  ],
  allocated: 10,
  unallocated: 0,
  ruleId: 'R-004-17',
};

const row = (seats: number, extra: Partial<SplitRow> = {}): SplitRow => ({
  orgId: String(seats),
  orgName: 'x',
  teachers: 1,
  ruralTeachers: 0,
  current: 0,
  minSeats: 0,
  seats,
  ruralSeats: 0,
  ...extra,
});

afterEach(cleanup);
beforeEach(() => {
  suggestQuota.mockReset();
  allocateQuota.mockReset();
  suggestQuota.mockResolvedValue(SUGGESTION);
});

describe('checkSplit (R-004-17: no seat over-allocated, seats go down in full)', () => {
  it('exactly the seats available: no error, no warning', () => {
    const c = checkSplit([row(6), row(4)], 10, 'zh-CN');
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
  });
  it('one seat over: refused with the numbers in words (the rule goes beside it, in the ⓘ)', () => {
    const c = checkSplit([row(6), row(5)], 10, 'zh-CN');
    expect(c.errors[0]).toBe('名额超出：下级名额合计 11 个，超过本级可分配名额 10 个（多 1 个）');
  });
  it('one seat short: allowed with a warning that seats remain', () => {
    const c = checkSplit([row(6), row(3)], 10, 'zh-CN');
    expect(c.errors).toEqual([]);
    expect(c.warnings[0]).toContain('尚有 1 个名额未分配');
  });
  it('a unit below what it already passed on or used, and rural seats above seats, are row errors', () => {
    const c = checkSplit(
      [row(1, { orgId: 'a', minSeats: 2 }), row(2, { orgId: 'b', ruralSeats: 3 })],
      10,
      'zh-CN',
    );
    expect(c.rowErrors.get('a')).toContain('不能少于 2 个');
    expect(c.rowErrors.get('b')).toContain('乡村名额 3 个多于名额 2 个');
    const ok = checkSplit(
      [row(2, { orgId: 'a', minSeats: 2 }), row(3, { orgId: 'b', ruralSeats: 3 })],
      10,
      'zh-CN',
    );
    expect(ok.rowErrors.size).toBe(0);
  });
});

describe('QuotaSplitEditor', { timeout: 30_000 }, () => {
  it('fills the suggested split, shows totals, refuses an over-allocation before saving, then saves the adjusted split', async () => {
    allocateQuota.mockResolvedValueOnce({ programmeId: 'p1', nodes: [], warnings: [] });
    const onSaved = vi.fn();
    renderWithApp(
      <QuotaSplitEditor
        programmeId="p1"
        node={COUNTY}
        existingChildren={[]}
        onSaved={onSaved}
        onCancel={vi.fn()}
      />,
      { me: cityOfficer },
    );
    const seats46 = (await screen.findByTestId('split-seats-46')) as HTMLInputElement;
    expect(seats46.value).toBe('6');
    expect(suggestQuota).toHaveBeenCalledWith('p1', '7', { seats: 10, reservedRural: 2 });
    expect(screen.getByTestId('split-total').textContent).toContain('10');

    fireEvent.change(seats46, { target: { value: '7' } });
    expect(screen.getByTestId('split-check-error').textContent).toContain('名额超出');
    expect(
      within(screen.getByTestId('split-check-error')).getByTestId('rule-ref').getAttribute('data-rules'),
    ).toBe('R-004-17');
    expect(screen.getByTestId('split-save').hasAttribute('disabled')).toBe(true);

    fireEvent.change(screen.getByTestId('split-seats-17'), { target: { value: '3' } });
    expect(screen.queryByTestId('split-check-error')).toBeNull();
    fireEvent.click(screen.getByTestId('split-save'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(allocateQuota).toHaveBeenCalledWith('p1', '7', {
      allocations: [
        { orgId: '46', seats: 7, ruralSeats: 2 },
        { orgId: '17', seats: 3, ruralSeats: 0 },
      ],
    });
  });

  it('keeps today\u2019s split when seats were passed down before, and the suggestion replaces it on request', async () => {
    const existing: QuotaNode[] = [
      {
        ...COUNTY,
        orgId: '17',
        orgName: '清城中学',
        orgKind: 'school',
        parentOrgId: '7',
        seats: 2,
        ruralSeats: 0,
        used: 1,
        unused: 1,
      },
    ];
    renderWithApp(
      <QuotaSplitEditor
        programmeId="p1"
        node={{ ...COUNTY, allocated: 2, unused: 8 }}
        existingChildren={existing}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
      { me: cityOfficer },
    );
    const seats17 = (await screen.findByTestId('split-seats-17')) as HTMLInputElement;
    expect(seats17.value).toBe('2');
    // one teacher of 清城中学 is already selected: going to 0 is refused on the row
    fireEvent.change(seats17, { target: { value: '0' } });
    expect(screen.getByTestId('split-error-17').textContent).toContain('不能少于 1 个');
    fireEvent.click(screen.getByTestId('split-suggest'));
    expect((screen.getByTestId('split-seats-17') as HTMLInputElement).value).toBe('4');
  });

  it('shows the server refusal in words and its problems; the rule in the ⓘ (R-004-17)', async () => {
    allocateQuota.mockRejectedValueOnce(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '名额超出：下级名额合计 12 个，超过本级名额 10 个（多 2 个）',
        details: {
          ruleId: 'R-004-17',
          problems: [
            {
              code: 'QUOTA.BELOW_USED',
              ruleId: 'R-004-17',
              message: '清城中学已推荐 1 个名额，不能减到 0 个',
            },
          ],
        },
        requestId: 'req-1',
      }),
    );
    renderWithApp(
      <QuotaSplitEditor
        programmeId="p1"
        node={COUNTY}
        existingChildren={[]}
        onSaved={vi.fn()}
        onCancel={vi.fn()}
      />,
      { me: cityOfficer },
    );
    await screen.findByTestId('split-seats-46');
    fireEvent.click(screen.getByTestId('split-save'));
    const alert = await screen.findByTestId('rule-error');
    expect(alert.textContent).toContain('名额超出：下级名额合计 12 个');
    expect(alert.textContent).toContain('清城中学已推荐 1 个名额，不能减到 0 个');
    expect(alert.textContent).not.toContain('R-004-17');
    const refs = within(alert).getAllByTestId('rule-ref');
    expect(refs.map((r) => r.getAttribute('data-rules'))).toEqual(['R-004-17', 'R-004-17']);
  });
});
