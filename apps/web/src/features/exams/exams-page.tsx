import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateExamRequest, Exam } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../shared/api';
import { codeName, codeOptions, useCodes } from '../../shared/codes';
import { errorMessage } from '../../shared/error-messages';
import { countLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { keyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';
import { semesterLabel } from '../../shared/semester';
import { hasPermission, primaryGrant, useMe } from '../../shared/session';
import { ExamUploadWizard } from './exam-upload';
import { IndicatorEditor } from './indicator-editor';

function CreateExamModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: codes } = useCodes();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateExamRequest>();
  const cycles = useQuery({ queryKey: ['exams', 'cycles'], queryFn: () => api.listExamCycles() });
  const create = useMutation({
    mutationFn: (v: CreateExamRequest) => api.createExam({ ...v, ownerOrgId: primaryGrant(me)?.orgId ?? '' }),
    onSuccess: async () => {
      message.success(t('exam.created'));
      await queryClient.invalidateQueries({ queryKey: ['exams'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, lang)),
  });
  return (
    <Modal
      open={open}
      title={t('exam.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'routine', fullMarks: 100, stage: 'junior' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="name" label={t('exam.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="semester" label={t('exam.semester')} rules={[{ required: true }]}>
            <Input placeholder="2026-2027-1" />
          </Form.Item>
          <Form.Item name="grade" label={t('exam.grade')} rules={[{ required: true }]}>
            <Input placeholder="七年级" />
          </Form.Item>
          <Form.Item name="fullMarks" label={t('exam.fullMarks')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="stage" label={t('exam.stage')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={codeOptions(codes, 'stages', lang)} />
          </Form.Item>
          <Form.Item name="subject" label={t('exam.subject')} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} showSearch options={codeOptions(codes, 'subjects', lang)} />
          </Form.Item>
          <Form.Item name="cycleId" label={t('exam.cycle')}>
            <Select
              allowClear
              style={{ width: 220 }}
              options={(cycles.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="examDate" label={t('exam.date')}>
            <Input placeholder="2027-01-10" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="kind" label={t('exam.kind')}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'routine', label: t('exam.kind.routine') },
                { value: 'monitoring', label: t('exam.kind.monitoring') },
              ]}
            />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export function ExamsTable({ exams, onUpload }: { exams: Exam[]; onUpload?: (e: Exam) => void }) {
  const { t, lang } = useI18n();
  const { data: codes } = useCodes();
  const columns: TableColumnsType<Exam> = [
    {
      title: t('exam.name'),
      dataIndex: 'name',
      render: (name: string, e) => (e.hasData ? <Link to={`/monitoring/exams/${e.id}`}>{name}</Link> : name),
    },
    {
      title: t('exam.semester'),
      dataIndex: 'semester',
      width: 170,
      render: (s: string) => semesterLabel(s, lang),
    },
    {
      title: `${t('exam.stage')} / ${t('exam.subject')}`,
      key: 'ss',
      width: 150,
      render: (_, e) =>
        `${codeName(codes, 'stages', e.stage, lang)} · ${codeName(codes, 'subjects', e.subject, lang)}`,
    },
    { title: t('exam.grade'), dataIndex: 'grade', width: 90 },
    {
      title: t('exam.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Exam['kind']) => (
        <Tag color={k === 'monitoring' ? 'purple' : 'blue'}>{t(`exam.kind.${k}`)}</Tag>
      ),
    },
    { title: t('exam.owner'), dataIndex: 'ownerName', width: 160 },
    {
      title: t('exam.students'),
      dataIndex: 'students',
      width: 100,
      align: 'right',
      render: (n: number, e) =>
        e.hasData ? countLabel(n) : <Typography.Text type="secondary">{t('exam.noData')}</Typography.Text>,
    },
    {
      title: '',
      key: 'act',
      width: 180,
      render: (_, e) => (
        <Space>
          {e.hasData ? <Link to={`/monitoring/exams/${e.id}`}>{t('exam.open')}</Link> : null}
          {onUpload ? (
            <Button size="small" onClick={() => onUpload(e)}>
              {t('exam.upload')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<Exam>
      rowKey="id"
      size="middle"
      columns={keyColumns(columns, ['name', 'act'])}
      dataSource={exams}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
    />
  );
}

function CreateCycleModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; semester: string }>();
  const create = useMutation({
    mutationFn: (v: { name: string; semester: string }) =>
      api.createExamCycle({ ...v, ownerOrgId: primaryGrant(me)?.orgId ?? '' }),
    onSuccess: async () => {
      message.success(t('exam.cyc.created'));
      await queryClient.invalidateQueries({ queryKey: ['exams', 'cycles'] });
      onClose();
    },
    onError: (e) => message.error(errorMessage(e, lang)),
  });
  return (
    <Modal
      open={open}
      title={t('exam.cyc.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="name" label={t('exam.cyc.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="semester" label={t('exam.semester')} rules={[{ required: true }]}>
          <Input placeholder="2026-2027" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ExamsPage() {
  const { t, lang } = useI18n();
  const { data: me } = useMe();
  const manage = hasPermission(me, 'exam.manage');
  const [creating, setCreating] = useState(false);
  const [creatingCycle, setCreatingCycle] = useState(false);
  const [uploading, setUploading] = useState<Exam | null>(null);
  const exams = useQuery({ queryKey: ['exams', 'list'], queryFn: () => api.listExams() });
  const cycles = useQuery({ queryKey: ['exams', 'cycles'], queryFn: () => api.listExamCycles() });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('exam.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('exam.intro')}
      </Typography.Paragraph>
      <Card>
        <Tabs
          items={[
            {
              key: 'exams',
              label: t('exam.list'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {manage ? (
                    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                      {t('exam.new')}
                    </Button>
                  ) : null}
                  {exams.error ? <QueryError error={exams.error} /> : null}
                  <ExamsTable exams={exams.data ?? []} onUpload={manage ? setUploading : undefined} />
                </Space>
              ),
            },
            {
              key: 'cycles',
              label: t('exam.cycles'),
              children: (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {manage ? (
                    <Button icon={<PlusOutlined />} onClick={() => setCreatingCycle(true)}>
                      {t('exam.cyc.new')}
                    </Button>
                  ) : null}
                  <Table
                    rowKey="id"
                    dataSource={cycles.data ?? []}
                    pagination={false}
                    columns={[
                      {
                        title: t('exam.cyc.name'),
                        dataIndex: 'name',
                        render: (n: string, c: { id: string }) => (
                          <Link to={`/monitoring/cycles/${c.id}`}>{n}</Link>
                        ),
                      },
                      {
                        title: t('exam.semester'),
                        dataIndex: 'semester',
                        render: (s: string) => semesterLabel(s, lang),
                      },
                      { title: t('exam.owner'), dataIndex: 'ownerName' },
                      {
                        title: t('exam.cyc.sample'),
                        dataIndex: 'sampled',
                        render: (s: boolean) =>
                          s ? <Tag color="purple">{t('exam.cyc.sample')}</Tag> : t('exam.cyc.census'),
                      },
                    ]}
                  />
                </Space>
              ),
            },
            {
              key: 'indicators',
              label: t('exam.ind.title'),
              children: <IndicatorEditor ownerOrgId={primaryGrant(me)?.orgId ?? ''} editable={manage} />,
            },
          ]}
        />
      </Card>
      <CreateExamModal open={creating} onClose={() => setCreating(false)} />
      <CreateCycleModal open={creatingCycle} onClose={() => setCreatingCycle(false)} />
      <Drawer open={uploading !== null} onClose={() => setUploading(null)} size={960} destroyOnHidden>
        {uploading ? <ExamUploadWizard exam={uploading} /> : null}
      </Drawer>
    </Space>
  );
}
