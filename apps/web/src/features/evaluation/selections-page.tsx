/**
 * 评优评先 (R3-G18, R3-S06…S08): the selections owned in scope and a new one — a category (its rules shown), the
 * published campaign of the matching subjects it is drawn from (none for 先进个人), the eligible bands and the most
 * awards. The server pre-checks the candidates; the selection page adjusts and publishes.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateSelectionInput,
  SELECTION_BANDS,
  SELECTION_CATEGORIES,
  SELECTION_CATEGORY_RULES,
  type SelectionCategory,
  type SelectionSummary,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { currentYear } from '../../shared/time';
import { failText } from './eval-labels';

interface CreateForm {
  ownerOrgId: string;
  year: number;
  category: SelectionCategory;
  name?: string;
  campaignId?: string;
  eligibleBands: string[];
  maxAwards?: number | null;
}

const OWNER_KINDS = new Set(['province', 'city', 'county', 'tdc']);
export const SELECTIONS_KEY = ['eval-selections'];

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
  const category = Form.useWatch('category', form) ?? 'excellent_workshop';
  const year = Form.useWatch('year', form);
  const rule = SELECTION_CATEGORY_RULES[category];
  const campaigns = useQuery({
    queryKey: ['eval-campaigns'],
    queryFn: () => api.evaluationCampaigns(),
    enabled: open,
  });
  const published = (campaigns.data ?? []).filter(
    (c) => c.status === 'published' && c.subjectKind === rule.subjectKind && (!year || c.year === year),
  );
  const create = useMutation({
    mutationFn: (v: CreateForm) => {
      const body: CreateSelectionInput = {
        ownerOrgId: v.ownerOrgId,
        year: v.year,
        category: v.category,
        eligibleBands: v.eligibleBands as CreateSelectionInput['eligibleBands'],
        maxAwards: v.maxAwards ?? null,
        ...(v.name?.trim() ? { name: v.name.trim() } : {}),
        ...(rule.subjectKind && v.campaignId ? { campaignId: v.campaignId } : {}),
      };
      return api.createEvaluationSelection(body);
    },
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: SELECTIONS_KEY });
      onClose();
      navigate(`/evaluation/selections/${d.id}`);
    },
    onError: (e) => message.error(failText(e, lang)),
  });
  return (
    <Modal
      open={open}
      title={t('sel.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{
          ownerOrgId: owners[0]?.orgId,
          year: currentYear(),
          category: 'excellent_workshop',
          eligibleBands: ['excellent'],
          maxAwards: null,
        }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="ownerOrgId" label={t('sel.owner')} rules={[{ required: true }]}>
          <Select options={owners.map((g) => ({ value: g.orgId, label: g.orgName }))} />
        </Form.Item>
        <Form.Item name="year" label={t('sel.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('sel.category')}
          rules={[{ required: true }]}
          extra={`${t('sel.rules')}：${rule.ruleIds.join('、')}`}
        >
          <Select
            options={SELECTION_CATEGORIES.map((c) => ({ value: c, label: t(`sel.cat.${c}`) }))}
            onChange={() => form.setFieldValue('campaignId', undefined)}
            data-testid="sel-category"
          />
        </Form.Item>
        <Form.Item name="name" label={t('sel.name')}>
          <Input maxLength={200} placeholder={t('sel.namePlaceholder', { year: String(year ?? '') })} />
        </Form.Item>
        {rule.subjectKind ? (
          <>
            <Form.Item name="campaignId" label={t('sel.campaign')} rules={[{ required: true }]}>
              <Select
                loading={campaigns.isPending}
                notFoundContent={t('sel.campaignNone')}
                options={published.map((c) => ({ value: c.id, label: `${c.name}（${c.ownerOrgName}）` }))}
              />
            </Form.Item>
            <Form.Item
              name="eligibleBands"
              label={t('sel.bands')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Checkbox.Group
                options={SELECTION_BANDS.map((b) => ({ value: b, label: t(`sel.band.${b}`) }))}
              />
            </Form.Item>
          </>
        ) : (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('sel.noCampaign')} />
        )}
        <Form.Item name="maxAwards" label={t('sel.maxAwards')}>
          <InputNumber min={1} max={1000} placeholder={t('sel.maxAwardsNone')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 评优评先: the selections owned in scope, and a new one. */
export function EvaluationSelectionsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: SELECTIONS_KEY, queryFn: () => api.evaluationSelections() });
  const columns: TableColumnsType<SelectionSummary> = [
    {
      title: t('sel.name'),
      render: (_, s) => <Link to={`/evaluation/selections/${s.id}`}>{s.name}</Link>,
    },
    { title: t('sel.year'), dataIndex: 'year', width: 80 },
    { title: t('sel.category'), width: 150, render: (_, s) => t(`sel.cat.${s.category}`) },
    { title: t('sel.owner'), dataIndex: 'ownerOrgName', width: 160 },
    { title: t('sel.campaign'), render: (_, s) => s.campaignName ?? '—' },
    {
      title: t('sel.selected'),
      width: 150,
      render: (_, s) =>
        t('sel.selectedOf', { selected: String(s.selected), candidates: String(s.candidates) }),
    },
    {
      title: t('sel.statusCol'),
      width: 100,
      render: (_, s) => (
        <Tag color={s.status === 'published' ? 'green' : 'default'}>{t(`sel.status.${s.status}`)}</Tag>
      ),
    },
  ];
  return (
    <Card
      title={t('sel.title')}
      extra={
        hasPermission(me, 'evaluation.manage') ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="sel-create">
            {t('sel.create')}
          </Button>
        ) : null
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} full />
      ) : (
        <Table<SelectionSummary>
          rowKey="id"
          size="small"
          loading={q.isPending}
          dataSource={q.data ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: t('sel.empty') }}
          data-testid="sel-list"
        />
      )}
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
