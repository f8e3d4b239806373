import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { INTEGRITY_KIND_CODES, type IntegrityRecordBody, type TeacherRow } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { todayIso } from '../../shared/time';
import { useUrlFilters } from '../../shared/use-url-filters';
// appeal decisions
import { AppealDecisionModal, AppealTag } from './integrity-appeals';
import { integrityKindKey } from './program-labels';
import { RuleErrorAlert } from './rule-error';

const INTEGRITY_RULE = 'R-004-20';

interface Values {
  teacherId: string;
  kind: (typeof INTEGRITY_KIND_CODES)[number];
  recordDate: string;
  programmeId?: string;
  evidence?: string;
}

function AddRecordModal({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const teachers = useQuery({
    queryKey: ['teachers', { q, pageSize: 30 }],
    queryFn: () => api.listTeachers({ q: q || undefined, page: 1, pageSize: 30 }),
  });
  const programmes = useQuery({
    queryKey: ['programmes', { page: 1, pageSize: 100 }],
    queryFn: () => api.listProgrammes({ page: 1, pageSize: 100 }),
  });
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.createIntegrityRecord({
        teacherId: v.teacherId,
        kind: v.kind,
        recordDate: v.recordDate,
        ...(v.programmeId ? { programmeId: v.programmeId } : {}),
        ...(v.evidence?.trim() ? { evidence: v.evidence.trim() } : {}),
      }),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['integrity'] });
      message.success(t('prog.integrity.added', { name: r.teacherName }));
      onClose();
    },
  });
  return (
    <Modal
      open
      width={600}
      title={t('prog.integrity.add')}
      okText={t('prog.integrity.addOk')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
    >
      <Typography.Paragraph type="secondary">
        {t('prog.integrity.addHelp')}
        <RuleRef rules={INTEGRITY_RULE} />
      </Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ recordDate: todayIso(), kind: 'no_show' }}>
        <Form.Item
          name="teacherId"
          label={t('prog.nom.teacher')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('prog.nom.pickTeacher')}
            notFoundContent={
              teachers.isFetching ? <Spin size="small" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            }
            options={(teachers.data?.items ?? []).map((x: TeacherRow) => ({
              value: x.id,
              label: `${x.name} · ${x.schoolName} · ${x.idNumberMasked}`,
            }))}
            data-testid="integrity-teacher"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('prog.integrity.kind')} rules={[{ required: true }]}>
          <Select
            options={INTEGRITY_KIND_CODES.map((k) => ({ value: k, label: t(`prog.integrityKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="recordDate"
          label={t('prog.integrity.date')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DateField max={todayIso()} />
        </Form.Item>
        <Form.Item name="programmeId" label={t('prog.integrity.programme')}>
          <Select
            allowClear
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
          />
        </Form.Item>
        <Form.Item
          name="evidence"
          label={t('prog.integrity.evidence')}
          rules={[{ required: true, whitespace: true, message: t('prog.integrity.evidenceRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('prog.integrity.evidencePlaceholder')}
            data-testid="integrity-evidence"
          />
        </Form.Item>
      </Form>
      {create.isError ? <RuleErrorAlert error={create.error} /> : null}
    </Modal>
  );
}

/** 诚信档案 (R-004-20): records in the user's scope; a standing record bars provincial centralised programmes. */
export function IntegrityPage() {
  const { t } = useI18n();
  const { page, pageSize, setPage } = useUrlFilters([] as const);
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<IntegrityRecordBody | null>(null);
  const list = useQuery({
    queryKey: ['integrity', { page, pageSize }],
    queryFn: () => api.listIntegrityRecords({ page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<IntegrityRecordBody> = [
    {
      title: t('teacher.name'),
      dataIndex: 'teacherName',
      width: 110,
      render: (name: string, r) => <Link to={`/teachers/${r.teacherId}`}>{name}</Link>,
    },
    {
      title: t('prog.integrity.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (k: string) => {
        const key = integrityKindKey(k);
        return <Tag color="red">{key ? t(key) : k}</Tag>;
      },
    },
    { title: t('prog.integrity.date'), dataIndex: 'recordDate', width: 120 },
    {
      title: t('prog.integrity.standing'),
      dataIndex: 'standing',
      width: 110,
      render: (s: boolean) =>
        s ? (
          <Tag color="volcano">{t('prog.integrity.standingYes')}</Tag>
        ) : (
          <Tag>{t('prog.integrity.standingNo')}</Tag>
        ),
    },
    {
      title: t('prog.integrity.evidence'),
      dataIndex: 'evidence',
      render: (e: string | null) => <span style={{ whiteSpace: 'pre-wrap' }}>{e ?? '—'}</span>,
    },
    // ---- the appeal and its decision ----
    {
      title: t('prog.appeal.column'),
      key: 'appeal',
      width: 220,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          <Space size={4}>
            <AppealTag appeal={r.appeal} />
            {r.appeal.status === 'pending' ? (
              <Button size="small" type="link" onClick={() => setDeciding(r)} data-testid="appeal-decide">
                {t('prog.appeal.decide')}
              </Button>
            ) : null}
          </Space>
          {r.appeal.reason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.appeal.reason}
            </Typography.Text>
          ) : null}
          {r.appeal.decisionReason ? (
            <Typography.Text style={{ fontSize: 12 }}>{r.appeal.decisionReason}</Typography.Text>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Card
      title={t('prog.integrity.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setAdding(true)}
          data-testid="integrity-add"
        >
          {t('prog.integrity.add')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('prog.integrity.intro')}
        <RuleRef rules={INTEGRITY_RULE} />
      </Typography.Paragraph>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<IntegrityRecordBody>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('prog.integrity.none')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => (
              <Typography.Text type="secondary">{t('common.total', { n: total })}</Typography.Text>
            ),
            onChange: setPage,
          }}
          data-testid="integrity-table"
        />
      )}
      {adding ? <AddRecordModal onClose={() => setAdding(false)} /> : null}
      {deciding ? <AppealDecisionModal record={deciding} onClose={() => setDeciding(null)} /> : null}
    </Card>
  );
}
