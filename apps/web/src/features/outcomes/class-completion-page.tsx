import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CompletionRow, CompletionRunResult } from '@yanxun/contracts';
import { Alert, App, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, fileUrls, isApiError } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { CheckList, completionRules, hours } from './outcome-status-tag';

/** A class's completion (结业): run it, see every trainee with the rules behind the result, certificates. */
export function ClassCompletionPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [ran, setRan] = useState<CompletionRunResult | null>(null);
  const zip = useDownload();
  const q = useQuery({ queryKey: ['completion', id], queryFn: () => api.classCompletion(id) });
  const fail = (e: unknown) =>
    message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang));
  const run = useMutation({
    mutationFn: () => api.runCompletion(id),
    onSuccess: (r) => {
      setRan(r);
      queryClient.setQueryData(['completion', id], r);
    },
    onError: fail,
  });
  const record = useMutation({
    mutationFn: (teacherId: string) => api.recordNotCompleted(id, teacherId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['completion', id] }),
    onError: fail,
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  const d = q.data;
  const done = d?.rows.filter((r) => r.completed).length ?? 0;
  return (
    <Card
      loading={q.isPending}
      title={
        <Space wrap>
          <Link to={`/classes/${id}`}>{d?.className}</Link>
          <span>{t('completion.title')}</span>
        </Space>
      }
      extra={<Link to={`/classes/${id}/outcomes`}>{t('class.outcomes')}</Link>}
    >
      {d ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <Typography.Text type="secondary">{d.programmeTitle}</Typography.Text>
            <Tag>{t('completion.fullHours', { n: hours(d.fullHoursTenths) })}</Tag>
            {d.rows.length > 0 ? (
              <Tag color="blue">{t('completion.summary', { done, total: d.rows.length })}</Tag>
            ) : null}
          </Space>
          <Space wrap>
            <Button
              type="primary"
              disabled={!d.canRun}
              loading={run.isPending}
              onClick={() => run.mutate()}
              data-testid="completion-run"
            >
              {t(d.rows.length > 0 ? 'completion.rerun' : 'completion.run')}
            </Button>
            <Typography.Text type="secondary">
              {t('completion.runHint', { date: d.runOpensOn })}
            </Typography.Text>
            {d.canRun && done > 0 ? (
              <Button
                loading={zip.pending !== null}
                onClick={() => void zip.download(fileUrls.certificatesZip(id), '结业证书.zip')}
                data-testid="certificates-zip"
              >
                {t('completion.certificatesZip', { n: done })}
              </Button>
            ) : null}
          </Space>
          {ran ? (
            <Alert
              type="success"
              showIcon
              closable
              onClose={() => setRan(null)}
              title={t('completion.ranResult', {
                n: ran.evaluated,
                done: ran.completed,
                certs: ran.certificatesIssued,
                hours: ran.hoursPosted,
              })}
            />
          ) : null}
          <Table<CompletionRow>
            rowKey="teacherId"
            size="small"
            dataSource={d.rows}
            pagination={{ pageSize: 100, hideOnSinglePage: true }}
            locale={{ emptyText: t('completion.notRun') }}
            scroll={{ x: 1000 }}
            columns={[
              { title: t('outcome.teacher'), dataIndex: 'teacherName', width: 100 },
              { title: t('outcome.school'), dataIndex: 'schoolName', width: 180, ellipsis: true },
              {
                title: t('completion.title'),
                width: 90,
                render: (_, r) => (
                  <Tag color={r.completed ? 'green' : 'red'}>
                    {t(r.completed ? 'completion.completed' : 'completion.notCompleted')}
                  </Tag>
                ),
              },
              { title: t('completion.attendance'), width: 80, render: (_, r) => `${r.attendancePct}%` },
              { title: t('completion.hours'), width: 70, render: (_, r) => hours(r.hoursTenths) },
              {
                // the rules once, in the header (officers: ⓘ), not on every line
                title: (
                  <span data-testid="completion-reasons-title">
                    {t('completion.reasons')}
                    <RuleRef rules={completionRules(d.rows.flatMap((r) => r.checks))} />
                  </span>
                ),
                render: (_, r) => <CheckList checks={r.checks} />,
              },
              {
                title: t('completion.certificateNo'),
                width: 170,
                render: (_, r) =>
                  r.certificate ? (
                    r.certificate.revoked ? (
                      <Typography.Text delete type="secondary">
                        {r.certificate.certificateNo} {t('completion.revoked')}
                      </Typography.Text>
                    ) : (
                      <Space size={4}>
                        <a href={fileUrls.certificate(id, r.teacherId)} target="_blank" rel="noreferrer">
                          {r.certificate.certificateNo}
                        </a>
                        <a href={fileUrls.certificatePdf(id, r.teacherId)} download>
                          PDF
                        </a>
                      </Space>
                    )
                  ) : (
                    '—'
                  ),
              },
              ...(d.canRecordIntegrity
                ? [
                    {
                      title: t('common.actions'),
                      width: 140,
                      render: (_: unknown, r: CompletionRow) =>
                        r.completed ? null : r.integrityRecorded ? (
                          <Tag color="volcano">{t('completion.integrityDone')}</Tag>
                        ) : (
                          <Popconfirm
                            title={t('completion.integrityConfirm')}
                            onConfirm={() => record.mutate(r.teacherId)}
                          >
                            <Button size="small" danger>
                              {t('completion.integrity')}
                            </Button>
                          </Popconfirm>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Space>
      ) : null}
    </Card>
  );
}
