/**
 * /me/trainer (a teacher's phone page): today's conditions for a first appointment, the application form when no
 * application waits or membership runs, and each record with its status, term and whole history.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MyTrainer, TrainerDetail } from '@yanxun/contracts';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Skeleton, Space, Typography } from 'antd';
import { api, isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { EligibilityView, TrainerHistory, TrainerStatusTag } from './trainer-labels';

const OPEN = new Set(['applied', 'recommended', 'approved', 'appointed']);

function RecordCard({ r }: { r: TrainerDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" style={{ marginTop: 12 }} data-testid={`my-trainer-${r.id}`}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start" wrap>
        <Typography.Text strong>{r.poolName}</Typography.Text>
        <TrainerStatusTag status={r.status} />
      </Space>
      {r.termStart ? (
        <div style={{ fontSize: 13, color: 'rgba(0,0,0,0.55)' }}>
          {t('trainer.term')}：{r.termStart} ~ {r.endedOn ?? r.termEnd}
        </div>
      ) : null}
      {r.status === 'returned' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 6 }}
          title={`${r.events.at(-1)?.reason ?? ''}（${t('trainer.canApplyAgain')}）`}
        />
      ) : null}
      {r.assignments.length > 0 ? (
        <div style={{ marginTop: 6, fontSize: 13 }}>
          {r.assignments.map((a) => (
            <div key={a.id}>
              {a.startsOn} · {t(`trainer.role.${a.role}`)} · {a.targetTitle}
            </div>
          ))}
        </div>
      ) : null}
      <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 4px', fontSize: 12 }}>
        {t('trainer.history')}
      </Typography.Text>
      <TrainerHistory events={r.events} />
    </Card>
  );
}

function ApplyCard({ data }: { data: MyTrainer }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ poolOrgId?: string; statement?: string }>();
  const apply = useMutation({
    mutationFn: (v: { poolOrgId?: string; statement?: string }) =>
      api.applyTrainer({ statement: v.statement ?? '', ...(v.poolOrgId ? { poolOrgId: v.poolOrgId } : {}) }),
    onSuccess: () => {
      message.success(t('trainer.applied'));
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['my-trainer'] });
    },
    onError: (e) => {
      const text = isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang);
      const field = isApiError(e) ? (e.details as { field?: string } | undefined)?.field : undefined;
      if (field === 'statement' || field === 'poolOrgId') form.setFields([{ name: field, errors: [text] }]);
      else message.error(text);
    },
  });
  const busy = new Set(data.records.filter((r) => OPEN.has(r.status)).map((r) => r.poolOrgId));
  const pools = data.pools.filter((p) => !busy.has(p.id));
  if (pools.length === 0) return null;
  return (
    <Card size="small" title={t('trainer.apply')} style={{ marginTop: 12 }}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ poolOrgId: pools[0]?.id }}
        onFinish={(v) => apply.mutate(v)}
        data-testid="trainer-apply-form"
      >
        <Form.Item name="poolOrgId" label={t('trainer.applyTo')}>
          <Select
            aria-label={t('trainer.applyTo')}
            options={pools.map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="statement"
          label={t('trainer.statement')}
          rules={[{ required: true, min: 10, whitespace: true, message: t('trainer.statementHint') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('trainer.statementHint')}
            aria-label={t('trainer.statement')}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={apply.isPending}>
          {t('trainer.apply')}
        </Button>
      </Form>
    </Card>
  );
}

export function MyTrainerPage() {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['my-trainer'], queryFn: () => api.myTrainer() });
  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('trainer.myTitle')}
      </Typography.Title>
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.isLoading ? <Skeleton active /> : null}
      {q.data ? (
        <>
          <Card size="small" title={t('trainer.myCheck')}>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('trainer.age', { n: q.data.eligibility.age })}
            </Typography.Text>
            <EligibilityView eligibility={q.data.eligibility} />
          </Card>
          <ApplyCard data={q.data} />
          {q.data.records.length === 0 ? (
            <Empty
              style={{ marginTop: 16 }}
              description={t('trainer.none')}
              image={Empty.PRESENTED_IMAGE_SIMPLE}
            />
          ) : (
            q.data.records.map((r) => <RecordCard key={r.id} r={r} />)
          )}
        </>
      ) : null}
    </div>
  );
}
