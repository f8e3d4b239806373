import { CheckCircleOutlined, DownloadOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ConfirmRemovalDetails,
  EXAM_INPUT_RULE_TEXTS,
  type Exam,
  type ExamInputError,
  type ExamUpload,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, fileUrls, isApiError } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { type MessageKey, useI18n } from '../../shared/i18n';
import { ReasonWithRule } from '../../shared/rule-ref';
import { formatDateTime } from '../../shared/time';

type Slot = 'scores' | 'items' | 'prior';
const SLOTS: { key: Slot; label: MessageKey }[] = [
  { key: 'scores', label: 'exam.up.scores' },
  { key: 'items', label: 'exam.up.items' },
  { key: 'prior', label: 'exam.up.prior' },
];

// a refused commit of a stored dry run says why (details.reason), not the generic CONFLICT text
const COMMIT_REFUSALS = ['UPLOAD_COMMITTED', 'UPLOAD_EXPIRED', 'UPLOAD_SUPERSEDED'] as const;

export function commitErrorMessage(
  error: unknown,
  t: (key: MessageKey) => string,
  lang: Parameters<typeof errorMessage>[1],
): string {
  if (isApiError(error) && error.code === 'CONFLICT') {
    const d = error.details;
    const reason = typeof d === 'object' && d !== null && 'reason' in d ? String(d.reason) : '';
    const known = COMMIT_REFUSALS.find((r) => r === reason);
    if (known) return t(`exam.up.${known}`);
  }
  return errorMessage(error, lang);
}

/** The details of a 409 CONFIRM_REMOVAL (the commit would remove many stored students), else null. */
export function confirmRemovalOf(error: unknown): ConfirmRemovalDetails | null {
  if (!isApiError(error) || error.code !== 'CONFIRM_REMOVAL') return null;
  const d = error.details;
  if (typeof d !== 'object' || d === null) return null;
  const { removed, current, share } = d as Record<string, unknown>;
  if (typeof removed !== 'number' || typeof current !== 'number' || typeof share !== 'number') return null;
  return { removed, current, share };
}

/**
 * A clean dry run and its commit. When the server answers that the commit would remove more than the set share
 * of the exam's stored students, a dialog names the number, and only its confirmation sends it back.
 */
export function ExamUploadCommit({
  exam,
  upload,
  onCommitted,
}: {
  exam: Exam;
  upload: ExamUpload;
  onCommitted: (r: ExamUpload) => void | Promise<void>;
}) {
  const { t, lang } = useI18n();
  const [removal, setRemoval] = useState<ConfirmRemovalDetails | null>(null);
  const commit = useMutation({
    mutationFn: (confirmRemoval?: number) => api.commitExamUpload(exam.id, upload.id, confirmRemoval),
    onSuccess: async (r) => {
      setRemoval(null);
      await onCommitted(r);
    },
    onError: (err) => setRemoval(confirmRemovalOf(err)),
  });
  const refused = commit.error && !confirmRemovalOf(commit.error) ? commit.error : null;
  return (
    <>
      {refused ? <Alert type="error" title={commitErrorMessage(refused, t, lang)} /> : null}
      <ExamUploadResult
        exam={exam}
        upload={upload}
        onCommit={() => commit.mutate(undefined)}
        committing={commit.isPending}
      />
      <Modal
        open={removal !== null}
        title={removal ? t('exam.up.removal.title', { removed: removal.removed }) : null}
        okText={removal ? t('exam.up.removal.ok', { removed: removal.removed }) : null}
        cancelText={t('exam.up.removal.cancel')}
        okButtonProps={{ danger: true }}
        destroyOnHidden
        confirmLoading={commit.isPending}
        onOk={() => removal && commit.mutate(removal.removed)}
        onCancel={() => {
          setRemoval(null);
          commit.reset();
        }}
      >
        {removal
          ? t('exam.up.removal.body', {
              removed: removal.removed,
              current: removal.current,
              share: Math.round(removal.share * 100),
            })
          : null}
      </Modal>
    </>
  );
}

/** The dry run's outcome: counts, or every bad cell by file, row, column, value and rule (like the import wizard). */
export function ExamUploadResult({
  exam,
  upload,
  onCommit,
  committing,
}: {
  exam: Exam;
  upload: ExamUpload;
  onCommit?: () => void;
  committing?: boolean;
}) {
  const { t, lang } = useI18n();
  const { download, pending } = useDownload();
  const columns: TableColumnsType<ExamInputError> = [
    { title: t('exam.up.file'), dataIndex: 'file', width: 90, render: (f: Slot) => t(`exam.up.file.${f}`) },
    { title: t('exam.up.row'), dataIndex: 'row', width: 70, align: 'right' },
    { title: t('exam.up.column'), dataIndex: 'column', width: 110 },
    { title: t('exam.up.value'), dataIndex: 'value', width: 120 },
    {
      // the kind of problem in words; the code for officers, in the ⓘ
      title: t('import.col.problem'),
      dataIndex: 'rule',
      width: 170,
      render: (r: ExamInputError['rule']) => (
        <ReasonWithRule reason={EXAM_INPUT_RULE_TEXTS[r]?.[lang === 'zh-CN' ? 'zh' : 'en'] ?? r} rules={r} />
      ),
    },
    { title: t('exam.up.message'), dataIndex: 'message' },
  ];
  if (upload.committed)
    return <Alert type="success" showIcon icon={<CheckCircleOutlined />} title={t('exam.up.committed')} />;
  if (upload.ok)
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert
          type="success"
          showIcon
          title={t('exam.up.ok', {
            students: upload.students,
            absent: upload.absent,
            schools: upload.schools,
            items: upload.items,
          })}
          description={
            upload.expiresAt ? t('exam.up.keptUntil', { time: formatDateTime(upload.expiresAt) }) : undefined
          }
        />
        <Button type="primary" onClick={onCommit} loading={committing}>
          {t('exam.up.commit')}
        </Button>
      </Space>
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="error"
        showIcon
        icon={<WarningOutlined />}
        title={t('exam.up.bad', { count: upload.errorCount })}
      />
      <Button
        icon={<DownloadOutlined />}
        loading={pending !== null}
        onClick={() => download(fileUrls.examUploadErrors(exam.id, upload.id), 'errors.xlsx')}
      >
        {t('exam.up.errors')}
      </Button>
      <Table<ExamInputError>
        size="small"
        rowKey={(e) => `${e.file}-${e.row}-${e.column}-${e.rule}`}
        columns={columns}
        dataSource={upload.errors}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
      />
    </Space>
  );
}

/** Three files → dry run → (only when clean) commit. */
export function ExamUploadWizard({ exam, onDone }: { exam: Exam; onDone?: () => void }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const [files, setFiles] = useState<Partial<Record<Slot, File>>>({});
  const [result, setResult] = useState<ExamUpload | null>(null);
  const check = useMutation({
    mutationFn: () =>
      api.uploadExamScores(exam.id, {
        scores: files.scores as File,
        items: files.items as File,
        ...(files.prior ? { prior: files.prior } : {}),
      }),
    onSuccess: setResult,
  });

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('exam.up.title', { name: exam.name })}
      </Typography.Title>
      {SLOTS.map((s) => (
        <div key={s.key}>
          <Typography.Text>{t(s.label)}</Typography.Text>
          <div>
            <Upload
              accept=".csv,.xlsx"
              maxCount={1}
              beforeUpload={(file) => {
                setFiles((f) => ({ ...f, [s.key]: file }));
                setResult(null);
                return false;
              }}
              onRemove={() => setFiles((f) => ({ ...f, [s.key]: undefined }))}
            >
              <Button icon={<UploadOutlined />}>{t('exam.up.choose')}</Button>
            </Upload>
          </div>
        </div>
      ))}
      <Button
        type="primary"
        disabled={!files.scores || !files.items}
        loading={check.isPending}
        onClick={() => check.mutate()}
      >
        {t('exam.up.validate')}
      </Button>
      {check.error ? <Alert type="error" title={errorMessage(check.error, lang)} /> : null}
      {result ? (
        <ExamUploadCommit
          key={result.id}
          exam={exam}
          upload={result}
          onCommitted={async (r) => {
            setResult(r);
            await queryClient.invalidateQueries({ queryKey: ['exams'] });
            onDone?.();
          }}
        />
      ) : null}
    </Space>
  );
}
