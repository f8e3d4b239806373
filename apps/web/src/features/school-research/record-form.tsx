/** Record an activity (or correct one): day, topic, form, semester and the school's teachers with their 学时. */

import { useMutation, useQuery } from '@tanstack/react-query';
import { SCHOOL_RESEARCH_FORMS, type SchoolResearchRecord } from '@yanxun/contracts';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';

interface Values {
  heldOn: string;
  semester: 1 | 2;
  topic: string;
  form: (typeof SCHOOL_RESEARCH_FORMS)[number];
  participants: Array<{ teacherId: string; hours: number }>;
}

export function RecordForm({
  schoolId,
  schoolYear,
  record,
  onClose,
  onDone,
}: {
  schoolId: string;
  schoolYear: string;
  record: SchoolResearchRecord | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const teachers = useQuery({
    queryKey: ['school-research', 'teachers', schoolId],
    queryFn: () => api.listTeachers({ orgId: schoolId, page: 1, pageSize: 200 }),
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        schoolYear,
        semester: v.semester,
        heldOn: v.heldOn,
        topic: v.topic,
        form: v.form,
        participants: v.participants.map((p) => ({
          teacherId: p.teacherId,
          hoursTenths: Math.round(p.hours * 10),
        })),
      };
      return record ? api.updateSchoolRecord(record.id, body) : api.createSchoolRecord(schoolId, body);
    },
    onSuccess: onDone,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const initialValues: Partial<Values> = record
    ? {
        heldOn: record.heldOn,
        semester: record.semester,
        topic: record.topic,
        form: record.form as Values['form'],
        participants: record.participants.map((p) => ({ teacherId: p.teacherId, hours: p.hoursTenths / 10 })),
      }
    : { semester: 1, participants: [{ teacherId: '', hours: 2 }] };
  const options = (teachers.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  return (
    <Modal
      open
      title={record ? t('sr.editRecord') : t('sr.addRecord')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => save.mutate(v)}
      >
        <Space wrap>
          <Form.Item
            name="heldOn"
            label={t('sr.r.heldOn')}
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-09-15" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="semester" label={t('sr.f.semester')} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 1, label: t('sr.semester1') },
                { value: 2, label: t('sr.semester2') },
              ]}
            />
          </Form.Item>
          <Form.Item name="form" label={t('sr.r.form')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={SCHOOL_RESEARCH_FORMS.map((f) => ({ value: f, label: f }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="topic" label={t('sr.r.topic')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.List name="participants">
          {(fields, { add, remove }) => (
            <Form.Item label={t('sr.r.participants')}>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'teacherId']} rules={[{ required: true }]}>
                    <Select
                      showSearch
                      optionFilterProp="label"
                      loading={teachers.isLoading}
                      placeholder={t('sr.r.teacher')}
                      style={{ width: 180 }}
                      options={options}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'hours']} rules={[{ required: true }]}>
                    <InputNumber
                      min={0.1}
                      max={24}
                      step={0.5}
                      suffix={t('sr.r.hours')}
                      style={{ width: 130 }}
                    />
                  </Form.Item>
                  {fields.length > 1 && <Button onClick={() => remove(f.name)}>×</Button>}
                </Space>
              ))}
              <Button onClick={() => add({ hours: 2 })}>{t('sr.r.addTeacher')}</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
