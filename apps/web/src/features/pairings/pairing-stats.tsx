/**
 * 各县统计: for the school year chosen, each county in the officer's scope (every county of a city, those without
 * pairings at zero) — active pairings by kind, schools and workshops helped, pairings flagged by the rule checks
 * (R3-B05/B06, R3-G20, as the list shows them), joint activities and participants, active pairings with no
 * activity — with the total row, and the activities per county as a bar chart (SVG).
 */
import { useQuery } from '@tanstack/react-query';
import type { PairingStatsCounts, PairingStatsRow } from '@yanxun/contracts';
import { Empty, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { EChart, shortLabel } from '../../shared/echart';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { currentSchoolYear } from '../communities/community-options';
import { schoolYearOptions } from './pairing-form';

const KINDS = ['dev_school', 'demo_school', 'studio_workshop'] as const;

export function PairingStatsPanel() {
  const { t } = useI18n();
  const [year, setYear] = useState(currentSchoolYear());
  const q = useQuery({ queryKey: ['pairings', 'stats', year], queryFn: () => api.pairingStats(year) });
  const s = q.data;
  const numeric = (render: (c: PairingStatsCounts) => number, title: string, key: string) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, r: PairingStatsRow) => render(r),
  });
  const columns = [
    { title: t('pair.stats.region'), key: 'name', render: (_: unknown, r: PairingStatsRow) => r.name },
    {
      title: t('pair.stats.active'),
      key: 'active',
      children: [
        ...KINDS.map((k) => numeric((c) => c.active[k], t(`pair.kind.${k}`), k)),
        numeric((c) => c.active.total, t('pair.stats.total'), 'activeTotal'),
      ],
    },
    numeric((c) => c.partnersHelped, t('pair.stats.partners'), 'partners'),
    numeric((c) => c.flagged, t('pair.stats.flagged'), 'flagged'),
    numeric((c) => c.activities, t('pair.stats.activities'), 'activities'),
    numeric((c) => c.participants, t('pair.stats.participants'), 'participants'),
    numeric((c) => c.idle, t('pair.stats.idle'), 'idle'),
  ];
  const totalCells = (c: PairingStatsCounts) => [
    ...KINDS.map((k) => c.active[k]),
    c.active.total,
    c.partnersHelped,
    c.flagged,
    c.activities,
    c.participants,
    c.idle,
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text>{t('pair.stats.schoolYear')}</Typography.Text>
        <Select
          aria-label={t('pair.stats.schoolYear')}
          value={year}
          onChange={setYear}
          options={schoolYearOptions()}
          style={{ width: 140 }}
        />
        {s && (
          <Typography.Text type="secondary">
            {t('pair.stats.window', { from: s.from, to: s.to })}
          </Typography.Text>
        )}
      </Space>
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Table<PairingStatsRow>
            rowKey="regionId"
            size="small"
            bordered
            loading={q.isLoading}
            dataSource={s?.rows ?? []}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('pair.stats.empty')} /> }}
            columns={columns}
            summary={() =>
              s && s.rows.length > 0 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('pair.stats.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {totalCells(s.total).map((n, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the cells are the fixed columns in order
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      <Typography.Text strong>{n}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
          {s && s.rows.length > 1 && (
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('pair.stats.chart')}
            </Typography.Title>
          )}
          {s && s.rows.length > 1 && (
            <EChart
              testId="pairing-stats-chart"
              height={260}
              option={{
                tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
                xAxis: {
                  type: 'category',
                  data: s.rows.map((r) => shortLabel(r.name, 6)),
                  axisLabel: { interval: 0, rotate: s.rows.length > 6 ? 30 : 0 },
                },
                yAxis: { type: 'value', minInterval: 1 },
                series: [
                  {
                    name: t('pair.stats.activities'),
                    type: 'bar',
                    data: s.rows.map((r) => r.activities),
                    barMaxWidth: 36,
                    itemStyle: { color: '#1d5fbf', borderRadius: [4, 4, 0, 0] },
                    label: { show: s.rows.length <= 12, position: 'top' },
                  },
                ],
              }}
            />
          )}
        </>
      )}
    </Space>
  );
}
