import type { ExamReport, ReportSchoolRow } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/pdf-text';
import { buildReportPdf, noRanksFooter, reportDocDefinition } from './report-pdf';

const cuts = [
  { grade: 'A', from: 0.85 },
  { grade: 'B', from: 0.7 },
  { grade: 'C', from: 0.6 },
  { grade: 'D', from: 0 },
];
const grades = (n: number) =>
  cuts.map((c, i) => ({ grade: c.grade, count: i === 0 ? n : 0, rate: i === 0 ? 1 : 0 }));
const totals = {
  n: 12,
  mean: 81.5,
  sd: 6.2,
  median: 82,
  max: 95,
  min: 70,
  excellentRate: 0.4,
  passRate: 1,
  lowRate: 0,
};

function school(name: string, over: Partial<ReportSchoolRow> = {}): ReportSchoolRow {
  return {
    schoolId: name,
    school: name,
    countyId: 'c1',
    suppressed: false,
    n: 12,
    grades: grades(12),
    totals,
    aboveMeanRate: 0.05,
    standardised: 0.4,
    rank: null,
    valueAdded: null,
    ...over,
  };
}

/** A report as buildReport would cut it for the given mode (the PDF only lays out what it is given). */
function report(mode: ExamReport['mode'], schools: ReportSchoolRow[]): ExamReport {
  const full = mode === 'full';
  return {
    exam: {
      id: 'E1',
      name: '七年级数学期末',
      semester: '2026-2027-1',
      stage: 'junior',
      subject: 'math',
      grade: '七年级',
      fullMarks: 100,
      kind: full ? 'monitoring' : 'routine',
      examDate: '2027-01-10',
      ownerOrgId: 'O1',
      ownerName: '清远市',
      cycleId: null,
      students: 21,
      absent: 1,
      items: 2,
      hasData: true,
      reportSettings: {},
      createdAt: '2027-01-01T00:00:00Z',
    },
    audience: full ? 'monitoring' : 'school',
    mode,
    region: { orgId: 'O1', name: '清远市', scope: 'city' },
    policy: {
      id: 'P',
      ruleIds: ['SZ-12', 'R-002-58', 'R-002-12'],
      minGroupN: 10,
      gradeCuts: cuts,
      ranks: full,
      notes: ['人数少于 10 的群体不显示统计结果'],
    },
    overall: {
      n: 21,
      absent: 1,
      grades: grades(21),
      totals: mode === 'grades' ? null : totals,
      alpha: full ? 0.8 : null,
    },
    bands: null,
    items: full
      ? [
          { itemId: 'Q1', maxScore: 20, difficulty: 0.8123, discrimination27: 0.4321, itemTotalR: 0.5 },
          { itemId: 'Q2', maxScore: 80, difficulty: 0.6, discrimination27: 0.2, itemTotalR: null },
        ]
      : null,
    schools,
    valueAdded: null,
    warnings: full ? [] : null,
  };
}

const heads = (d: Record<string, unknown>): string[] => {
  const tables = (d.content as { table?: { body: unknown[][] } }[]).filter((c) => c.table);
  const schoolTable = tables.find((t) =>
    (t.table?.body[0] ?? []).some((h) => (h as { text?: string }).text === '学校'),
  );
  return (schoolTable?.table?.body[0] ?? []).map((h) => (h as { text: string }).text);
};
const footer = (d: Record<string, unknown>) =>
  JSON.stringify((d.footer as (p: number, n: number) => unknown)(1, 2));

describe('report PDF document definition follows the audience-filtered report (SZ-12, R-002-58)', () => {
  it('grade mode (school audience): grade columns only, no rank or score column, footer says SZ-12 and R-002-58 in words', () => {
    const d = reportDocDefinition(report('grades', [school('清城一中', { totals: null })]), '2027-01-20');
    expect(d.pageSize).toBe('A4');
    expect(heads(d)).toEqual(['学校', '人数', 'A 等', 'B 等', 'C 等', 'D 等']);
    const text = JSON.stringify(d.content);
    expect(text).not.toContain('名次');
    expect(text).not.toContain('平均分');
    expect(text).not.toContain('小题');
    expect(text).toContain('等级分布');
    // the region's figures are labelled as the region's (全市), and the bands worded once: "D < 60%", not "≥ 0%"
    expect(text).toContain('{"text":"统计范围","color":"#555"},"全市（清远市）"');
    expect(text).toContain('全市等级分布');
    expect(text).toContain('等级划分：A ≥ 85%，B ≥ 70%，C ≥ 60%，D < 60%');
    expect(text).not.toContain('≥ 0%');
    expect(footer(d)).toContain('义务教育阶段考试成绩呈现实行等级制，且不公布成绩排名');
    expect(footer(d)).not.toMatch(/SZ-12|R-002-58/);
    expect(footer(d)).toContain('第 1 / 2 页');
  });

  it('scores mode: 一分三率 columns, still no ranks (R-002-58 in the footer), no diagnostics', () => {
    const d = reportDocDefinition(report('scores', [school('清城一中')]), '2027-01-20');
    expect(heads(d)).toEqual([
      '学校',
      '人数',
      'A 等',
      'B 等',
      'C 等',
      'D 等',
      '平均分',
      '标准差',
      '优秀率',
      '及格率',
      '低分率',
    ]);
    expect(JSON.stringify(d.content)).toContain('总体统计与一分三率');
    expect(footer(d)).toContain('按规定不公布成绩排名，本报告不含排名。');
    expect(footer(d)).not.toContain('等级制');
  });

  it('full diagnostics (monitoring): rank column, items table, no rule footer; landscape', () => {
    const r = report('full', [school('甲校', { rank: 1 }), school('乙校', { rank: 2 })]);
    const d = reportDocDefinition(r, '2027-01-20');
    expect(heads(d)[0]).toBe('名次');
    expect(heads(d)).toContain('增值 [95% 区间]');
    const text = JSON.stringify(d.content);
    expect(text).toContain('小题难度与区分度');
    expect(text).toContain('0.812'); // difficulty of Q1, 3 decimals
    expect(text).toContain('0.432'); // discrimination (27 %) of Q1
    expect(noRanksFooter(r)).toBeNull();
    expect(footer(d)).not.toContain('排名');
    expect(d.pageOrientation).toBe('landscape');
  });

  it('a suppressed school shows one cell "—，n < N" over every number, nothing else (n = 9 < 10)', () => {
    const small = school('小校', {
      suppressed: true,
      n: null,
      grades: null,
      totals: null,
      aboveMeanRate: null,
      standardised: null,
    });
    const d = reportDocDefinition(report('full', [school('甲校', { rank: 1 }), small]), '2027-01-20');
    const table = (d.content as { table?: { body: unknown[][] } }[]).find((c) =>
      JSON.stringify(c.table?.body[0] ?? []).includes('学校'),
    );
    const row = table?.table?.body.find((r) => JSON.stringify(r).includes('小校')) ?? [];
    expect(row).toHaveLength(heads(d).length);
    expect(row[2]).toMatchObject({ text: '—，n < 10', colSpan: heads(d).length - 2 });
    expect(row.slice(3).every((c) => c === '')).toBe(true);
  });

  it('renders an A4 PDF with the Chinese font embedded, whose text reads back', async () => {
    const pdf = await buildReportPdf(report('grades', [school('清城一中', { totals: null })]), '2027-01-20');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.includes('NotoSansSC')).toBe(true);
    expect(pdf.includes('/MediaBox [0 0 595.28 841.89]')).toBe(true); // A4 portrait
    const text = pdfText(pdf);
    expect(text).toContain('七年级数学期末 质量分析报告');
    expect(text).toContain('清城一中');
    expect(text).toContain('等级制');
  });
});
