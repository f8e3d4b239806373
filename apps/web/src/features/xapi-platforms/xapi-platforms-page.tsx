/**
 * 学习平台对接 (hours.platforms, the system administrator): the online-learning platforms that post xAPI statements,
 * each with its unit, when it was registered, what it has sent and whether it still may (never a token); register
 * one (its token shown once, see PlatformCreated); revoke one with a reason.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateXapiPlatformRequest,
  OrgNode,
  XapiPlatform,
  XapiPlatformCreated,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ReasonAction } from '../../shared/reason-action';
import { RuleRef } from '../../shared/rule-ref';
import { formatDateTime } from '../../shared/time';
import { PlatformCreated, statementsEndpoint } from './platform-created';

const PLATFORMS_KEY = ['hours', 'xapi-platforms'];

interface UnitOption {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const unitOption = (n: OrgNode, parent: string | null): UnitOption => ({
  id: n.id,
  pId: parent,
  value: n.id,
  title: n.name,
  isLeaf: n.childCount === 0,
});

/** The units of the administrator's scope, opened level by level; schools are left out (a platform serves an area). */
function UnitPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useI18n();
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: () => api.orgRoots() });
  const [loaded, setLoaded] = useState<UnitOption[]>([]);
  const options = [...(roots.data ?? []).map((n) => unitOption(n, null)), ...loaded];
  return (
    <TreeSelect<string>
      aria-label={t('xp.unit')}
      treeDataSimpleMode
      treeData={options}
      value={value}
      onChange={onChange}
      loading={roots.isLoading}
      showSearch={false}
      loadData={async (node) => {
        const id = String(node.value);
        if (loaded.some((o) => o.pId === id)) return;
        const children = (await api.orgChildren(id)).filter((c) => c.kind !== 'school');
        setLoaded((prev) => [...prev, ...children.map((c) => unitOption(c, id))]);
      }}
    />
  );
}

function RegisterForm({ onCreated }: { onCreated: (c: XapiPlatformCreated) => void }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateXapiPlatformRequest>();
  // the unit defaults to the administrator's own (a platform like the national one serves all of it)
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: () => api.orgRoots() });
  const create = useMutation({
    mutationFn: (body: CreateXapiPlatformRequest) => api.createXapiPlatform(body),
    onSuccess: (c) => {
      setOpen(false);
      form.resetFields();
      onCreated(c);
    },
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('xp.register')}
      </Button>
      <Modal
        open={open}
        title={t('xp.register')}
        okText={t('xp.register')}
        okButtonProps={{ loading: create.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<CreateXapiPlatformRequest>
          form={form}
          layout="vertical"
          initialValues={{ orgId: roots.data?.[0]?.id }}
          onFinish={(v) => create.mutate({ name: v.name.trim(), system: v.system.trim(), orgId: v.orgId })}
        >
          <Form.Item name="name" label={t('xp.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="system"
            label={t('xp.system')}
            extra={t('xp.systemHelp')}
            rules={[{ required: true, max: 40 }]}
          >
            <Input maxLength={40} placeholder="smartedu" />
          </Form.Item>
          <Form.Item name="orgId" label={t('xp.unit')} extra={t('xp.unitHelp')} rules={[{ required: true }]}>
            <UnitPicker />
          </Form.Item>
        </Form>
        {create.error ? <Alert type="error" title={errorMessage(create.error, lang)} /> : null}
      </Modal>
    </>
  );
}

export function XapiPlatformsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: PLATFORMS_KEY, queryFn: () => api.xapiPlatforms() });
  const [created, setCreated] = useState<XapiPlatformCreated | null>(null);
  const columns: TableColumnsType<XapiPlatform> = [
    { title: t('xp.name'), dataIndex: 'name' },
    { title: t('xp.system'), dataIndex: 'system', width: 120 },
    { title: t('xp.unit'), dataIndex: 'unitName', render: (u: string | null) => u ?? t('common.none') },
    {
      title: t('xp.created'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => formatDateTime(at),
    },
    {
      title: t('xp.statements'),
      dataIndex: 'statements',
      width: 150,
      align: 'right',
      render: (n: number, p: XapiPlatform) => (
        <Space orientation="vertical" size={0} align="end">
          <span>{n}</span>
          {p.lastStatementAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('xp.lastStatement', { at: formatDateTime(p.lastStatementAt) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('xp.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, p: XapiPlatform) =>
        p.revokedAt ? <Tag>{t('xp.revoked')}</Tag> : <Tag color="green">{t('xp.active')}</Tag>,
    },
    {
      title: t('xp.revokedReason'),
      key: 'revokedReason',
      render: (_: unknown, p: XapiPlatform) =>
        p.revokedAt ? (
          <Space orientation="vertical" size={0}>
            <span>{p.revokedReason ?? t('common.none')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(p.revokedAt)}
            </Typography.Text>
          </Space>
        ) : null,
    },
    {
      key: 'actions',
      width: 90,
      render: (_: unknown, p: XapiPlatform) =>
        p.revokedAt ? null : (
          <ReasonAction
            label={t('xp.revoke')}
            reasonLabel={t('xp.revokeReason')}
            run={(reason) => api.revokeXapiPlatform(p.id, reason.trim())}
            onDone={(next) => {
              client.setQueryData(PLATFORMS_KEY, next);
              message.success(t('xp.revokedOk'));
            }}
          />
        ),
    },
  ];
  return (
    <Card
      title={t('xp.title')}
      extra={
        <RegisterForm
          onCreated={(c) => {
            setCreated(c);
            void client.invalidateQueries({ queryKey: PLATFORMS_KEY });
          }}
        />
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          {t('xp.hint', { endpoint: statementsEndpoint() })}
          <RuleRef rules={['Y-HOURS-XAPI', 'Y-HOURS-XAPI-VOID']} />
        </Typography.Paragraph>
        {list.error ? <QueryError error={list.error} /> : null}
        <Table<XapiPlatform>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isLoading}
          locale={{ emptyText: t('xp.empty') }}
          scroll={{ x: 'max-content' }}
        />
      </Space>
      {created ? <PlatformCreated created={created} onClose={() => setCreated(null)} /> : null}
    </Card>
  );
}
