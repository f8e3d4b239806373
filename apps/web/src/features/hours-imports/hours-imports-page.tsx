/**
 * 外部学时导入: upload another platform's records, read every row's verdict (the dry run), import; below, the
 * review queue of records that did not go straight to the ledger, each posted or dismissed with a reason.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExternalBatch, ExternalQueueItem, ExternalRow, ExternalSystem } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { keyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { importColumnWords, importProblemWords, queueItemWords } from '../imports/import-words';

const VERDICT_COLORS: Record<ExternalRow['verdict'], string> = {
  new: 'green',
  unchanged: 'default',
  changed: 'gold',
  queued: 'orange',
  already_queued: 'default',
  invalid: 'red',
};

const hours = (tenths: number | null) => (tenths === null ? '' : (tenths / 10).toFixed(1));

function DryRun({ batch, onDone }: { batch: ExternalBatch; onDone: () => void }) {
  const { t, lang } = useI18n();
  const commit = useMutation({ mutationFn: () => api.commitExternalImport(batch.id), onSuccess: onDone });
  const columns: TableColumnsType<ExternalRow> = [
    { title: t('ext.row'), dataIndex: 'row', width: 70 },
    {
      title: t('ext.verdict'),
      dataIndex: 'verdict',
      width: 120,
      render: (v: ExternalRow['verdict']) => <Tag color={VERDICT_COLORS[v]}>{t(`ext.v.${v}`)}</Tag>,
    },
    { title: t('ext.recordId'), dataIndex: 'recordId', width: 120 },
    { title: t('ext.name'), dataIndex: 'name', width: 90 },
    { title: t('ext.course'), dataIndex: 'title', ellipsis: true },
    { title: t('ext.hours'), dataIndex: 'hoursTenths', width: 80, align: 'right', render: hours },
    {
      title: t('ext.problems'),
      key: 'problems',
      render: (_: unknown, r: ExternalRow) =>
        r.problems.map((p) => (
          <div key={`${p.column}-${p.rule}`}>
            {importColumnWords(lang, p.column)}
            {t('import.cellValue', { value: p.value })}
            {importProblemWords(lang, p)}
          </div>
        )),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" title={t('ext.counts', { ...batch.counts })} />
      <Table
        rowKey="row"
        size="small"
        columns={columns}
        dataSource={batch.rows}
        pagination={{ pageSize: 20 }}
      />
      {commit.data ? (
        <Alert
          type="success"
          title={t('ext.committed', {
            posted: commit.data.posted,
            reversed: commit.data.reversed,
            queued: commit.data.queued,
          })}
        />
      ) : (
        <Button type="primary" loading={commit.isPending} onClick={() => commit.mutate()}>
          {t('ext.commit')}
        </Button>
      )}
      {commit.error ? <Alert type="error" title={errorMessage(commit.error, lang)} /> : null}
    </Space>
  );
}

function Queue() {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const queue = useQuery({ queryKey: ['hours', 'import-queue'], queryFn: () => api.externalQueue() });
  const [dismissing, setDismissing] = useState<ExternalQueueItem | null>(null);
  const [reason, setReason] = useState('');
  const resolve = useMutation({
    mutationFn: (v: { id: string; body: Parameters<typeof api.resolveExternalQueued>[1] }) =>
      api.resolveExternalQueued(v.id, v.body),
    onSuccess: () => {
      setDismissing(null);
      setReason('');
      return client.invalidateQueries({ queryKey: ['hours', 'import-queue'] });
    },
  });
  const columns: TableColumnsType<ExternalQueueItem> = [
    {
      title: t('ext.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: ExternalQueueItem['kind']) => t(`ext.k.${k}`),
    },
    { title: t('ext.name'), dataIndex: 'name', width: 90 },
    { title: t('ext.recordId'), dataIndex: 'recordId', width: 120 },
    { title: t('ext.course'), dataIndex: 'title', ellipsis: true },
    { title: t('ext.hours'), dataIndex: 'hoursTenths', width: 70, align: 'right', render: hours },
    {
      title: t('ext.dates'),
      key: 'dates',
      width: 200,
      render: (_: unknown, q: ExternalQueueItem) => `${q.startDate} ~ ${q.endDate}`,
    },
    {
      title: t('ext.problems'),
      key: 'message',
      ellipsis: true,
      render: (_: unknown, q: ExternalQueueItem) => queueItemWords(lang, q),
    },
    {
      key: 'actions',
      width: 180,
      render: (_: unknown, q: ExternalQueueItem) => (
        <Space>
          <Button size="small" onClick={() => resolve.mutate({ id: q.id, body: { action: 'post' } })}>
            {t('ext.post')}
          </Button>
          <Button size="small" danger onClick={() => setDismissing(q)}>
            {t('ext.dismiss')}
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('ext.queue')}>
      {queue.error ? <QueryError error={queue.error} /> : null}
      {resolve.error ? <Alert type="error" title={errorMessage(resolve.error, lang)} /> : null}
      <Table
        rowKey="id"
        size="small"
        columns={keyColumns(columns, ['name', 'hoursTenths', 'actions'])}
        dataSource={queue.data ?? []}
        loading={queue.isLoading}
        locale={{ emptyText: t('ext.queueEmpty') }}
      />
      <Modal
        open={dismissing !== null}
        title={t('ext.dismiss')}
        okButtonProps={{ disabled: reason.trim().length < 2, loading: resolve.isPending }}
        onOk={() =>
          dismissing &&
          resolve.mutate({ id: dismissing.id, body: { action: 'dismiss', reason: reason.trim() } })
        }
        onCancel={() => setDismissing(null)}
      >
        <Input.TextArea
          aria-label={t('ext.dismissReason')}
          placeholder={t('ext.dismissReason')}
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

export function HoursImportsPage() {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const [system, setSystem] = useState<ExternalSystem>('smartedu');
  const upload = useMutation({ mutationFn: (file: File) => api.createExternalImport(system, file) });
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('ext.title')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">{t('ext.hint')}</Typography.Paragraph>
          <Space wrap>
            <span>{t('ext.system')}</span>
            <Select<ExternalSystem>
              aria-label={t('ext.system')}
              value={system}
              style={{ width: 240 }}
              onChange={setSystem}
              options={(['smartedu', 'provincial_ce'] as const).map((s) => ({
                value: s,
                label: t(`ext.sys.${s}`),
              }))}
            />
            <Upload
              accept=".xlsx,.csv"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button loading={upload.isPending}>{t('ext.choose')}</Button>
            </Upload>
          </Space>
          {upload.error ? <Alert type="error" title={errorMessage(upload.error, lang)} /> : null}
          {upload.data ? (
            <DryRun
              key={upload.data.id}
              batch={upload.data}
              onDone={() => client.invalidateQueries({ queryKey: ['hours', 'import-queue'] })}
            />
          ) : null}
        </Space>
      </Card>
      <Queue />
    </Space>
  );
}
