/**
 * 月度动态评价 (R3-G17): the month of every studio and workshop in scope — planned and held, attendance, outputs,
 * teachers led, core's findings — and the 进修学校's feedback (community.review) on each.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityReview, ReviewRow } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, App, Button, Card, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { todayIso } from '../../shared/time';
import { FindingsList } from './findings-list';

function FeedbackModal({
  month,
  row,
  onClose,
}: {
  month: string;
  row: ReviewRow;
  onClose: (saved: boolean) => void;
}) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(row.feedback ?? '');
  const save = useMutation({
    mutationFn: () => api.communityFeedback(row.communityId, month, text.trim()),
    onSuccess: () => onClose(true),
  });
  return (
    <Modal
      open
      title={`${t('comm.feedback')} · ${row.name}`}
      onCancel={() => onClose(false)}
      onOk={() => save.mutate()}
      okButtonProps={{ loading: save.isPending, disabled: text.trim().length < 2 }}
    >
      <Input.TextArea
        aria-label={t('comm.feedback')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        autoSize={{ minRows: 4 }}
      />
      {save.error ? <Alert type="error" title={errorMessage(save.error, lang)} /> : null}
    </Modal>
  );
}

export function CommunityReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [editing, setEditing] = useState<ReviewRow | null>(null);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
  const key = ['communities', 'review', month];
  const q = useQuery<CommunityReview>({
    queryKey: key,
    queryFn: () => api.communityReview({ month }),
    enabled: valid,
  });
  const columns: TableColumnsType<ReviewRow> = [
    {
      title: t('comm.name'),
      dataIndex: 'name',
      render: (n: string, r) => <Link to={`/communities/${r.communityId}`}>{n}</Link>,
    },
    {
      title: t('comm.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: ReviewRow['kind']) => t(`comm.kind.${k}`),
    },
    { title: t('comm.hostUnit'), dataIndex: 'hostOrgName' },
    { title: t('comm.planned'), dataIndex: 'planned', width: 60, align: 'right' },
    { title: t('comm.held'), dataIndex: 'held', width: 60, align: 'right' },
    {
      title: t('comm.rate'),
      dataIndex: 'attendanceRate',
      width: 80,
      align: 'right',
      render: (r: number | null) => (r === null ? t('common.none') : `${Math.round(r * 1000) / 10}%`),
    },
    { title: t('comm.outputs'), dataIndex: 'outputs', width: 60, align: 'right' },
    { title: t('comm.led'), dataIndex: 'membersLed', width: 80, align: 'right' },
    {
      title: t('comm.findings'),
      key: 'findings',
      render: (_, r) => (r.findings.length > 0 ? <FindingsList findings={r.findings} /> : t('common.none')),
    },
    {
      title: t('comm.feedback'),
      key: 'feedback',
      render: (_, r) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text>{r.feedback ?? t('common.none')}</Typography.Text>
          {q.data?.canFeedback ? (
            <Button size="small" type="link" onClick={() => setEditing(r)}>
              {t('comm.writeFeedback')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  const table = useKeyColumns(columns, ['name', 'attendanceRate', 'findings'], { x: 1100 });
  return (
    <Card title={<Typography.Title level={4}>{t('comm.review')}</Typography.Title>}>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>{t('comm.month')}</Typography.Text>
        <Input
          aria-label={t('comm.month')}
          value={month}
          onChange={(e) => setMonth(e.target.value.trim())}
          placeholder="2026-10"
          style={{ width: 120 }}
          status={valid ? undefined : 'error'}
        />
      </Space>
      {q.error ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<ReviewRow>
        rowKey="communityId"
        size="small"
        loading={q.isLoading && valid}
        columns={table.columns}
        dataSource={q.data?.rows ?? []}
        locale={{ emptyText: t('comm.none') }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={table.scroll}
      />
      {editing ? (
        <FeedbackModal
          month={month}
          row={editing}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              void message.success(t('comm.saved'));
              void client.invalidateQueries({ queryKey: key });
            }
          }}
        />
      ) : null}
    </Card>
  );
}
