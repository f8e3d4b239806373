/**
 * /trainers (培训者团队): the records in scope with status filters, each with its eligibility findings, term and
 * last assessment; a drawer with the history and the decisions the officer may take; direct appointment; the
 * county teams' standing chart (R3-P01, R3-P02).
 */
import { useQuery } from '@tanstack/react-query';
import { TRAINER_STATUSES, type TrainerRecord, type TrainerStatus } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Button, Card, Descriptions, Drawer, Empty, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { StandingCard } from './standing-chart';
import { AppointModal, type TrainerActionKind, TrainerActionModal } from './trainer-actions';
import { EligibilityView, TrainerHistory, TrainerStatusTag } from './trainer-labels';

type Filter = 'all' | TrainerStatus;

/** The decisions this user may take on a record in its status (the server decides scope). */
function actionsFor(r: TrainerRecord, may: { recommend: boolean; approve: boolean }): TrainerActionKind[] {
  if (r.status === 'applied' && may.recommend) return ['recommend', 'schoolReturn'];
  if (r.status === 'recommended' && may.approve) return ['approve', 'return'];
  if ((r.status === 'approved' || r.status === 'appointed') && may.approve)
    return ['assess', 'assign', 'revoke'];
  return [];
}

const ACTION_KEY = {
  recommend: 'trainer.recommend',
  schoolReturn: 'trainer.returnIt',
  approve: 'trainer.approve',
  return: 'trainer.returnIt',
  assess: 'trainer.assess',
  revoke: 'trainer.revoke',
  assign: 'trainer.assign',
} as const;

function TrainerDrawer({
  id,
  onClose,
  onAction,
  may,
}: {
  id: string | null;
  onClose: () => void;
  onAction: (kind: TrainerActionKind, r: TrainerRecord) => void;
  may: { recommend: boolean; approve: boolean };
}) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['trainer', id],
    queryFn: () => api.trainer(id ?? ''),
    enabled: id !== null,
  });
  const d = q.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={520}
      title={d ? `${d.teacherName} · ${d.poolName}` : ''}
    >
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            {actionsFor(d, may).map((k) => (
              <Button key={k} size="small" danger={k === 'revoke'} onClick={() => onAction(k, d)}>
                {t(ACTION_KEY[k])}
              </Button>
            ))}
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('trainer.school')}>{d.schoolName}</Descriptions.Item>
            <Descriptions.Item label={t('trainer.pool')}>
              <TrainerStatusTag status={d.status} /> {d.poolName}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainer.term')}>
              {d.termStart ? `${d.termStart} ~ ${d.endedOn ?? d.termEnd ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainer.eligibility')}>
              <EligibilityView eligibility={d.eligibility} />
            </Descriptions.Item>
            {d.statement ? (
              <Descriptions.Item label={t('trainer.statement')}>{d.statement}</Descriptions.Item>
            ) : null}
            {d.consentOn ? (
              <Descriptions.Item label={t('trainer.consentOn')}>
                {d.consentOn} · {d.consentNote}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {d.assignments.length > 0 ? (
            <Card size="small" title={t('trainer.assignments')}>
              {d.assignments.map((a) => (
                <div key={a.id} style={{ fontSize: 13 }}>
                  {a.startsOn} · {t(`trainer.role.${a.role}`)} · {a.targetTitle}
                </div>
              ))}
            </Card>
          ) : null}
          <Typography.Title level={5}>{t('trainer.history')}</Typography.Title>
          <TrainerHistory events={d.events} />
        </Space>
      ) : null}
    </Drawer>
  );
}

export function TrainersPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [filter, setFilter] = useState<Filter>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const [action, setAction] = useState<{ kind: TrainerActionKind; record: TrainerRecord } | null>(null);
  const [appointing, setAppointing] = useState(false);
  const may = {
    recommend: hasPermission(me, 'trainer.recommend'),
    approve: hasPermission(me, 'trainer.approve'),
  };
  const q = useQuery({
    queryKey: ['trainers', 'list', filter],
    queryFn: () => api.trainers(filter === 'all' ? {} : { status: filter }),
  });
  const columns: TableColumnsType<TrainerRecord> = [
    {
      title: t('trainer.teacher'),
      key: 'teacher',
      render: (_, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpenId(r.id)}>
          {r.teacherName}
        </Button>
      ),
    },
    { title: t('trainer.school'), dataIndex: 'schoolName', key: 'school' },
    { title: t('trainer.pool'), dataIndex: 'poolName', key: 'pool' },
    {
      title: t('trainer.statusCol'),
      key: 'status',
      render: (_, r) => <TrainerStatusTag status={r.status} />,
    },
    {
      title: t('trainer.eligibility'),
      key: 'eligibility',
      render: (_, r) => <EligibilityView eligibility={r.eligibility} />,
    },
    {
      title: t('trainer.term'),
      key: 'term',
      render: (_, r) => (r.termEnd ? t('trainer.termEnd', { date: r.endedOn ?? r.termEnd }) : '—'),
    },
    {
      title: t('trainer.lastAssessment'),
      key: 'assessment',
      render: (_, r) =>
        r.lastAssessment
          ? t(`trainer.assessment.${r.lastAssessment.result}`, { year: r.lastAssessment.year })
          : '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) => (
        <Space size={0} wrap>
          {actionsFor(r, may).map((k) => (
            <Button
              key={k}
              type="link"
              size="small"
              danger={k === 'revoke'}
              onClick={() => setAction({ kind: k, record: r })}
            >
              {t(ACTION_KEY[k])}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  const table = useKeyColumns(columns, ['teacher', 'status', 'actions'], { x: 900 });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('trainer.title')}
        </Typography.Title>
        {may.approve ? (
          <Button type="primary" onClick={() => setAppointing(true)}>
            {t('trainer.appoint')}
          </Button>
        ) : null}
      </Space>
      <StandingCard />
      <Card size="small">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('common.all') },
            ...TRAINER_STATUSES.map((s) => ({ value: s, label: t(`trainer.status.${s}`) })),
          ]}
          style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        />
        {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
        <Table<TrainerRecord>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          columns={table.columns}
          dataSource={q.data?.items ?? []}
          scroll={table.scroll}
          locale={{
            emptyText: <Empty description={t('trainer.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
      <TrainerDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onAction={(kind, record) => setAction({ kind, record })}
        may={may}
      />
      <TrainerActionModal action={action} onClose={() => setAction(null)} />
      <AppointModal open={appointing} onClose={() => setAppointing(false)} />
    </Space>
  );
}
