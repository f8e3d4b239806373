/**
 * A campaign's scorecards as one workbook for its owner (streamed): 汇总 (rank, total, band, each section, the
 * raters' spread, outliers, moderation, the year before), 指标得分 (subject × unit: raw, deductions, final, how,
 * rule IDs, evidence count) and 历年对比. Every figure is the JSON scorecard's (`scorecardsOfCampaign`); audited.
 */
import type { Scorecard } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { streamedWorkbook, type Worksheet } from '../../shared/exceljs';
import { dateOf, shownDateTime } from '../../shared/time';
import { loadCampaign, STATUS_LABELS } from './campaign-access';
import type { EvaluationContext } from './context';
import { ranked } from './results';
import { scorecardsOfCampaign } from './scorecard';

type Cell = string | number | null;

const joined = (xs: readonly string[]) => xs.join('、');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** What the summary row says of the raters' spread: the widest range, the outlying units, the moderated ones. */
export function spreadOf(card: Scorecard) {
  const ranges = card.units.flatMap((u) => (u.range === null ? [] : [u.range]));
  return {
    widestRange: ranges.length > 0 ? Math.max(...ranges) : null,
    outliers: card.units.filter((u) => u.ratings.some((r) => r.outlier)).map((u) => u.unitId),
    moderated: card.units.filter((u) => u.moderated !== null).map((u) => u.unitId),
  };
}

/** How a unit's ratings read in a cell: 'e_exp1 10；e_exp3 2（离群）'. */
export const ratingsText = (u: Scorecard['units'][number]) =>
  u.ratings.map((r) => `${r.rater} ${r.score}${r.outlier ? '（离群）' : ''}`).join('；');

function addRows(sheet: Worksheet, rows: Record<string, Cell>[]) {
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for (const r of rows) sheet.addRow(r).commit();
}

/** The owner's workbook of every scorecard of the campaign; 404 for anyone who may not read the campaign. */
export async function exportCampaignScorecards(
  ctx: EvaluationContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; body: Buffer }> {
  const c = await loadCampaign(ctx, actor, id);
  const cards = await scorecardsOfCampaign(ctx, c);
  const rows = ranked(
    cards.map((card) => ({ subjectName: card.subjectName, score: card.score, percent: card.percent, card })),
  );
  const sections = cards[0]?.sections ?? [];
  const { wb, finish } = streamedWorkbook();
  const frozen = { views: [{ state: 'frozen' as const, ySplit: 1 }] };

  const summary = wb.addWorksheet('汇总', frozen);
  summary.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: '评价对象', key: 'subject', width: 24 },
    { header: '总分', key: 'score', width: 8 },
    { header: '满分', key: 'max', width: 8 },
    { header: '得分率（%）', key: 'percent', width: 10 },
    { header: '等级', key: 'band', width: 10 },
    ...sections.map((s) => ({ header: `${s.id} ${s.title}（${s.itemMax}）`, key: `s:${s.id}`, width: 14 })),
    { header: '评审专家数', key: 'raters', width: 10 },
    { header: '最大极差', key: 'range', width: 10 },
    { header: '离群评分（指标）', key: 'outliers', width: 18 },
    { header: '合议', key: 'moderated', width: 6 },
    { header: '合议指标', key: 'moderatedUnits', width: 16 },
    { header: '否决项', key: 'vetoes', width: 16 },
    { header: '申诉', key: 'appeals', width: 6 },
    { header: '上一年度总分', key: 'lastScore', width: 12 },
    { header: '较上一年度', key: 'lastChange', width: 10 },
  ];
  addRows(
    summary,
    rows.map(({ rank, card }) => {
      const spread = spreadOf(card);
      const last = card.history?.at(-1);
      const row: Record<string, Cell> = {
        rank,
        subject: card.subjectName,
        score: card.score,
        max: card.max,
        percent: card.percent,
        band: card.band.label,
        raters: card.raters,
        range: spread.widestRange,
        outliers: joined(spread.outliers),
        moderated: spread.moderated.length > 0 ? '是' : '否',
        moderatedUnits: joined(spread.moderated),
        vetoes: joined(card.vetoes.filter((v) => v.triggered && !v.cleared).map((v) => v.label)),
        appeals: card.appeals.length,
        lastScore: last ? last.score : null,
        lastChange: last ? last.change : null,
      };
      for (const s of card.sections) row[`s:${s.id}`] = s.score;
      return row;
    }),
  );
  summary.addRow([]).commit();
  summary
    .addRow([
      `${c.name}（${STATUS_LABELS[c.status] ?? c.status}）；排名按得分率、总分，同分同名次；导出于 ${shownDateTime(ctx.now())}。`,
    ])
    .commit();
  summary.commit();

  const items = wb.addWorksheet('指标得分', frozen);
  items.columns = [
    { header: '评价对象', key: 'subject', width: 24 },
    { header: '一级指标', key: 'section', width: 16 },
    { header: '指标', key: 'unitId', width: 8 },
    { header: '指标名称', key: 'title', width: 28 },
    { header: '分值', key: 'max', width: 6 },
    { header: '原始分', key: 'raw', width: 8 },
    { header: '扣分', key: 'deducted', width: 6 },
    { header: '得分', key: 'final', width: 6 },
    { header: '专家评分', key: 'ratings', width: 30 },
    { header: '极差', key: 'range', width: 6 },
    { header: '合议', key: 'moderated', width: 24 },
    { header: '计算方法', key: 'how', width: 60 },
    { header: '规则', key: 'rules', width: 24 },
    { header: '佐证材料数', key: 'evidence', width: 10 },
  ];
  addRows(
    items,
    rows.flatMap(({ card }) => {
      const sectionTitle = new Map(card.sections.map((s) => [s.id, `${s.id} ${s.title}`]));
      return card.units.map((u) => ({
        subject: card.subjectName,
        section: sectionTitle.get(u.sectionId) ?? u.sectionId,
        unitId: u.unitId,
        title: u.title,
        max: u.max,
        raw: u.raw,
        deducted: u.deducted,
        final: u.final,
        ratings: ratingsText(u),
        range: u.range,
        moderated: u.moderated ? `${u.moderated.value}（${u.moderated.reason}）` : '',
        how: u.how,
        rules: joined(u.rules),
        evidence: u.evidence.length,
      }));
    }),
  );
  items.commit();

  const history = wb.addWorksheet('历年对比', frozen);
  history.columns = [
    { header: '评价对象', key: 'subject', width: 24 },
    { header: '年度', key: 'year', width: 8 },
    { header: '评价活动', key: 'campaign', width: 30 },
    { header: '总分', key: 'score', width: 8 },
    { header: '满分', key: 'max', width: 8 },
    { header: '等级', key: 'band', width: 10 },
    { header: `${c.year} 年较该年`, key: 'change', width: 12 },
    { header: '一级指标变化', key: 'sections', width: 60 },
  ];
  addRows(
    history,
    rows.flatMap(({ card }) =>
      (card.history ?? []).map((h) => ({
        subject: card.subjectName,
        year: h.year,
        campaign: h.campaignName,
        score: h.score,
        max: h.max,
        band: h.band.label,
        change: h.change,
        sections: h.sections
          .filter((s) => s.change !== null)
          .map((s) => `${s.title} ${s.score}（${signed(s.change ?? 0)}）`)
          .join('；'),
      })),
    ),
  );
  history.commit();

  const body = await finish();
  await ctx.audit.record(actor, {
    action: 'evaluation.scorecards.export',
    entity: 'evaluation_campaign',
    entityId: c.id,
    orgId: c.owner_org_id,
    details: { format: 'xlsx', subjects: cards.length },
  });
  return { fileName: `${c.name}-评价结果-${dateOf(ctx.now())}.xlsx`, body };
}
