import { CheckCircleOutlined, DownloadOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ImportJob, type ImportRowError, rowRuleText } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Col, Popconfirm, Row, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, fileUrls } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { ReasonWithRule } from '../../shared/rule-ref';
import { formatDateTime } from '../../shared/time';
import { importJobKey } from './import-queries';
import { importColumnWords, importProblemWords } from './import-words';

const STATS: {
  key: 'totalRows' | 'validRows' | 'errorRows' | 'toCreate' | 'toUpdate' | 'unchanged';
  label: MessageKey;
}[] = [
  { key: 'totalRows', label: 'import.totalRows' },
  { key: 'validRows', label: 'import.validRows' },
  { key: 'errorRows', label: 'import.errorRows' },
  { key: 'toCreate', label: 'import.toCreate' },
  { key: 'toUpdate', label: 'import.toUpdate' },
  { key: 'unchanged', label: 'import.unchanged' },
];

/**
 * The dry-run result of a validated import: what would happen, which rows are wrong and why, and the
 * commit choice. With errors, the default is to fix the file and upload it again; importing only the valid
 * rows is the explicit, confirmed exception.
 */
export function ImportPreview({ job, onReupload }: { job: ImportJob; onReupload: () => void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { download, pending } = useDownload();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const hasErrors = job.errorRows > 0;

  const errors = useQuery({
    queryKey: ['imports', job.id, 'errors', page, pageSize],
    queryFn: () => api.listImportErrors(job.id, { page, pageSize }),
    enabled: hasErrors,
    placeholderData: keepPreviousData,
  });

  const commit = useMutation({
    mutationFn: (mode: 'all' | 'valid') => api.commitImport(job.id, mode),
    onSuccess: async (updated) => {
      if (updated) queryClient.setQueryData(importJobKey(job.id), updated);
      await queryClient.invalidateQueries({ queryKey: importJobKey(job.id) });
      await queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });

  const columns: TableColumnsType<ImportRowError> = [
    { title: t('import.col.row'), dataIndex: 'row', width: 70, align: 'right' },
    {
      title: t('import.col.column'),
      dataIndex: 'column',
      width: 130,
      render: (v: string) => importColumnWords(lang, v),
    },
    {
      title: t('import.col.value'),
      dataIndex: 'value',
      width: 160,
      render: (v: string) =>
        v === '' ? <Typography.Text type="secondary">{t('import.emptyCell')}</Typography.Text> : v,
    },
    {
      // the kind of problem in words (core's row-rules.ts); the code for officers, in the ⓘ
      title: t('import.col.problem'),
      dataIndex: 'rule',
      width: 190,
      render: (v: string) => (
        <ReasonWithRule reason={rowRuleText(v, lang === 'zh-CN' ? 'zh' : 'en') ?? v} rules={v} />
      ),
    },
    {
      title: t('import.col.message'),
      dataIndex: 'message',
      render: (_: string, r: ImportRowError) => importProblemWords(lang, r),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-preview">
      <Row gutter={[12, 12]}>
        {STATS.map((s) => (
          <Col key={s.key} xs={12} sm={8} lg={4}>
            <Card size="small">
              <Statistic
                title={t(s.label)}
                value={job[s.key]}
                styles={s.key === 'errorRows' && hasErrors ? { content: { color: '#cf1322' } } : undefined}
                data-testid={`import-stat-${s.key}`}
              />
            </Card>
          </Col>
        ))}
      </Row>

      {hasErrors ? (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={t('import.hasErrors', { n: job.errorRows })}
          description={
            errors.data && job.errorCount > errors.data.total
              ? t('import.errorsCapped', { count: job.errorCount, kept: errors.data.total })
              : undefined
          }
          data-testid="import-has-errors"
        />
      ) : (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('import.noErrors')} />
      )}

      {job.status === 'validated' && job.expiresAt ? (
        <Typography.Text type="secondary" data-testid="import-expires">
          {t('import.keptUntil', { time: formatDateTime(job.expiresAt) })}
        </Typography.Text>
      ) : null}

      {commit.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(commit.error, lang)}
          data-testid="import-commit-error"
        />
      ) : null}

      {hasErrors ? (
        <Card
          size="small"
          title={t('import.errors')}
          extra={
            <Button
              size="small"
              icon={<DownloadOutlined />}
              loading={pending !== null}
              onClick={() => void download(fileUrls.errorReport(job.id), `errors-${job.id}.xlsx`)}
              data-testid="import-error-report"
            >
              {t('import.downloadErrors')}
            </Button>
          }
        >
          {errors.isError ? (
            <Alert type="error" showIcon title={errorMessage(errors.error, lang)} />
          ) : (
            <Table<ImportRowError>
              rowKey={(r) => `${r.row}:${r.column}:${r.rule}`}
              size="small"
              columns={columns}
              dataSource={errors.data?.items ?? []}
              loading={errors.isFetching}
              scroll={{ x: 800 }}
              pagination={{
                current: page,
                pageSize,
                total: errors.data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [10, 20, 50, 100],
                onChange: (p, size) => {
                  setPage(size === pageSize ? p : 1);
                  setPageSize(size);
                },
              }}
              data-testid="import-error-table"
            />
          )}
        </Card>
      ) : null}

      <Space wrap>
        {hasErrors ? (
          <>
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={onReupload}
              data-testid="import-reupload"
            >
              {t('import.reupload')}
            </Button>
            <Popconfirm
              title={t('import.commitValid', { n: job.validRows })}
              description={
                <div style={{ maxWidth: 300 }}>
                  {t('import.commitValidConfirm', { n: job.validRows, e: job.errorRows })}
                </div>
              }
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => commit.mutate('valid')}
              okButtonProps={{ 'data-testid': 'import-commit-valid-confirm' }}
            >
              <Button
                disabled={job.validRows === 0}
                loading={commit.isPending}
                data-testid="import-commit-valid"
              >
                {t('import.commitValid', { n: job.validRows })}
              </Button>
            </Popconfirm>
          </>
        ) : (
          <Button
            type="primary"
            loading={commit.isPending}
            onClick={() => commit.mutate('all')}
            data-testid="import-commit-all"
          >
            {t('import.commitAll')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
