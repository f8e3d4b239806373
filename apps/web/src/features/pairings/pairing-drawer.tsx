/**
 * One pairing: its parties, school years, the rule checks (FindingsList: the sentence, and for officers the rule
 * and numbers), the joint activities; the lead school and the officers record an activity held, the officers edit,
 * and delete one entered in error while it has no activity (after that its help ends by its last school year).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PairingActivity, PairingActivityInput, PairingDetail } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { ItemList } from '../../shared/item-list';
import { QueryError } from '../../shared/query-error';
import { todayIso } from '../../shared/time';
import { FindingsList } from '../communities/findings-list';
import { asInput, initialValues, PairingFields, type PairingFormValues } from './pairing-form';

export function PairingDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['pairings', 'one', id], queryFn: () => api.pairing(id) });
  const [editing, setEditing] = useState(false);
  const d = q.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={Math.min(720, window.innerWidth)}
      title={d ? `${d.lead.name} · ${t(`pair.kind.${d.kind}`)}` : t('pair.title')}
      extra={
        d?.canManage && !editing ? (
          <Space>
            <Button onClick={() => setEditing(true)}>{t('pair.edit')}</Button>
            <DeleteButton pairing={d} onDeleted={onClose} />
          </Space>
        ) : null
      }
    >
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : !d ? null : editing ? (
        <EditForm pairing={d} onDone={() => setEditing(false)} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('pair.lead')}>{d.lead.name}</Descriptions.Item>
            <Descriptions.Item label={t('pair.partners')}>
              {d.partners.length === 0 ? '—' : d.partners.map((p) => <Tag key={p.id}>{p.name}</Tag>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('pair.years')}>
              {d.fromYear === d.toYear ? d.fromYear : `${d.fromYear} ～ ${d.toYear}`}
            </Descriptions.Item>
            {d.note && <Descriptions.Item label={t('pair.note')}>{d.note}</Descriptions.Item>}
          </Descriptions>
          <FindingsList findings={d.findings} />
          {!d.canManage && <Alert type="info" showIcon title={t('pair.readOnly')} />}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('pair.activities')}
          </Typography.Title>
          {d.canRecord && <ActivityForm pairingId={d.id} />}
          {d.activities.length === 0 ? (
            <Typography.Text type="secondary">{t('pair.noActivity')}</Typography.Text>
          ) : (
            <ItemList<PairingActivity>
              size="small"
              items={d.activities}
              rowKey={(a) => a.id}
              render={(a) => (
                <>
                  <Typography.Text strong>{`${a.heldOn} · ${a.title}`}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {a.place} · {t('pair.a.participants')} {a.participants}
                    </Typography.Text>
                  </div>
                  {a.notes && <div>{a.notes}</div>}
                </>
              )}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}

/** 删除: for a pairing entered in error; with activities recorded it is disabled and says why. */
function DeleteButton({ pairing, onDeleted }: { pairing: PairingDetail; onDeleted: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.deletePairing(pairing.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pairings'] });
      void message.success(t('pair.deleted'));
      onDeleted();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  if (pairing.activityCount > 0)
    return (
      <Tooltip title={t('pair.delete.blocked', { n: pairing.activityCount })}>
        {/* a disabled button fires no hover: the span carries the tooltip */}
        <span data-testid="pairing-delete-blocked">
          <Button danger disabled>
            {t('pair.delete')}
          </Button>
        </span>
      </Tooltip>
    );
  return (
    <Popconfirm
      title={t('pair.delete.confirm')}
      okText={t('pair.delete')}
      okButtonProps={{ danger: true, loading: remove.isPending }}
      cancelText={t('common.cancel')}
      onConfirm={() => remove.mutateAsync().catch(() => undefined)}
    >
      <Button danger loading={remove.isPending}>
        {t('pair.delete')}
      </Button>
    </Popconfirm>
  );
}

function EditForm({ pairing, onDone }: { pairing: PairingDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PairingFormValues>();
  const save = useMutation({
    mutationFn: (v: PairingFormValues) => {
      const { kind: _k, leadId: _l, ...rest } = asInput(v);
      return api.updatePairing(pairing.id, { ...rest, partnerIds: rest.partnerIds ?? [] });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pairings'] });
      void message.success(t('pair.saved'));
      onDone();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues(pairing)}
      onFinish={(v) => save.mutate({ ...v, kind: pairing.kind, leadId: pairing.lead.id })}
    >
      <PairingFields editing={pairing} />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.ok')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

function ActivityForm({ pairingId }: { pairingId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PairingActivityInput>();
  const record = useMutation({
    mutationFn: (v: PairingActivityInput) =>
      api.recordPairingActivity(pairingId, { ...v, notes: v.notes || undefined }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['pairings'] });
      void message.success(t('pair.a.recorded'));
      form.resetFields();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ heldOn: todayIso(), participants: 0 }}
      onFinish={(v) => record.mutate(v)}
    >
      <Space wrap align="start">
        <Form.Item name="heldOn" label={t('pair.a.heldOn')} rules={[{ required: true }]}>
          <DateField max={todayIso()} />
        </Form.Item>
        <Form.Item name="participants" label={t('pair.a.participants')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100000} />
        </Form.Item>
      </Space>
      <Form.Item name="title" label={t('pair.a.title')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="place" label={t('pair.a.place')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="notes" label={t('pair.a.notes')}>
        <Input.TextArea maxLength={1000} rows={2} />
      </Form.Item>
      <Button htmlType="submit" loading={record.isPending}>
        {t('pair.a.record')}
      </Button>
    </Form>
  );
}
