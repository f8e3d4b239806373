import { SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NOMINATION_STATUSES,
  type Nomination,
  type NominationStatus,
  type Programme,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Empty,
  Grid,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { formatDateTime, todayIso } from '../../shared/time';
import { EligibilityResultView } from './eligibility-result';
import { NominateDrawer } from './nominate-drawer';
import { NOMINATION_STATUS_COLORS, nominationStatusKey } from './program-labels';
import { RuleErrorAlert } from './rule-error';
// shortlist and pending substitution requests
import { competitiveRatio, ShortlistPanel } from './shortlist-panel';

function WithdrawModal({
  programmeId,
  nomination,
  onClose,
}: {
  programmeId: string;
  nomination: Nomination;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => api.withdrawNomination(programmeId, nomination.id, reason.trim()),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['nominations', programmeId] });
      void queryClient.invalidateQueries({ queryKey: ['quotas', programmeId] });
      void queryClient.invalidateQueries({ queryKey: ['programme', programmeId] });
      message.success(
        r.promoted
          ? t('prog.nom.withdrawnPromoted', { name: r.withdrawn.teacherName, next: r.promoted.teacherName })
          : t('prog.nom.withdrawnOk', { name: r.withdrawn.teacherName }),
      );
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('prog.nom.withdrawTitle', { name: nomination.teacherName })}
      okText={t('prog.nom.withdraw')}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
      cancelText={t('common.cancel')}
      confirmLoading={withdraw.isPending}
      onOk={() => withdraw.mutate()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('prog.nom.withdrawHelp')}</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={500}
        placeholder={t('prog.nom.withdrawReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        data-testid="withdraw-reason"
      />
      {withdraw.isError ? (
        <div style={{ marginTop: 12 }}>
          <RuleErrorAlert error={withdraw.error} />
        </div>
      ) : null}
    </Modal>
  );
}

export function NominationStatusTag({ n }: { n: Pick<Nomination, 'status' | 'waitlistPosition'> }) {
  const { t } = useI18n();
  const key = nominationStatusKey(n.status);
  return (
    <Tag color={NOMINATION_STATUS_COLORS[n.status]}>
      {key ? t(key) : n.status}
      {n.status === 'waitlisted' && n.waitlistPosition
        ? ` · ${t('prog.nom.position', { n: n.waitlistPosition })}`
        : ''}
    </Tag>
  );
}

/** 推荐名单: nominations in the user's scope with status, eligibility, withdrawal and substitution. */
export function NominationsTab({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [status, setStatus] = useState<NominationStatus | undefined>(undefined);
  const narrow = !Grid.useBreakpoint().md;
  const [page, setPage] = useState(1);
  const [nominating, setNominating] = useState(false);
  const [replacing, setReplacing] = useState<Nomination | null>(null);
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const query = { status, page, pageSize: 20 };
  const list = useQuery({
    queryKey: ['nominations', programme.id, query],
    queryFn: () => api.listNominations(programme.id, query),
    placeholderData: keepPreviousData,
  });
  const mayWrite = hasPermission(me, 'nomination.write');
  const open = todayIso() <= programme.selectionDeadline;
  // ---- the 差额 ratio of the pack (R-004-59) and the pending 替训 requests by nomination ----
  const pack = useQuery({ queryKey: ['pack', programme.packId], queryFn: () => api.pack(programme.packId) });
  const ratio = competitiveRatio(pack.data?.pack, programme.projectTypeCode);
  const pending = useQuery({
    queryKey: ['substitutions', programme.id, 'pending'],
    queryFn: () => api.listSubstitutions(programme.id, { status: 'pending', pageSize: 200 }),
  });
  const pendingOf = new Map((pending.data?.items ?? []).map((r) => [r.nominationId, r]));

  const columns: TableColumnsType<Nomination> = [
    { title: t('teacher.name'), dataIndex: 'teacherName', width: 100 },
    { title: t('teacher.school'), dataIndex: 'schoolName', ellipsis: true },
    {
      title: t('prog.nom.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, n) => <NominationStatusTag n={n} />,
    },
    {
      title: t('prog.nom.eligibility'),
      key: 'elig',
      width: 160,
      render: (_: unknown, n) =>
        n.overrideReason ? (
          <Tag color="processing" title={n.overrideReason}>
            {t('prog.nom.viaOverride')}
          </Tag>
        ) : (
          <Tag color="success">{t('prog.elig.passed')}</Tag>
        ),
    },
    {
      title: t('prog.nom.note'),
      key: 'note',
      ellipsis: true,
      render: (_: unknown, n) => n.reason ?? n.overrideReason ?? '—',
    },
    {
      title: t('prog.nom.createdAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (v: string) => formatDateTime(v),
    },
    ...(mayWrite
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 220,
            render: (_: unknown, n: Nomination) => (
              <Space size={0}>
                {pendingOf.get(n.id) ? (
                  <Tag color="processing" data-testid="nom-sub-pending">
                    {t('prog.sub.pending', { name: pendingOf.get(n.id)?.teacherName ?? '' })}
                  </Tag>
                ) : null}
                {n.status === 'selected' && !pendingOf.get(n.id) ? (
                  <Button
                    size="small"
                    type="link"
                    icon={<SwapOutlined />}
                    onClick={() => setReplacing(n)}
                    data-testid="nom-substitute"
                  >
                    {t('prog.nom.substitute')}
                  </Button>
                ) : null}
                {n.status === 'selected' || n.status === 'waitlisted' ? (
                  <Button
                    size="small"
                    type="link"
                    danger
                    onClick={() => setWithdrawing(n)}
                    data-testid="nom-withdraw"
                  >
                    {t('prog.nom.withdraw')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const statusOptions = [
    { value: 'all', label: t('common.all') },
    ...NOMINATION_STATUSES.map((s) => ({ value: s, label: t(`prog.nomStatus.${s}`) })),
  ];
  const pick = (v: string) => {
    setStatus(NOMINATION_STATUSES.find((s) => s === v));
    setPage(1);
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {ratio ? <ShortlistPanel programme={programme} ratio={ratio} /> : null}
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        {narrow ? (
          // a phone: the eight choices do not fit in one row of 390 px
          <Select<string>
            aria-label={t('prog.programme.tabNominations')}
            style={{ minWidth: 170 }}
            value={status ?? 'all'}
            onChange={pick}
            options={statusOptions}
          />
        ) : (
          <Segmented<string> value={status ?? 'all'} onChange={pick} options={statusOptions} />
        )}
        {mayWrite ? (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setNominating(true)}
            disabled={!open}
            title={open ? undefined : t('prog.nom.closed', { date: programme.selectionDeadline })}
            data-testid="nom-add"
          >
            {t('prog.nom.add')}
          </Button>
        ) : null}
      </Space>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Nomination>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (n) => (
              <EligibilityResultView result={n.eligibility} teacherName={n.teacherName} />
            ),
          }}
          locale={{
            emptyText: <Empty description={mayWrite ? t('prog.nom.noneWrite') : t('prog.nom.none')} />,
          }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => (
              <Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>
            ),
            onChange: setPage,
          }}
          data-testid="nomination-table"
        />
      )}
      {nominating ? <NominateDrawer programme={programme} onClose={() => setNominating(false)} /> : null}
      {replacing ? (
        <NominateDrawer programme={programme} replacing={replacing} onClose={() => setReplacing(null)} />
      ) : null}
      {withdrawing ? (
        <WithdrawModal
          programmeId={programme.id}
          nomination={withdrawing}
          onClose={() => setWithdrawing(null)}
        />
      ) : null}
    </Space>
  );
}
