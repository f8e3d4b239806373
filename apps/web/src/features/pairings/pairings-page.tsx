/**
 * 帮扶结对 (/pairings). Officers (county bureau, 进修学校) see the pairings of their subtree with the rule checks live
 * (a 教师发展学校 with 0 or 4 schools flagged with the rule and numbers, R3-B05/B06), create, edit and delete them,
 * and review 各县统计 (per county for a school year); a school sees the pairings it leads or is helped by, and the
 * lead school records the joint activities.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Pairing, PairingKind } from '@yanxun/contracts';
import { App, Button, Card, Empty, Form, Modal, Segmented, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { findingSentence } from '../../shared/finding-words';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { ReasonWithRule } from '../../shared/rule-ref';
import { hasPermission, useMe } from '../../shared/session';
import { PairingDrawer } from './pairing-drawer';
import { asInput, initialValues, PairingFields, type PairingFormValues } from './pairing-form';
import { PairingStatsPanel } from './pairing-stats';

type KindFilter = PairingKind | 'all';

/** A finding's numbers for the rule ⓘ (officers): `paired=4，min=1，max=3`. */
export const valuesText = (values: Pairing['findings'][number]['values']) =>
  Object.entries(values)
    .filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('，');

export function PairingsPage() {
  const { t } = useI18n();
  const me = useMe();
  const [kind, setKind] = useState<KindFilter>('all');
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const q = useQuery({
    queryKey: ['pairings', 'list', kind],
    queryFn: () => api.pairings(kind === 'all' ? undefined : kind),
  });
  if (!me.data) return null;
  const manages = hasPermission(me.data, 'pairing.manage');
  // a county, city or province officer reviews the counties of its scope
  const reviews =
    hasPermission(me.data, 'pairing.read') &&
    me.data.grants.some((g) => ['province', 'city', 'county'].includes(g.orgKind));
  const list = (
    <Card
      title={
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented<KindFilter>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'dev_school', label: t('pair.kind.dev_school') },
              { value: 'demo_school', label: t('pair.kind.demo_school') },
              { value: 'studio_workshop', label: t('pair.kind.studio_workshop') },
            ]}
          />
        </div>
      }
      extra={
        manages && (
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('pair.new')}
          </Button>
        )
      }
      styles={{ header: { flexWrap: 'wrap', gap: 8 } }}
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <PairingTable items={q.data?.items ?? []} loading={q.isLoading} onOpen={setOpen} />
      )}
    </Card>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('pair.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('pair.intro')}</Typography.Text>
      {reviews ? (
        <Tabs
          items={[
            { key: 'list', label: t('pair.tab.list'), children: list },
            {
              key: 'stats',
              label: t('pair.tab.stats'),
              children: (
                <Card>
                  <PairingStatsPanel />
                </Card>
              ),
            },
          ]}
        />
      ) : (
        list
      )}
      {open && <PairingDrawer id={open} onClose={() => setOpen(null)} />}
      {creating && <CreateModal onClose={() => setCreating(false)} onCreated={setOpen} />}
    </Space>
  );
}

function PairingTable({
  items,
  loading,
  onOpen,
}: {
  items: Pairing[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useI18n();
  const table = useKeyColumns<Pairing>(
    [
      { title: t('pair.kind'), key: 'kind', width: 150, render: (_, p) => t(`pair.kind.${p.kind}`) },
      { title: t('pair.lead'), key: 'lead', render: (_, p) => p.lead.name },
      {
        title: t('pair.partners'),
        key: 'partners',
        render: (_, p) =>
          p.partners.length === 0 ? '—' : p.partners.map((x) => <Tag key={x.id}>{x.name}</Tag>),
      },
      {
        title: t('pair.years'),
        key: 'years',
        width: 190,
        render: (_, p) => (p.fromYear === p.toYear ? p.fromYear : `${p.fromYear} ～ ${p.toYear}`),
      },
      {
        title: t('pair.check'),
        key: 'check',
        render: (_, p) =>
          p.findings.length === 0 ? (
            <Tag color="green">{t('comm.ok')}</Tag>
          ) : (
            p.findings.map((f) => (
              <ReasonWithRule
                key={f.rule}
                type="danger"
                reason={findingSentence(t, f)}
                rules={{ ruleId: f.rule, value: valuesText(f.values) }}
              />
            ))
          ),
      },
      {
        title: t('pair.activities'),
        key: 'activities',
        width: 150,
        render: (_, p) =>
          p.activityCount === 0 ? (
            <Typography.Text type="secondary">{t('pair.noActivity')}</Typography.Text>
          ) : (
            <>
              {t('pair.activityCount', { n: p.activityCount })}
              {p.lastActivityOn && (
                <Typography.Text type="secondary">
                  {' '}
                  {t('pair.lastActivity', { date: p.lastActivityOn })}
                </Typography.Text>
              )}
            </>
          ),
      },
      {
        title: t('common.actions'),
        key: 'open',
        width: 80,
        render: (_, p) => (
          <Button size="small" onClick={() => onOpen(p.id)}>
            {t('pair.view')}
          </Button>
        ),
      },
    ],
    ['lead', 'check', 'open'],
    { x: 900 },
  );
  return (
    <Table<Pairing>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={false}
      scroll={table.scroll}
      locale={{ emptyText: <Empty description={t('pair.empty')} /> }}
      columns={table.columns}
    />
  );
}

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PairingFormValues>();
  const create = useMutation({
    mutationFn: (v: PairingFormValues) => api.createPairing(asInput(v)),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['pairings'] });
      void message.success(t('pair.saved'));
      onClose();
      onCreated(d.id);
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Modal
      open
      title={t('pair.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initialValues()} onFinish={(v) => create.mutate(v)}>
        <PairingFields />
      </Form>
    </Modal>
  );
}
