import { LeftOutlined, LinkOutlined, SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyTrainingItem, OutcomeRequirementOut, OutcomeSubmission } from '@yanxun/contracts';
import { Alert, App, Button, Card, Input, Skeleton, Space, Statistic, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, fileUrls, isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ReasonWithRule } from '../../shared/rule-ref';
import { CheckList, hours, OutcomeStatusTag } from './outcome-status-tag';
import { PrintOwnTranscript } from './transcript-documents';

const FORMAT_NAMES: Record<string, string> = { pdf: 'PDF', docx: 'Word', mp4: 'MP4', link: '链接' };
const ACCEPT: Record<string, string> = { pdf: '.pdf', docx: '.docx', mp4: '.mp4' };

function SubmissionLine({ s }: { s: OutcomeSubmission }) {
  const { t } = useI18n();
  return (
    <div style={{ fontSize: 13, padding: '4px 0', borderTop: '1px dashed #f0f0f0' }}>
      <Space size={4} wrap>
        <span>{t('training.version', { n: s.version })}</span>
        <OutcomeStatusTag status={s.status} />
        {s.score !== null ? <span>{t('outcome.scoreValue', { n: s.score })}</span> : null}
        {s.file ? (
          <a href={fileUrls.outcomeFile(s.id)} target="_blank" rel="noreferrer">
            {s.file.name}
          </a>
        ) : s.link ? (
          <a href={s.link} target="_blank" rel="noreferrer">
            {t('training.link')}
          </a>
        ) : null}
      </Space>
      {s.reviewComment ? (
        <div style={{ color: s.status === 'returned' ? '#d46b08' : 'rgba(0,0,0,0.55)' }}>
          {t('outcome.comment')}：{s.reviewComment}
        </div>
      ) : null}
    </div>
  );
}

type Requirement = OutcomeRequirementOut & {
  current: OutcomeSubmission | null;
  versions: OutcomeSubmission[];
};

/** One outcome to hand in: status, review, upload (and a link for a recording). */
export function RequirementCard({
  item,
  r,
  open,
}: {
  item: Pick<MyTrainingItem, 'classId'>;
  r: Requirement;
  open: boolean;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [link, setLink] = useState('');
  const done = () => {
    message.success(t('training.uploaded'));
    setLink('');
    void queryClient.invalidateQueries({ queryKey: ['my-training'] });
  };
  const fail = (e: unknown) =>
    message.error(isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang));
  const upload = useMutation({
    mutationFn: (file: File) => api.submitOutcomeFile(item.classId, r.key, file),
    onSuccess: done,
    onError: fail,
  });
  const sendLink = useMutation({
    mutationFn: () => api.submitOutcomeLink(item.classId, r.key, { link }),
    onSuccess: done,
    onError: fail,
  });
  const cur = r.current;
  const canSubmit = open && cur?.status !== 'accepted';
  const files = r.accepts.filter((f) => f !== 'link');
  return (
    <Card size="small" style={{ marginTop: 8 }} data-testid={`requirement-${r.key}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <Typography.Text strong>{r.label}</Typography.Text>
        <OutcomeStatusTag status={cur?.status ?? null} />
      </Space>
      {cur?.status === 'accepted' && cur.score !== null ? (
        <div style={{ fontSize: 20, color: '#389e0d' }}>{t('outcome.scoreValue', { n: cur.score })}</div>
      ) : null}
      {cur?.status === 'returned' && cur.reviewComment ? (
        <Alert type="warning" showIcon style={{ marginTop: 6 }} title={cur.reviewComment} />
      ) : null}
      {canSubmit ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0' }}>
          {t('training.accepts', { formats: r.accepts.map((f) => FORMAT_NAMES[f] ?? f).join(' / ') })}
        </Typography.Paragraph>
      ) : null}
      {canSubmit ? (
        <Space orientation="vertical" style={{ width: '100%' }} size={6}>
          <Upload
            accept={files.map((f) => ACCEPT[f]).join(',')}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} type="primary" block loading={upload.isPending} size="large">
              {t(cur ? 'training.reupload' : 'training.upload')}
            </Button>
          </Upload>
          {r.accepts.includes('link') ? (
            <Space.Compact style={{ width: '100%' }}>
              <Input
                aria-label={t('training.link')}
                prefix={<LinkOutlined />}
                placeholder={t('training.linkPlaceholder')}
                value={link}
                onChange={(e) => setLink(e.target.value)}
              />
              <Button
                disabled={!/^https:\/\/\S+$/.test(link)}
                loading={sendLink.isPending}
                onClick={() => sendLink.mutate()}
              >
                {t('training.sendLink')}
              </Button>
            </Space.Compact>
          ) : null}
        </Space>
      ) : null}
      {r.versions.length > 0 ? (
        <details style={{ marginTop: 6 }} open={r.versions.length === 1}>
          <summary style={{ fontSize: 13, cursor: 'pointer' }}>
            {t('training.history')}（{r.versions.length}）
          </summary>
          {[...r.versions].reverse().map((s) => (
            <SubmissionLine key={s.id} s={s} />
          ))}
        </details>
      ) : null}
    </Card>
  );
}

export function TrainingItemCard({ item }: { item: MyTrainingItem }) {
  const { t } = useI18n();
  const w = item.outcomeWindow;
  const c = item.completion;
  const modes = new Map(item.outcomeSets.map((s) => [s.ruleId, s]));
  return (
    <Card style={{ marginTop: 12 }} data-testid={`training-${item.classId}`}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {item.programmeTitle}
      </Typography.Title>
      <Typography.Text type="secondary">
        {item.className} · {item.startDate} ~ {item.endDate} {item.venue}
      </Typography.Text>
      <Space style={{ display: 'flex', marginTop: 8 }} size={16} wrap>
        <span>
          {t('training.attendance')}：
          {t('training.attendanceValue', {
            attended: item.attendance.attended,
            sessions: item.attendance.sessions,
          })}
        </span>
        {item.attendance.approvedLeave > 0 ? (
          <Tag>{t('training.leave', { n: item.attendance.approvedLeave })}</Tag>
        ) : null}
      </Space>
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>{t('training.outcomes')}</Typography.Text>
        <Alert
          style={{ marginTop: 6 }}
          type={w.open ? 'info' : 'warning'}
          showIcon
          title={
            <ReasonWithRule
              reason={
                w.open
                  ? t('training.dueOpen', { date: w.dueDate })
                  : t('training.dueClosed', { from: w.opensOn, to: w.dueDate })
              }
              rules={{ ruleId: w.ruleId, value: w.dueDate }}
            />
          }
        />
        {[...modes.values()].map((set) => (
          <Typography.Paragraph key={set.ruleId} type="secondary" style={{ fontSize: 12, margin: '6px 0 0' }}>
            <ReasonWithRule
              type="secondary"
              reason={t(set.mode === 'any' ? 'training.anyOf' : 'training.allOf')}
              rules={set.ruleId}
            />
          </Typography.Paragraph>
        ))}
        {item.requirements.map((r) => (
          <RequirementCard key={r.key} item={item} r={r} open={w.open} />
        ))}
      </div>
      <div style={{ marginTop: 12 }} data-testid="training-completion">
        <Typography.Text strong>{t('training.completion')}</Typography.Text>
        {c ? (
          <div style={{ marginTop: 6 }}>
            <Tag color={c.completed ? 'green' : 'red'} style={{ fontSize: 14, padding: '2px 10px' }}>
              {t(c.completed ? 'completion.completed' : 'completion.notCompleted')}
            </Tag>
            {c.completed ? <span>{t('training.hoursUnit', { n: hours(c.hoursTenths) })}</span> : null}
            <div style={{ marginTop: 6 }}>
              <CheckList checks={c.checks} />
            </div>
            {c.certificate && !c.certificate.revoked ? (
              <Card size="small" style={{ marginTop: 8, background: '#fffbe6' }}>
                <Space orientation="vertical" size={4}>
                  <span>
                    <SafetyCertificateOutlined /> {t('training.certificate')} {c.certificate.certificateNo}
                  </span>
                  <a
                    href={fileUrls.certificate(item.classId, c.teacherId)}
                    target="_blank"
                    rel="noreferrer"
                    data-testid="certificate-link"
                  >
                    {t('training.downloadCertificate')}
                  </a>
                  <a
                    href={fileUrls.certificatePdf(item.classId, c.teacherId)}
                    download
                    data-testid="certificate-pdf"
                  >
                    {t('training.downloadPdf')}
                  </a>
                </Space>
              </Card>
            ) : null}
          </div>
        ) : (
          <Typography.Paragraph type="secondary">{t('training.notEvaluated')}</Typography.Paragraph>
        )}
      </div>
    </Card>
  );
}

/** "我的培训": the teacher's phone page (works at 390 px): classes, outcomes, completion, certificate, hours. */
export function MyTrainingPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['my-training'], queryFn: () => api.myTraining() });
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 12, minHeight: '100vh', background: '#f5f7fa' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Link to="/">
          <LeftOutlined /> {t('training.back')}
        </Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('training.title')}
        </Typography.Title>
        <span style={{ width: 48 }} />
      </Space>
      {q.isPending ? (
        <Skeleton active />
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <>
          <Card style={{ marginTop: 12 }}>
            <Statistic
              title={t('training.hoursTotal')}
              value={hours(q.data.hours?.totalTenths ?? 0)}
              suffix={t('completion.hours')}
              data-testid="hours-total"
            />
            {(q.data.hours?.entries ?? []).map((e) => (
              <div
                key={e.id}
                style={{ fontSize: 13, color: e.reversedAt ? '#999' : undefined }}
                data-testid="hours-entry"
              >
                <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                  {e.occurredOn}
                </Typography.Text>
                {e.programmeTitle ?? t(`hours.src.${e.source}`)}：
                {t('training.hoursUnit', { n: hours(e.hoursTenths) })}
                {e.reversedAt ? `（${t('hours.reversed', { reason: e.reverseReason ?? '' })}）` : ''}
              </div>
            ))}
            <div style={{ marginTop: 12 }}>
              <PrintOwnTranscript />
            </div>
          </Card>
          {q.data.items.length === 0 ? (
            <Card style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{t('training.empty')}</Typography.Text>
            </Card>
          ) : (
            q.data.items.map((item) => <TrainingItemCard key={item.classId} item={item} />)
          )}
        </>
      )}
    </div>
  );
}
