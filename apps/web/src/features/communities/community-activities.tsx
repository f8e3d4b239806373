/**
 * A community's activities: record one at a core member's school, mark who came, and close it, which credits the
 * attendees' 学时 once (the ledger's caps apply when it counts them).
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ACTIVITY_KINDS, type Activity, type ActivityInput, type CommunityDetail } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hours } from '../outcomes/outcome-status-tag';
import { ActivityFiles } from './activity-files';
import { coreSchoolOptions } from './community-options';

function NewActivity({ community, onDone }: { community: CommunityDetail; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ActivityInput>();
  const create = useMutation({
    mutationFn: (v: ActivityInput) => api.createCommunityActivity(community.id, v),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
  });
  return (
    <Form<ActivityInput>
      form={form}
      layout="inline"
      initialValues={{ kind: 'live_lesson' }}
      onFinish={(v) => create.mutate({ ...v, title: v.title.trim(), record: v.record?.trim() || undefined })}
    >
      <Form.Item name="heldOn" rules={[{ required: true }]}>
        <DateField aria-label={t('comm.date')} />
      </Form.Item>
      <Form.Item name="kind">
        <Select
          aria-label={t('comm.activityKind')}
          style={{ width: 130 }}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`comm.act.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="title" rules={[{ required: true, min: 2, max: 200 }]}>
        <Input placeholder={t('comm.activityTitle')} aria-label={t('comm.activityTitle')} />
      </Form.Item>
      <Form.Item name="hostSchoolId" rules={[{ required: true }]}>
        <Select
          aria-label={t('comm.hostSchool')}
          placeholder={t('comm.hostSchool')}
          style={{ width: 200 }}
          options={coreSchoolOptions(community)}
        />
      </Form.Item>
      <Form.Item name="record">
        <Input.TextArea placeholder={t('comm.record')} autoSize maxLength={20000} style={{ width: 240 }} />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={create.isPending}>
        {t('comm.newActivity')}
      </Button>
      {create.error ? (
        <Alert type="error" title={errorMessage(create.error, lang)} style={{ width: '100%' }} />
      ) : null}
    </Form>
  );
}

function Attendance({
  communityId,
  activity,
  onClose,
}: {
  communityId: string;
  activity: Activity;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const rows = useQuery({
    queryKey: ['communities', 'attendance', activity.id],
    queryFn: () => api.activityAttendance(communityId, activity.id),
  });
  const [picked, setPicked] = useState<string[] | null>(null);
  const chosen = picked ?? (rows.data ?? []).filter((r) => r.attended).map((r) => r.memberId);
  const save = useMutation({
    mutationFn: () => api.recordActivityAttendance(communityId, activity.id, chosen),
    onSuccess: onClose,
  });
  return (
    <Modal
      open
      title={`${t('comm.attendance')} · ${activity.title}`}
      onCancel={onClose}
      onOk={() => save.mutate()}
      okText={t('comm.saveAttendance')}
      okButtonProps={{ loading: save.isPending, disabled: activity.status === 'closed' }}
    >
      {rows.error ? <QueryError error={rows.error} /> : null}
      <Checkbox.Group
        value={chosen}
        onChange={(v) => setPicked(v.map(String))}
        disabled={activity.status === 'closed'}
        options={(rows.data ?? []).map((r) => ({
          value: r.memberId,
          label: `${r.name}（${t(`comm.role.${r.role}`)}）`,
        }))}
      />
      {save.error ? <Alert type="error" title={errorMessage(save.error, lang)} /> : null}
    </Modal>
  );
}

export function CommunityActivities({ community }: { community: CommunityDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const key = ['communities', 'activities', community.id];
  const list = useQuery({ queryKey: key, queryFn: () => api.communityActivities(community.id) });
  const [open, setOpen] = useState<Activity | null>(null);
  const refresh = () => void client.invalidateQueries({ queryKey: key });
  const close = useMutation({
    mutationFn: (a: Activity) => api.closeCommunityActivity(community.id, a.id),
    onSuccess: (a) => {
      refresh();
      void message.success(t('comm.closed', { n: a.postings }));
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const columns: TableColumnsType<Activity> = [
    { title: t('comm.date'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('comm.activityKind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Activity['kind']) => t(`comm.act.${k}`),
    },
    { title: t('comm.activityTitle'), dataIndex: 'title', width: 220 },
    { title: t('comm.hostSchool'), dataIndex: 'hostSchoolName', width: 180 },
    { title: t('comm.hours'), dataIndex: 'hoursTenths', width: 70, render: (h: number) => hours(h) },
    {
      title: t('comm.attendance'),
      key: 'att',
      width: 90,
      render: (_, a) => t('comm.attendanceOf', { a: a.attended, e: a.expected }),
    },
    {
      title: t('comm.files'),
      key: 'files',
      width: 200,
      render: (_, a) => (
        <ActivityFiles
          communityId={community.id}
          activity={a}
          canRecord={community.canRecord}
          onChange={refresh}
        />
      ),
    },
    {
      title: t('comm.status'),
      dataIndex: 'status',
      width: 150,
      render: (_, a) =>
        a.status === 'closed' ? (
          <Tag color="green">{t('comm.closed', { n: a.postings })}</Tag>
        ) : (
          <Tag>{t('comm.open')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, a) => (
        <Space size={4}>
          <Button size="small" onClick={() => setOpen(a)}>
            {t('comm.attendance')}
          </Button>
          {community.canRecord && a.status === 'open' ? (
            <Popconfirm title={t('comm.closeConfirm')} onConfirm={() => close.mutate(a)}>
              <Button size="small" type="link">
                {t('comm.close')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {community.canRecord ? <NewActivity community={community} onDone={refresh} /> : null}
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Activity>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 1240 }}
      />
      {open ? (
        <Attendance
          communityId={community.id}
          activity={open}
          onClose={() => {
            setOpen(null);
            refresh();
          }}
        />
      ) : null}
    </Space>
  );
}
