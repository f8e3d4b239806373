import { useQuery } from '@tanstack/react-query';
import type { MetricDefinition, RubricDocument, RubricFindingBody, RubricNodeInput } from '@yanxun/contracts';
import { Alert, Form, Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useId } from 'react';
import { api } from '../../../shared/api';
import { useI18n } from '../../../shared/i18n';
import { rubricFindingSentence } from './rubric-finding-words';

const FORMS = ['review_documents', 'review_archives', 'site_visit', 'review_materials'] as const;
type Deduction = NonNullable<RubricNodeInput['deduction']>;

const NEW_DEDUCTION: Deduction = {
  per: 'person_time',
  points: 1,
  floor: 0,
  reasons: [],
  ruleId: '',
  source: '',
};

/** A number field that may be left empty (undefined). */
const num = (v: number | string | null) => (typeof v === 'number' ? v : undefined);

/** The form of the selected indicator: every field writes straight into the draft, so the check runs as one types. */
export function RubricNodeForm({
  doc,
  node,
  depth,
  findings,
  disabled,
  onChange,
}: {
  doc: RubricDocument;
  node: RubricNodeInput;
  depth: number;
  findings: RubricFindingBody[];
  disabled: boolean;
  onChange: (patch: Partial<RubricNodeInput>) => void;
}) {
  const { t } = useI18n();
  const ids = useId();
  const level = depth === 1 ? 'rubric.level1' : depth === 2 ? 'rubric.level2' : 'rubric.level3';
  const deduction = node.deduction;
  const setDeduction = (patch: Partial<Deduction>) =>
    onChange({ deduction: { ...(deduction ?? NEW_DEDUCTION), ...patch } });
  return (
    <Form layout="vertical" disabled={disabled} data-testid="rubric-node-form">
      <Typography.Title level={5} type="secondary" style={{ marginTop: 0 }} data-testid="rubric-node-level">
        {t(level)}
      </Typography.Title>
      {findings.length > 0 ? (
        <Alert
          style={{ margin: '8px 0 12px' }}
          type={findings.some((f) => f.severity === 'error') ? 'error' : 'warning'}
          showIcon
          title={t('rubric.node.findings')}
          description={findings.map((f) => (
            <div key={`${f.code}-${f.message}`}>{rubricFindingSentence(t, f)}</div>
          ))}
        />
      ) : null}
      <Space wrap align="start">
        <Form.Item label={t('rubric.node.id')} htmlFor={`${ids}-id`} style={{ width: 140 }}>
          <Input
            id={`${ids}-id`}
            value={node.id}
            maxLength={60}
            onChange={(e) => onChange({ id: e.target.value })}
          />
        </Form.Item>
        <Form.Item
          label={t('rubric.node.points')}
          htmlFor={`${ids}-points`}
          extra={t('rubric.node.pointsHint')}
          style={{ width: 220 }}
        >
          <InputNumber
            id={`${ids}-points`}
            value={node.points ?? null}
            style={{ width: 120 }}
            onChange={(v) => onChange({ points: num(v) })}
            data-testid="rubric-node-points"
          />
        </Form.Item>
        {doc.scoreGroups.length > 0 ? (
          <Form.Item label={t('rubric.node.group')} style={{ width: 200 }}>
            <Select
              allowClear
              value={node.scoreGroup ?? null}
              options={doc.scoreGroups.map((g) => ({ value: g.id, label: `${g.title}（${g.points}）` }))}
              onChange={(v: string | null | undefined) => onChange({ scoreGroup: v ?? undefined })}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('rubric.node.form')} style={{ width: 160 }}>
          <Select
            allowClear
            value={node.form ?? null}
            options={FORMS.map((f) => ({ value: f, label: t(`rubric.form.${f}`) }))}
            onChange={(v: RubricNodeInput['form'] | null) => onChange({ form: v ?? undefined })}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('rubric.node.title')}>
        <Input
          value={node.title ?? ''}
          maxLength={200}
          onChange={(e) => onChange({ title: e.target.value || undefined })}
          data-testid="rubric-node-title"
        />
      </Form.Item>
      <Form.Item label={t('rubric.node.text')}>
        <Input.TextArea
          value={node.text ?? ''}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={4000}
          onChange={(e) => onChange({ text: e.target.value || undefined })}
        />
      </Form.Item>
      <Form.Item label={t('rubric.node.departments')}>
        <Select
          mode="tags"
          value={node.departments}
          tokenSeparators={[',', '，', '、']}
          onChange={(v: string[]) => onChange({ departments: v })}
          open={false}
        />
      </Form.Item>
      <Form.Item label={t('rubric.node.evidence')}>
        <Input.TextArea
          value={node.evidence.join('\n')}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(e) => onChange({ evidence: e.target.value.split('\n') })}
        />
      </Form.Item>
      <Form.Item label={t('rubric.deduction')}>
        <Switch
          checked={deduction !== undefined}
          onChange={(on) => onChange({ deduction: on ? NEW_DEDUCTION : undefined })}
          data-testid="rubric-deduction-switch"
        />
      </Form.Item>
      {deduction ? (
        <Space wrap align="start" data-testid="rubric-deduction">
          <Form.Item label={t('rubric.deduction.points')} style={{ width: 140 }}>
            <InputNumber value={deduction.points} onChange={(v) => setDeduction({ points: num(v) ?? 0 })} />
          </Form.Item>
          <Form.Item
            label={t('rubric.deduction.floor')}
            extra={t('rubric.deduction.floorHint')}
            style={{ width: 220 }}
          >
            <InputNumber value={deduction.floor ?? null} onChange={(v) => setDeduction({ floor: num(v) })} />
          </Form.Item>
          <Form.Item label={t('rubric.deduction.ruleId')} style={{ width: 140 }}>
            <Input
              value={deduction.ruleId}
              maxLength={40}
              onChange={(e) => setDeduction({ ruleId: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('rubric.deduction.reasons')} style={{ minWidth: 320 }}>
            <Select
              mode="tags"
              open={false}
              value={deduction.reasons.map((r) => r.label)}
              onChange={(labels: string[]) =>
                setDeduction({
                  reasons: labels.map(
                    (label) => deduction.reasons.find((r) => r.label === label) ?? { code: label, label },
                  ),
                })
              }
            />
          </Form.Item>
        </Space>
      ) : null}
      {node.veto ? (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={t('rubric.veto', {
            label: node.veto.label,
            effect: node.veto.enabled ? t(`rubric.veto.${node.veto.effect}`) : t('rubric.veto.off'),
          })}
        />
      ) : null}
      <Form.Item label={t('rubric.node.note')}>
        <Input.TextArea
          value={node.note ?? ''}
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={2000}
          onChange={(e) => onChange({ note: e.target.value || undefined })}
        />
      </Form.Item>
      <LiveItemField node={node} onChange={onChange} />
    </Form>
  );
}

/**
 * The node's live item (`metric`): one of the registry's definitions, labelled with its rule, or none. A new
 * campaign binds it to the node's scored unit by default; on one numbered description it shows numbers only.
 */
function LiveItemField({
  node,
  onChange,
}: {
  node: RubricNodeInput;
  onChange: (patch: Partial<RubricNodeInput>) => void;
}) {
  const { t } = useI18n();
  const metrics = useQuery({ queryKey: ['eval-metrics'], queryFn: () => api.evaluationMetrics() });
  const defs: MetricDefinition[] = metrics.data ?? [];
  const known = node.metric === undefined || defs.some((d) => d.key === node.metric);
  const options = [
    ...defs.map((d) => ({
      value: d.key,
      label: t('rubric.metric.option', { label: d.label, rule: d.ruleId }),
      kinds: d.subjectKinds.map((k) => t(`eval.kind.${k}`)).join('、'),
    })),
    ...(known || metrics.isPending || node.metric === undefined
      ? []
      : [{ value: node.metric, label: t('rubric.metric.unknown', { key: node.metric }), kinds: '' }]),
  ];
  return (
    <Form.Item label={t('rubric.metric')} extra={t('rubric.metricHint')}>
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={metrics.isPending}
        placeholder={t('rubric.metric.none')}
        value={node.metric ?? null}
        options={options}
        optionRender={(o) => (
          <Space orientation="vertical" size={0}>
            <span style={{ whiteSpace: 'normal' }}>{o.data.label}</span>
            {o.data.kinds ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.data.kinds}
              </Typography.Text>
            ) : null}
          </Space>
        )}
        onChange={(v: string | null | undefined) => onChange({ metric: v ?? undefined })}
        data-testid="rubric-node-metric"
      />
    </Form.Item>
  );
}
