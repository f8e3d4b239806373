/** The KPI report as an Excel workbook (one sheet, Chinese headers, rates as percentages; "—" unknown). */
import type { KpiQuery } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { ExcelJS } from '../../../shared/exceljs';
import type { ReportsContext } from '../context';
import { programmeKpis } from './programme-kpis';

export async function exportProgrammeKpis(
  ctx: ReportsContext,
  actor: Actor,
  programmeId: string,
  query: KpiQuery,
): Promise<{ fileName: string; body: Buffer }> {
  const r = await programmeKpis(ctx, actor, programmeId, query);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据看板');
  ws.columns = [
    { header: '单位', key: 'orgName', width: 24 },
    { header: '名额', key: 'seats', width: 8 },
    { header: '推荐人次', key: 'nominations', width: 10 },
    { header: '入选', key: 'selected', width: 8 },
    { header: '编班', key: 'enrolled', width: 8 },
    { header: '注册', key: 'registered', width: 8 },
    { header: '注册完成率', key: 'registrationRate', width: 12 },
    { header: '报到', key: 'arrived', width: 8 },
    { header: '报到率', key: 'arrivalRate', width: 10 },
    { header: '应出勤人次', key: 'sessionsExpected', width: 12 },
    { header: '实出勤人次', key: 'sessionsAttended', width: 12 },
    { header: '出勤率', key: 'attendanceRate', width: 10 },
    { header: '结业', key: 'completed', width: 8 },
    { header: '结业率', key: 'completionRate', width: 10 },
    { header: '不符合条件被拒', key: 'refusedAttempts', width: 14 },
    { header: '例外通过', key: 'overridden', width: 10 },
    { header: '缺培', key: 'noShows', width: 8 },
    { header: '未结业', key: 'notCompleted', width: 8 },
    { header: `扣分（${r.deductionRuleId}）`, key: 'deductionPoints', width: 12 },
  ];
  const pct = (x: { rate: number | null }) => (x.rate === null ? '—' : x.rate);
  for (const x of [...r.rows, r.total]) {
    ws.addRow({
      ...x,
      seats: x.seats ?? '',
      completed: x.completed ?? '—',
      registrationRate: pct(x.registrationRate),
      arrivalRate: pct(x.arrivalRate),
      attendanceRate: pct(x.attendanceRate),
      completionRate: pct(x.completionRate),
      deductionPoints: x.deductionPoints ?? '',
    });
  }
  for (const key of ['registrationRate', 'arrivalRate', 'attendanceRate', 'completionRate']) {
    ws.getColumn(key).numFmt = '0.0%';
  }
  ws.getRow(1).font = { bold: true };
  ws.getRow(ws.rowCount).font = { bold: true };
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  const levelName = { city: '市', county: '县', school: '校' }[r.level];
  return { fileName: `${r.programmeTitle}-数据看板-按${levelName}.xlsx`, body };
}
