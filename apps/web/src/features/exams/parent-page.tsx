/**
 * 家长查询: a phone page without sign-in. A parent enters the student id and the access code
 * the school handed out and sees that child's results exactly as the server cut them: grade bands (SZ-12), a
 * score only where the policy allows it, never a rank (R-002-58).
 */
import { useMutation } from '@tanstack/react-query';
import { gradeBandLabels, type ParentResults } from '@yanxun/contracts';
import { Alert, Button, Card, Empty, Form, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, isApiError } from '../../shared/api';
import { errorMessage, retryAtOf, retryClock, waitWords } from '../../shared/error-messages';
import { type Lang, useI18n } from '../../shared/i18n';
import { semesterLabel } from '../../shared/semester';

const GRADE_COLORS = ['#1d5fbf', '#2f7d32', '#b26a00', '#8c8c8c', '#8c8c8c', '#8c8c8c', '#8c8c8c', '#8c8c8c'];

export function LangSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={(v) => setLang(v)}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en-US', label: 'EN' },
      ]}
    />
  );
}

/**
 * The server's message says the tries left and the wait in words (Chinese); en-US gets its own words. A wait
 * (429) is told as a clock time and a length, from the answer's retryAt or Retry-After.
 */
function parentError(err: unknown, lang: Lang, t: ReturnType<typeof useI18n>['t']): string {
  if (!isApiError(err)) return errorMessage(err, lang);
  const retryAt = err.code === 'RATE_LIMITED' ? retryAtOf(err) : null;
  if (retryAt && (lang !== 'zh-CN' || !err.message))
    return t('parent.err.wait', { time: retryClock(retryAt), wait: waitWords(retryAt, lang) });
  if (
    lang === 'zh-CN' &&
    (err.code === 'INVALID_CREDENTIALS' || err.code === 'ACCOUNT_LOCKED' || err.code === 'RATE_LIMITED')
  )
    return err.message;
  if (err.code === 'INVALID_CREDENTIALS') {
    const left = (err.details as { attemptsLeft?: number } | undefined)?.attemptsLeft ?? 0;
    return t('parent.err.wrong', { left });
  }
  if (err.code === 'ACCOUNT_LOCKED' || err.code === 'RATE_LIMITED') return t('parent.err.locked');
  return errorMessage(err, lang);
}

export function ParentResultsView({ data }: { data: ParentResults }) {
  const { t, lang } = useI18n();
  if (data.entries.length === 0) return <Empty description={t('parent.none')} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data.entries.map((e) => {
        const l = data.labels[e.examId];
        const gi = e.gradeCuts.findIndex((c) => c.grade === e.grade);
        const legend = gradeBandLabels(e.gradeCuts)
          .map((c) => c.label)
          .join(lang === 'zh-CN' ? '，' : ', ');
        return (
          <Card key={e.examId} size="small" data-testid="parent-entry">
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 12 }}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {l ? (lang === 'zh-CN' ? l.subject : l.subjectEn) : e.subject}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">{e.name}</Typography.Text>
                </div>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[semesterLabel(e.semester, lang), e.gradeLevel, e.examDate].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              </div>
              <div style={{ textAlign: 'center', flex: 'none' }}>
                {e.absent ? (
                  <Tag style={{ fontSize: 16, padding: '4px 10px', margin: 0 }}>{t('parent.absent')}</Tag>
                ) : (
                  <>
                    <div
                      role="img"
                      aria-label={`${t('parent.grade')} ${e.grade}`}
                      style={{
                        fontSize: 36,
                        lineHeight: '44px',
                        fontWeight: 700,
                        color: GRADE_COLORS[gi] ?? '#595959',
                      }}
                    >
                      {e.grade}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('parent.grade')}
                    </Typography.Text>
                  </>
                )}
              </div>
            </div>
            {e.score !== null && e.fullMarks !== null && (
              <Typography.Text>{t('parent.score', { score: e.score, full: e.fullMarks })}</Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('parent.legend', { text: legend })}
              </Typography.Text>
            </div>
          </Card>
        );
      })}
      {(lang === 'zh-CN'
        ? data.notes
        : [
            ...(data.entries.some((e) => e.mode === 'grades') ? [t('parent.note.grades')] : []),
            t('parent.note.own'),
          ]
      ).map((n) => (
        <Typography.Paragraph key={n} type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {n}
        </Typography.Paragraph>
      ))}
    </Space>
  );
}

export function ParentPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ studentId: string; code: string }>();
  const [data, setData] = useState<ParentResults | null>(null);
  const ask = useMutation({
    mutationFn: (v: { studentId: string; code: string }) => api.parentResults(v),
    onSuccess: (r) => setData(r),
  });
  const err = ask.error;
  return (
    <div style={{ minHeight: '100vh', background: '#f4f6f9' }}>
      <div style={{ maxWidth: 480, margin: '0 auto', padding: '16px 16px 32px' }}>
        <div
          style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginBottom: 12 }}
        >
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('parent.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('parent.subtitle')}</Typography.Text>
          </div>
          <LangSwitch />
        </div>
        {data ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Text>
              {t('parent.studentId')}
              {lang === 'zh-CN' ? '：' : ': '}
              <Typography.Text strong>{data.studentId}</Typography.Text>
            </Typography.Text>
            <ParentResultsView data={data} />
            <Button
              block
              size="large"
              onClick={() => {
                setData(null);
                form.resetFields();
              }}
            >
              {t('parent.again')}
            </Button>
          </Space>
        ) : (
          <Card>
            <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => ask.mutate(v)}>
              <Form.Item name="studentId" label={t('parent.studentId')} rules={[{ required: true }]}>
                <Input size="large" autoComplete="off" inputMode="text" maxLength={40} />
              </Form.Item>
              <Form.Item
                name="code"
                label={t('parent.code')}
                extra={t('parent.codeHint')}
                rules={[{ required: true }]}
              >
                <Input size="large" autoComplete="off" autoCapitalize="characters" maxLength={20} />
              </Form.Item>
              {err && (
                <Alert
                  style={{ marginBottom: 16 }}
                  type={
                    isApiError(err) && (err.code === 'ACCOUNT_LOCKED' || err.code === 'RATE_LIMITED')
                      ? 'warning'
                      : 'error'
                  }
                  showIcon
                  title={parentError(err, lang, t)}
                />
              )}
              <Button type="primary" size="large" block htmlType="submit" loading={ask.isPending}>
                {t('parent.submit')}
              </Button>
            </Form>
          </Card>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 16 }}>
          {t('parent.privacy')}
        </Typography.Paragraph>
      </div>
    </div>
  );
}
