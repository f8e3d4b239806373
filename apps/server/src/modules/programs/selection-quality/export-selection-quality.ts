import type { SelectionQualityQuery } from '@yanxun/contracts';
import { PROJECT_COUNTY_DEDUCTION } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { ExcelJS } from '../../../shared/exceljs';
import type { ProgramsContext } from '../context';
import { loadProgramme } from '../programme-access';
import { selectionQuality } from './selection-quality';

/** The selection-quality report as an Excel workbook (one sheet, Chinese headers). */
export async function exportSelectionQuality(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  query: SelectionQualityQuery,
): Promise<{ fileName: string; body: Buffer }> {
  const report = await selectionQuality(ctx, actor, id, query);
  const p = await loadProgramme(ctx, actor, id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('遴选质量');
  ws.columns = [
    { header: '单位', key: 'orgName', width: 24 },
    { header: '名额', key: 'seats', width: 8 },
    { header: '推荐人次', key: 'nominations', width: 10 },
    { header: '入选', key: 'selected', width: 8 },
    { header: '候选', key: 'candidates', width: 8 },
    { header: '差额未入选', key: 'notSelected', width: 10 },
    { header: '候补', key: 'waitlisted', width: 8 },
    { header: '撤回', key: 'withdrawn', width: 8 },
    { header: '被替换', key: 'replaced', width: 8 },
    { header: '例外通过', key: 'overridden', width: 10 },
    { header: '不符合条件被拒', key: 'refusedAttempts', width: 14 },
    { header: '缺培', key: 'noShows', width: 8 },
    { header: '未结业', key: 'notCompleted', width: 8 },
    { header: '少报', key: 'underReported', width: 8 },
    { header: `扣分（${PROJECT_COUNTY_DEDUCTION.maxPoints.ruleId}）`, key: 'points', width: 12 },
    { header: `得分（满分 ${PROJECT_COUNTY_DEDUCTION.maxPoints.value}）`, key: 'score', width: 14 },
  ];
  for (const r of report.rows) {
    ws.addRow({
      ...r,
      seats: r.seats ?? '',
      underReported: r.deduction?.items.find((i) => i.code === 'under_reported')?.personTimes ?? '',
      points: r.deduction?.points ?? '',
      score: r.deduction?.score ?? '',
    });
  }
  ws.getRow(1).font = { bold: true };
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${p.title}-遴选质量.xlsx`, body };
}
