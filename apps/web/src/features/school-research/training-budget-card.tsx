/**
 * 教师培训经费 (R3-B09): a school's card for the budget year — the public-funds budget, the training budget and what
 * was used, entered in 元 (sent as integer fen), the two ratios against the rule and the findings; the county's
 * table of its schools' records with the flags. Short of a line is shown, never refused.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrainingBudget, TrainingBudgetInput } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api } from '../../shared/api';
import { errorMessage, fieldErrors } from '../../shared/error-messages';
import { findingSentence } from '../../shared/finding-words';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';

/** R3-B09's budget year: the calendar year (预算年度) in Asia/Shanghai. */
export const budgetYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** 元 as typed → integer fen (two decimals at most). */
export const toFen = (yuan: number) => Math.round(yuan * 100);
const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Cut, not rounded, so 4.999 % never reads as 5 %. */
const pct = (share: number) => `${Math.floor(share * 10000 + 1e-7) / 100}%`;

interface FormValues {
  publicFunds: number;
  budget: number;
  used: number;
  note?: string;
}

const FIELD_OF: Record<string, keyof FormValues> = {
  publicFundsFen: 'publicFunds',
  budgetFen: 'budget',
  usedFen: 'used',
  note: 'note',
};

function Standing({ b }: { b: TrainingBudget }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Tag color={b.budgetMet ? 'success' : 'warning'}>
        {t('tb.share', { share: pct(b.budgetShare) })} · {t(b.budgetMet ? 'tb.met' : 'tb.short')}
      </Tag>
      <Tag color={b.useMet ? 'success' : 'warning'}>
        {t('tb.use', { share: b.useShare === null ? '—' : pct(b.useShare) })} ·{' '}
        {t(b.useMet ? 'tb.met' : 'tb.short')}
      </Tag>
    </Space>
  );
}

export function TrainingBudgetCard({ schoolId, year }: { schoolId: string; year: number }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const q = useQuery({
    queryKey: ['school-research', 'training-budget', schoolId, year],
    queryFn: () => api.schoolTrainingBudget(schoolId, year),
  });
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body: TrainingBudgetInput = {
        publicFundsFen: toFen(v.publicFunds),
        budgetFen: toFen(v.budget),
        usedFen: toFen(v.used),
        note: v.note?.trim() ? v.note.trim() : null,
      };
      return api.saveTrainingBudget(schoolId, year, body);
    },
    onSuccess: () => {
      void message.success(t('tb.saved'));
      void qc.invalidateQueries({ queryKey: ['school-research'] });
    },
    onError: (e) => {
      const fields = fieldErrors(e).flatMap((f) => {
        const name = FIELD_OF[f.name.replace(/^\//, '')];
        return name ? [{ name, errors: [f.message] }] : [];
      });
      if (fields.length > 0) form.setFields(fields);
      else void message.error(errorMessage(e, lang));
    },
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  const r = d?.record ?? null;
  return (
    <Card title={`${t('tb.title')} · ${t('tb.year', { year })}`} loading={q.isLoading}>
      {d && (
        <Typography.Paragraph type="secondary">
          {t('tb.rule', { shareMin: pct(d.shareMin), useMin: pct(d.useMin) })}
        </Typography.Paragraph>
      )}
      {r ? (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Standing b={r} />
          {r.findings.length === 0 ? (
            <Alert type="success" showIcon title={t('tb.allMet')} />
          ) : (
            r.findings.map((f) => (
              <Alert
                key={f.message}
                type="warning"
                showIcon
                title={`${findingSentence(t, f)}（${f.rule}）`}
              />
            ))
          )}
        </Space>
      ) : (
        d && <Empty description={t('tb.none')} style={{ marginBottom: 12 }} />
      )}
      {d?.canEdit && (
        <Form<FormValues>
          form={form}
          layout="vertical"
          key={r?.updatedAt ?? 'new'}
          initialValues={
            r
              ? {
                  publicFunds: r.publicFundsFen / 100,
                  budget: r.budgetFen / 100,
                  used: r.usedFen / 100,
                  note: r.note ?? '',
                }
              : {}
          }
          onFinish={(v) => save.mutate(v)}
          style={{ maxWidth: 480 }}
        >
          <Form.Item name="publicFunds" label={t('tb.publicFunds')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="budget" label={t('tb.budget')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="used" label={t('tb.used')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="note" label={t('tb.note')}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('tb.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function TrainingBudgetsTable({ year, onOpen }: { year: number; onOpen: (schoolId: string) => void }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['school-research', 'training-budgets', year],
    queryFn: () => api.trainingBudgets(year),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card
      title={`${t('tb.list')} · ${t('tb.year', { year })}`}
      loading={q.isLoading}
      extra={
        q.data && (
          <Typography.Text type="secondary">
            {t('tb.metBoth', { n: q.data.metBoth, total: q.data.items.length })}
          </Typography.Text>
        )
      }
    >
      <Table<TrainingBudget>
        size="small"
        rowKey="schoolId"
        dataSource={q.data?.items ?? []}
        scroll={{ x: true }}
        pagination={false}
        locale={{ emptyText: <Empty description={t('tb.none')} /> }}
        columns={[
          { title: t('tb.col.school'), dataIndex: 'schoolName' },
          { title: t('tb.publicFunds'), align: 'right', render: (_: unknown, b) => yuan(b.publicFundsFen) },
          { title: t('tb.budget'), align: 'right', render: (_: unknown, b) => yuan(b.budgetFen) },
          { title: t('tb.used'), align: 'right', render: (_: unknown, b) => yuan(b.usedFen) },
          { title: t('tb.col.flags'), render: (_: unknown, b) => <Standing b={b} /> },
          {
            title: '',
            render: (_: unknown, b) => (
              <Button size="small" onClick={() => onOpen(b.schoolId)}>
                {t('tb.open')}
              </Button>
            ),
          },
        ]}
        expandable={{
          rowExpandable: (b) => b.findings.length > 0,
          expandedRowRender: (b) => (
            <Space orientation="vertical">
              {b.findings.map((f) => (
                <Typography.Text key={f.message} type="warning">
                  {findingSentence(t, f)}（{f.rule}）
                </Typography.Text>
              ))}
            </Space>
          ),
        }}
      />
    </Card>
  );
}
