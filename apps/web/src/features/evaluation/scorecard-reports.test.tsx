/** 评价 reports on the web: the scorecard's year-over-year comparison (Y-EVAL-HISTORY), 下载 PDF and 导出 Excel. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Me, Scorecard } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { ScorecardsExcelButton } from './scorecard-downloads';
import { sectionSeries } from './scorecard-history';
import { EvaluationScorecardPage } from './scorecard-page';

vi.mock('echarts-for-react/esm/core', () => ({ default: () => <div data-testid="chart" /> }));
vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { evaluationScorecard: vi.fn(), fetchFile: vi.fn() } };
});

const city: Me = {
  id: '9',
  username: 'e_city',
  displayName: '市教育局',
  grants: [{ role: 'bureau_admin', orgId: '5', orgName: '清远市', orgKind: 'city' }],
  teacherId: null,
  csrfToken: 'x',
  mustChangePassword: false,
};

const card: Scorecard = {
  campaignId: '3',
  campaignName: '2026 年国培项目县评估',
  year: 2026,
  status: 'published',
  subjectId: '11',
  subjectName: '清城区',
  rubricTitle: '项目县评估',
  normalisation: { value: 'item_points', label: '按各项分值合计计满分', ruleId: 'Y-EVAL-NORMALISE' },
  sections: [
    { id: 'A1', title: '组织管理', declared: 8, itemMax: 8, score: 8, counted: 8, how: '' },
    { id: 'A2', title: '组织实施', declared: 20, itemMax: 20, score: 18, counted: 18, how: '' },
  ],
  units: [],
  score: 92.5,
  max: 100,
  percent: 92.5,
  band: { code: 'excellent', label: '优秀' },
  vetoes: [],
  how: '',
  rounding: '',
  raters: 2,
  appeals: [],
  appealClosesOn: null,
  canAppeal: false,
  history: [
    {
      campaignId: '1',
      campaignName: '2025 年国培项目县评估',
      year: 2025,
      score: 85,
      max: 100,
      percent: 85,
      band: { code: 'good', label: '良好' },
      change: 7.5,
      sections: [
        { id: 'A1', title: '组织管理', score: 5, change: 3 },
        { id: 'X9', title: '已删除的指标', score: 2, change: null },
      ],
    },
  ],
};

beforeEach(() => {
  vi.mocked(api.fetchFile).mockResolvedValue({ blob: new Blob(['%PDF-']), fileName: 'x.pdf' });
  URL.createObjectURL = vi.fn(() => 'blob:x');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Y-EVAL-HISTORY: the year-over-year comparison', () => {
  it('each earlier year’s section scores by this scorecard’s sections (a gap where none matches), then this year', () => {
    expect(sectionSeries(card)).toEqual([
      { name: '2025', data: [5, null] },
      { name: '2026', data: [8, 18] },
    ]);
  });

  it('the scorecard shows the chart and the earlier year with its total, band and change; 下载 PDF fetches the PDF', async () => {
    vi.mocked(api.evaluationScorecard).mockResolvedValue(card);
    renderWithApp(<EvaluationScorecardPage />, {
      route: '/evaluation/subjects/11/scorecard',
      path: '/evaluation/subjects/:id/scorecard',
      me: city,
    });
    const history = await screen.findByTestId('eval-history');
    expect(screen.getByTestId('eval-history-chart')).toBeTruthy();
    expect(history.textContent).toContain('2025 年国培项目县评估');
    expect(history.textContent).toContain('85 / 100');
    expect(history.textContent).toContain('良好');
    expect(history.textContent).toContain('+7.5');
    fireEvent.click(screen.getByTestId('eval-download-pdf'));
    await waitFor(() =>
      expect(api.fetchFile).toHaveBeenCalledWith('/api/v1/evaluation/subjects/11/scorecard.pdf', undefined),
    );
  });

  it('without earlier results the section says so', async () => {
    vi.mocked(api.evaluationScorecard).mockResolvedValue({ ...card, history: [] });
    renderWithApp(<EvaluationScorecardPage />, {
      route: '/evaluation/subjects/11/scorecard',
      path: '/evaluation/subjects/:id/scorecard',
      me: city,
    });
    expect(await screen.findByText('暂无往年同一评价标准的已发布结果')).toBeTruthy();
  });
});

describe('导出 Excel', () => {
  it('fetches the campaign’s workbook through the API client', async () => {
    renderWithApp(<ScorecardsExcelButton campaignId="3" name="2026 年国培项目县评估" />, { me: city });
    fireEvent.click(screen.getByText('导出 Excel'));
    await waitFor(() =>
      expect(api.fetchFile).toHaveBeenCalledWith('/api/v1/evaluation/campaigns/3/scorecards.xlsx', undefined),
    );
  });
});
