/** The audience-filtered report as an Excel workbook (概况, schools, items …). */
import type { ExamReport } from '@yanxun/contracts';
import { gradeBandLabels, REGION_SCOPE_ZH } from '@yanxun/core/exams';
import { ExcelJS } from '../../../shared/exceljs';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '' : Math.round(x * 10000) / 100;
const num = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined ? '' : Math.round(x * 10 ** d) / 10 ** d;

/** Exactly the report the actor may see (the service built it by the audience policy), as a workbook. */
export async function buildReportWorkbook(r: ExamReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Yanxun 研训';
  const info = wb.addWorksheet('概况');
  info.columns = [
    { header: '项目', key: 'k', width: 22 },
    { header: '值', key: 'v', width: 60 },
  ];
  info.getRow(1).font = { bold: true };
  const add = (k: string, v: string | number) => info.addRow({ k, v });
  add('考试', r.exam.name);
  add('学期', r.exam.semester);
  add('学段 / 学科 / 年级', `${r.exam.stage} / ${r.exam.subject} / ${r.exam.grade}`);
  add('满分', r.exam.fullMarks);
  add('呈现方式', r.mode === 'grades' ? '等级' : r.mode === 'scores' ? '分数（不含排名）' : '完整诊断');
  // the figures below are the whole region's (全市 …), not the reader's school
  add('统计范围', `${REGION_SCOPE_ZH[r.region.scope]}（${r.region.name}）`);
  add('参考人数', r.overall.n);
  add('缺考人数', r.overall.absent);
  if (r.overall.totals) {
    add('平均分', num(r.overall.totals.mean));
    add('标准差', num(r.overall.totals.sd));
    add('中位数', num(r.overall.totals.median));
    add('优秀率 %', pct(r.overall.totals.excellentRate));
    add('及格率 %', pct(r.overall.totals.passRate));
    add('低分率 %', pct(r.overall.totals.lowRate));
  }
  if (r.overall.alpha !== null) add('信度 α', num(r.overall.alpha, 3));
  for (const g of r.overall.grades) add(`等级 ${g.grade} %`, pct(g.rate));
  add(
    '等级划分',
    gradeBandLabels(r.policy.gradeCuts)
      .map((c) => c.label)
      .join('，'),
  );
  for (const n of r.policy.notes) add('说明', n);
  add('依据', r.policy.ruleIds.join('，'));

  const schools = wb.addWorksheet('学校', { views: [{ state: 'frozen', ySplit: 1 }] });
  const gradeCols = r.policy.gradeCuts.map((c) => ({
    header: `${c.grade} %`,
    key: `g_${c.grade}`,
    width: 9,
  }));
  schools.columns = [
    ...(r.policy.ranks ? [{ header: '名次', key: 'rank', width: 6 }] : []),
    { header: '学校', key: 'school', width: 28 },
    { header: '人数', key: 'n', width: 8 },
    ...gradeCols,
    ...(r.mode !== 'grades'
      ? [
          { header: '平均分', key: 'mean', width: 9 },
          { header: '标准差', key: 'sd', width: 9 },
          { header: '优秀率 %', key: 'ex', width: 9 },
          { header: '及格率 %', key: 'pass', width: 9 },
          { header: '低分率 %', key: 'low', width: 9 },
        ]
      : []),
    ...(r.mode === 'full'
      ? [
          { header: '超均率', key: 'amr', width: 9 },
          { header: '标准分', key: 'z', width: 9 },
          { header: '增值', key: 'va', width: 9 },
          { header: '增值下限', key: 'vaLow', width: 9 },
          { header: '增值上限', key: 'vaHigh', width: 9 },
        ]
      : []),
  ];
  schools.getRow(1).font = { bold: true };
  for (const s of r.schools) {
    const row: Record<string, string | number> = {
      rank: s.rank ?? '',
      school: s.school,
      n: s.suppressed ? `—，n < ${r.policy.minGroupN}` : (s.n ?? ''),
    };
    for (const g of s.grades ?? []) row[`g_${g.grade}`] = pct(g.rate);
    if (s.totals) {
      row.mean = num(s.totals.mean);
      row.sd = num(s.totals.sd);
      row.ex = pct(s.totals.excellentRate);
      row.pass = pct(s.totals.passRate);
      row.low = pct(s.totals.lowRate);
    }
    row.amr = num(s.aboveMeanRate, 4);
    row.z = num(s.standardised, 3);
    row.va = num(s.valueAdded?.va, 3);
    row.vaLow = num(s.valueAdded?.ciLow, 3);
    row.vaHigh = num(s.valueAdded?.ciHigh, 3);
    schools.addRow(row);
  }
  if (r.items) {
    const items = wb.addWorksheet('小题');
    items.columns = [
      { header: '题号', key: 'itemId', width: 10 },
      { header: '满分', key: 'maxScore', width: 8 },
      { header: '难度', key: 'difficulty', width: 10 },
      { header: '区分度(27%)', key: 'disc', width: 12 },
      { header: '题总相关', key: 'r', width: 10 },
    ];
    items.getRow(1).font = { bold: true };
    for (const it of r.items)
      items.addRow({
        itemId: it.itemId,
        maxScore: it.maxScore,
        difficulty: num(it.difficulty, 3),
        disc: num(it.discrimination27, 3),
        r: num(it.itemTotalR, 3),
      });
  }
  if (r.warnings?.length) {
    const w = wb.addWorksheet('预警');
    w.columns = [
      { header: '规则', key: 'rule', width: 10 },
      { header: '学校', key: 'school', width: 28 },
      { header: '说明', key: 'message', width: 70 },
    ];
    w.getRow(1).font = { bold: true };
    for (const x of r.warnings) w.addRow(x);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
