import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SubjectView } from '@yanxun/contracts';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../shared/api';
import { evaluationEvidenceUrl } from '../../shared/api-evaluation';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { failText, StatusTag } from './eval-labels';

/** The subject's page: evidence per unit, self-scores, appeals in the window, the results once released. */
export function EvaluationSubjectPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [self, setSelf] = useState<Record<string, number>>({});
  const [appealUnit, setAppealUnit] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const q = useQuery({ queryKey: ['eval-subject', id], queryFn: () => api.evaluationSubject(id) });
  const card = useQuery({
    queryKey: ['eval-scorecard', id],
    queryFn: () => api.evaluationScorecard(id),
    enabled: q.data?.scorecardReady === true,
  });
  const done = (v: SubjectView) => queryClient.setQueryData(['eval-subject', id], v);
  const onError = (e: unknown) => message.error(failText(e, lang));
  const upload = useMutation({
    mutationFn: ({ unitId, file }: { unitId: string; file: File }) =>
      api.uploadEvaluationEvidence(id, unitId, file),
    onSuccess: done,
    onError,
  });
  const saveSelf = useMutation({
    mutationFn: () => api.saveEvaluationSelfScores(id, { scores: { ...q.data?.selfScores, ...self } }),
    onSuccess: (v) => {
      done(v);
      message.success(t('eval.saved'));
    },
    onError,
  });
  const appeal = useMutation({
    mutationFn: (reason: string) => api.fileEvaluationAppeal(id, { unitId: appealUnit ?? '', reason }),
    onSuccess: (v) => {
      done(v);
      setAppealUnit(null);
      void queryClient.invalidateQueries({ queryKey: ['eval-scorecard', id] });
    },
    onError,
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} full />;
  const v = q.data;
  if (!v) return <Card loading />;
  const canAppeal = card.data?.canAppeal === true;
  return (
    <Card
      title={`${v.campaign.name} · ${v.subjectName}`}
      styles={{ title: { whiteSpace: 'normal' } }}
      extra={
        <Space>
          <StatusTag status={v.campaign.status} />
          {v.scorecardReady ? (
            <Link to={`/evaluation/subjects/${id}/scorecard`}>{t('eval.scorecard')}</Link>
          ) : null}
        </Space>
      }
      data-testid="eval-subject"
    >
      {v.campaign.appealClosesOn ? (
        <Typography.Paragraph type="secondary">
          {t('eval.appealClosesOn', { date: v.campaign.appealClosesOn })}
        </Typography.Paragraph>
      ) : null}
      <ItemList
        items={v.units}
        rowKey={(u) => u.id}
        render={(u) => {
          const final = card.data?.units.find((x) => x.unitId === u.id);
          return (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>
                  {u.id} {u.title}
                </Typography.Text>
                <Tag>{t('eval.max', { n: u.max })}</Tag>
                {final ? <Tag color="green">{`${t('eval.final')} ${final.final}`}</Tag> : null}
              </Space>
              {u.departments.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('eval.departments', { d: u.departments.join('、') })}
                </Typography.Text>
              ) : null}
              {u.evidence.length > 0 ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {u.evidence.join('；')}
                </Typography.Text>
              ) : null}
              {v.evidence
                .filter((e) => e.unitId === u.id)
                .map((e) => (
                  <a key={e.id} href={evaluationEvidenceUrl(id, e.id)} target="_blank" rel="noreferrer">
                    {e.name}
                  </a>
                ))}
              <Space wrap>
                {v.canUpload ? (
                  <Upload
                    showUploadList={false}
                    accept=".pdf,.jpg,.jpeg,.png,.xlsx,.docx"
                    beforeUpload={(file) => {
                      upload.mutate({ unitId: u.id, file });
                      return false;
                    }}
                  >
                    <Button size="small" title={t('eval.uploadHint')}>
                      {t('eval.upload')}
                    </Button>
                  </Upload>
                ) : null}
                {v.canUpload ? (
                  <InputNumber
                    size="small"
                    aria-label={`${t('eval.selfScores')} ${u.id}`}
                    min={0}
                    max={u.max}
                    step={0.1}
                    value={self[u.id] ?? v.selfScores[u.id] ?? null}
                    onChange={(x) => setSelf((s) => ({ ...s, ...(x === null ? {} : { [u.id]: x }) }))}
                  />
                ) : v.selfScores[u.id] !== undefined ? (
                  <Tag color="blue">{t('eval.self', { n: v.selfScores[u.id] ?? 0 })}</Tag>
                ) : null}
                {canAppeal ? (
                  <Button size="small" onClick={() => setAppealUnit(u.id)}>
                    {t('eval.appeal')}
                  </Button>
                ) : null}
              </Space>
            </Space>
          );
        }}
      />
      {v.canUpload ? (
        <Button type="primary" onClick={() => saveSelf.mutate()} loading={saveSelf.isPending}>
          {t('eval.saveSelf')}
        </Button>
      ) : null}
      {v.appeals.length > 0 ? (
        <Card size="small" title={t('eval.appeals')} style={{ marginTop: 16 }}>
          {v.appeals.map((a) => (
            <div key={a.id}>
              {a.unitId} {a.unitTitle}：{a.reason} · {t(`eval.appealStatus.${a.status}`)}
              {a.decisionReason ? `（${a.decisionReason}）` : ''}
            </div>
          ))}
        </Card>
      ) : null}
      <Modal
        open={appealUnit !== null}
        title={`${t('eval.appeal')} · ${appealUnit ?? ''}`}
        onCancel={() => setAppealUnit(null)}
        onOk={() => form.submit()}
        confirmLoading={appeal.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(x) => appeal.mutate(x.reason)}>
          <Form.Item
            name="reason"
            label={t('eval.reason')}
            rules={[{ required: true, whitespace: true, min: 2 }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
