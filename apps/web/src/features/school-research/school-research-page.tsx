/**
 * 校本研修 (/school-research). A school sees its own year (plan form with due date and status, records, certify
 * 学时); the 进修学校 and the bureaus see the schools' plans with status and late flag (R3-S03), review them,
 * open a school to assess its semester, and on their county draw the end-of-term spot check (R3-S04).
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SchoolPlanRow, SpotCheck } from '@yanxun/contracts';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { schoolYearLabel } from '../../shared/figures';
import { findingSentence } from '../../shared/finding-words';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { ReasonAction } from '../../shared/reason-action';
import { hasPermission, useMe } from '../../shared/session';
import { SchoolYearView, STATUS_COLORS } from './school-year-view';
import { budgetYear, TrainingBudgetsTable } from './training-budget-card';

export function SchoolResearchPage() {
  const { t } = useI18n();
  const me = useMe();
  const schoolGrant = me.data?.grants.find((g) => g.role === 'school_admin' && g.orgKind === 'school');
  const countyGrant = me.data?.grants.find(
    (g) => (g.role === 'tdc_staff' || g.role === 'bureau_admin') && g.orgKind === 'county',
  );
  const [open, setOpen] = useState<string | null>(null);
  if (!me.data) return null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('sr.title')}
      </Typography.Title>
      {schoolGrant && !open ? (
        <SchoolYearView schoolId={schoolGrant.orgId} />
      ) : open ? (
        <>
          <Button onClick={() => setOpen(null)}>{t('sr.back')}</Button>
          <SchoolYearView schoolId={open} />
        </>
      ) : (
        <>
          <PlansCard onOpen={setOpen} />
          <TrainingBudgetsTable year={budgetYear()} onOpen={setOpen} />
          {countyGrant && hasPermission(me.data, 'school_research.review') && (
            <SpotChecksCard countyId={countyGrant.orgId} />
          )}
        </>
      )}
    </Space>
  );
}

function PlansCard({ onOpen }: { onOpen: (schoolId: string) => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['school-research', 'plans'], queryFn: () => api.schoolPlans() });
  const decide = useMutation({
    mutationFn: (v: { id: string }) => api.decideSchoolPlan(v.id, { decision: 'approve' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['school-research'] }),
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Card
      title={`${t('sr.plans')}${q.data ? ` · ${schoolYearLabel(q.data.schoolYear, lang)}` : ''}`}
      loading={q.isLoading}
      extra={q.data && <Typography.Text type="secondary">{t('sr.due', q.data.due)}</Typography.Text>}
    >
      <Table<SchoolPlanRow>
        size="small"
        rowKey="planId"
        dataSource={q.data?.plans ?? []}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('sr.noPlans')} /> }}
        columns={[
          { title: t('sr.col.school'), dataIndex: 'schoolName' },
          { title: t('sr.f.theme'), dataIndex: 'theme' },
          {
            title: t('sr.col.submittedOn'),
            render: (_: unknown, p) => (
              <Space wrap>
                {p.firstSubmittedOn}
                {p.due.lastDay !== q.data?.due.lastDay && (
                  <Typography.Text type="secondary" title={p.due.rule}>
                    {t('sr.ownDue', p.due)}
                  </Typography.Text>
                )}
                {p.late ? (
                  <Tag color="error" title={p.finding ? findingSentence(t, p.finding) : undefined}>
                    {t('sr.late')}
                  </Tag>
                ) : (
                  <Tag>{t('sr.onTime')}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('sr.col.status'),
            render: (_: unknown, p) => (
              <Space>
                <Tag color={STATUS_COLORS[p.status]}>{t(`sr.status.${p.status}`)}</Tag>
                {t('sr.version', { version: p.version })}
              </Space>
            ),
          },
          {
            title: '',
            render: (_: unknown, p) => (
              <Space wrap>
                <Button size="small" onClick={() => onOpen(p.schoolId)}>
                  {t('sr.open')}
                </Button>
                {p.canDecide && (
                  <>
                    <Button size="small" type="primary" onClick={() => decide.mutate({ id: p.planId })}>
                      {t('sr.approve')}
                    </Button>
                    <ReasonAction
                      label={t('sr.return')}
                      reasonLabel={t('sr.reason')}
                      run={(reason) => api.decideSchoolPlan(p.planId, { decision: 'return', reason })}
                      onDone={() => void qc.invalidateQueries({ queryKey: ['school-research'] })}
                    />
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

function SpotChecksCard({ countyId }: { countyId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const plans = useQuery({ queryKey: ['school-research', 'plans'], queryFn: () => api.schoolPlans() });
  const schoolYear = plans.data?.schoolYear ?? '';
  const q = useQuery({
    queryKey: ['school-research', 'draws', countyId, schoolYear],
    queryFn: () => api.spotChecks(countyId, schoolYear),
    enabled: schoolYear !== '',
  });
  const invalidate = () => void qc.invalidateQueries({ queryKey: ['school-research', 'draws'] });
  const draw = useMutation({
    mutationFn: (v: { semester: 1 | 2; ratio?: number; seed?: string }) =>
      api.drawSpotCheck({
        countyId,
        schoolYear,
        semester: v.semester,
        ...(v.ratio !== undefined && v.ratio !== null ? { ratio: v.ratio / 100 } : {}),
        ...(v.seed ? { seed: v.seed } : {}),
      }),
    onSuccess: invalidate,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  const result = useMutation({
    mutationFn: (v: { drawId: string; schoolId: string; result: 'good' | 'pass' | 'needs_work' }) =>
      api.recordSpotCheck(v.drawId, v.schoolId, { result: v.result, comment: t(`sr.result.${v.result}`) }),
    onSuccess: invalidate,
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Card title={t('sr.spotChecks')}>
      <Form
        layout="inline"
        initialValues={{ semester: 1 }}
        onFinish={(v) => draw.mutate(v)}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="semester">
          <Select
            style={{ width: 120 }}
            options={[
              { value: 1, label: t('sr.semester1') },
              { value: 2, label: t('sr.semester2') },
            ]}
          />
        </Form.Item>
        <Form.Item name="ratio">
          <InputNumber min={1} max={100} placeholder={t('sr.ratio')} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="seed">
          <Input placeholder={t('sr.seed')} maxLength={100} style={{ width: 220 }} />
        </Form.Item>
        <Button htmlType="submit" loading={draw.isPending} disabled={schoolYear === ''}>
          {t('sr.draw')}
        </Button>
      </Form>
      {(q.data ?? []).length === 0 ? (
        <Empty description={t('sr.noDraws')} />
      ) : (
        (q.data ?? []).map((d: SpotCheck) => (
          <Card
            key={d.id}
            size="small"
            style={{ marginTop: 12 }}
            title={`${schoolYearLabel(d.schoolYear, lang)}${t(d.semester === 1 ? 'sr.semester1' : 'sr.semester2')}`}
          >
            <Typography.Paragraph>
              {t('sr.drawInfo', { seed: d.seed, ratio: `${Math.round(d.ratio * 1000) / 10}%`, note: d.note })}{' '}
              {d.reproducible && <Tag color="success">{t('sr.reproducible')}</Tag>}
            </Typography.Paragraph>
            {d.picks.map((p) => (
              <Space key={p.schoolId} wrap style={{ display: 'flex', marginBottom: 4 }}>
                <span>{p.schoolName}</span>
                {p.result && <Tag>{t(`sr.result.${p.result}`)}</Tag>}
                <Select<'good' | 'pass' | 'needs_work'>
                  size="small"
                  placeholder={t('sr.record')}
                  style={{ width: 120 }}
                  options={(['good', 'pass', 'needs_work'] as const).map((r) => ({
                    value: r,
                    label: t(`sr.result.${r}`),
                  }))}
                  onChange={(r) => result.mutate({ drawId: d.id, schoolId: p.schoolId, result: r })}
                />
              </Space>
            ))}
          </Card>
        ))
      )}
    </Card>
  );
}
