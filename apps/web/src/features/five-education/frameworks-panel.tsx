/**
 * The region's 五育 frameworks (CD-24): the list with version and status, a new draft from the starter framework,
 * and the editor of a draft (weights summing to 100 %, core elements, indicators); publishing freezes a version, a
 * change after that is a new version.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FiveEduFramework } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { useMe } from '../../shared/session';
import { currentYear } from '../../shared/time';
import { FrameworkEditor } from './framework-editor';

export function FrameworksPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<FiveEduFramework | null>(null);
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: ['five-edu', 'frameworks'], queryFn: () => api.fiveEduFrameworks() });
  const act = useMutation({
    mutationFn: ({ id, what }: { id: string; what: 'publish' | 'version' }) =>
      what === 'publish' ? api.publishFiveEduFramework(id) : api.newFiveEduFrameworkVersion(id),
    onSuccess: async (f, v) => {
      await qc.invalidateQueries({ queryKey: ['five-edu'] });
      if (v.what === 'version') setEditing(f);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (editing) return <FrameworkEditor framework={editing} onClose={() => setEditing(null)} />;
  return (
    <Card
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('five.frameworks.new')}
        </Button>
      }
    >
      <Alert type="info" showIcon title={t('five.framework.starterNote')} style={{ marginBottom: 12 }} />
      {q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<FiveEduFramework>
          rowKey="id"
          size="small"
          loading={q.isLoading}
          dataSource={q.data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('five.frameworks.empty')} /> }}
          columns={[
            { title: t('five.framework.name'), dataIndex: 'name' },
            { title: t('five.round.year'), dataIndex: 'year' },
            { title: t('five.framework.owner'), dataIndex: 'orgName' },
            { title: t('five.framework.version'), render: (_, f) => `v${f.version}` },
            {
              title: t('five.weights'),
              render: (_, f) =>
                (['moral', 'intellectual', 'physical', 'aesthetic', 'labour'] as const)
                  .map((d) => `${t(`five.dim.${d}`)} ${f.body.weights[d]}`)
                  .join(' · '),
            },
            {
              title: '',
              render: (_, f) => t('five.framework.counts', { e: f.elementCount, i: f.indicatorCount }),
            },
            {
              title: '',
              render: (_, f) =>
                f.status === 'published' ? (
                  <Tag color="green">{t('five.framework.status.published')}</Tag>
                ) : (
                  <Tag>{t('five.framework.status.draft')}</Tag>
                ),
            },
            {
              title: t('common.actions'),
              render: (_, f) =>
                f.canManage && (
                  <Space>
                    {f.status === 'draft' ? (
                      <>
                        <Button size="small" onClick={() => setEditing(f)}>
                          {t('five.framework.edit')}
                        </Button>
                        <Button size="small" onClick={() => act.mutate({ id: f.id, what: 'publish' })}>
                          {t('five.framework.publish')}
                        </Button>
                      </>
                    ) : (
                      <Button size="small" onClick={() => act.mutate({ id: f.id, what: 'version' })}>
                        {t('five.framework.newVersion')}
                      </Button>
                    )}
                  </Space>
                ),
            },
          ]}
        />
      )}
      {creating && <CreateFrameworkModal onClose={() => setCreating(false)} onCreated={setEditing} />}
    </Card>
  );
}

function CreateFrameworkModal({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (f: FiveEduFramework) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ orgId: string; year: number; name: string }>();
  const owners = (me.data?.grants ?? []).filter((g) => g.orgKind === 'city' || g.orgKind === 'county');
  const create = useMutation({
    mutationFn: (v: { orgId: string; year: number; name: string }) => api.createFiveEduFramework(v),
    onSuccess: async (f) => {
      await qc.invalidateQueries({ queryKey: ['five-edu'] });
      onClose();
      onCreated(f);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Modal
      open
      title={t('five.frameworks.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ orgId: owners[0]?.orgId, year: currentYear() }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="orgId" label={t('five.framework.owner')} rules={[{ required: true }]}>
          <Select options={owners.map((g) => ({ value: g.orgId, label: g.orgName }))} />
        </Form.Item>
        <Form.Item name="year" label={t('five.round.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('five.framework.name')}
          rules={[{ required: true, min: 2, max: 100 }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
