/**
 * 工作室与工作坊 (community.read): the studios and workshops hosted in scope, filtered by kind, level and status,
 * each with its composition's problems counted; managers (community.manage) create one as a draft with its host.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  COMMUNITY_KINDS,
  COMMUNITY_LEVELS,
  COMMUNITY_STATUSES,
  type CommunityListQuery,
  type CommunityStatus,
  type CommunitySummary,
  type CreateCommunity,
  WORKSHOP_CLASSES,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { TeacherPicker } from '../../shared/teacher-picker';

export const COMMUNITIES_KEY = ['communities'];

const STATUS_COLOR: Record<CommunityStatus, string> = {
  draft: 'default',
  registered: 'green',
  expired: 'orange',
};

function CreateForm() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateCommunity>();
  const kind = Form.useWatch('kind', form);
  const create = useMutation({
    mutationFn: (body: CreateCommunity) => api.createCommunity(body),
    onSuccess: (d) => {
      setOpen(false);
      void client.invalidateQueries({ queryKey: COMMUNITIES_KEY });
      navigate(`/communities/${d.id}`);
    },
  });
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('comm.create')}
      </Button>
      <Modal
        open={open}
        title={t('comm.create')}
        okButtonProps={{ loading: create.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<CreateCommunity>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'workshop', workshopClass: 'class_2', level: 'county' }}
          onFinish={(v) =>
            create.mutate({
              ...v,
              name: v.name.trim(),
              hostTeacherId: v.hostTeacherId,
              workshopClass: v.kind === 'workshop' ? v.workshopClass : undefined,
              stage: v.stage?.trim() || undefined,
            })
          }
        >
          <Form.Item name="name" label={t('comm.name')} rules={[{ required: true, min: 2, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label={t('comm.kind')} rules={[{ required: true }]}>
            <Select options={COMMUNITY_KINDS.map((k) => ({ value: k, label: t(`comm.kind.${k}`) }))} />
          </Form.Item>
          {kind === 'workshop' ? (
            <Form.Item name="workshopClass" label={t('comm.class')} rules={[{ required: true }]}>
              <Select options={WORKSHOP_CLASSES.map((k) => ({ value: k, label: t(`comm.class.${k}`) }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="level" label={t('comm.level')} rules={[{ required: true }]}>
            <Select options={COMMUNITY_LEVELS.map((k) => ({ value: k, label: t(`comm.level.${k}`) }))} />
          </Form.Item>
          <Form.Item name="hostTeacherId" label={t('comm.hostTeacherId')} rules={[{ required: true }]}>
            <TeacherPicker ariaLabel={t('comm.hostTeacherId')} />
          </Form.Item>
          <Form.Item name="stage" label={t('comm.stage')}>
            <Input maxLength={20} />
          </Form.Item>
        </Form>
        {create.error ? <Alert type="error" title={errorMessage(create.error, lang)} /> : null}
      </Modal>
    </>
  );
}

export function CommunitiesPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [filter, setFilter] = useState<CommunityListQuery>({});
  const list = useQuery({ queryKey: [...COMMUNITIES_KEY, filter], queryFn: () => api.communities(filter) });
  const columns: TableColumnsType<CommunitySummary> = [
    {
      title: t('comm.name'),
      dataIndex: 'name',
      render: (name: string, c) => <Link to={`/communities/${c.id}`}>{name}</Link>,
    },
    {
      title: t('comm.kind'),
      dataIndex: 'kind',
      render: (k: CommunitySummary['kind'], c) =>
        `${t(`comm.kind.${k}`)}${c.workshopClass ? `（${t(`comm.class.${c.workshopClass}`)}）` : ''}`,
    },
    {
      title: t('comm.level'),
      dataIndex: 'level',
      width: 80,
      render: (l: CommunitySummary['level']) => t(`comm.level.${l}`),
    },
    { title: t('comm.host'), dataIndex: 'hostTeacherName', width: 100 },
    { title: t('comm.hostUnit'), dataIndex: 'hostOrgName' },
    {
      title: t('comm.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: CommunityStatus) => <Tag color={STATUS_COLOR[s]}>{t(`comm.status.${s}`)}</Tag>,
    },
    { title: t('comm.members'), dataIndex: 'memberCount', width: 70, align: 'right' },
    {
      title: t('comm.findings'),
      key: 'findings',
      width: 150,
      render: (_, c) =>
        c.errorCount + c.warningCount === 0 ? (
          <Tag color="green">{t('comm.ok')}</Tag>
        ) : (
          <Space size={4}>
            {c.errorCount > 0 ? <Tag color="red">{t('comm.errors', { n: c.errorCount })}</Tag> : null}
            {c.warningCount > 0 ? (
              <Tag color="orange">{t('comm.warnings', { n: c.warningCount })}</Tag>
            ) : null}
          </Space>
        ),
    },
  ];
  const table = useKeyColumns(columns, ['name', 'status', 'findings'], { x: 900 });
  return (
    <Card
      title={<Typography.Title level={4}>{t('comm.title')}</Typography.Title>}
      extra={hasPermission(me, 'community.manage') ? <CreateForm /> : null}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('comm.kind')}
          style={{ width: 180 }}
          value={filter.kind}
          onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
          options={COMMUNITY_KINDS.map((k) => ({ value: k, label: t(`comm.kind.${k}`) }))}
        />
        <Select
          allowClear
          placeholder={t('comm.level')}
          style={{ width: 120 }}
          value={filter.level}
          onChange={(level) => setFilter((f) => ({ ...f, level }))}
          options={COMMUNITY_LEVELS.map((k) => ({ value: k, label: t(`comm.level.${k}`) }))}
        />
        <Select
          allowClear
          placeholder={t('comm.status')}
          style={{ width: 140 }}
          value={filter.status}
          onChange={(status) => setFilter((f) => ({ ...f, status }))}
          options={COMMUNITY_STATUSES.map((k) => ({ value: k, label: t(`comm.status.${k}`) }))}
        />
      </Space>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<CommunitySummary>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={table.columns}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('comm.none') }}
        scroll={table.scroll}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
      />
    </Card>
  );
}
