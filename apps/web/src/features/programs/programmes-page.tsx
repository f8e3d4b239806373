import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PROGRAM_LEVEL_CODES, type ProgramLevel, type Programme } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Empty, InputNumber, Progress, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { useUrlFilters } from '../../shared/use-url-filters';
import { CreateProgrammeModal } from './create-programme-modal';
import { levelKey } from './program-labels';

const FILTERS = ['level', 'year'] as const;

export const LEVEL_COLORS: Record<ProgramLevel, string> = {
  national: 'red',
  provincial: 'volcano',
  city: 'orange',
  county: 'blue',
  school: 'cyan',
  studio: 'purple',
};

export function LevelTag({ level }: { level: string }) {
  const { t } = useI18n();
  const key = levelKey(level);
  return <Tag color={LEVEL_COLORS[level as ProgramLevel] ?? 'default'}>{key ? t(key) : level}</Tag>;
}

export function SeatsBar({ used, total }: { used: number; total: number }) {
  const pct = total > 0 ? Math.round((used / total) * 100) : 0;
  return (
    <Space size={8} style={{ minWidth: 160 }}>
      <Progress percent={pct} size="small" showInfo={false} style={{ width: 80, margin: 0 }} />
      <span style={{ whiteSpace: 'nowrap' }}>
        {used} / {total}
      </span>
    </Space>
  );
}

export function ProgrammesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { filters, page, pageSize, setFilters, setPage } = useUrlFilters(FILTERS);
  const [creating, setCreating] = useState(false);
  const level = PROGRAM_LEVEL_CODES.find((l) => l === filters.level);
  const year = filters.year ? Number(filters.year) : undefined;
  const query = { level, year, page, pageSize };
  const list = useQuery({
    queryKey: ['programmes', query],
    queryFn: () => api.listProgrammes(query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Programme> = [
    {
      title: t('prog.programme.name'),
      dataIndex: 'title',
      render: (title: string, p) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link onClick={() => navigate(`/programmes/${p.id}`)}>{title}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.projectTypeName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('prog.programme.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: string) => <LevelTag level={l} />,
    },
    { title: t('prog.pack.year'), dataIndex: 'year', width: 70 },
    { title: t('prog.programme.owner'), dataIndex: 'ownerOrgName', width: 120 },
    { title: t('prog.programme.selectionDeadline'), dataIndex: 'selectionDeadline', width: 120 },
    {
      title: t('prog.programme.dates'),
      key: 'dates',
      width: 200,
      render: (_: unknown, p) => `${p.startDate} ~ ${p.endDate}`,
    },
    {
      title: t('prog.programme.seatsUsed'),
      key: 'seats',
      width: 190,
      render: (_: unknown, p) => <SeatsBar used={p.usedSeats} total={p.totalSeats} />,
    },
  ];

  return (
    <Card
      title={t('prog.programme.title')}
      extra={
        hasPermission(me, 'program.manage') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="programme-create"
          >
            {t('prog.programme.create')}
          </Button>
        ) : null
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<string>
          value={level ?? 'all'}
          onChange={(v) => setFilters({ level: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: t('common.all') },
            ...PROGRAM_LEVEL_CODES.map((l) => ({ value: l, label: t(`prog.level.${l}`) })),
          ]}
          data-testid="programme-level"
        />
        <InputNumber
          placeholder={t('prog.pack.year')}
          value={year ?? null}
          min={2000}
          max={2100}
          onChange={(v) => setFilters({ year: v ? String(v) : undefined })}
          style={{ width: 120 }}
        />
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Programme>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          onRow={(p) => ({ onClick: () => navigate(`/programmes/${p.id}`), style: { cursor: 'pointer' } })}
          locale={{
            emptyText: (
              <Empty
                description={
                  hasPermission(me, 'program.manage')
                    ? t('prog.programme.noneManage')
                    : t('prog.programme.none')
                }
              />
            ),
          }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => (
              <Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>
            ),
            onChange: setPage,
          }}
          data-testid="programme-table"
        />
      )}
      {creating ? (
        <CreateProgrammeModal
          onClose={() => setCreating(false)}
          onCreated={(p) => {
            setCreating(false);
            navigate(`/programmes/${p.id}`);
          }}
        />
      ) : null}
    </Card>
  );
}
