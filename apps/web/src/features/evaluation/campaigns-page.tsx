import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CampaignSummary,
  type CreateCampaign,
  EVALUATION_NORMALISATIONS,
  EVALUATION_SUBJECT_KINDS,
  type EvaluationNormalisation,
  type EvaluationSubjectKind,
  type RubricSummary,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { currentYear } from '../../shared/time';
import { failText, StatusTag } from './eval-labels';
import { rubricFindingSentence } from './rubrics/rubric-finding-words';

interface CreateForm {
  ownerOrgId: string;
  name: string;
  year: number;
  subjectKind: EvaluationSubjectKind;
  rubricRef: string;
  normalisation: EvaluationNormalisation;
  appealDays: number;
  subjects: string[];
  subjectIds?: string;
  /** unit ids whose declared live metric the campaign binds (all by default) */
  liveUnits?: string[];
  raters?: string;
}

const OWNER_KINDS = new Set(['province', 'city', 'county', 'tdc']);

/** The rubric's declared live items (from the server's metric registry) that apply to a subject kind. */
const liveFor = (rubric: RubricSummary | undefined, kind: EvaluationSubjectKind | undefined) =>
  (rubric?.liveBindings ?? []).filter((b) => kind !== undefined && b.metric.subjectKinds.includes(kind));

/** New campaign: the rubric with its warnings, the normalisation chosen, the subjects. */
function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [form] = Form.useForm<CreateForm>();
  const owners = (me?.grants ?? []).filter(
    (g) => OWNER_KINDS.has(g.orgKind) && ['system_admin', 'bureau_admin', 'tdc_staff'].includes(g.role),
  );
  const ownerOrgId = Form.useWatch('ownerOrgId', form);
  const kind = Form.useWatch('subjectKind', form);
  const rubricRef = Form.useWatch('rubricRef', form);
  const rubrics = useQuery({
    queryKey: ['eval-rubrics'],
    queryFn: () => api.evaluationRubrics(),
    enabled: open,
  });
  const children = useQuery({
    queryKey: ['org-children', ownerOrgId],
    queryFn: () => api.orgChildren(ownerOrgId),
    enabled: open && Boolean(ownerOrgId) && kind === 'county',
  });
  const rubric = rubrics.data?.find((r) => r.ref === rubricRef);
  const live = liveFor(rubric, kind);
  const liveKey = live.map((b) => b.unitId).join(',');
  // every declared live item of the rubric and subject kind is bound unless the officer unticks it
  useEffect(() => {
    form.setFieldValue('liveUnits', liveKey ? liveKey.split(',') : []);
  }, [form, liveKey]);
  const clone = useMutation({
    mutationFn: (body: { ownerOrgId: string; from: string }) => api.cloneEvaluationRubric(body),
    onSuccess: (r) => {
      void rubrics.refetch();
      form.setFieldValue('rubricRef', r.ref);
      message.success(t('eval.cloned', { title: r.title }));
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  const create = useMutation({
    mutationFn: async (v: CreateForm) => {
      const ids = kind === 'county' ? v.subjects : (v.subjectIds ?? '').split(/[,，\s]+/).filter(Boolean);
      const body: CreateCampaign = {
        ownerOrgId: v.ownerOrgId,
        name: v.name,
        year: v.year,
        subjectKind: v.subjectKind,
        rubricRef: v.rubricRef,
        normalisation: v.normalisation,
        appealDays: v.appealDays,
        subjects: ids,
        metricBindings: Object.fromEntries(
          liveFor(
            rubrics.data?.find((r) => r.ref === v.rubricRef),
            v.subjectKind,
          )
            .filter((b) => (v.liveUnits ?? []).includes(b.unitId))
            .map((b) => [b.unitId, b.metric.key]),
        ),
      };
      const created = await api.createEvaluationCampaign(body);
      const usernames = (v.raters ?? '').split(/[,，\s]+/).filter(Boolean);
      // the same experts for every subject; the campaign page assigns per subject
      if (usernames.length > 0)
        return api.assignEvaluationRaters(created.id, {
          assignments: created.subjects.map((x) => ({ subjectId: x.id, usernames })),
        });
      return created;
    },
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['eval-campaigns'] });
      onClose();
      navigate(`/evaluation/campaigns/${c.id}`);
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  return (
    <Modal
      open={open}
      title={t('eval.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{
          ownerOrgId: owners[0]?.orgId,
          year: currentYear(),
          subjectKind: 'county',
          rubricRef: 'builtin:A',
          normalisation: 'item_points',
          appealDays: 5,
          subjects: [],
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="ownerOrgId" label={t('eval.owner')} rules={[{ required: true }]}>
          <Select options={owners.map((g) => ({ value: g.orgId, label: g.orgName }))} />
        </Form.Item>
        <Form.Item name="name" label={t('eval.name')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="year" label={t('eval.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="rubricRef" label={t('eval.rubric')} rules={[{ required: true }]}>
          <Select
            loading={rubrics.isPending}
            options={(rubrics.data ?? []).map((r) => ({ value: r.ref, label: `${r.title}（${r.version}）` }))}
            onChange={(ref: string) => {
              const r = rubrics.data?.find((x) => x.ref === ref);
              if (r) form.setFieldValue('normalisation', r.defaultNormalisation);
            }}
          />
        </Form.Item>
        {rubric?.builtin && ownerOrgId ? (
          <Button
            size="small"
            style={{ marginTop: -16, marginBottom: 16 }}
            loading={clone.isPending}
            onClick={() => clone.mutate({ ownerOrgId, from: rubric.ref })}
            data-testid="eval-clone"
          >
            {t('eval.clone')}
          </Button>
        ) : null}
        {rubric && rubric.warnings.length > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('eval.warnings')}
            description={rubric.warnings.map((w) => (
              <div key={`${w.code}-${w.path}`}>{rubricFindingSentence(t, w)}</div>
            ))}
            data-testid="eval-rubric-warnings"
          />
        ) : null}
        <Form.Item name="normalisation" label={t('eval.normalisation')} rules={[{ required: true }]}>
          <Radio.Group
            options={EVALUATION_NORMALISATIONS.map((n) => ({ value: n, label: t(`eval.norm.${n}`) }))}
          />
        </Form.Item>
        <Form.Item name="subjectKind" label={t('eval.subjectKind')} rules={[{ required: true }]}>
          <Select options={EVALUATION_SUBJECT_KINDS.map((k) => ({ value: k, label: t(`eval.kind.${k}`) }))} />
        </Form.Item>
        {kind === 'county' ? (
          <Form.Item
            name="subjects"
            label={t('eval.subjects')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <Select
              mode="multiple"
              loading={children.isFetching}
              options={(children.data ?? [])
                .filter((o) => o.kind === 'county')
                .map((o) => ({ value: o.id, label: o.name }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="subjectIds" label={t('eval.subjectIds')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        )}
        {live.length > 0 ? (
          <Form.Item name="liveUnits" label={t('eval.liveUnits')}>
            <Checkbox.Group
              style={{ display: 'grid', gap: 4 }}
              options={live.map((b) => ({
                value: b.unitId,
                label: `${b.unitId}：${b.metric.label}（${b.metric.ruleId}）${b.whole ? '' : t('eval.liveNumbersOnly')}`,
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="raters" label={t('eval.usernames')}>
          <Input />
        </Form.Item>
        <Form.Item name="appealDays" label={t('eval.appealDays')}>
          <InputNumber min={1} max={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 评价活动: the campaigns owned in scope, and a new one. */
export function EvaluationCampaignsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['eval-campaigns'], queryFn: () => api.evaluationCampaigns() });
  // a phone gets one column with everything stacked, so no column is cut at 390 px
  const narrow = !Grid.useBreakpoint().md;
  const card: TableColumnsType<CampaignSummary> = [
    {
      title: t('eval.name'),
      render: (_, c) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/evaluation/campaigns/${c.id}`}>{c.name}</Link>
          <Space size={6} wrap>
            <StatusTag status={c.status} />
            <Typography.Text type="secondary">
              {c.ownerOrgName} · {t(`eval.kind.${c.subjectKind}`)} ·{' '}
              {t('eval.subjectCount', { n: c.subjectCount })}
            </Typography.Text>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.rubricTitle}
          </Typography.Text>
        </Space>
      ),
    },
  ];
  const columns: TableColumnsType<CampaignSummary> = [
    {
      title: t('eval.name'),
      render: (_, c) => <Link to={`/evaluation/campaigns/${c.id}`}>{c.name}</Link>,
    },
    { title: t('eval.year'), dataIndex: 'year', width: 80 },
    { title: t('eval.owner'), dataIndex: 'ownerOrgName', width: 160 },
    { title: t('eval.subjectKind'), width: 120, render: (_, c) => t(`eval.kind.${c.subjectKind}`) },
    { title: t('eval.rubric'), dataIndex: 'rubricTitle' },
    { title: t('eval.subjects'), dataIndex: 'subjectCount', width: 90 },
    { title: t('eval.statusCol'), width: 150, render: (_, c) => <StatusTag status={c.status} /> },
  ];
  return (
    <Card
      title={t('eval.campaigns')}
      extra={
        hasPermission(me, 'evaluation.manage') ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="eval-create">
            {t('eval.create')}
          </Button>
        ) : null
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} full />
      ) : (
        <Table<CampaignSummary>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          columns={narrow ? card : columns}
          scroll={narrow ? undefined : { x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('eval.empty') }}
          data-testid="eval-campaigns"
        />
      )}
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
