import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { PROVINCE_ME, programmeFixture } from './programme.test-data';
import { ProgrammeDetailPage } from './programme-detail-page';

vi.mock('../../shared/api', async (orig) => {
  const real = (await orig()) as typeof import('../../shared/api');
  const mocked = Object.fromEntries(Object.keys(real.api).map((k) => [k, vi.fn()]));
  return { ...real, api: mocked };
});

const ME = PROVINCE_ME;
const P = programmeFixture({
  title: '2026年“省培计划”省级教师培训师高端研修项目',
  projectTypeCode: 'trainer_advanced',
  projectTypeName: '省级教师培训师高端研修项目',
  trackCode: 'trainer',
  totalSeats: 10,
  usedSeats: 0,
  candidates: 20,
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('培训项目 概况', () => {
  it('names the policy pack by its title and counts the candidates awaiting selection apart from the seats', async () => {
    vi.mocked(api.me).mockResolvedValue(ME);
    vi.mocked(api.programme).mockResolvedValue(P);
    renderWithApp(<ProgrammeDetailPage />, { route: '/programmes/4', path: '/programmes/:id', me: ME });
    await waitFor(() =>
      expect(screen.getByTestId('programme-pack').textContent).toBe('广东省 2026 年教师培训政策包'),
    );
    expect(screen.getByText('待遴选候选人')).toBeTruthy();
    expect(screen.getByText('20')).toBeTruthy();
  });
});
