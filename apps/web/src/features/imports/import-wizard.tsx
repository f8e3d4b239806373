import { BankOutlined, DownloadOutlined, InboxOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKind } from '@yanxun/contracts';
import { Alert, Button, Card, Col, Progress, Result, Row, Skeleton, Space, Steps, Typography } from 'antd';
import { type DragEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, api, fileUrls } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ImportPreview } from './import-preview';
import { importJobKey, useImportJob } from './import-queries';

type LocalStep = 0 | 1 | 2;

/** Which of the five steps a job is at; before a job exists the user's own position counts. */
export function stepOf(job: ImportJob | undefined, local: LocalStep): number {
  if (!job) return local;
  if (job.status === 'committing' || job.status === 'committed') return 4;
  return 3;
}

const KIND_ICONS: Record<ImportKind, ReactNode> = {
  schools: <BankOutlined style={{ fontSize: 28, color: '#1d5fbf' }} />,
  teachers: <TeamOutlined style={{ fontSize: 28, color: '#1d5fbf' }} />,
};

export function ImportWizard({
  jobId,
  onJobChange,
}: {
  jobId: string | null;
  onJobChange: (id: string | null) => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { download, pending } = useDownload();
  const [kind, setKind] = useState<ImportKind | null>(null);
  const [local, setLocal] = useState<LocalStep>(0);
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const jobQuery = useImportJob(jobId);
  const job = jobQuery.data;
  const activeKind: ImportKind | null = job?.kind ?? kind;
  const status = job?.status;
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
  }, [status, queryClient]);

  const upload = useMutation({
    mutationFn: ({ k, file }: { k: ImportKind; file: File }) => api.createImport(k, file),
    onSuccess: async (created) => {
      queryClient.setQueryData(importJobKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      onJobChange(created.id);
    },
  });

  function chooseFile(file: File | undefined) {
    if (!file || !activeKind) return;
    upload.mutate({ k: activeKind, file });
  }

  function restart(keepKind: boolean) {
    upload.reset();
    if (!keepKind) setKind(null);
    else if (job) setKind(job.kind);
    setLocal(keepKind ? 2 : 0);
    onJobChange(null);
  }

  const step = stepOf(job, local);
  const failed = job?.status === 'failed';
  const kindLabel = activeKind ? t(`import.kind.${activeKind}`) : '';

  const steps = [
    { title: t('import.stepKind') },
    { title: t('import.stepTemplate') },
    { title: t('import.stepUpload') },
    { title: t('import.stepPreview') },
    { title: t('import.stepResult') },
  ];

  function body() {
    if (jobId && jobQuery.isError)
      return <QueryError error={jobQuery.error} onRetry={() => void jobQuery.refetch()} />;
    if (jobId && !job) return <Skeleton active />;

    if (job) {
      if (job.status === 'queued' || job.status === 'validating' || job.status === 'committing') {
        const label =
          job.status === 'queued'
            ? t('import.queued')
            : job.status === 'validating'
              ? t('import.validating', { file: job.fileName })
              : t('import.committing');
        return (
          <div
            style={{ maxWidth: 520, margin: '32px auto', textAlign: 'center' }}
            data-testid="import-progress"
          >
            <Typography.Paragraph>{label}</Typography.Paragraph>
            <Progress percent={Math.round(job.progress)} status="active" />
          </div>
        );
      }
      if (job.status === 'failed') {
        return (
          <Result
            status="error"
            title={t('import.failed')}
            subTitle={job.error ? errorMessage(new ApiError({ status: 0, ...job.error }), lang) : undefined}
            extra={
              <Button type="primary" onClick={() => restart(true)} data-testid="import-reupload">
                {t('import.reupload')}
              </Button>
            }
            data-testid="import-failed"
          />
        );
      }
      if (job.status === 'validated') return <ImportPreview job={job} onReupload={() => restart(true)} />;
      return (
        <Result
          status="success"
          title={t('import.done')}
          subTitle={t('import.doneDetail', { n: job.committedRows, c: job.toCreate, u: job.toUpdate })}
          data-testid="import-result"
          extra={[
            <Button
              key="view"
              type="primary"
              onClick={() => navigate(job.kind === 'teachers' ? '/teachers' : '/schools')}
            >
              {t('import.viewData', { kind: t(`import.kind.${job.kind}`) })}
            </Button>,
            <Button key="again" onClick={() => restart(false)} data-testid="import-again">
              {t('import.again')}
            </Button>,
          ]}
        />
      );
    }

    if (local === 0) {
      return (
        <Row gutter={[16, 16]} style={{ maxWidth: 720 }}>
          {(['schools', 'teachers'] as const).map((k) => (
            <Col key={k} xs={24} sm={12}>
              <Card
                hoverable
                onClick={() => {
                  setKind(k);
                  setLocal(1);
                }}
                style={{ borderColor: kind === k ? '#1d5fbf' : undefined }}
                data-testid={`import-kind-${k}`}
                role="button"
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    setKind(k);
                    setLocal(1);
                  }
                }}
              >
                <Space align="start" size="middle">
                  {KIND_ICONS[k]}
                  <div>
                    <Typography.Title level={5} style={{ margin: 0 }}>
                      {t(`import.kind.${k}`)}
                    </Typography.Title>
                    <Typography.Text type="secondary">{t(`import.kindHelp.${k}`)}</Typography.Text>
                  </div>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      );
    }

    if (local === 1 && activeKind) {
      return (
        <Space orientation="vertical" size="middle" style={{ maxWidth: 640 }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('import.templateHelp')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            loading={pending !== null}
            onClick={() => void download(fileUrls.template(activeKind), `${activeKind}-template.xlsx`)}
            data-testid="import-template-download"
          >
            {t('import.downloadTemplate', { kind: kindLabel })}
          </Button>
          <Space>
            <Button onClick={() => setLocal(0)}>{t('common.prev')}</Button>
            <Button type="primary" onClick={() => setLocal(2)} data-testid="import-next">
              {t('common.next')}
            </Button>
          </Space>
        </Space>
      );
    }

    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('import.uploadHelp')}</Typography.Paragraph>
        {upload.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(upload.error, lang)}
            data-testid="import-upload-error"
          />
        ) : null}
        <label
          htmlFor={inputId}
          onDragOver={(e: DragEvent<HTMLLabelElement>) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e: DragEvent<HTMLLabelElement>) => {
            e.preventDefault();
            setDragging(false);
            chooseFile(e.dataTransfer.files[0]);
          }}
          style={{
            display: 'block',
            border: `1px dashed ${dragging ? '#1d5fbf' : '#d9d9d9'}`,
            background: dragging ? '#f0f5ff' : '#fafafa',
            borderRadius: 8,
            padding: '32px 16px',
            textAlign: 'center',
            cursor: upload.isPending ? 'progress' : 'pointer',
          }}
        >
          <InboxOutlined style={{ fontSize: 40, color: '#1d5fbf' }} />
          <div style={{ marginTop: 8, fontSize: 15 }}>
            {upload.isPending ? t('import.uploading') : `${t('import.chooseFile')}（${kindLabel}，.xlsx）`}
          </div>
          <input
            id={inputId}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            style={{ display: 'none' }}
            disabled={upload.isPending}
            onChange={(e) => {
              chooseFile(e.target.files?.[0]);
              e.target.value = '';
            }}
            data-testid="import-file-input"
          />
        </label>
        <Button onClick={() => setLocal(1)}>{t('common.prev')}</Button>
      </Space>
    );
  }

  return (
    <Card title={activeKind ? `${t('import.title')} · ${kindLabel}` : t('import.title')}>
      <Steps
        current={step}
        status={failed ? 'error' : undefined}
        items={steps}
        size="small"
        responsive
        style={{ marginBottom: 24 }}
        data-testid="import-steps"
      />
      {body()}
    </Card>
  );
}
