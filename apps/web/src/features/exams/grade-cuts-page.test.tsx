import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ExamReport, GradeCutPreview, ParentResults } from '@yanxun/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shared/api';
import { renderWithApp } from '../../shared/test-utils';
import { checkCuts, DEFAULT_CUTS, GradeCutsEditor, toCuts } from './grade-cuts-page';
import { ParentResultsView } from './parent-page';

vi.mock('../../shared/api', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/api')>();
  return {
    ...actual,
    api: {
      examGradePreview: vi.fn(),
      saveExamReportSettings: vi.fn(),
      examRelease: vi.fn(),
      setExamRelease: vi.fn(),
    },
  };
});

afterEach(cleanup);

const report = {
  exam: {
    id: '7',
    name: '七年级数学期末',
    fullMarks: 120,
    students: 46,
    kind: 'routine',
    reportSettings: {},
  },
  audience: 'monitoring',
  policy: { gradeCuts: toCuts(DEFAULT_CUTS), minGroupN: 10 },
} as unknown as ExamReport;

describe('grade cut-offs: validation (SZ-12 bands, validateGradeCuts rules)', () => {
  it('accepts the defaults and the boundaries 100 % and 0 %', () => {
    expect(checkCuts(DEFAULT_CUTS)).toBeNull();
    expect(
      checkCuts([
        { grade: 'A', percent: 100 },
        { grade: 'B', percent: 0 },
      ]),
    ).toBeNull();
  });

  it('refuses non-monotone, out-of-range, duplicate names, a last band above 0, one band', () => {
    expect(
      checkCuts([
        { grade: 'A', percent: 60 },
        { grade: 'B', percent: 70 },
        { grade: 'C', percent: 0 },
      ]),
    ).toBe('grades.err.order');
    expect(
      checkCuts([
        { grade: 'A', percent: 70 },
        { grade: 'B', percent: 70 },
        { grade: 'C', percent: 0 },
      ]),
    ).toBe('grades.err.order');
    expect(
      checkCuts([
        { grade: 'A', percent: 100.5 },
        { grade: 'B', percent: 0 },
      ]),
    ).toBe('grades.err.range');
    expect(
      checkCuts([
        { grade: 'A', percent: 80 },
        { grade: 'A', percent: 0 },
      ]),
    ).toBe('grades.err.name');
    expect(
      checkCuts([
        { grade: 'A', percent: 80 },
        { grade: 'B', percent: 10 },
      ]),
    ).toBe('grades.err.last');
    expect(checkCuts([{ grade: 'A', percent: 0 }])).toBe('grades.err.count');
  });

  it('percent → fraction without float noise', () => {
    expect(toCuts([{ grade: 'A', percent: 62.5 }])[0]?.from).toBe(0.625);
    expect(toCuts([{ grade: 'A', percent: 85 }])[0]?.from).toBe(0.85);
  });
});

describe('grade cut-off page: preview before saving', () => {
  it('save stays disabled until the current values are previewed; an edit needs a new preview', {
    timeout: 20_000,
  }, async () => {
    vi.mocked(api.examRelease).mockResolvedValue({
      examId: '7',
      publicAt: null,
      publicStale: false,
      parentsAt: null,
      publicBlocked: null,
      summary: null,
    });
    const preview: GradeCutPreview = {
      examId: '7',
      fullMarks: 120,
      gradeCuts: toCuts(DEFAULT_CUTS),
      minGroupN: 10,
      n: 46,
      overall: [
        { grade: 'A', count: 10, rate: 10 / 46 },
        { grade: 'B', count: 16, rate: 16 / 46 },
        { grade: 'C', count: 10, rate: 10 / 46 },
        { grade: 'D', count: 10, rate: 10 / 46 },
      ],
      current: null,
      schools: [{ schoolId: '3', school: '清城一中', suppressed: true, n: null, grades: null }],
    };
    vi.mocked(api.examGradePreview).mockResolvedValue(preview);
    vi.mocked(api.saveExamReportSettings).mockResolvedValue(report.exam);
    renderWithApp(<GradeCutsEditor report={report} />);
    // 85 % of 120 = 102
    expect(screen.getByText('102.0')).toBeTruthy();
    const save = () => screen.getByText('保 存').closest('button') as HTMLButtonElement;
    expect(save().disabled).toBe(true);
    fireEvent.click(screen.getByText('预览分布'));
    await waitFor(() => expect(screen.getByText('16（34.8%）')).toBeTruthy());
    expect(screen.getByText('—，n < 10')).toBeTruthy();
    // the preview words the bands as every page does (gradeBandLabels): the last one "< 60%", not "≥ 0.0%"
    expect(screen.getByText('≥ 85%')).toBeTruthy();
    expect(screen.getByText('< 60%')).toBeTruthy();
    expect(screen.queryByText(/≥ 0/)).toBeNull();
    expect(save().disabled).toBe(false);
    // an edit: the old preview no longer counts
    fireEvent.change(screen.getByLabelText('得分率下限（%） 1'), { target: { value: '90' } });
    await waitFor(() => expect(save().disabled).toBe(true));
    fireEvent.click(screen.getByText('预览分布'));
    await waitFor(() => expect(save().disabled).toBe(false));
    expect(vi.mocked(api.examGradePreview).mock.calls[1]?.[1]).toEqual({
      gradeCuts: [
        { grade: 'A', from: 0.9 },
        { grade: 'B', from: 0.7 },
        { grade: 'C', from: 0.6 },
        { grade: 'D', from: 0 },
      ],
    });
    fireEvent.click(save());
    await waitFor(() => expect(api.saveExamReportSettings).toHaveBeenCalled());
    expect(vi.mocked(api.saveExamReportSettings).mock.calls[0]?.[1]).toMatchObject({
      gradeCuts: [{ grade: 'A', from: 0.9 }, {}, {}, { grade: 'D', from: 0 }],
      minGroupN: 10,
    });
  });

  it('a non-monotone edit shows the error and disables preview', async () => {
    vi.mocked(api.examRelease).mockResolvedValue({
      examId: '7',
      publicAt: null,
      publicStale: false,
      parentsAt: null,
      publicBlocked: null,
      summary: null,
    });
    renderWithApp(<GradeCutsEditor report={report} />);
    fireEvent.change(screen.getByLabelText('得分率下限（%） 2'), { target: { value: '90' } });
    await waitFor(() => expect(screen.getByText('等级下限须从高到低严格递减')).toBeTruthy());
    expect((screen.getByText('预览分布').closest('button') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('parent results view (SZ-12, R-002-58)', () => {
  it('shows the grade band and 缺考, no score where the server sent none', () => {
    const data: ParentResults = {
      studentId: 'P0-0',
      labels: { '7': { stage: '初中', stageEn: 'Junior', subject: '数学', subjectEn: 'Mathematics' } },
      notes: ['本页只显示您孩子本人的结果，不提供排名'],
      ruleIds: ['SZ-12', 'R-002-58'],
      entries: [
        {
          examId: '7',
          name: '七年级数学期末',
          semester: '2026-2027-1',
          stage: 'junior',
          subject: 'math',
          gradeLevel: '七年级',
          examDate: '2027-01-10',
          mode: 'grades',
          absent: false,
          grade: 'B',
          gradeCuts: toCuts(DEFAULT_CUTS),
          score: null,
          fullMarks: null,
        },
      ],
    };
    renderWithApp(<ParentResultsView data={data} />);
    expect(screen.getByLabelText('等级 B')).toBeTruthy();
    expect(screen.getByText('数学')).toBeTruthy();
    expect(screen.queryByText(/得分/)).toBeNull();
    expect(screen.getByText('等级说明：A ≥ 85%，B ≥ 70%，C ≥ 60%，D < 60%')).toBeTruthy();
  });
});
