/**
 * R3-W15 on the workshop page and in 我的工作室: titles, the award form for the bureau, the backbone candidates; R3-G18:
 * a studio's page shows its 优秀工作室 titles and no backbone section.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { BackboneCandidate, CommunityDetail, Me, MyCommunity } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { CommunityHonours } from './community-honours';
import { MyCommunitiesPage } from './my-communities-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: { recordCommunityTitle: vi.fn(), myCommunities: vi.fn(), ruleSources: vi.fn() },
  };
});

const county: Me = {
  id: '1',
  username: 'qingcheng',
  displayName: '清城区教育局',
  grants: [{ role: 'bureau_admin', orgId: '7', orgName: '清城区', orgKind: 'county' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const CANDIDATE: BackboneCandidate = {
  memberId: '21',
  teacherId: '11',
  name: '满两年',
  role: 'formal',
  schoolYears: ['2024-2025', '2025-2026'],
  cycleEnd: '2026-08-31',
  titleYears: [2025],
  rule: 'R3-W15',
  message: '完成 2024-2025、2025-2026 学年两年周期，所在工作坊获 2025 年度优秀工作坊称号，可推荐为骨干教师',
};

const DETAIL = {
  id: '3',
  name: '清城区初中数学工作坊',
  kind: 'workshop',
  titles: [{ year: 2025, source: 'bureau' }],
  backbone: [CANDIDATE],
  canTitle: true,
} as unknown as CommunityDetail;

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('R3-W15', () => {
  it('R3-W15: the workshop page lists the title and the backbone candidates; the bureau awards a year', async () => {
    vi.mocked(api.recordCommunityTitle).mockResolvedValue(DETAIL);
    const onChange = vi.fn();
    renderWithApp(<CommunityHonours d={DETAIL} onChange={onChange} />, { me: county });
    expect(screen.getByText('2025 年度优秀工作坊')).toBeTruthy();
    expect(screen.getByTestId('backbone-candidate').textContent).toContain('满两年');
    expect(screen.getByText(CANDIDATE.message)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '授予称号' }));
    await waitFor(() => expect(api.recordCommunityTitle).toHaveBeenCalled());
    expect(vi.mocked(api.recordCommunityTitle).mock.calls[0]?.[2]).toBe(true);
    await waitFor(() => expect(onChange).toHaveBeenCalledWith(DETAIL));
  });

  it('R3-W15: the rule’s ⓘ gives the school years as they are written everywhere (2024—2025、2025—2026 学年)', async () => {
    vi.mocked(api.ruleSources).mockResolvedValue([]);
    renderWithApp(<CommunityHonours d={DETAIL} onChange={vi.fn()} />, { me: county });
    fireEvent.mouseEnter(screen.getByTestId('rule-ref'));
    const tip = await screen.findByTestId('rule-ref-tip');
    await waitFor(() => expect(tip.textContent).toContain('2024—2025、2025—2026 学年；2025'));
  });

  it('without candidates, the empty state says who will be listed; no award form without the right', () => {
    renderWithApp(
      <CommunityHonours d={{ ...DETAIL, titles: [], backbone: [], canTitle: false }} onChange={vi.fn()} />,
      { me: county },
    );
    expect(screen.getByText(/完成两年周期且所在工作坊获优秀工作坊称号的成员/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '授予称号' })).toBeNull();
  });

  it('R3-G18: a studio’s page shows its 优秀工作室 titles (the selection’s too) and no backbone section (R3-W15)', () => {
    renderWithApp(
      <CommunityHonours
        d={
          {
            ...DETAIL,
            kind: 'master_teacher_studio',
            titles: [{ year: 2026, source: 'selection' }],
            backbone: [],
          } as CommunityDetail
        }
        onChange={vi.fn()}
      />,
      { me: county },
    );
    expect(screen.getByText('优秀工作室称号')).toBeTruthy();
    expect(screen.getByText('2026 年度优秀工作室')).toBeTruthy();
    expect(screen.queryByText('可推荐骨干教师')).toBeNull();
    expect(screen.queryByText('2026 年度优秀工作坊')).toBeNull();
  });

  it('R3-W15: 我的工作室 shows the teacher their backbone offer', async () => {
    const mine: MyCommunity = {
      id: '3',
      name: '清城区初中数学工作坊',
      kind: 'workshop',
      level: 'county',
      role: 'formal',
      joinedOn: '2024-09-20',
      upcoming: [],
      schoolYear: '2026-2027',
      countedTenths: 60,
      notCountedTenths: 0,
      backbone: CANDIDATE,
    };
    vi.mocked(api.myCommunities).mockResolvedValue([mine]);
    renderWithApp(<MyCommunitiesPage />, { me: { ...county, grants: [], teacherId: '11' } });
    expect(await screen.findByText(CANDIDATE.message)).toBeTruthy();
  });
});
