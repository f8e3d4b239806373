import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExamCycle } from '@yanxun/contracts';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { TrendChart } from './exam-charts';
import { WarningsCard } from './exam-report-view';
import { ExamsTable } from './exams-page';

function SampleCard({ cycle }: { cycle: ExamCycle }) {
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const draw = useMutation({
    mutationFn: (v: { seed: string; schools: number; studentsPerSchool?: number | null }) =>
      api.drawExamSample(cycle.id, v),
    onSuccess: (c) => queryClient.setQueryData(['exams', 'cycle', cycle.id], c),
  });
  const s = cycle.sample;
  return (
    <Card title={t('exam.cyc.sample')}>
      {hasPermission(me, 'exam.manage') ? (
        <Form
          layout="inline"
          onFinish={(v) => draw.mutate(v)}
          initialValues={{ seed: cycle.name, schools: 20 }}
        >
          <Form.Item name="seed" label={t('exam.cyc.seed')} rules={[{ required: true }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="schools" label={t('exam.cyc.schools')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="studentsPerSchool" label={t('exam.cyc.perSchool')}>
            <InputNumber min={1} />
          </Form.Item>
          <Button htmlType="submit" loading={draw.isPending}>
            {t('exam.cyc.draw')}
          </Button>
        </Form>
      ) : null}
      {draw.error ? <Alert type="error" title={errorMessage(draw.error, lang)} /> : null}
      {s ? (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={s.strata}
          columns={[
            { title: t('exam.cyc.strata'), dataIndex: 'key' },
            { title: t('exam.cyc.population'), dataIndex: 'population', align: 'right' },
            { title: t('exam.cyc.allocated'), dataIndex: 'allocated', align: 'right' },
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('exam.cyc.census')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

export function CyclePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { data: me } = useMe();
  const cycle = useQuery({ queryKey: ['exams', 'cycle', id], queryFn: () => api.examCycle(id) });
  const trends = useQuery({ queryKey: ['exams', 'trends', id], queryFn: () => api.examTrends(id) });
  const diagnose = hasPermission(me, 'exam.diagnose');
  const warnings = useQuery({
    queryKey: ['exams', 'warnings', id],
    queryFn: () => api.examWarnings(id),
    enabled: diagnose,
  });
  const [school, setSchool] = useState<string | null>(null);
  if (cycle.error) return <QueryError error={cycle.error} full />;
  if (!cycle.data) return <Skeleton active />;
  const list = trends.data ?? [];
  const chosen = list.find((x) => x.schoolId === school) ?? list[0];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {cycle.data.name}
      </Typography.Title>
      <Card title={t('exam.cyc.exams')}>
        <ExamsTable exams={cycle.data.exams} />
      </Card>
      <Card
        title={t('exam.cyc.trends')}
        extra={
          <Select
            style={{ width: 260 }}
            showSearch
            optionFilterProp="label"
            placeholder={t('exam.cyc.pickSchool')}
            value={chosen?.schoolId}
            onChange={setSchool}
            options={list.map((x) => ({ value: x.schoolId, label: x.school }))}
          />
        }
      >
        {chosen ? (
          <TrendChart
            points={chosen.points}
            label={`${t('exam.cyc.trends')} ${chosen.school}`}
            names={{ scoreRate: t('exam.cyc.scoreRate'), pass: t('exam.rep.pass'), va: t('exam.rep.va') }}
          />
        ) : null}
      </Card>
      {diagnose ? <SampleCard cycle={cycle.data} /> : null}
      {diagnose && warnings.data ? <WarningsCard warnings={warnings.data} /> : null}
    </Space>
  );
}
