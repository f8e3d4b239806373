/**
 * The audience's report as a PDF. `reportDocDefinition` is pure: it takes the report the service
 * already cut for the caller's audience (`buildReport`, SZ-12 / R-002-58 / suppression) and lays out only what is
 * in it — it never sees the unfiltered analysis. `buildReportPdf` renders it through `shared/pdf.ts` (A4, Noto Sans
 * SC subset-embedded).
 */
import type { ExamReport, ReportSchoolRow } from '@yanxun/contracts';
import { gradeBandLabels, REGION_SCOPE_ZH } from '@yanxun/core/exams';
import { renderPdf } from '../../../shared/pdf';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
const num = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? '—' : (Math.round(x * 10 ** d) / 10 ** d).toFixed(d);

const MODE: Record<ExamReport['mode'], string> = {
  grades: '等级（不公布分数与排名）',
  scores: '分数（不含排名）',
  full: '完整诊断',
};
const AUDIENCE: Record<ExamReport['audience'], string> = {
  monitoring: '质量监测机构',
  school: '学校',
  parent: '家长',
  public: '公众',
};
const KIND: Record<ExamReport['exam']['kind'], string> = { routine: '常规考试', monitoring: '质量监测' };

/** The text under every page when ranks are hidden from this audience (R-002-58; grade mode also SZ-12), in words. */
export function noRanksFooter(r: ExamReport): string | null {
  if (r.policy.ranks) return null;
  return r.mode === 'grades'
    ? '义务教育阶段考试成绩呈现实行等级制，且不公布成绩排名：本报告以等级呈现，不含分数与排名。'
    : '按规定不公布成绩排名，本报告不含排名。';
}

type Cell = Record<string, unknown> | string;
const th = (text: string): Cell => ({ text, style: 'th' });

function factsTable(rows: [string, string][]) {
  return {
    table: {
      widths: [110, '*'],
      body: rows.map(([k, v]) => [{ text: k, color: '#555' }, v]),
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 10],
  };
}

/** Column heads and the cells of one school row, exactly the columns this report's mode shows. */
function schoolColumns(r: ExamReport) {
  const heads: Cell[] = [];
  if (r.policy.ranks) heads.push(th('名次'));
  heads.push(th('学校'), th('人数'));
  const numberHeads: Cell[] = [
    ...r.policy.gradeCuts.map((c) => th(`${c.grade} 等`)),
    ...(r.mode !== 'grades' ? ['平均分', '标准差', '优秀率', '及格率', '低分率'].map(th) : []),
    ...(r.mode === 'full' ? ['超均率', '标准分', '增值 [95% 区间]'].map(th) : []),
  ];
  const row = (s: ReportSchoolRow): Cell[] => {
    const out: Cell[] = [];
    if (r.policy.ranks) out.push(s.rank === null ? '—' : String(s.rank));
    out.push(s.school);
    if (s.suppressed) {
      // one cell over n and every number: "—，n < N" (the group is too small to show anything)
      const span = numberHeads.length + 1;
      out.push({ text: `—，n < ${r.policy.minGroupN}`, colSpan: span, alignment: 'center', color: '#777' });
      for (let i = 1; i < span; i++) out.push('');
      return out;
    }
    out.push(s.n === null ? '—' : String(s.n));
    for (const c of r.policy.gradeCuts) out.push(pct(s.grades?.find((g) => g.grade === c.grade)?.rate));
    if (r.mode !== 'grades') {
      const t = s.totals;
      out.push(num(t?.mean), num(t?.sd), pct(t?.excellentRate), pct(t?.passRate), pct(t?.lowRate));
    }
    if (r.mode === 'full') {
      const va = s.valueAdded;
      out.push(
        num(s.aboveMeanRate, 4),
        num(s.standardised, 3),
        va ? `${num(va.va, 2)} [${num(va.ciLow, 2)}, ${num(va.ciHigh, 2)}]` : '—',
      );
    }
    return out;
  };
  return { heads: [...heads, ...numberHeads], row };
}

/** pdfmake document definition of exactly the given (audience-filtered) report. Pure. */
export function reportDocDefinition(r: ExamReport, generatedOn: string): Record<string, unknown> {
  const e = r.exam;
  const content: unknown[] = [
    { text: `${e.name} 质量分析报告`, style: 'title' },
    {
      text: `受众：${AUDIENCE[r.audience]}　呈现方式：${MODE[r.mode]}　生成日期：${generatedOn}`,
      style: 'sub',
    },
    { text: '考试概况', style: 'h2' },
    factsTable([
      ['组织单位', e.ownerName],
      ['学期', e.semester],
      ['学段 / 学科 / 年级', `${e.stage} / ${e.subject} / ${e.grade}`],
      ['考试类型', KIND[e.kind]],
      ['考试日期', e.examDate ?? '—'],
      ['满分', String(e.fullMarks)],
      ['统计范围', `${REGION_SCOPE_ZH[r.region.scope]}（${r.region.name}）`],
      ['参考人数', String(r.overall.n)],
      ['缺考人数', String(r.overall.absent)],
    ]),
  ];

  // totals / 一分三率, or the grade mix in grade mode; nothing at all when the whole exam is a small group
  const tot = r.overall.totals;
  const overallSmall = !tot && r.overall.grades.length === 0;
  const whole = REGION_SCOPE_ZH[r.region.scope];
  content.push({ text: `${whole}${r.mode === 'grades' ? '等级分布' : '总体统计与一分三率'}`, style: 'h2' });
  if (overallSmall) content.push({ text: `—，n < ${r.policy.minGroupN}`, margin: [0, 0, 0, 10] });
  if (tot) {
    const rows: [string, string][] = [
      ['平均分', num(tot.mean)],
      ['标准差', num(tot.sd)],
      ['中位数', num(tot.median)],
      ['最高分 / 最低分', `${num(tot.max, 1)} / ${num(tot.min, 1)}`],
      ['优秀率', pct(tot.excellentRate)],
      ['及格率', pct(tot.passRate)],
      ['低分率', pct(tot.lowRate)],
    ];
    if (r.overall.alpha !== null) rows.push(['信度 α', num(r.overall.alpha, 3)]);
    content.push(factsTable(rows));
  }
  if (r.overall.grades.length > 0) {
    content.push({
      table: {
        headerRows: 1,
        body: [
          [th('等级'), ...r.overall.grades.map((g) => th(g.grade))],
          ['划分', ...gradeBandLabels(r.policy.gradeCuts).map((c) => c.range)],
          ['人数', ...r.overall.grades.map((g) => String(g.count))],
          ['比例', ...r.overall.grades.map((g) => pct(g.rate))],
        ],
      },
      layout: 'lightHorizontalLines',
      unbreakable: true,
      margin: [0, 0, 0, 10],
    });
  }

  const cols = schoolColumns(r);
  content.push({ text: '学校', style: 'h2' });
  if (r.schools.length === 0) content.push({ text: '（无可显示的学校）', color: '#777' });
  else
    content.push({
      table: { headerRows: 1, body: [cols.heads, ...r.schools.map(cols.row)] },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    });

  if (r.items) {
    content.push({ text: '小题难度与区分度', style: 'h2' });
    content.push({
      table: {
        headerRows: 1,
        body: [
          ['题号', '满分', '难度', '区分度（27%）', '题总相关'].map(th),
          ...r.items.map((it) => [
            it.itemId,
            String(it.maxScore),
            num(it.difficulty, 3),
            num(it.discrimination27, 3),
            num(it.itemTotalR, 3),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    });
  }
  if (r.valueAdded)
    content.push({
      text: `增值评价：${r.valueAdded.matched} 名学生有前测成绩，回归 当前 = ${num(r.valueAdded.intercept, 3)} + ${num(r.valueAdded.slope, 3)} × 前测（标准分）`,
      fontSize: 9,
      margin: [0, 0, 0, 10],
    });
  if (r.warnings && r.warnings.length > 0) {
    content.push({ text: '预警', style: 'h2' });
    content.push({
      table: {
        headerRows: 1,
        widths: [50, 120, '*'],
        body: [['规则', '学校', '说明'].map(th), ...r.warnings.map((w) => [w.rule, w.school, w.message])],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 10],
    });
  }
  content.push({ text: '说明', style: 'h2' });
  content.push({ ul: r.policy.notes, fontSize: 9 });
  content.push({
    text: `等级划分：${gradeBandLabels(r.policy.gradeCuts)
      .map((c) => c.label)
      .join('，')}；依据：${r.policy.ruleIds.join('，')}`,
    fontSize: 9,
    margin: [0, 4, 0, 0],
  });

  const rule = noRanksFooter(r);
  return {
    pageSize: 'A4',
    // full diagnostics carry up to 15 school columns: landscape; otherwise portrait
    pageOrientation: r.mode === 'full' ? 'landscape' : 'portrait',
    pageMargins: [40, 40, 40, 50],
    info: { title: `${e.name} 质量分析报告`, creator: 'Yanxun 研训' },
    content,
    footer: (page: number, pages: number) => ({
      margin: [40, 10, 40, 0],
      fontSize: 8,
      color: '#555',
      columns: [
        { text: rule ?? '', width: '*' },
        { text: `第 ${page} / ${pages} 页`, width: 60, alignment: 'right' },
      ],
    }),
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      sub: { fontSize: 9, color: '#555', margin: [0, 0, 0, 12] },
      h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 6] },
      th: { bold: true },
    },
    defaultStyle: { fontSize: 10 },
  };
}

export function buildReportPdf(r: ExamReport, generatedOn: string): Promise<Buffer> {
  return renderPdf(reportDocDefinition(r, generatedOn));
}
