import { EyeOutlined, ProfileOutlined, SafetyCertificateOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Posting } from '@yanxun/contracts';
import type { DescriptionsProps } from 'antd';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Grid,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api';
import { codeName, useCodes } from '../../shared/codes';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { genderKey } from '../../shared/labels';
import { OrgBreadcrumb } from '../../shared/org-breadcrumb';
import { QueryError } from '../../shared/query-error';
import { canTransferTeachers, hasPermission, useMe } from '../../shared/session';
import { formatDate } from '../../shared/time';
// outcomes and completion
import { TeacherHoursCard } from '../outcomes/teacher-hours-card';
import { StatusTag } from './status-tag';
import { TransferModal } from './transfer-modal';

const MONO = { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' };

/** Newest first; the open-ended posting is the current one. */
export function sortPostings(postings: Posting[]): Posting[] {
  return [...postings].sort((a, b) => b.fromDate.localeCompare(a.fromDate));
}

/**
 * A masked identifier with, for roles allowed to see it, a button that fetches the full value. The server
 * writes every such read to the audit log, so the user confirms first.
 */
function RevealField({
  masked,
  canReveal,
  reveal,
  confirm,
  testId,
}: {
  masked: string | null;
  canReveal: boolean;
  reveal: () => Promise<string | null>;
  confirm: string;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const shown = useMutation({
    mutationFn: reveal,
    onError: (error) => message.error(errorMessage(error, lang)),
  });
  if (shown.isSuccess) {
    return (
      <Space wrap size={8}>
        <span style={MONO} data-testid={testId}>
          {shown.data ?? '—'}
        </span>
        <Tag icon={<SafetyCertificateOutlined />} color="orange">
          {t('teacher.revealAudited')}
        </Tag>
      </Space>
    );
  }
  return (
    <Space wrap size={8}>
      <span style={MONO} data-testid={testId}>
        {masked ?? '—'}
      </span>
      {canReveal ? (
        <Popconfirm
          title={t('teacher.reveal')}
          description={<div style={{ maxWidth: 260 }}>{confirm}</div>}
          onConfirm={() => shown.mutate()}
          okText={t('common.ok')}
          cancelText={t('common.cancel')}
          okButtonProps={{ 'data-testid': `${testId}-reveal-confirm` }}
        >
          <Button
            size="small"
            icon={<EyeOutlined />}
            loading={shown.isPending}
            data-testid={`${testId}-reveal`}
          >
            {t('teacher.reveal')}
          </Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}

export function TeacherDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const screens = Grid.useBreakpoint();
  const codes = useCodes();
  const { data: me } = useMe();
  const [transferOpen, setTransferOpen] = useState(false);
  const navigate = useNavigate();
  const teacher = useQuery({ queryKey: ['teachers', 'detail', id], queryFn: () => api.teacher(id) });

  if (teacher.isError)
    return <QueryError error={teacher.error} full onRetry={() => void teacher.refetch()} />;
  if (teacher.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  const d = teacher.data;
  const genderLabel = genderKey(d.gender);
  const code = (table: Parameters<typeof codeName>[1], value: string | null) =>
    codeName(codes.data, table, value, lang);

  const items: DescriptionsProps['items'] = [
    { key: 'name', label: t('teacher.name'), children: d.name },
    { key: 'gender', label: t('teacher.gender'), children: genderLabel ? t(genderLabel) : d.gender },
    { key: 'birthDate', label: t('teacher.birthDate'), children: formatDate(d.birthDate) },
    { key: 'age', label: t('teacher.age'), children: d.age },
    {
      key: 'idNumber',
      label: t('teacher.idNumber'),
      children: (
        <RevealField
          masked={d.idNumberMasked}
          canReveal={d.canRevealIdNumber}
          reveal={async () => (await api.revealIdNumber(d.id)).idNumber}
          confirm={t('teacher.revealConfirm')}
          testId="teacher-id-number"
        />
      ),
      span: 2,
    },
    {
      key: 'phone',
      label: t('teacher.phone'),
      children: (
        <RevealField
          masked={d.phoneMasked}
          canReveal={d.canRevealPhone}
          reveal={async () => (await api.revealPhone(d.id)).phone}
          confirm={t('teacher.revealPhoneConfirm')}
          testId="teacher-phone"
        />
      ),
    },
    {
      key: 'school',
      label: t('teacher.school'),
      children: <Link to={`/orgs/${d.schoolId}`}>{d.schoolName}</Link>,
    },
    { key: 'county', label: t('teacher.county'), children: d.countyName ?? '—' },
    { key: 'stage', label: t('teacher.stage'), children: code('stages', d.stage) },
    { key: 'subject', label: t('teacher.subject'), children: code('subjects', d.subject) },
    { key: 'title', label: t('teacher.professionalTitle'), children: code('titles', d.title) },
    {
      key: 'backbone',
      label: t('teacher.backbone'),
      children: d.backbone ? <Tag color="gold">{code('backbone', d.backbone)}</Tag> : '—',
    },
    {
      key: 'status',
      label: t('teacher.status'),
      children: <StatusTag status={d.status} codes={codes.data} />,
    },
    {
      key: 'teachingStartDate',
      label: t('teacher.teachingStartDate'),
      children: formatDate(d.teachingStartDate),
    },
    { key: 'teachingYears', label: t('teacher.teachingYears'), children: d.teachingYears ?? '—' },
    { key: 'trainingYears', label: t('teacher.trainingYears'), children: d.trainingYears ?? '—' },
    {
      key: 'rolesHeld',
      label: t('teacher.rolesHeld'),
      children:
        d.rolesHeld.length > 0 ? (
          <Space wrap size={4}>
            {d.rolesHeld.map((r) => (
              <Tag key={r}>{code('rolesHeld', r)}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  const postings = sortPostings(d.postings);
  const canTransfer = canTransferTeachers(me);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <OrgBreadcrumb ancestors={d.ancestors} current={d.name} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            styles={screens.sm ? undefined : { body: { padding: 12 } }}
            title={
              <Space wrap>
                <span data-testid="teacher-name">{d.name}</span>
                <StatusTag status={d.status} codes={codes.data} />
              </Space>
            }
            extra={
              <Space wrap size={8}>
                {/* the growth archive (R3-T09): whoever reads the teacher reads it */}
                <Button
                  icon={<ProfileOutlined />}
                  onClick={() => navigate(`/teachers/${d.id}/archive`)}
                  data-testid="teacher-archive"
                >
                  {t('archive.open')}
                </Button>
                {canTransfer ? (
                  <Button
                    icon={<SwapOutlined />}
                    onClick={() => setTransferOpen(true)}
                    data-testid="teacher-transfer"
                  >
                    {t('teacher.transfer')}
                  </Button>
                ) : null}
              </Space>
            }
          >
            <Descriptions
              items={items}
              column={{ xs: 1, sm: 2, md: 2, lg: 3, xl: 2, xxl: 3 }}
              size={screens.md ? 'middle' : 'small'}
              bordered={Boolean(screens.sm)}
              styles={{ label: { whiteSpace: 'nowrap', ...(screens.sm ? {} : { minWidth: 88 }) } }}
              data-testid="teacher-descriptions"
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('teacher.postings')}>
            {postings.length === 0 ? (
              <Empty description={t('teacher.noPostings')} />
            ) : (
              <Timeline
                data-testid="teacher-postings"
                items={postings.map((p) => ({
                  key: `${p.schoolId}-${p.fromDate}`,
                  color: p.toDate ? 'gray' : 'green',
                  content: (
                    <div>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                        {formatDate(p.fromDate)} ~ {p.toDate ? formatDate(p.toDate) : t('teacher.present')}
                      </Typography.Text>
                      <Link to={`/orgs/${p.schoolId}`}>{p.schoolName}</Link>
                      {p.toDate ? null : (
                        <Tag color="green" style={{ marginInlineStart: 8 }}>
                          {t('teacher.current')}
                        </Tag>
                      )}
                      {p.reason ? (
                        <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>{p.reason}</div>
                      ) : null}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      {/* the 学时 record: staff who read the teacher, and the teacher on their own profile */}
      {hasPermission(me, 'hours.read') || me?.teacherId === d.id ? (
        <TeacherHoursCard teacherId={d.id} />
      ) : null}
      {canTransfer ? (
        <TransferModal teacher={d} open={transferOpen} onClose={() => setTransferOpen(false)} />
      ) : null}
    </Space>
  );
}
