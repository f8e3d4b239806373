/**
 * 培训总览 and the "—" of a rate without a value (R3-B02 结业率 before any completion run).
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { KpiRate, OverviewProgramme, TrainingOverview } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { RateCell } from '../../shared/rate-cell';
import { renderWithApp } from '../../shared/test-utils';
import { TrainingOverviewPage } from './overview-page';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { trainingOverview: vi.fn(), fetchFile: vi.fn() } };
});

const rate = (n: number, d: number): KpiRate =>
  d === 0
    ? { numerator: n, denominator: 0, rate: null, reason: 'no_denominator' }
    : { numerator: n, denominator: d, rate: n / d, reason: null };
const noRun: KpiRate = { numerator: 0, denominator: 0, rate: null, reason: 'no_completion_run' };

const programme = (over: Partial<OverviewProgramme>): OverviewProgramme => ({
  id: '7',
  title: '乡村骨干教师素质提升培训',
  level: 'provincial',
  ownerOrgName: '省教育厅',
  startDate: '2021-09-01',
  endDate: '2021-09-30',
  ownedInScope: true,
  seats: 10,
  seatsUsed: 7,
  enrolled: 7,
  arrived: 4,
  assessed: 0,
  completed: 0,
  arrivalRate: rate(4, 7),
  completionRate: noRun,
  hoursTenths: 0,
  budgetFen: 4_200_000,
  spentFen: 1_000_000,
  classes: 1,
  overdueDeadlines: 2,
  overdueRules: ['R-004-10', 'R-004-11'],
  ...over,
});

const overview = (programmes: OverviewProgramme[]): TrainingOverview => ({
  year: 2021,
  years: [2021, 2020],
  asOf: '2021-09-07',
  scope: ['清远市'],
  levels: [
    {
      level: 'provincial',
      programmes: 1,
      seats: 10,
      seatsUsed: 7,
      enrolled: 7,
      arrived: 4,
      assessed: 0,
      completed: 0,
      arrivalRate: rate(4, 7),
      completionRate: noRun,
      hoursTenths: 0,
      budgetFen: 4_200_000,
      spentFen: 1_000_000,
      classes: 1,
      overdueDeadlines: 2,
    },
  ],
  programmes,
  total: {
    programmes: programmes.length,
    seats: 14,
    seatsUsed: 9,
    enrolled: 9,
    arrived: 5,
    assessed: 2,
    completed: 2,
    arrivalRate: rate(5, 9),
    completionRate: rate(2, 2),
    hoursTenths: 3000,
    budgetFen: 4_200_000,
    spentFen: 1_000_000,
    classes: 1,
    overdueDeadlines: 2,
  },
});

beforeEach(() => vi.mocked(api.trainingOverview).mockReset());
afterEach(() => cleanup());

describe('RateCell', () => {
  it('a rate shows as a percentage; no completion run shows "—" with the reason, not 0.0%', async () => {
    renderWithApp(
      <div>
        <RateCell rate={rate(4, 5)} />
        <RateCell rate={noRun} />
        <RateCell rate={rate(0, 0)} />
      </div>,
    );
    expect(screen.getByText('80.0%')).toBeTruthy();
    const gaps = screen.getAllByTestId('rate-gap');
    expect(gaps.map((g) => g.getAttribute('data-reason'))).toEqual(['no_completion_run', 'no_denominator']);
    expect(screen.queryByText('0.0%')).toBeNull();
    fireEvent.mouseEnter(gaps[0] as HTMLElement);
    expect(await screen.findByText(/尚未进行结业判定/)).toBeTruthy();
  });
});

describe('培训总览', { timeout: 30_000 }, () => {
  it('shows the year, totals, charts and one row per programme linked to its dashboard', async () => {
    vi.mocked(api.trainingOverview).mockResolvedValue(
      overview([
        programme({}),
        programme({
          id: '9',
          title: '清城区县培',
          level: 'county',
          ownerOrgName: '清城区教育局',
          ownedInScope: false,
          seats: 4,
          seatsUsed: 2,
          enrolled: 2,
          arrived: 1,
          arrivalRate: rate(1, 2),
          assessed: 2,
          completed: 2,
          completionRate: rate(2, 2),
          hoursTenths: 3000,
          budgetFen: null,
          spentFen: null,
          classes: null,
          overdueDeadlines: null,
          overdueRules: [],
        }),
      ]),
    );
    renderWithApp(<TrainingOverviewPage />);
    const table = await screen.findByTestId('ov-table');
    expect(api.trainingOverview).toHaveBeenCalledWith({});
    const rows = within(table).getAllByRole('row');
    const first = rows[1] as HTMLElement;
    expect(first.textContent).toContain('省培');
    expect(first.textContent).toContain('7 / 10');
    expect(first.textContent).toContain('57.1%');
    expect(within(first).getByTestId('rate-gap').getAttribute('data-reason')).toBe('no_completion_run');
    expect(first.textContent).toContain('42,000 / 10,000'); // budget / spent in 元
    expect(within(first).getByTestId('ov-overdue').textContent).toBe('2');
    expect(within(first).getByTestId('ov-open-7').getAttribute('href')).toBe('/programmes/7?tab=kpis');
    const second = rows[2] as HTMLElement;
    expect(second.textContent).toContain('100.0%');
    expect(second.textContent).toContain('300'); // 3000 tenths = 300 学时
    expect(within(second).getByTestId('ov-above-scope')).toBeTruthy();
    // totals and charts
    expect(screen.getByTestId('ov-total-completion').textContent).toBe('100.0%');
    expect(screen.getByTestId('ov-chart-rates')).toBeTruthy();
    expect(screen.getByTestId('ov-chart-levels')).toBeTruthy();
    expect(screen.getByTestId('ov-chart-budget')).toBeTruthy();
  });

  it('changing the year asks for that year', async () => {
    vi.mocked(api.trainingOverview).mockResolvedValue(overview([programme({})]));
    renderWithApp(<TrainingOverviewPage />, { route: '/?year=2020' });
    await screen.findByTestId('ov-table');
    await waitFor(() => expect(api.trainingOverview).toHaveBeenCalledWith({ year: 2020 }));
  });

  it('a year without programmes says so', async () => {
    vi.mocked(api.trainingOverview).mockResolvedValue(overview([]));
    renderWithApp(<TrainingOverviewPage />);
    expect(await screen.findByText('该年度您的辖区内没有培训项目')).toBeTruthy();
  });
});
