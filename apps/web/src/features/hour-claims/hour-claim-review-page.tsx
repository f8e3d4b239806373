import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CLAIM_STATUSES, type HourClaim, type HourClaimStatus } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api, fileUrls, isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { formatDateTime } from '../../shared/time';
import { ClaimStatusTag, claimHours } from './claim-status-tag';

type Action = { kind: 'approve' | 'return'; c: HourClaim };
type Filter = 'waiting' | HourClaimStatus;

/** Approve (the school passes it on; the county posts the hours) or return with a reason the teacher reads. */
function DecisionModal({ action, onClose }: { action: Action | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason?: string }>();
  const approve = action?.kind === 'approve';
  const decide = useMutation({
    mutationFn: (v: { reason?: string }) => {
      if (!action) throw new Error('no action');
      return api.decideHourClaim(action.c.id, {
        decision: action.kind,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['hour-claim-queue'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  const title = !action
    ? ''
    : approve
      ? t(action.c.canDecide === 'county' ? 'claim.approveCounty' : 'claim.approveSchool')
      : t('claim.return');
  return (
    <Modal
      open={action !== null}
      title={action ? `${title} · ${action.c.teacherName}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(approve ? 'claim.approve' : 'claim.return')}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {action
          ? `${action.c.title} · ${t('claim.hoursValue', { n: claimHours(action.c.hoursTenths) })}`
          : ''}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => decide.mutate(v)}>
        <Form.Item
          name="reason"
          label={t(approve ? 'claim.comment' : 'claim.reason')}
          rules={approve ? [] : [{ required: true, whitespace: true, min: 2, message: t('claim.reason') }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            aria-label={t(approve ? 'claim.comment' : 'claim.reason')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The school's and the county's queue of 学时申报: evidence links, deadlines, approve / return. */
export function HourClaimReviewPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('waiting');
  const [action, setAction] = useState<Action | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  const filters = [
    { value: 'waiting' as const, label: t('claim.waiting') },
    ...CLAIM_STATUSES.map((s) => ({ value: s, label: t(`claim.status.${s}`) })),
  ];
  const q = useQuery({
    queryKey: ['hour-claim-queue', filter],
    queryFn: () => api.hourClaimQueue(filter === 'waiting' ? {} : { status: filter }),
  });
  const columns: TableColumnsType<HourClaim> = [
    {
      title: t('claim.teacher'),
      key: 'teacher',
      width: 150,
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{c.teacherName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.schoolName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('claim.item'),
      key: 'item',
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <span>
            {c.title} · {t('claim.hoursValue', { n: claimHours(c.hoursTenths) })}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`claim.kind.${c.kind}`)} · {t(`hours.cat.${c.category}`)} · {c.issuer}
            {c.certificateNo ? ` · ${c.certificateNo}` : ''} · {c.startDate} ~ {c.endDate}
          </Typography.Text>
          {c.returnReason ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('claim.returnReason', { reason: c.returnReason })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('claim.evidence'),
      key: 'evidence',
      width: 200,
      render: (_, c) =>
        c.evidence.map((e) => (
          <div key={e.fileId}>
            <a href={fileUrls.hourClaimEvidence(c.id, e.fileId)} target="_blank" rel="noreferrer">
              {e.name}
            </a>
          </div>
        )),
    },
    {
      title: t('claim.submittedAt'),
      key: 'submittedAt',
      width: 140,
      render: (_, c) => formatDateTime(c.submittedAt),
    },
    { title: t('class.status'), key: 'status', width: 190, render: (_, c) => <ClaimStatusTag claim={c} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, c) =>
        c.canDecide ? (
          <Space size={4}>
            <Button size="small" type="primary" onClick={() => setAction({ kind: 'approve', c })}>
              {t('claim.approve')}
            </Button>
            <Button size="small" onClick={() => setAction({ kind: 'return', c })}>
              {t('claim.return')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('claim.done')}
          </Typography.Text>
        ),
    },
  ];
  const table = useKeyColumns(columns, ['teacher', 'status', 'actions'], { x: 900 });
  return (
    <Card title={t('claim.queue')}>
      {narrow ? (
        // a phone: the six choices do not fit in one row of 390 px
        <Select<Filter>
          aria-label={t('claim.queue')}
          style={{ minWidth: 170 }}
          value={filter}
          onChange={setFilter}
          options={filters}
          data-testid="claim-filter"
        />
      ) : (
        <Segmented<Filter> value={filter} onChange={setFilter} options={filters} data-testid="claim-filter" />
      )}
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} full />
      ) : (
        <Table<HourClaim>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          columns={table.columns}
          scroll={table.scroll}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('claim.queueEmpty') }}
        />
      )}
      <DecisionModal action={action} onClose={() => setAction(null)} />
    </Card>
  );
}
