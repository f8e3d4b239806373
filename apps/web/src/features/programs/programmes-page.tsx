import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PROGRAM_LEVEL_CODES, type ProgramLevel, type Programme } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Button,
  Card,
  Empty,
  Grid,
  InputNumber,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
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
    <Space size={8} style={{ whiteSpace: 'nowrap' }}>
      <Progress percent={pct} size="small" showInfo={false} style={{ width: 64, margin: 0 }} />
      <span data-testid="seats-used">
        {used} / {total}
      </span>
    </Space>
  );
}

/** A programme as one cell, for a phone: name and type, level, owner and dates, seats used of total. */
function ProgrammeCard({ p }: { p: Programme }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Typography.Link onClick={() => navigate(`/programmes/${p.id}`)}>{p.title}</Typography.Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {p.projectTypeName}
      </Typography.Text>
      <Space size={6} wrap>
        <LevelTag level={p.level} />
        <span>{p.ownerOrgName}</span>
        <Typography.Text type="secondary">
          {t('prog.programme.selectionDeadline')} {p.selectionDeadline}
        </Typography.Text>
      </Space>
      <Typography.Text type="secondary">
        {t('prog.programme.dates')} {p.startDate} ~ {p.endDate}
      </Typography.Text>
      <Space size={6}>
        <Typography.Text type="secondary">{t('prog.programme.seatsUsed')}</Typography.Text>
        <SeatsBar used={p.usedSeats} total={p.totalSeats} />
      </Space>
      <Candidates p={p} />
    </Space>
  );
}

/** Nominated and still waiting for the 差额遴选: not in the seats until selected and confirmed. */
export function Candidates({ p }: { p: Programme }) {
  const { t } = useI18n();
  if (p.candidates === 0) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="programme-candidates">
      {t('prog.programme.candidatesWaiting', { n: p.candidates })}
    </Typography.Text>
  );
}

export function ProgrammesPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { filters, page, pageSize, setFilters, setPage } = useUrlFilters(FILTERS);
  const [creating, setCreating] = useState(false);
  const screens = Grid.useBreakpoint();
  const level = PROGRAM_LEVEL_CODES.find((l) => l === filters.level);
  const year = filters.year ? Number(filters.year) : undefined;
  const query = { level, year, page, pageSize };
  const list = useQuery({
    queryKey: ['programmes', query],
    queryFn: () => api.listProgrammes(query),
    placeholderData: keepPreviousData,
  });

  // 1440×900 leaves the table about 1,100 px: the fixed columns take 690 and the name the rest, cut with an
  // ellipsis (the whole name in a tooltip); 已推荐 / 名额 stays pinned on the right when the table scrolls. A phone
  // gets one column with everything stacked, so nothing is cut at 390 px.
  const narrow = !screens.md;
  const levelOptions = [
    { value: 'all', label: t('common.all') },
    ...PROGRAM_LEVEL_CODES.map((l) => ({ value: l, label: t(`prog.level.${l}`) })),
  ];
  const columns: TableColumnsType<Programme> = narrow
    ? [
        {
          title: t('prog.programme.name'),
          key: 'card',
          render: (_: unknown, p) => <ProgrammeCard p={p} />,
        },
      ]
    : [
        {
          title: t('prog.programme.name'),
          dataIndex: 'title',
          ellipsis: { showTitle: false },
          render: (title: string, p) => (
            <Tooltip title={title} placement="topLeft">
              <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
                <Typography.Link ellipsis onClick={() => navigate(`/programmes/${p.id}`)}>
                  {title}
                </Typography.Link>
                <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                  {p.projectTypeName}
                </Typography.Text>
              </Space>
            </Tooltip>
          ),
        },
        {
          title: t('prog.programme.level'),
          dataIndex: 'level',
          width: 80,
          render: (l: string) => <LevelTag level={l} />,
        },
        { title: t('prog.pack.year'), dataIndex: 'year', width: 64 },
        { title: t('prog.programme.owner'), dataIndex: 'ownerOrgName', width: 110, ellipsis: true },
        { title: t('prog.programme.selectionDeadline'), dataIndex: 'selectionDeadline', width: 110 },
        {
          title: t('prog.programme.dates'),
          key: 'dates',
          width: 120,
          render: (_: unknown, p) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {p.startDate}
              <br />~ {p.endDate}
            </span>
          ),
        },
        {
          title: t('prog.programme.seatsUsed'),
          key: 'seats',
          width: 170,
          fixed: 'right',
          render: (_: unknown, p) => (
            <Space orientation="vertical" size={0}>
              <SeatsBar used={p.usedSeats} total={p.totalSeats} />
              <Candidates p={p} />
            </Space>
          ),
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
        {narrow ? (
          <Select<string>
            value={level ?? 'all'}
            onChange={(v) => setFilters({ level: v === 'all' ? undefined : v })}
            options={levelOptions}
            style={{ width: 140 }}
            aria-label={t('prog.programme.level')}
            data-testid="programme-level"
          />
        ) : (
          <Segmented<string>
            value={level ?? 'all'}
            onChange={(v) => setFilters({ level: v === 'all' ? undefined : v })}
            options={levelOptions}
            data-testid="programme-level"
          />
        )}
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
          tableLayout="fixed"
          scroll={narrow ? undefined : { x: 960 }}
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
