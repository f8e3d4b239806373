/**
 * One subject's scorecard as a PDF (A4, Noto Sans SC through the shared pdf helpers): the header, total and band,
 * the sections, every unit with how it was computed, the raters' spread (names to the owner, 专家1/2/3 to the
 * subject, as the JSON scorecard) and the year-over-year line. The same access as the JSON scorecard; audited.
 */
import type { Scorecard } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { pdfCell as cell, pdfHeadCell as head, renderPdf } from '../../shared/pdf';
import { dateOf } from '../../shared/time';
import { loadSubject, STATUS_LABELS } from './campaign-access';
import type { EvaluationContext } from './context';
import { scorecardFor } from './scorecard';
import { ratingsText, spreadOf } from './scorecard-workbook';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const small = (text: string, margin = [0, 0, 0, 6]) => ({ text, fontSize: 8, color: '#666666', margin });
const heading = (text: string) => ({ text, fontSize: 12, bold: true, margin: [0, 10, 0, 4] });

function table(
  widths: Array<number | string>,
  header: string[],
  rows: Array<Array<ReturnType<typeof cell>>>,
) {
  return {
    table: { headerRows: 1, widths, body: [header.map(head), ...rows] },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}

/** The year-over-year line: each earlier year's total and band, then this one, with the change. */
function historyBlock(c: Scorecard) {
  const past = c.history ?? [];
  if (past.length === 0) return [small('暂无往年同一评价标准的已发布结果。')];
  const line = [
    ...past.map((h) => `${h.year} 年 ${h.score}（${h.band.label}）`),
    `${c.year} 年 ${c.score}（${c.band.label}）`,
  ];
  return [
    { text: line.join(' → '), fontSize: 10, margin: [0, 0, 0, 4] },
    table(
      [40, '*', 50, 50, 60, '*'],
      ['年度', '评价活动', '总分', '等级', `${c.year} 年较该年`, '一级指标变化'],
      past.map((h) => [
        cell(String(h.year)),
        cell(h.campaignName),
        cell(`${h.score}/${h.max}`, { alignment: 'right' }),
        cell(h.band.label),
        cell(signed(h.change), { alignment: 'right' }),
        cell(
          h.sections
            .filter((s) => s.change !== null)
            .map((s) => `${s.title} ${signed(s.change ?? 0)}`)
            .join('；') || '—',
        ),
      ]),
    ),
  ];
}

/** The scorecard's document definition rendered to PDF bytes (rendering only). */
export function renderScorecardPdf(c: Scorecard, asOf: string): Promise<Buffer> {
  const spread = spreadOf(c);
  const vetoes = c.vetoes.filter((v) => v.triggered);
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    info: { title: `评价结果 ${c.subjectName}`, subject: c.campaignName },
    footer: (page: number, pages: number) => ({
      text: `${c.subjectName} · ${c.campaignName} · ${asOf} · 第 ${page} / ${pages} 页`,
      alignment: 'center',
      fontSize: 8,
      color: '#888888',
    }),
    content: [
      { text: `${c.subjectName} 评价结果`, fontSize: 16, bold: true },
      small(
        `${c.campaignName}（${c.year} 年，${STATUS_LABELS[c.status] ?? c.status}）· ${c.rubricTitle}`,
        [0, 2, 0, 8],
      ),
      {
        columns: [
          { text: `总分 ${c.score} / ${c.max}`, fontSize: 14, bold: true },
          { text: `得分率 ${c.percent}%`, fontSize: 12 },
          { text: `等级 ${c.band.label}`, fontSize: 12, bold: true },
          { text: `评审专家 ${c.raters} 人`, fontSize: 10 },
        ],
        margin: [0, 0, 0, 4],
      },
      small(
        `${c.normalisation.label}（${c.normalisation.ruleId}）。${c.how}${c.rounding ? ` ${c.rounding}` : ''}`,
      ),
      ...(vetoes.length > 0
        ? [
            {
              text: `否决项：${vetoes.map((v) => `${v.label}${v.cleared ? '（已合议解除）' : ''}`).join('、')}`,
              fontSize: 9,
              color: '#b42318',
              margin: [0, 0, 0, 6],
            },
          ]
        : []),
      heading('一级指标'),
      table(
        [50, '*', 50, 50, '*'],
        ['编号', '一级指标', '得分', '满分', '计算方法'],
        c.sections.map((s) => [
          cell(s.id),
          cell(s.title),
          cell(String(s.score), { alignment: 'right', bold: true }),
          cell(String(s.declared ?? s.itemMax), { alignment: 'right' }),
          cell(s.how),
        ]),
      ),
      heading('指标得分'),
      table(
        [36, 110, 30, 34, 30, 34, 120, '*', 60],
        ['指标', '名称', '分值', '原始分', '扣分', '得分', '专家评分（极差）', '计算方法', '规则'],
        c.units.map((u) => [
          cell(u.unitId),
          cell(u.title),
          cell(String(u.max), { alignment: 'right' }),
          cell(u.raw === null ? '—' : String(u.raw), { alignment: 'right' }),
          cell(String(u.deducted), { alignment: 'right' }),
          cell(String(u.final), { alignment: 'right', bold: true }),
          cell(`${ratingsText(u)}${u.range === null ? '' : `（极差 ${u.range}）`}`, {
            color: u.ratings.some((r) => r.outlier) ? '#b42318' : '#000000',
          }),
          cell(
            `${u.how}${u.moderated ? `；合议为 ${u.moderated.value}（${u.moderated.reason}）` : ''}${u.evidence.length > 0 ? `；佐证材料 ${u.evidence.length} 份` : ''}`,
          ),
          cell(u.rules.join('、')),
        ]),
      ),
      small(
        `评分离散：最大极差 ${spread.widestRange ?? '—'}；离群评分 ${spread.outliers.join('、') || '无'}；合议 ${spread.moderated.join('、') || '无'}。`,
      ),
      heading('历年对比'),
      ...historyBlock(c),
      small(
        `本结果由研训平台根据 ${asOf} 的记录生成；各项得分、等级与计算方法与平台页面一致。`,
        [0, 12, 0, 0],
      ),
    ],
  });
}

/** A subject's scorecard as PDF for whoever may read its JSON scorecard; every export is audited. */
export async function scorecardPdf(
  ctx: EvaluationContext,
  actor: Actor,
  subjectId: string,
): Promise<{ name: string; content: Buffer }> {
  const access = await loadSubject(ctx, actor, subjectId);
  const card = await scorecardFor(ctx, access);
  const asOf = dateOf(ctx.now());
  const content = await renderScorecardPdf(card, asOf);
  await ctx.audit.record(actor, {
    action: 'evaluation.scorecard.export',
    entity: 'evaluation_subject',
    entityId: card.subjectId,
    orgId: access.campaign.owner_org_id,
    details: { format: 'pdf', campaignId: card.campaignId },
  });
  return { name: `${card.subjectName}-评价结果-${card.year}.pdf`, content };
}
