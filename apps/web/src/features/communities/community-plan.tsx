/** The school-year plan of a community: its sessions edited as a list, saved whole, with core's findings. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommunityDetail, PlanInput } from '@yanxun/contracts';
import { Alert, App, Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { DateField } from '../../shared/date-fields';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { coreSchoolOptions, currentSchoolYear } from './community-options';
import { FindingsList } from './findings-list';

export function CommunityPlan({ community }: { community: CommunityDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const now = currentSchoolYear();
  const first = Number(now.slice(0, 4));
  const [year, setYear] = useState(now);
  const key = ['communities', 'plan', community.id, year];
  const plan = useQuery({ queryKey: key, queryFn: () => api.communityPlan(community.id, year) });
  const [form] = Form.useForm<PlanInput>();
  const save = useMutation({
    mutationFn: (v: PlanInput) => api.saveCommunityPlan(community.id, year, v),
    onSuccess: (p) => {
      client.setQueryData(key, p);
      void message.success(t('comm.saved'));
    },
  });
  const schools = coreSchoolOptions(community);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Typography.Text>{t('comm.schoolYear')}</Typography.Text>
        <Select
          aria-label={t('comm.schoolYear')}
          value={year}
          onChange={setYear}
          style={{ width: 140 }}
          options={[first - 1, first, first + 1].map((y) => ({
            value: `${y}-${y + 1}`,
            label: `${y}-${y + 1}`,
          }))}
        />
      </Space>
      {plan.error ? <QueryError error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {plan.data ? (
        <>
          <FindingsList findings={plan.data.findings} />
          <Form<PlanInput>
            key={`${year}:${plan.data.sessions.map((s) => s.id).join(',')}`}
            form={form}
            disabled={!community.canRecord}
            initialValues={{ sessions: plan.data.sessions }}
            onFinish={(v) => save.mutate({ sessions: v.sessions ?? [] })}
          >
            <Form.List name="sessions">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Space key={f.key} wrap align="baseline">
                      <Form.Item name={[f.name, 'date']} rules={[{ required: true }]}>
                        <DateField aria-label={t('comm.date')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                        <Select
                          aria-label={t('comm.sessionKind')}
                          style={{ width: 130 }}
                          options={(['session', 'reading_forum'] as const).map((k) => ({
                            value: k,
                            label: t(`comm.sessionKind.${k}`),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'liveLessons']} label={t('comm.liveLessons')}>
                        <InputNumber min={0} max={20} style={{ width: 64 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'discussions']} label={t('comm.discussions')}>
                        <InputNumber min={0} max={20} style={{ width: 64 }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'hostSchoolId']} rules={[{ required: true }]}>
                        <Select
                          aria-label={t('comm.hostSchool')}
                          placeholder={t('comm.hostSchool')}
                          style={{ width: 200 }}
                          options={schools}
                        />
                      </Form.Item>
                      {community.canRecord ? (
                        <MinusCircleOutlined aria-label={t('comm.remove')} onClick={() => remove(f.name)} />
                      ) : null}
                    </Space>
                  ))}
                  {community.canRecord ? (
                    <Space>
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() =>
                          add({
                            kind: 'session',
                            liveLessons: 1,
                            discussions: 1,
                            hostSchoolId: schools[0]?.value,
                          })
                        }
                      >
                        {t('comm.addSession')}
                      </Button>
                      <Button type="primary" htmlType="submit" loading={save.isPending}>
                        {t('comm.savePlan')}
                      </Button>
                    </Space>
                  ) : null}
                </>
              )}
            </Form.List>
          </Form>
          {save.error ? <Alert type="error" title={errorMessage(save.error, lang)} /> : null}
        </>
      ) : null}
    </Space>
  );
}
