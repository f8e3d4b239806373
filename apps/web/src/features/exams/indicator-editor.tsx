import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import { codeOptions, useCodes } from '../../shared/codes';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';

interface Row {
  name: string;
  weight: number;
}

/** The indicator system (R-002-11) of one 学段 × 学科 at the user's org: an editable list of indicators and weights. */
export function IndicatorEditor({ ownerOrgId, editable }: { ownerOrgId: string; editable: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { data: codes } = useCodes();
  const queryClient = useQueryClient();
  const [stage, setStage] = useState('junior');
  const [subject, setSubject] = useState('math');
  const [form] = Form.useForm<{ indicators: Row[] }>();
  const systems = useQuery({
    queryKey: ['exams', 'indicators', ownerOrgId],
    queryFn: () => api.examIndicators(ownerOrgId),
    enabled: ownerOrgId !== '',
  });
  const current = systems.data?.find((s) => s.stage === stage && s.subject === subject);
  useEffect(() => {
    form.setFieldsValue({ indicators: current?.indicators ?? [] });
  }, [current, form]);
  const save = useMutation({
    mutationFn: (v: { indicators: Row[] }) =>
      api.saveExamIndicators({ ownerOrgId, stage, subject, indicators: v.indicators ?? [] }),
    onSuccess: (data) => {
      queryClient.setQueryData(['exams', 'indicators', ownerOrgId], data);
      message.success(t('exam.ind.saved'));
    },
    onError: (e) => message.error(errorMessage(e, lang)),
  });
  const rows = Form.useWatch('indicators', form) ?? [];
  const total = rows.reduce((a, r) => a + (Number(r?.weight) || 0), 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('exam.ind.intro')}
        <RuleRef rules="R-002-11" />
      </Typography.Text>
      <Space wrap>
        <Select
          aria-label={t('exam.stage')}
          style={{ width: 160 }}
          value={stage}
          onChange={setStage}
          options={codeOptions(codes, 'stages', lang)}
        />
        <Select
          aria-label={t('exam.subject')}
          style={{ width: 160 }}
          showSearch
          optionFilterProp="label"
          value={subject}
          onChange={setSubject}
          options={codeOptions(codes, 'subjects', lang)}
        />
      </Space>
      <Form form={form} onFinish={(v) => save.mutate(v)} disabled={!editable}>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                    <Input placeholder={t('exam.ind.name')} style={{ width: 280 }} maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]}>
                    <InputNumber placeholder={t('exam.ind.weight')} min={0.0001} max={100} step={0.05} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', weight: 0.1 })}>
                  {t('exam.ind.add')}
                </Button>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  {t('exam.ind.save')}
                </Button>
                <Typography.Text type="secondary">
                  {t('exam.ind.total', { total: Math.round(total * 1000) / 1000 })}
                </Typography.Text>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Space>
  );
}
