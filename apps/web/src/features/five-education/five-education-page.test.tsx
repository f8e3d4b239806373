/**
 * 五育评价 page: an officer's empty page renders with its actions; a round's results highlight the school whose band
 * would change if a weight moved ±10 % (Y-EVAL-SENSITIVITY); what-if weights are sent only when they sum to 100 %
 * (CD-24); a school admin reads without the officer's actions.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { FiveEduResults, FiveEduRoundDetail, FiveEduSchoolResult, Me } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { ApiError } from '../../shared/api-transport';
import { renderWithApp } from '../../shared/test-utils';
import { FiveEducationPage } from './five-education-page';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      fiveEduRounds: vi.fn(),
      fiveEduRound: vi.fn(),
      fiveEduFrameworks: vi.fn(),
      fiveEduResults: vi.fn(),
      createFiveEduRound: vi.fn(),
      fiveEduSample: vi.fn(),
      uploadFiveEduValues: vi.fn(),
    },
  };
});

const me = (role: Me['grants'][number]['role'], orgKind: string): Me => ({
  id: '1',
  username: 'u',
  displayName: 'u',
  grants: [{ role, orgId: '7', orgName: '清城区', orgKind }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
});

const W = { moral: 20, intellectual: 20, physical: 20, aesthetic: 20, labour: 20 };
const ROUND: FiveEduRoundDetail = {
  id: '3',
  name: '2026 年清城区五育监测',
  year: 2026,
  orgId: '7',
  orgName: '清城区',
  frameworkId: '1',
  frameworkName: '清城区五育评价',
  frameworkVersion: 1,
  studentPercent: 5,
  staffPercent: 5,
  seed: 'abc',
  drawnAt: null,
  indicatorCount: 5,
  schoolCount: 2,
  canManage: true,
  schools: [],
  indicators: [],
};
const school = (id: string, name: string, score: number, bandMayChange: boolean): FiveEduSchoolResult => ({
  schoolId: id,
  name,
  countyId: '7',
  countyName: '清城区',
  dimensions: { moral: score, intellectual: score, physical: score, aesthetic: score, labour: score },
  score,
  band: score >= 90 ? { code: 'excellent', label: '优秀' } : { code: 'pass', label: '合格' },
  how: '',
  missing: [],
  sensitivity: bandMayChange
    ? [
        {
          dimension: 'moral',
          upWeight: 30,
          upScore: 90.9,
          upBand: { code: 'excellent', label: '优秀' },
          downWeight: 10,
          downScore: 88.9,
          downBand: { code: 'good', label: '良好' },
          changesBand: true,
        },
      ]
    : [],
  bandMayChange,
  elements: [],
});
const RESULTS: FiveEduResults = {
  weights: W,
  savedWeights: W,
  rule: 'CD-24',
  schools: [school('11', '清城区第一小学', 90.1, true), school('12', '清城区第二小学', 70, false)],
  districts: [
    {
      countyId: '7',
      name: '清城区',
      schools: 2,
      scored: 2,
      dimensions: { moral: 80, intellectual: 80, physical: 80, aesthetic: 80, labour: 80 },
      score: 80,
      band: { code: 'good', label: '良好' },
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('FiveEducationPage', () => {
  it('an officer with no rounds sees the empty list, the new-round action and the frameworks tab', async () => {
    vi.mocked(api.fiveEduRounds).mockResolvedValue({ items: [] });
    renderWithApp(<FiveEducationPage />, { me: me('bureau_admin', 'county') });
    expect(await screen.findByText('暂无五育监测')).toBeTruthy();
    expect(screen.getByRole('button', { name: '开展监测' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '评价框架' })).toBeTruthy();
  });

  it('a school admin reads its results without the officer’s actions', async () => {
    vi.mocked(api.fiveEduRounds).mockResolvedValue({ items: [] });
    renderWithApp(<FiveEducationPage />, { me: me('school_admin', 'school') });
    expect(await screen.findByText('暂无五育监测')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '开展监测' })).toBeNull();
    expect(screen.queryByRole('tab', { name: '评价框架' })).toBeNull();
  });

  it('Y-EVAL-SENSITIVITY: the school whose band may change is flagged with the move that changes it', async () => {
    vi.mocked(api.fiveEduRounds).mockResolvedValue({ items: [ROUND] });
    vi.mocked(api.fiveEduRound).mockResolvedValue(ROUND);
    vi.mocked(api.fiveEduResults).mockResolvedValue(RESULTS);
    renderWithApp(<FiveEducationPage />, { me: me('bureau_admin', 'county') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    // the round, then its results and two charts: slower than findBy's default second on a busy machine
    expect(await screen.findByText('等次可能改变', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('德 30%：90.9（优秀）；10%：88.9（良好）')).toBeTruthy();
    expect(screen.getByText('稳定')).toBeTruthy();
    expect(screen.getByTestId('five-edu-radar')).toBeTruthy();
    expect(screen.getByTestId('five-edu-districts')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: '只看等次可能改变的学校' }));
    await waitFor(() => expect(screen.queryByText('清城区第二小学')).toBeNull());
  });

  it('CD-24: what-if weights not summing to 100 % are shown as such and not sent', async () => {
    vi.mocked(api.fiveEduRounds).mockResolvedValue({ items: [ROUND] });
    vi.mocked(api.fiveEduRound).mockResolvedValue(ROUND);
    vi.mocked(api.fiveEduResults).mockResolvedValue(RESULTS);
    renderWithApp(<FiveEducationPage />, { me: me('bureau_admin', 'county') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    const moral = await screen.findByRole('spinbutton', { name: '德 权重（%）' }, { timeout: 5000 });
    fireEvent.change(moral, { target: { value: '30' } });
    fireEvent.blur(moral);
    expect(await screen.findByText('五个维度的权重合计须为 100%，现为 110%')).toBeTruthy();
    expect(api.fiveEduResults).toHaveBeenCalledTimes(1);
    const labour = screen.getByRole('spinbutton', { name: '劳 权重（%）' });
    fireEvent.change(labour, { target: { value: '10' } });
    fireEvent.blur(labour);
    await waitFor(() =>
      expect(api.fiveEduResults).toHaveBeenLastCalledWith('3', { ...W, moral: 30, labour: 10 }),
    );
  });

  it('the schools tab lists the drawn sample with its seed; a refused upload lists row, column, value and reason', async () => {
    const withSchool: FiveEduRoundDetail = {
      ...ROUND,
      schools: [
        {
          id: '11',
          name: '清城区第一小学',
          countyId: '7',
          countyName: '清城区',
          students: 141,
          grades: { '7': 100, '8': 41 },
          valuesEntered: 0,
          sampledStudents: 8,
          sampledStaff: 1,
        },
      ],
    };
    vi.mocked(api.fiveEduRounds).mockResolvedValue({ items: [ROUND] });
    vi.mocked(api.fiveEduRound).mockResolvedValue(withSchool);
    vi.mocked(api.fiveEduResults).mockResolvedValue({ ...RESULTS, schools: [], districts: [] });
    vi.mocked(api.fiveEduSample).mockResolvedValue({
      seed: 'abc',
      rule: 'CD-25',
      students: {
        population: 141,
        count: 8,
        strata: [
          {
            schoolId: '11',
            schoolName: '清城区第一小学',
            grade: 7,
            population: 100,
            count: 5,
            picks: [3, 17, 42, 8, 90],
          },
          {
            schoolId: '11',
            schoolName: '清城区第一小学',
            grade: 8,
            population: 41,
            count: 3,
            picks: [2, 40, 11],
          },
        ],
      },
      staff: {
        population: 20,
        count: 1,
        picks: [{ schoolId: '11', schoolName: '清城区第一小学', teacherId: '5', name: '王老师' }],
      },
    });
    vi.mocked(api.uploadFiveEduValues).mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: '文件中有 1 处错误，未导入任何数据',
        details: {
          errors: [{ row: 3, column: 'P 体指标', value: 'abc', reason: '应为数字' }],
          errorCount: 1,
        },
      }),
    );
    const { container } = renderWithApp(<FiveEducationPage />, { me: me('bureau_admin', 'county') });
    fireEvent.click(await screen.findByRole('button', { name: /查\s*看/ }));
    fireEvent.click(await screen.findByRole('tab', { name: '学校与抽样' }));
    expect(await screen.findByText('3、17、42、8、90')).toBeTruthy();
    expect(screen.getByText('王老师')).toBeTruthy();
    expect(screen.getByText(/随机种子 abc：学生 8 \/ 141 人/)).toBeTruthy();
    const input = container.querySelectorAll('input[type="file"]')[0] as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['x'], 'values.xlsx')] } });
    expect(await screen.findByText('文件中有错误，未导入任何数据')).toBeTruthy();
    expect(screen.getByText('P 体指标')).toBeTruthy();
    expect(screen.getByText('应为数字')).toBeTruthy();
  });
});
