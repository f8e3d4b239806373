import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { PROVINCE_ME, programmeFixture } from './programme.test-data';
import { ProgrammesPage } from './programmes-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { listProgrammes: vi.fn(), me: vi.fn() } };
});

const ME = PROVINCE_ME;
const P = programmeFixture();

beforeEach(() => {
  vi.mocked(api.me).mockResolvedValue(ME);
  vi.mocked(api.listProgrammes).mockResolvedValue({ items: [P], total: 1, page: 1, pageSize: 20 });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('培训项目 list: every column reads at 1440 px', () => {
  it('已入选 / 名额 is pinned to the right edge, so a long name never pushes it out of view', async () => {
    renderWithApp(<ProgrammesPage />);
    const seats = await screen.findByTestId('seats-used');
    expect(seats.textContent).toBe('38 / 45');
    expect(seats.closest('td')?.className).toContain('ant-table-cell-fix-end');
    const heads = screen.getAllByText('已入选 / 名额').map((el) => el.closest('th')?.className ?? '');
    expect(heads.some((c) => c.includes('ant-table-cell-fix-end'))).toBe(true);
    expect(screen.queryByTestId('programme-candidates')).toBeNull();
  });

  it('a competitive programme: the nominated candidates beside the seats, which they take only once selected', async () => {
    vi.mocked(api.listProgrammes).mockResolvedValue({
      items: [{ ...P, usedSeats: 0, totalSeats: 10, candidates: 20 }],
      total: 1,
      page: 1,
      pageSize: 20,
    });
    renderWithApp(<ProgrammesPage />);
    expect((await screen.findByTestId('seats-used')).textContent).toBe('0 / 10');
    expect(screen.getByTestId('programme-candidates').textContent).toBe('另有 20 名候选人待遴选');
  });

  it('the name is cut with an ellipsis in a fixed layout, its project type beneath it', async () => {
    renderWithApp(<ProgrammesPage />);
    const name = await screen.findByText(P.title);
    expect(name.closest('td')?.className).toContain('ant-table-cell-ellipsis');
    expect(screen.getByText('省级骨干教师培育项目')).toBeTruthy();
    expect(document.querySelector('table')?.style.tableLayout).toBe('fixed');
  });
});
