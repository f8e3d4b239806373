import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ImportJob, ImportStatus } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { formatDateTime } from '../../shared/time';
import { isBusy } from './import-queries';

const STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'default',
  validating: 'processing',
  validated: 'gold',
  committing: 'processing',
  committed: 'green',
  failed: 'red',
};

export function RecentImports({
  currentId,
  onOpen,
}: {
  currentId: string | null;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['imports', 'list', page],
    queryFn: () => api.listImports({ page, pageSize: 10 }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((j) => isBusy(j.status)) ? 2000 : false),
  });

  const columns: TableColumnsType<ImportJob> = [
    { title: t('import.file'), dataIndex: 'fileName', ellipsis: true, width: 240 },
    {
      title: t('import.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (k: ImportJob['kind']) => t(`import.kind.${k}`),
    },
    {
      title: t('import.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ImportStatus) => <Tag color={STATUS_COLORS[s]}>{t(`import.status.${s}`)}</Tag>,
    },
    { title: t('import.totalRows'), dataIndex: 'totalRows', width: 80, align: 'right' },
    { title: t('import.errorRows'), dataIndex: 'errorRows', width: 80, align: 'right' },
    { title: t('import.committedRows'), dataIndex: 'committedRows', width: 80, align: 'right' },
    {
      title: t('import.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('common.actions'),
      key: 'open',
      width: 80,
      render: (_v, job) => (
        <Button type="link" size="small" disabled={job.id === currentId} onClick={() => onOpen(job.id)}>
          {t('import.open')}
        </Button>
      ),
    },
  ];
  const table = useKeyColumns(columns, ['fileName', 'status'], { x: 900 });

  return (
    <Card title={t('import.recent')}>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ImportJob>
          rowKey="id"
          size="small"
          columns={table.columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching && !list.data}
          scroll={table.scroll}
          pagination={{
            current: page,
            pageSize: 10,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          data-testid="import-recent-table"
        />
      )}
    </Card>
  );
}
