/** The 《年度校本研修方案申请表》: theme, goals, contents, forms, projects, assessment. */

import { useMutation } from '@tanstack/react-query';
import { SCHOOL_RESEARCH_CONTENTS, SCHOOL_RESEARCH_FORMS, type SchoolResearchForm } from '@yanxun/contracts';
import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';

interface Values extends Omit<SchoolResearchForm, 'projects'> {
  projects: Array<{ name: string; semester: 1 | 2; lead: string; planned: number }>;
}

export function PlanForm({
  schoolId,
  schoolYear,
  initial,
  label,
  onDone,
}: {
  schoolId: string;
  schoolYear: string;
  initial: SchoolResearchForm | undefined;
  label: string;
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const submit = useMutation({
    mutationFn: (v: Values) =>
      api.submitSchoolPlan(schoolId, {
        schoolYear,
        form: {
          ...v,
          projects: v.projects.map((p) => ({
            name: p.name,
            semester: p.semester,
            lead: p.lead,
            plannedTenths: Math.round(p.planned * 10),
          })),
        },
      }),
    onSuccess: () => {
      void message.success(t('sr.submitted'));
      onDone();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const initialValues: Partial<Values> = initial
    ? {
        ...initial,
        projects: initial.projects.map((p) => ({ ...p, planned: p.plannedTenths / 10 })),
      }
    : { projects: [{ name: '', semester: 1, lead: '', planned: 12 }] };
  const text = { required: true, min: 2 } as const;
  return (
    <Form<Values>
      layout="vertical"
      initialValues={initialValues}
      onFinish={(v) => submit.mutate(v)}
      style={{ marginTop: 16, maxWidth: 720 }}
    >
      <Form.Item name="theme" label={t('sr.f.theme')} rules={[text]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="leader" label={t('sr.f.leader')} rules={[{ required: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="yearGoals" label={t('sr.f.yearGoals')} rules={[text]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name={['semesterGoals', 'first']} label={t('sr.f.first')} rules={[text]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name={['semesterGoals', 'second']} label={t('sr.f.second')} rules={[text]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.Item name="contents" label={t('sr.f.contents')} rules={[{ required: true }]}>
        <Select mode="multiple" options={SCHOOL_RESEARCH_CONTENTS.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="forms" label={t('sr.f.forms')} rules={[{ required: true }]}>
        <Select mode="multiple" options={SCHOOL_RESEARCH_FORMS.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.List name="projects">
        {(fields, { add, remove }) => (
          <Form.Item label={t('sr.f.projects')}>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder={t('sr.f.projectName')} maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'semester']} rules={[{ required: true }]}>
                  <Select
                    style={{ width: 110 }}
                    options={[
                      { value: 1, label: t('sr.semester1') },
                      { value: 2, label: t('sr.semester2') },
                    ]}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'lead']} rules={[{ required: true }]}>
                  <Input placeholder={t('sr.f.lead')} maxLength={50} style={{ width: 110 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'planned']} rules={[{ required: true }]}>
                  <InputNumber min={0} max={240} step={0.5} suffix={t('sr.r.hours')} style={{ width: 130 }} />
                </Form.Item>
                {fields.length > 1 && <Button onClick={() => remove(f.name)}>×</Button>}
              </Space>
            ))}
            <Button onClick={() => add({ semester: 1, planned: 6 })}>{t('sr.f.addProject')}</Button>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="assessment" label={t('sr.f.assessment')} rules={[text]}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {label}
      </Button>
    </Form>
  );
}
