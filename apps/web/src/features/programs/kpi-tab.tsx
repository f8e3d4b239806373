import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  KPI_CODES,
  KPI_LEVELS,
  type KpiCode,
  type KpiLevel,
  type KpiRow,
  type Programme,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Breadcrumb, Button, Empty, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RateCell } from '../../shared/rate-cell';
import { RuleRef } from '../../shared/rule-ref';
import { KpiChart } from './kpi-chart';

const NEXT: Record<KpiLevel, KpiLevel | null> = { city: 'county', county: 'school', school: null };

// the rate cell lives in shared/rate-cell.tsx ("—" with the reason); re-exported for old imports
export { RateCell } from '../../shared/rate-cell';

/** 数据看板: KPIs per city → county → school with a chart, a table with the same numbers and an Excel export. */
export function KpiTab({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  const { download, pending } = useDownload();
  /** The drill path: each step is a level and the parent it was entered through. */
  const [path, setPath] = useState<Array<{ level: KpiLevel; parent?: { id: string; name: string } }>>([
    { level: 'county' },
  ]);
  const step = path[path.length - 1] ?? { level: 'county' as const };
  const query = { level: step.level, ...(step.parent ? { parentOrgId: step.parent.id } : {}) };
  const report = useQuery({
    queryKey: ['kpis', programme.id, query],
    queryFn: () => api.programmeKpis(programme.id, query),
    placeholderData: keepPreviousData,
  });
  const r = report.data;
  const labels: Record<KpiCode, string> = {
    registrationRate: t('kpi.registrationRate'),
    arrivalRate: t('kpi.arrivalRate'),
    attendanceRate: t('kpi.attendanceRate'),
    completionRate: t('kpi.completionRate'),
  };
  const shown = KPI_CODES.filter((k) => k !== 'completionRate' || r?.completionAvailable);

  function drill(row: KpiRow) {
    const next = NEXT[step.level];
    if (next) setPath([...path, { level: next, parent: { id: row.orgId, name: row.orgName } }]);
  }

  const columns: TableColumnsType<KpiRow> = [
    {
      title: t('kpi.unit'),
      dataIndex: 'orgName',
      fixed: 'left',
      width: 160,
      render: (name: string, row) =>
        row.drillable && NEXT[step.level] ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => drill(row)}>
            {name}
          </Button>
        ) : (
          <Typography.Text strong={row.orgKind === 'total'}>{name}</Typography.Text>
        ),
    },
    { title: t('kpi.seats'), dataIndex: 'seats', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: t('kpi.nominations'), dataIndex: 'nominations', align: 'right' },
    { title: t('kpi.selected'), dataIndex: 'selected', align: 'right' },
    { title: t('kpi.enrolled'), dataIndex: 'enrolled', align: 'right' },
    {
      title: t('kpi.registrationRate'),
      key: 'reg',
      align: 'right',
      render: (_: unknown, row) => <RateCell rate={row.registrationRate} />,
    },
    {
      title: t('kpi.arrivalRate'),
      key: 'arr',
      align: 'right',
      render: (_: unknown, row) => <RateCell rate={row.arrivalRate} />,
    },
    {
      title: t('kpi.attendanceRate'),
      key: 'att',
      align: 'right',
      render: (_: unknown, row) => <RateCell rate={row.attendanceRate} />,
    },
    {
      title: t('kpi.completionRate'),
      key: 'comp',
      align: 'right',
      render: (_: unknown, row) => <RateCell rate={row.completionRate} />,
    },
    { title: t('kpi.refused'), dataIndex: 'refusedAttempts', align: 'right' },
    { title: t('kpi.overridden'), dataIndex: 'overridden', align: 'right' },
    {
      title: (
        <>
          {t('kpi.deduction')}
          <RuleRef rules={r?.deductionRuleId ?? 'R3-B03'} />
        </>
      ),
      dataIndex: 'deductionPoints',
      align: 'right',
      render: (v: number | null) =>
        v === null ? (
          '—'
        ) : (
          <Typography.Text type={v > 0 ? 'danger' : undefined}>{v > 0 ? `−${v}` : 0}</Typography.Text>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="kpi-tab">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Segmented<KpiLevel>
            value={step.level}
            onChange={(v) => setPath([{ level: v }])}
            options={KPI_LEVELS.map((l) => ({ value: l, label: t(`kpi.level.${l}`) }))}
            data-testid="kpi-level"
          />
          {path.length > 1 ? (
            <Breadcrumb
              items={path.map((p, i) => ({
                title:
                  i === path.length - 1 ? (
                    (p.parent?.name ?? t('kpi.all'))
                  ) : (
                    <Typography.Link onClick={() => setPath(path.slice(0, i + 1))}>
                      {p.parent?.name ?? t('kpi.all')}
                    </Typography.Link>
                  ),
              }))}
              data-testid="kpi-drill-path"
            />
          ) : null}
        </Space>
        <Button
          icon={<DownloadOutlined />}
          loading={pending !== null}
          onClick={() =>
            void download(
              `/api/v1/programmes/${encodeURIComponent(programme.id)}/kpis.xlsx`,
              `${programme.title}-数据看板.xlsx`,
              query,
            )
          }
          data-testid="kpi-download"
        >
          {t('kpi.download')}
        </Button>
      </Space>
      {report.isError ? <QueryError error={report.error} onRetry={() => void report.refetch()} /> : null}
      {r ? (
        <>
          <Typography.Text type="secondary">
            {t('kpi.asOf', { date: r.asOf })} {t('kpi.definitions')}
          </Typography.Text>
          {r.completionAvailable ? null : (
            <Alert
              type="info"
              showIcon
              title={t('kpi.completionPending')}
              data-testid="kpi-completion-pending"
            />
          )}
          {/* no completion run yet → 结业率 is "—", say why once above the table */}
          {r.completionAvailable && r.total.completionRate.reason === 'no_completion_run' ? (
            <Alert
              type="info"
              showIcon
              title={t('rate.gap.no_completion_run')}
              data-testid="kpi-no-completion-run"
            />
          ) : null}
          {r.rows.length === 0 ? (
            <Empty description={t('kpi.none')} />
          ) : (
            <KpiChart
              report={r}
              kpis={shown}
              labels={labels}
              targetLabel={(value) => t('kpi.target', { value: `${Math.round(value * 100)}%` })}
              onUnitClick={(orgId) => {
                const row = r.rows.find((x) => x.orgId === orgId);
                if (row) drill(row);
              }}
            />
          )}
          <Table<KpiRow>
            rowKey={(row) => row.orgId || 'total'}
            size="small"
            columns={columns}
            dataSource={r.rows.length > 0 ? [...r.rows, r.total] : []}
            loading={report.isFetching}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="kpi-table"
          />
        </>
      ) : null}
    </Space>
  );
}
