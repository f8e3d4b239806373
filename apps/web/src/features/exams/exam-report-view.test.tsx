import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Exam, ExamReport, ExamUpload } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { hanOutside, renderWithApp, stubViewport } from '../../shared/test-utils';
import { ExamReportView, WarningsCard } from './exam-report-view';
import { ExamUploadResult } from './exam-upload';

// ECharts needs a real layout; the tests look at the option each chart is given instead
vi.mock('echarts-for-react/esm/core', () => ({
  default: ({ option }: { option: unknown }) => <pre data-testid="chart">{JSON.stringify(option)}</pre>,
}));

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return { ...actual, api: { ...actual.api, fetchFile: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const exam: Exam = {
  id: '7',
  name: '2026 秋季七年级数学期末',
  semester: '2026-2027-1',
  stage: 'junior',
  subject: 'math',
  grade: '七年级',
  fullMarks: 100,
  kind: 'routine',
  examDate: '2027-01-10',
  ownerOrgId: '2',
  ownerName: '清远市',
  cycleId: null,
  students: 46,
  absent: 1,
  items: 5,
  hasData: true,
  reportSettings: {},
  createdAt: '2026-11-23T00:00:00Z',
};
const cuts = [
  { grade: 'A', from: 0.85 },
  { grade: 'B', from: 0.7 },
  { grade: 'C', from: 0.6 },
  { grade: 'D', from: 0 },
];
const grades = (a: number, b: number, c: number, d: number) => {
  const n = a + b + c + d;
  return [
    { grade: 'A', count: a, rate: a / n },
    { grade: 'B', count: b, rate: b / n },
    { grade: 'C', count: c, rate: c / n },
    { grade: 'D', count: d, rate: d / n },
  ];
};
const totals = (n: number, mean: number) => ({
  n,
  mean,
  sd: 8,
  median: mean,
  max: 99,
  min: 40,
  excellentRate: 0.3,
  passRate: 0.8,
  lowRate: 0.05,
});

const schoolReport: ExamReport = {
  exam,
  audience: 'school',
  mode: 'grades',
  region: { orgId: '2', name: '清远市', scope: 'city' },
  policy: {
    id: 'exam-report-2021',
    ruleIds: ['SZ-12', 'R-002-58', 'R-002-12'],
    minGroupN: 10,
    gradeCuts: cuts,
    ranks: false,
    notes: ['义务教育阶段常规考试以等级呈现，不公布分数与排名'],
  },
  overall: { n: 46, absent: 1, grades: grades(10, 20, 10, 6), totals: null, alpha: null },
  bands: null,
  items: null,
  schools: [
    {
      schoolId: '11',
      school: '清城区第一小学',
      countyId: '3',
      suppressed: false,
      n: 12,
      grades: grades(6, 4, 2, 0),
      totals: null,
      aboveMeanRate: null,
      standardised: null,
      rank: null,
      valueAdded: null,
    },
  ],
  valueAdded: null,
  warnings: null,
};

const monitoringReport: ExamReport = {
  ...schoolReport,
  audience: 'monitoring',
  mode: 'full',
  policy: { ...schoolReport.policy, ranks: true, notes: ['人数少于 10 的群体不显示统计结果'] },
  overall: { ...schoolReport.overall, totals: totals(46, 72.5), alpha: 0.81 },
  bands: [
    { label: '60-70', from: 60, to: 70, count: 20 },
    { label: '70-80', from: 70, to: 80, count: 26 },
  ],
  items: [{ itemId: 'Q1', maxScore: 20, difficulty: 0.7, discrimination27: 0.4, itemTotalR: 0.5 }],
  schools: [
    {
      ...schoolReport.schools[0],
      totals: totals(12, 85),
      aboveMeanRate: 0.17,
      standardised: 1.2,
      rank: 1,
      valueAdded: { va: 0.4, ciLow: 0.1, ciHigh: 0.7, n: 12 },
    } as ExamReport['schools'][number],
    {
      schoolId: '12',
      school: '清城区第二小学',
      countyId: '3',
      suppressed: true,
      n: null,
      grades: null,
      totals: null,
      aboveMeanRate: null,
      standardised: null,
      rank: null,
      valueAdded: null,
    },
  ],
  valueAdded: { matched: 40, slope: 0.8, intercept: 0 },
  warnings: [],
};

describe('WarningsCard', () => {
  it('names each warning in words (低于预警线, 降幅过大), its rule code only in the tooltip', () => {
    const w = {
      examId: '4',
      examName: '期末',
      schoolId: '9',
      school: '清城中学',
      metric: 'scoreRate',
      value: 0.395,
      reference: 0.5,
      n: 120,
      message: '清城中学得分率 39.5%，低于预警线 50.0%',
    };
    renderWithApp(
      <WarningsCard
        warnings={[
          { ...w, rule: 'EW-BELOW' },
          { ...w, schoolId: '8', rule: 'EW-DROP' },
        ]}
      />,
    );
    expect(screen.getAllByTestId('warning-kind').map((e) => e.textContent)).toEqual([
      '低于预警线',
      '降幅过大',
    ]);
    expect(screen.queryByText('EW-BELOW')).toBeNull();
    expect(screen.queryByText('EW-DROP')).toBeNull();
  });
});

describe('WarningsCard in words from the rule and values', () => {
  // as the server sends them (warnings.service.ts words the Chinese sentence)
  const below = {
    rule: 'EW-BELOW',
    examId: '4',
    examName: '期末',
    schoolId: '9',
    school: '清城中学',
    metric: 'score_rate',
    value: 0.395,
    reference: 0.5,
    n: 120,
    message: '清城中学得分率 39.5%，低于预警线 50.0%',
  };
  const drop = {
    ...below,
    rule: 'EW-DROP',
    schoolId: '8',
    value: 0.3,
    reference: 0.6,
    margin: 0.05,
    message: '清城中学得分率从 60.0% 降到 30.0%，降幅超过 5 个百分点',
  };
  const sentences = () => screen.getAllByTestId('warning-sentence').map((e) => e.textContent);

  it('zh-CN: the same sentences the server wrote', () => {
    renderWithApp(<WarningsCard warnings={[below, drop]} />);
    expect(sentences()).toEqual([below.message, drop.message]);
  });

  it('en-US: no Chinese but the school’s name; the rule code is not in the sentence', () => {
    renderWithApp(<WarningsCard warnings={[below, drop]} />, { lang: 'en-US' });
    expect(sentences()).toEqual([
      '清城中学: score rate 39.5%, below the warning line of 50.0%',
      '清城中学: score rate fell from 60.0% to 30.0%, a drop of more than 5 percentage points',
    ]);
    for (const s of sentences()) expect(hanOutside(s, below.school)).toBe('');
  });

  it('a rule the web does not know keeps the server’s sentence', () => {
    renderWithApp(<WarningsCard warnings={[{ ...below, rule: 'EW-NEW' }]} />, { lang: 'en-US' });
    expect(sentences()).toEqual([below.message]);
  });
});

describe('ExamReportView (SZ-12, R-002-58)', () => {
  it('a school sees grade bands only: no rank or score columns, no score charts', () => {
    renderWithApp(<ExamReportView report={schoolReport} />);
    expect(screen.getByText('学校视图')).toBeTruthy();
    expect(screen.getByText('等级呈现')).toBeTruthy();
    const table = screen.getByTestId('schools-table');
    expect(within(table).queryByText('名次')).toBeNull();
    expect(within(table).queryByText('平均分')).toBeNull();
    expect(within(table).getAllByText('等级 A').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('50.0%').length).toBeGreaterThan(0); // 6 of 12 at A
    expect(screen.queryAllByTestId('chart')).toHaveLength(0);
    expect(screen.getByText(/不公布分数与排名/)).toBeTruthy();
  });

  it("a school's admin reads the city's figures labelled 全市, above and beside the school's own row", () => {
    renderWithApp(<ExamReportView report={schoolReport} />);
    expect(screen.getByTestId('region-overall').textContent).toBe('全市总体（清远市）');
    expect(screen.getByText('全市等级分布')).toBeTruthy();
    const table = screen.getByTestId('schools-table');
    expect(within(table).getByText('本校与全市')).toBeTruthy();
    const body = [...table.querySelectorAll('tbody tr.ant-table-row')].map((tr) => tr.textContent ?? '');
    expect(body).toHaveLength(2);
    expect(body[0]).toMatch(/^全市46/); // the region's line first, its 46 students, labelled
    expect(body[1]).toMatch(/^清城区第一小学12/);
    expect(within(table).getByTestId('region-row').textContent).toBe('全市');
  });

  it('SZ-12 grade bands read as the report settings say, the last one "D < 60%", never "D ≥ 0%"', () => {
    renderWithApp(<ExamReportView report={schoolReport} />);
    expect(screen.getByText(/等级划分：A ≥ 85%，B ≥ 70%，C ≥ 60%，D < 60%/)).toBeTruthy();
    expect(screen.queryByText(/D ≥ 0%/)).toBeNull();
  });

  it('a stage the school does not teach: no empty school table, a sentence saying why and what is shown above', () => {
    renderWithApp(<ExamReportView report={{ ...schoolReport, schools: [] }} />);
    const table = screen.getByTestId('schools-table');
    expect(table.querySelector('table')).toBeNull();
    expect(within(table).getByTestId('no-school-rows').textContent).toBe(
      '本次考试（七年级）没有本校学生的成绩：本校没有这一年级或没有参加本次考试。上方为全市总体情况，仅供参考。',
    );
    expect(screen.getByTestId('region-overall').textContent).toBe('全市总体（清远市）');
  });

  it('an office with no school of its own in the exam is told so, in its own words', () => {
    renderWithApp(<ExamReportView report={{ ...monitoringReport, schools: [] }} />);
    expect(screen.getByTestId('no-school-rows').textContent).toBe(
      '您管辖范围内没有参加本次考试的学校。上方为全市总体情况。',
    );
  });

  it('offers the report as Excel and as PDF, each from its own route', async () => {
    vi.mocked(api.fetchFile).mockResolvedValue({ blob: new Blob(['%PDF-']), fileName: null });
    renderWithApp(<ExamReportView report={schoolReport} />);
    fireEvent.click(screen.getByRole('button', { name: /导出 PDF/ }));
    await waitFor(() => expect(api.fetchFile).toHaveBeenCalledWith('/api/v1/exams/7/report.pdf', undefined));
    fireEvent.click(screen.getByRole('button', { name: /导出 Excel/ }));
    await waitFor(() => expect(api.fetchFile).toHaveBeenCalledWith('/api/v1/exams/7/report.xlsx', undefined));
  });

  it('the monitoring office sees ranks, items, the histogram and value-added error bars; small groups show "—, n < 10"', () => {
    renderWithApp(<ExamReportView report={monitoringReport} />);
    const table = screen.getByTestId('schools-table');
    expect(within(table).getAllByText('名次').length).toBeGreaterThan(0);
    expect(within(table).getAllByText('—，n < 10').length).toBeGreaterThan(0);
    const charts = screen.getAllByTestId('chart').map((c) => JSON.parse(c.textContent ?? '{}'));
    expect(charts).toHaveLength(3);
    const [hist, scatter, va] = charts;
    expect(hist.series[0].data).toEqual([20, 26]);
    expect(scatter.series[0].data).toEqual([{ name: 'Q1', value: [0.7, 0.4] }]);
    // error bars: [category, low, high] for the one school with an interval; the suppressed school has none
    expect(va.series[0].data).toEqual([[0, 0.1, 0.7]]);
    expect(va.yAxis.data).toEqual(['清城区第一小学']);
  });
});

describe('the school table in its card', () => {
  const heads = () =>
    within(screen.getByTestId('schools-table'))
      .getAllByRole('columnheader')
      .map((th) => th.textContent);

  it('at 1440 every column is there and the table takes the card’s width, no wider', () => {
    stubViewport(1440);
    renderWithApp(<ExamReportView report={monitoringReport} />);
    expect(heads()).toEqual(expect.arrayContaining(['名次', '学校', '人数', '平均分', '及格率', '标准分']));
    const table = within(screen.getByTestId('schools-table')).getByRole('table');
    expect(table.getAttribute('style') ?? '').not.toContain('max-content');
    expect(screen.getByTestId('schools-table').querySelector('[class*="ant-table-cell-fix"]')).toBeNull();
    // the school's name keeps its room (not cut to an equal share); the figures share the rest
    const widths = [...screen.getByTestId('schools-table').querySelectorAll('colgroup col')].map(
      (c) => (c as HTMLElement).style.width,
    );
    expect(widths).toContain('220px');
    expect(widths.filter((w) => w !== '').length).toBeLessThanOrEqual(3);
  });

  it('between md and xl it scrolls inside the card with the school pinned', () => {
    stubViewport(1024);
    renderWithApp(<ExamReportView report={monitoringReport} />);
    const table = within(screen.getByTestId('schools-table')).getByRole('table');
    expect(table.getAttribute('style') ?? '').toContain('max-content');
    expect(screen.getByTestId('schools-table').querySelector('[class*="ant-table-cell-fix"]')).not.toBeNull();
  });

  it('a 390 px phone reads the school and its key figures without scrolling sideways', () => {
    stubViewport(390);
    renderWithApp(<ExamReportView report={monitoringReport} />);
    expect(heads()).toEqual(['名次', '学校', '平均分', '及格率']);
  });
});

describe('ExamUploadResult', () => {
  it('lists the errors by file, row, column, value and the problem in words (ABOVE_MAX) and offers no commit', () => {
    const upload: ExamUpload = {
      id: 'u1',
      examId: '7',
      ok: false,
      students: 0,
      absent: 0,
      items: 5,
      schools: 0,
      withPrior: 0,
      errors: [
        {
          file: 'scores',
          row: 5,
          column: 'Q1',
          value: '21',
          rule: 'ABOVE_MAX',
          message: '第 5 行：Q1 的得分 21 超过满分 20',
        },
        {
          file: 'scores',
          row: 6,
          column: 'school',
          value: '不存在的学校',
          rule: 'UNKNOWN_SCHOOL',
          message: '系统中没有学校',
        },
      ],
      errorCount: 2,
      committed: false,
    };
    renderWithApp(<ExamUploadResult exam={exam} upload={upload} onCommit={() => {}} />);
    expect(screen.getByText(/发现 2 处错误/)).toBeTruthy();
    expect(screen.getByText('得分超过满分')).toBeTruthy();
    expect(screen.queryByText('ABOVE_MAX')).toBeNull();
    expect(screen.getByText('不存在的学校')).toBeTruthy();
    expect(screen.queryByText('确认写入')).toBeNull();
    expect(screen.getByText('下载错误报告')).toBeTruthy();
  });

  it('a clean dry run shows the counts and the commit button', () => {
    const upload: ExamUpload = {
      id: 'u2',
      examId: '7',
      ok: true,
      students: 46,
      absent: 1,
      items: 5,
      schools: 4,
      withPrior: 0,
      errors: [],
      errorCount: 0,
      committed: false,
    };
    renderWithApp(<ExamUploadResult exam={exam} upload={upload} onCommit={() => {}} />);
    expect(screen.getByText(/46 名学生（缺考 1 人），4 所学校，5 道小题/)).toBeTruthy();
    expect(screen.getByText('确认写入')).toBeTruthy();
  });
});
