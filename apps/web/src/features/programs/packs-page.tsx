import { CopyOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PACK_STATUSES, type PackStatus, type PackSummary } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { useMe } from '../../shared/session';
import { formatDateTime } from '../../shared/time';
import { useUrlFilters } from '../../shared/use-url-filters';
import { ClonePackModal } from './clone-pack-modal';
import { canKeepPacks } from './program-labels';

const FILTERS = ['year', 'status'] as const;

export function PackStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return status === 'published' ? (
    <Tag color="green">{t('prog.pack.status.published')}</Tag>
  ) : (
    <Tag color="orange">{t('prog.pack.status.draft')}</Tag>
  );
}

export function PacksPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { filters, setFilters } = useUrlFilters(FILTERS);
  const [cloning, setCloning] = useState<PackSummary | null>(null);
  const year = filters.year ? Number(filters.year) : undefined;
  const status = PACK_STATUSES.find((s) => s === filters.status) as PackStatus | undefined;
  const packs = useQuery({
    queryKey: ['packs', { year, status }],
    queryFn: () => api.listPacks({ year, status }),
    placeholderData: keepPreviousData,
  });
  const mayClone = canKeepPacks(me);

  const columns: TableColumnsType<PackSummary> = [
    {
      title: t('prog.pack.name'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => navigate(`/packs/${encodeURIComponent(p.id)}`)}>
            {title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.projectTypes.map((x) => x.name).join('、')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('prog.pack.region'),
      key: 'region',
      width: 150,
      render: (_: unknown, p) =>
        p.builtin ? <Tag color="blue">{t('prog.pack.builtin')}</Tag> : p.regionOrgName,
    },
    { title: t('prog.pack.year'), dataIndex: 'year', width: 80 },
    { title: t('prog.pack.version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
    {
      title: t('prog.pack.statusCol'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <PackStatusTag status={s} />,
    },
    {
      title: t('prog.pack.derivedFrom'),
      dataIndex: 'derivedFrom',
      width: 150,
      responsive: ['lg'],
      // the source pack by its title (its id, as stored, only when it is not in the list)
      render: (v: string | null) => {
        if (!v) return '—';
        const from = packs.data?.find((x) => x.id === v);
        return from ? (
          <Typography.Link onClick={() => navigate(`/packs/${encodeURIComponent(v)}`)}>
            {from.title}
          </Typography.Link>
        ) : (
          v
        );
      },
    },
    {
      title: t('prog.pack.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      responsive: ['lg'],
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_: unknown, p) => (
        <Space>
          <Button size="small" onClick={() => navigate(`/packs/${encodeURIComponent(p.id)}`)}>
            {p.canEdit && p.status === 'draft' ? t('prog.pack.edit') : t('prog.pack.view')}
          </Button>
          {mayClone ? (
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => setCloning(p)}
              data-testid="pack-clone"
            >
              {t('prog.pack.clone')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const table = useKeyColumns(columns, ['title', 'status']);

  return (
    <Card title={t('prog.pack.title')}>
      <Typography.Paragraph type="secondary">{t('prog.pack.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder={t('prog.pack.year')}
          value={year ?? null}
          min={2000}
          max={2100}
          onChange={(v) => setFilters({ year: v ? String(v) : undefined })}
          style={{ width: 120 }}
          data-testid="pack-filter-year"
        />
        <Select
          allowClear
          placeholder={t('prog.pack.statusCol')}
          value={status}
          onChange={(v: string | undefined) => setFilters({ status: v })}
          options={PACK_STATUSES.map((s) => ({ value: s, label: t(`prog.pack.status.${s}`) }))}
          style={{ width: 120 }}
        />
      </Space>
      {packs.isError ? (
        <QueryError error={packs.error} onRetry={() => void packs.refetch()} />
      ) : (
        <Table<PackSummary>
          rowKey="id"
          size="middle"
          columns={table.columns}
          dataSource={packs.data ?? []}
          loading={packs.isFetching}
          pagination={false}
          tableLayout="fixed"
          locale={{ emptyText: <Empty description={t('prog.pack.none')} /> }}
          data-testid="pack-table"
        />
      )}
      {cloning ? <ClonePackModal pack={cloning} onClose={() => setCloning(null)} /> : null}
    </Card>
  );
}
