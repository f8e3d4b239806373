/**
 * One studio or workshop: its findings (live from core, the rule in a tooltip for officers), registration, the
 * roster with members who moved school flagged, adding and removing members with a reason (an adjustment once
 * registered), the history of the roster, the school-year plan and the activities with attendance and 学时.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CommunityDetail,
  type CommunityMember,
  MEMBER_ROLES,
  type MemberRoleCode,
} from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ReasonAction } from '../../shared/reason-action';
import { TeacherPicker } from '../../shared/teacher-picker';
import { COMMUNITIES_KEY } from './communities-page';
import { CommunityActivities } from './community-activities';
import { CommunityHonours } from './community-honours';
import { CommunityPlan } from './community-plan';
import { FindingsList } from './findings-list';

export const communityKey = (id: string) => [...COMMUNITIES_KEY, 'one', id];

function AddMembers({ id, onDone }: { id: string; onDone: (d: CommunityDetail) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<{ ids: string[]; role: MemberRoleCode; reason: string }>();
  const add = useMutation({
    mutationFn: (v: { ids: string[]; role: MemberRoleCode; reason: string }) =>
      api.changeRoster(id, {
        reason: v.reason.trim(),
        add: v.ids.map((teacherId) => ({ teacherId, role: v.role })),
      }),
    onSuccess: (d) => {
      form.resetFields();
      onDone(d);
    },
  });
  return (
    <Form form={form} layout="inline" initialValues={{ role: 'formal' }} onFinish={(v) => add.mutate(v)}>
      <Form.Item name="ids" rules={[{ required: true, type: 'array', min: 1 }]}>
        <TeacherPicker multiple ariaLabel={t('comm.teacherIds')} style={{ width: 320 }} />
      </Form.Item>
      <Form.Item name="role">
        <Select
          aria-label={t('comm.role')}
          style={{ width: 120 }}
          options={MEMBER_ROLES.filter((r) => r !== 'host').map((r) => ({
            value: r,
            label: t(`comm.role.${r}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, min: 2, max: 200 }]}>
        <Input
          placeholder={t('comm.changeReason')}
          style={{ width: 180 }}
          aria-label={t('comm.changeReason')}
        />
      </Form.Item>
      <Button htmlType="submit" loading={add.isPending}>
        {t('comm.addMembers')}
      </Button>
      {add.error ? (
        <Alert type="error" title={errorMessage(add.error, lang)} style={{ width: '100%' }} />
      ) : null}
    </Form>
  );
}

function Roster({ d, onChange }: { d: CommunityDetail; onChange: (d: CommunityDetail) => void }) {
  const { t } = useI18n();
  const columns: TableColumnsType<CommunityMember> = [
    { title: t('comm.name'), dataIndex: 'name', width: 100 },
    {
      title: t('comm.role'),
      dataIndex: 'role',
      width: 100,
      render: (r: MemberRoleCode) => t(`comm.role.${r}`),
    },
    { title: t('comm.school'), dataIndex: 'schoolName' },
    {
      title: t('comm.currentSchool'),
      key: 'now',
      render: (_, m) => (
        <Space orientation="vertical" size={2}>
          <span>
            {m.currentSchoolName ?? t('common.none')}{' '}
            {m.moved ? <Tag color="orange">{t('comm.moved')}</Tag> : null}
          </span>
          {m.moveFindings.length > 0 ? <FindingsList findings={m.moveFindings} /> : null}
        </Space>
      ),
    },
    { title: t('comm.joined'), dataIndex: 'joinedOn', width: 110 },
    ...(d.canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, m: CommunityMember) =>
              m.role === 'host' ? null : (
                <ReasonAction
                  label={t('comm.remove')}
                  reasonLabel={t('comm.removeReason')}
                  run={(reason) => api.changeRoster(d.id, { reason, end: [m.id] })}
                  onDone={onChange}
                />
              ),
          },
        ]
      : []),
  ];
  const history: TableColumnsType<CommunityMember> = [
    { title: t('comm.name'), dataIndex: 'name', width: 100 },
    {
      title: t('comm.role'),
      dataIndex: 'role',
      width: 100,
      render: (r: MemberRoleCode) => t(`comm.role.${r}`),
    },
    { title: t('comm.joined'), dataIndex: 'joinedOn', width: 110 },
    { title: t('comm.left'), dataIndex: 'leftOn', width: 110 },
    { title: t('comm.reason'), dataIndex: 'leaveReason' },
  ];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {d.canManage ? <AddMembers id={d.id} onDone={onChange} /> : null}
      <Table<CommunityMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={d.members}
        pagination={false}
        scroll={{ x: 800 }}
      />
      {d.history.length > 0 ? (
        <>
          <Typography.Title level={5}>{t('comm.history')}</Typography.Title>
          <Table<CommunityMember>
            rowKey="id"
            size="small"
            columns={history}
            dataSource={d.history}
            pagination={false}
          />
        </>
      ) : null}
    </Space>
  );
}

export function CommunityPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: communityKey(id), queryFn: () => api.community(id) });
  const update = (d: CommunityDetail) => {
    client.setQueryData(communityKey(id), d);
    void client.invalidateQueries({ queryKey: COMMUNITIES_KEY, exact: false, refetchType: 'none' });
  };
  const register = useMutation({
    mutationFn: () => api.registerCommunity(id),
    onSuccess: (d) => {
      update(d);
      void message.success(t('comm.saved'));
    },
  });
  if (q.error) return <QueryError error={q.error} full onRetry={() => void q.refetch()} />;
  const d = q.data;
  if (!d) return <Card loading />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Typography.Title level={4}>{d.name}</Typography.Title>}
        extra={
          d.canManage && d.status !== 'registered' ? (
            <Button type="primary" loading={register.isPending} onClick={() => register.mutate()}>
              {t('comm.register')}
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={t('comm.kind')}>
            {t(`comm.kind.${d.kind}`)}
            {d.workshopClass ? `（${t(`comm.class.${d.workshopClass}`)}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('comm.level')}>{t(`comm.level.${d.level}`)}</Descriptions.Item>
          <Descriptions.Item label={t('comm.host')}>{d.hostTeacherName}</Descriptions.Item>
          <Descriptions.Item label={t('comm.hostUnit')}>{d.hostOrgName}</Descriptions.Item>
          <Descriptions.Item label={t('comm.status')}>{t(`comm.status.${d.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('comm.registration')}>
            {d.registration ? t('comm.validUntil', { date: d.registration.validUntil }) : t('common.none')}
          </Descriptions.Item>
        </Descriptions>
        {register.error ? <Alert type="error" title={errorMessage(register.error, lang)} /> : null}
        <Typography.Title level={5}>{t('comm.findings')}</Typography.Title>
        <FindingsList findings={d.findings} />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'roster',
              label: `${t('comm.roster')} (${d.memberCount})`,
              children: <Roster d={d} onChange={update} />,
            },
            { key: 'plan', label: t('comm.plan'), children: <CommunityPlan community={d} /> },
            {
              key: 'activities',
              label: t('comm.activities'),
              children: <CommunityActivities community={d} />,
            },
            {
              key: 'honours',
              label: `${t(d.kind === 'workshop' ? 'comm.titles' : 'comm.studioTitles')}${d.backbone?.length ? ` · ${t('comm.backboneCount', { n: d.backbone.length })}` : ''}`,
              children: <CommunityHonours d={d} onChange={update} />,
            },
          ]}
        />
      </Card>
    </Space>
  );
}
