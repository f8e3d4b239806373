/** The training overview as a workbook: one sheet per programme list and one per level, "—" where there is no figure. */
import type { OverviewLevel, OverviewQuery } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { ExcelJS } from '../../../shared/exceljs';
import type { ReportsContext } from '../context';
import { type Level, trainingOverview } from './training-overview';

const LEVEL_NAMES: Record<Level, string> = {
  national: '国培计划',
  provincial: '省培计划',
  city: '市培计划',
  county: '县培计划',
  school: '校本研修',
  studio: '工作室研修',
};

export async function exportTrainingOverview(
  ctx: ReportsContext,
  actor: Actor,
  query: OverviewQuery,
): Promise<{ fileName: string; body: Buffer }> {
  const o = await trainingOverview(ctx, actor, query);
  const wb = new ExcelJS.Workbook();
  const pct = (x: { rate: number | null }) => (x.rate === null ? '—' : x.rate);
  const yuan = (fen: number | null) => (fen === null ? '—' : fen / 100);
  const common = [
    { header: '名额', key: 'seats', width: 8 },
    { header: '已用名额', key: 'seatsUsed', width: 10 },
    { header: '编班', key: 'enrolled', width: 8 },
    { header: '报到', key: 'arrived', width: 8 },
    { header: '报到率', key: 'arrivalRate', width: 10 },
    { header: '结业判定', key: 'assessed', width: 10 },
    { header: '结业', key: 'completed', width: 8 },
    { header: '结业率', key: 'completionRate', width: 10 },
    { header: '登记学时', key: 'hours', width: 10 },
    { header: '预算（元）', key: 'budget', width: 14 },
    { header: '支出（元）', key: 'spent', width: 14 },
    { header: '培训班', key: 'classes', width: 8 },
    { header: '逾期事项', key: 'overdue', width: 10 },
  ];
  type Row = Omit<OverviewLevel, 'level' | 'programmes'>;
  const cells = (r: Row) => ({
    seats: r.seats,
    seatsUsed: r.seatsUsed,
    enrolled: r.enrolled,
    arrived: r.arrived,
    arrivalRate: pct(r.arrivalRate),
    assessed: r.assessed,
    completed: r.completed,
    completionRate: pct(r.completionRate),
    hours: r.hoursTenths / 10,
    budget: yuan(r.budgetFen),
    spent: yuan(r.spentFen),
    classes: r.classes ?? '—',
    overdue: r.overdueDeadlines ?? '—',
  });
  const ws = wb.addWorksheet('培训项目');
  ws.columns = [
    { header: '级别', key: 'level', width: 12 },
    { header: '培训项目', key: 'title', width: 36 },
    { header: '主办单位', key: 'owner', width: 18 },
    { header: '开始', key: 'start', width: 12 },
    { header: '结束', key: 'end', width: 12 },
    ...common,
  ];
  for (const p of o.programmes) {
    ws.addRow({
      level: LEVEL_NAMES[p.level],
      title: p.title,
      owner: p.ownerOrgName,
      start: p.startDate,
      end: p.endDate,
      ...cells(p),
    });
  }
  ws.addRow({ level: '合计', ...cells(o.total) });
  const wl = wb.addWorksheet('按级别');
  wl.columns = [
    { header: '级别', key: 'level', width: 12 },
    { header: '项目数', key: 'programmes', width: 8 },
    ...common,
  ];
  for (const l of o.levels) {
    wl.addRow({ level: LEVEL_NAMES[l.level], programmes: l.programmes, ...cells(l) });
  }
  for (const sheet of [ws, wl]) {
    sheet.getColumn('arrivalRate').numFmt = '0.0%';
    sheet.getColumn('completionRate').numFmt = '0.0%';
    sheet.getRow(1).font = { bold: true };
    sheet.addRow([]);
    sheet.addRow([
      '说明：名额、人数、学时为本单位辖区内的数；"—"表示尚无数据（未编班、尚未进行结业判定）或无权查看（上级主办项目的经费与进度）。结业率 = 结业人数 ÷ 已进行结业判定的人数。',
    ]);
  }
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `培训总览-${o.year ?? ''}.xlsx`, body };
}
