import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutcomeStatusCode, OutcomeSubmission } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Card,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, fileUrls, isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { useMe } from '../../shared/session';
import { countByStatus, FilteredEmpty, useStatusFilter } from '../../shared/status-filter';
import { formatDateTime } from '../../shared/time';
import { OutcomeStatusTag } from './outcome-status-tag';

type Action = { kind: 'accept' | 'return'; s: OutcomeSubmission };

/** Accept with a score (0–100) or return with a comment. */
export function ReviewModal({ action, onClose }: { action: Action | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ score?: number; comment?: string }>();
  const review = useMutation({
    mutationFn: (v: { score?: number; comment?: string }) => {
      if (!action) throw new Error('no action');
      return api.reviewOutcome(
        action.s.id,
        action.kind === 'accept'
          ? { action: 'accept', score: v.score ?? 0, ...(v.comment ? { comment: v.comment } : {}) }
          : { action: 'return', comment: v.comment ?? '' },
      );
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['outcome-queue'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  const accept = action?.kind === 'accept';
  return (
    <Modal
      open={action !== null}
      title={
        action ? `${t(accept ? 'outcome.acceptTitle' : 'outcome.returnTitle')} · ${action.s.teacherName}` : ''
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(accept ? 'outcome.accept' : 'outcome.return')}
      confirmLoading={review.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{action?.s.label}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => review.mutate(v)}>
        {accept ? (
          <Form.Item name="score" label={t('outcome.score')} rules={[{ required: true }]} initialValue={80}>
            <InputNumber
              min={0}
              max={100}
              precision={0}
              style={{ width: 160 }}
              aria-label={t('outcome.score')}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="comment"
          label={t(accept ? 'outcome.comment' : 'outcome.returnReason')}
          rules={accept ? [] : [{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={1000} aria-label={t('outcome.comment')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The reviewers' queue of a class: latest version of each trainee's outcome, with the file, score or return. */
export function OutcomeReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [action, setAction] = useState<Action | null>(null);
  const narrow = !Grid.useBreakpoint().md;
  // the class's whole queue (a class's trainees × their outcomes: small), filtered here so the page opens on
  // 待评审 when anything waits and on everything when nothing does, and can say what the other statuses hold
  const q = useQuery({ queryKey: ['outcome-queue', id], queryFn: () => api.outcomeQueue({ classId: id }) });
  const counts = useMemo(() => (q.data ? countByStatus(q.data) : undefined), [q.data]);
  // a school sees its own teachers' outcomes only: an empty queue says so, not that the class has none
  const { data: me } = useMe();
  const schoolOnly = !!me && me.grants.length > 0 && me.grants.every((g) => g.role === 'school_admin');
  const [status, setStatus] = useStatusFilter<OutcomeStatusCode>('submitted', counts);
  const shown = (q.data ?? []).filter((s) => status === 'all' || s.status === status);
  const label = (s: OutcomeStatusCode | 'all') =>
    s === 'all' ? t('common.all') : `${t(`outcome.status.${s}`)}${counts ? ` ${counts.get(s) ?? 0}` : ''}`;
  const cls = useQuery({ queryKey: ['class', id], queryFn: () => api.classDetail(id) });
  const fileCell = (s: OutcomeSubmission) =>
    s.file ? (
      <a href={fileUrls.outcomeFile(s.id)} target="_blank" rel="noreferrer">
        {s.file.name}
      </a>
    ) : s.link ? (
      <a href={s.link} target="_blank" rel="noreferrer">
        {s.link}
      </a>
    ) : (
      '—'
    );
  const statusCell = (s: OutcomeSubmission) => (
    <Space size={4}>
      <OutcomeStatusTag status={s.status} />
      {s.score !== null ? t('outcome.scoreValue', { n: s.score }) : null}
    </Space>
  );
  const actionsCell = (s: OutcomeSubmission) =>
    s.status === 'submitted' ? (
      <Space size={4}>
        <Button size="small" type="primary" onClick={() => setAction({ kind: 'accept', s })}>
          {t('outcome.accept')}
        </Button>
        <Button size="small" onClick={() => setAction({ kind: 'return', s })}>
          {t('outcome.return')}
        </Button>
      </Space>
    ) : (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.reviewComment ?? t('outcome.done')}
      </Typography.Text>
    );
  const columns: TableColumnsType<OutcomeSubmission> = [
    { title: t('outcome.teacher'), dataIndex: 'teacherName', width: 110 },
    { title: t('outcome.school'), dataIndex: 'schoolName', ellipsis: true },
    {
      title: t('outcome.item'),
      render: (_, s) => (
        <span>
          {s.label} <Typography.Text type="secondary">v{s.version}</Typography.Text>
        </span>
      ),
    },
    { title: t('outcome.file'), render: (_, s) => fileCell(s) },
    {
      title: t('outcome.submittedAt'),
      width: 140,
      render: (_, s) => formatDateTime(s.submittedAt),
    },
    { title: t('class.status'), width: 150, render: (_, s) => statusCell(s) },
    { title: t('common.actions'), width: 150, fixed: 'right', render: (_, s) => actionsCell(s) },
  ];
  // a phone: one stacked cell per outcome (who, what, the file, status and actions), nothing cut
  const cardColumns: TableColumnsType<OutcomeSubmission> = [
    {
      title: t('outcome.item'),
      key: 'card',
      render: (_, s) => (
        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
          <span>
            <Typography.Text strong>{s.teacherName}</Typography.Text>{' '}
            <Typography.Text type="secondary">{s.schoolName}</Typography.Text>
          </span>
          <span>
            {s.label} <Typography.Text type="secondary">v{s.version}</Typography.Text>
          </span>
          {fileCell(s)}
          <Space size={8} wrap>
            {statusCell(s)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(s.submittedAt)}
            </Typography.Text>
          </Space>
          {actionsCell(s)}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to={`/classes/${id}`}>{cls.data?.name ?? ''}</Link>
            <span>{t('outcome.queue')}</span>
          </Space>
        }
        extra={<Link to={`/classes/${id}/completion`}>{t('class.completion')}</Link>}
        styles={{ title: { whiteSpace: 'normal' } }}
      >
        <Segmented
          value={status}
          onChange={(v) => setStatus(v as OutcomeStatusCode | 'all')}
          options={(['submitted', 'returned', 'accepted', 'all'] as const).map((v) => ({
            value: v,
            label: label(v),
          }))}
          data-testid="outcome-status"
        />
        {q.isError ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} full />
        ) : (
          <Table<OutcomeSubmission>
            style={{ marginTop: 12 }}
            rowKey="id"
            size="small"
            loading={q.isPending}
            dataSource={shown}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{
              emptyText: counts ? (
                <FilteredEmpty<OutcomeStatusCode>
                  status={status}
                  counts={counts}
                  statusLabel={(x) => t(`outcome.status.${x}`)}
                  noneAtAll={t(schoolOnly ? 'outcome.queueNoneSchool' : 'outcome.queueNone')}
                  noneWith={(x) => t('outcome.noneWith', { status: x })}
                  onShowAll={() => setStatus('all')}
                />
              ) : null,
            }}
            scroll={narrow ? undefined : { x: 900 }}
            columns={narrow ? cardColumns : columns}
          />
        )}
      </Card>
      <ReviewModal action={action} onClose={() => setAction(null)} />
    </Space>
  );
}
