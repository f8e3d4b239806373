/**
 * The scorecard's year-over-year comparison: a grouped bar of each 一级 indicator by year (the earlier published
 * years of the same rubric lineage, then this one; a section with no match that year is a gap) and a table of the
 * totals with the change since each year.
 */
import type { Scorecard, ScorecardHistory } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Empty, Grid, Table, Tag, Typography } from 'antd';
import { EChart } from '../../shared/echart';
import { useI18n } from '../../shared/i18n';
import { wrappedName } from './scorecard-charts';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** Each past year's score of this scorecard's sections (by id, else by title), null where none matches. */
export function sectionSeries(card: Scorecard): { name: string; data: (number | null)[] }[] {
  const past = (card.history ?? []).map((h) => ({
    name: `${h.year}`,
    data: card.sections.map(
      (s) =>
        (h.sections.find((x) => x.id === s.id) ?? h.sections.find((x) => x.title === s.title))?.score ?? null,
    ),
  }));
  return [...past, { name: `${card.year}`, data: card.sections.map((s) => s.score) }];
}

export function HistoryChart({ card }: { card: Scorecard }) {
  const { t } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const history = card.history ?? [];
  if (history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('eval.historyEmpty')} />;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: {
      type: 'category',
      // four characters a line: five sections side by side on a phone leave about 54 px each
      data: card.sections.map((s) => wrappedName(s.title, 4)),
      axisLabel: { interval: 0, lineHeight: 14 },
    },
    yAxis: { type: 'value' },
    series: sectionSeries(card).map((s) => ({ ...s, type: 'bar' })),
  };
  const columns: TableColumnsType<ScorecardHistory> = [
    { title: t('eval.year'), dataIndex: 'year', width: 80 },
    // on a phone the year names the campaign; its name would squeeze into a column of one character
    ...(narrow ? [] : [{ title: t('eval.historyCampaign'), dataIndex: 'campaignName' }]),
    { title: t('eval.total'), width: 100, render: (_, h) => `${h.score} / ${h.max}` },
    { title: t('eval.band'), width: 90, render: (_, h) => <Tag>{h.band.label}</Tag> },
    {
      title: t('eval.historyChange'),
      width: 110,
      render: (_, h) => (
        <Typography.Text type={h.change < 0 ? 'danger' : h.change > 0 ? 'success' : undefined}>
          {signed(h.change)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <div data-testid="eval-history">
      <EChart option={option} height={280} testId="eval-history-chart" />
      <Table<ScorecardHistory>
        rowKey="campaignId"
        size="small"
        dataSource={history}
        columns={columns}
        pagination={false}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {t('eval.historyNote')}
      </Typography.Paragraph>
    </div>
  );
}
