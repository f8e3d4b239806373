import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Programme, SubstitutionRequestBody } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { App, Button, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { formatDateTime } from '../../shared/time';
import { EligibilityResultView } from './eligibility-result';
import { RuleErrorAlert } from './rule-error';

const STATUS_COLORS = { pending: 'processing', approved: 'success', refused: 'error', cancelled: 'default' };

export function SubstitutionStatusTag({ status }: { status: SubstitutionRequestBody['status'] }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`prog.subStatus.${status}`)}</Tag>;
}

/** 替训审批: requests in scope with history; the allocating level approves or refuses (with a reason). */
export function SubstitutionsTab({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [refusing, setRefusing] = useState<SubstitutionRequestBody | null>(null);
  const [reason, setReason] = useState('');
  const list = useQuery({
    queryKey: ['substitutions', programme.id, page],
    queryFn: () => api.listSubstitutions(programme.id, { page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: (v: { r: SubstitutionRequestBody; approve: boolean; reason?: string }) =>
      api.decideSubstitution(programme.id, v.r.id, {
        approve: v.approve,
        ...(v.reason ? { reason: v.reason } : {}),
      }),
    onSuccess: (res) => {
      for (const key of ['substitutions', 'nominations', 'quotas', 'programme']) {
        void queryClient.invalidateQueries({ queryKey: [key, programme.id] });
      }
      message.success(
        res.request.status === 'approved'
          ? t('prog.sub.approvedOk', { name: res.request.teacherName })
          : t('prog.sub.refusedOk'),
      );
      setRefusing(null);
      setReason('');
    },
  });
  // the server decides who may approve (the allocating level); the buttons show for writers in scope
  const mayDecide = hasPermission(me, 'nomination.write') || hasPermission(me, 'program.manage');
  const when = (v: string | null) => formatDateTime(v);

  const columns: TableColumnsType<SubstitutionRequestBody> = [
    { title: t('prog.sub.replaced'), dataIndex: 'replacedTeacherName', width: 110 },
    { title: t('prog.sub.replacement'), dataIndex: 'teacherName', width: 110 },
    { title: t('prog.sub.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('prog.sub.requestedAt'),
      dataIndex: 'requestedAt',
      width: 140,
      render: (v: string) => when(v),
    },
    {
      title: t('prog.sub.status'),
      key: 'status',
      width: 96,
      render: (_: unknown, r) => <SubstitutionStatusTag status={r.status} />,
    },
    {
      title: t('prog.sub.decision'),
      key: 'decision',
      render: (_: unknown, r) =>
        r.status === 'pending' ? (
          mayDecide ? (
            <Space size={0}>
              <Button
                type="link"
                size="small"
                loading={decide.isPending}
                onClick={() => decide.mutate({ r, approve: true })}
                data-testid="sub-approve"
              >
                {t('prog.sub.approve')}
              </Button>
              <Button type="link" size="small" danger onClick={() => setRefusing(r)} data-testid="sub-refuse">
                {t('prog.sub.refuse')}
              </Button>
            </Space>
          ) : (
            '—'
          )
        ) : (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {when(r.decidedAt)}
              {r.decidedBy ? ` · ${t('prog.sub.by')} ${r.decidedBy}` : ''}
            </Typography.Text>
            {r.decisionReason ? <span>{r.decisionReason}</span> : null}
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="substitutions-tab">
      <Typography.Text type="secondary">{t('prog.sub.intro')}</Typography.Text>
      {decide.isError ? <RuleErrorAlert error={decide.error} /> : null}
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<SubstitutionRequestBody>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (r) => (
              <EligibilityResultView result={r.eligibility} teacherName={r.teacherName} />
            ),
          }}
          locale={{ emptyText: <Empty description={t('prog.sub.none')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          data-testid="substitution-table"
        />
      )}
      {refusing ? (
        <Modal
          open
          title={t('prog.sub.refuseTitle', { name: refusing.teacherName })}
          okText={t('prog.sub.refuse')}
          okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
          cancelText={t('common.cancel')}
          confirmLoading={decide.isPending}
          onOk={() => decide.mutate({ r: refusing, approve: false, reason: reason.trim() })}
          onCancel={() => setRefusing(null)}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('prog.sub.refuseReason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="sub-refuse-reason"
          />
        </Modal>
      ) : null}
    </Space>
  );
}
