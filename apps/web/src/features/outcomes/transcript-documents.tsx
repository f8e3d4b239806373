/**
 * 学时证明 on the teacher's hours card, for bureaus that may certify (hours.certify): issue one (a PDF with its
 * verification code, each issue a document of its own) and the documents issued so far, a transcript revocable
 * with a reason (its public page then says 已撤销).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuedDocument } from '@yanxun/contracts';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { api, isApiError } from '../../shared/api';
import { saveBlob } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { ReasonAction } from '../../shared/reason-action';
import { hasPermission, useMe } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { hours } from './outcome-status-tag';

function RevokeButton({ doc, teacherId }: { doc: IssuedDocument; teacherId: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  return (
    <ReasonAction
      label={t('hours.documents.revoke')}
      reasonLabel={t('hours.documents.revokeReason')}
      run={(reason) => api.revokeDocument(doc.code, { reason })}
      onDone={() => void queryClient.invalidateQueries({ queryKey: ['teacher-documents', teacherId] })}
    />
  );
}

/** The signed-in teacher's own 学时证明 (Y-HOURS-SELF-TRANSCRIPT): a PDF with its code, downloaded at once. */
export function PrintOwnTranscript() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const print = useMutation({
    mutationFn: () => api.issueOwnTranscript(),
    onSuccess: (f) => {
      saveBlob(f.blob, f.fileName ?? '学时证明.pdf');
      message.success(t('hours.transcript.printedOwn', { code: f.code ?? '' }));
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  if (!hasPermission(me.data, 'hours.transcript.self')) return null;
  return (
    <Button block loading={print.isPending} onClick={() => print.mutate()} data-testid="print-own-transcript">
      {t('hours.transcript.printOwn')}
    </Button>
  );
}

export function TranscriptDocuments({ teacherId }: { teacherId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const may = hasPermission(me.data, 'hours.certify');
  const docs = useQuery({
    queryKey: ['teacher-documents', teacherId],
    queryFn: () => api.teacherDocuments(teacherId),
    enabled: may,
  });
  const issue = useMutation({
    mutationFn: () => api.issueTranscript(teacherId),
    onSuccess: (f) => {
      saveBlob(f.blob, f.fileName ?? '学时证明.pdf');
      message.success(t('hours.transcript.issued', { code: f.code ?? '' }));
      void queryClient.invalidateQueries({ queryKey: ['teacher-documents', teacherId] });
    },
    onError: (e) => message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  if (!may || docs.isError) return null;
  return (
    <div style={{ marginTop: 16 }} data-testid="teacher-documents">
      <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text strong>{t('hours.documents')}</Typography.Text>
        <Button type="primary" size="small" loading={issue.isPending} onClick={() => issue.mutate()}>
          {t('hours.transcript.issue')}
        </Button>
      </Space>
      <Table<IssuedDocument>
        rowKey="code"
        size="small"
        pagination={false}
        loading={docs.isPending}
        dataSource={docs.data?.items ?? []}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('verify.document'),
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <span>
                  {d.kind === 'transcript' ? t('verify.kind.transcript') : d.title}
                  {d.certificateNo ? ` · ${d.certificateNo}` : ''}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <a href={`/verify/${d.code}`} target="_blank" rel="noreferrer">
                    {d.code}
                  </a>
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('verify.hours'), width: 80, render: (_, d) => hours(d.hoursTenths) },
          { title: t('verify.issuedOn'), width: 110, render: (_, d) => d.issuedOn },
          {
            title: t('common.actions'),
            width: 180,
            render: (_, d) =>
              d.revokedAt ? (
                <Tag color="red">
                  {t('hours.documents.revokedAt', {
                    date: formatDate(d.revokedAt),
                    reason: d.revokeReason ?? '',
                  })}
                </Tag>
              ) : d.kind === 'transcript' ? (
                <RevokeButton doc={d} teacherId={teacherId} />
              ) : (
                <Tag color="green">{t('verify.valid')}</Tag>
              ),
          },
        ]}
      />
    </div>
  );
}
