/**
 * A school's 校本研修 year: the plan's due date and status (R3-S03), the 《年度校本研修方案申请表》 form, the
 * activity records with certification of 学时 (R3-S02), the teachers' certified 学时, the semester assessments and
 * the archive (R3-S09). One column on a phone.
 */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  type SchoolResearchRecord,
  type SchoolResearchYear,
} from '@yanxun/contracts';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../shared/api';
import { schoolResearchArchivePath } from '../../shared/api-school-research';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { schoolYearLabel } from '../../shared/figures';
import { findingSentence } from '../../shared/finding-words';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hours } from '../outcomes/outcome-status-tag';
import { PlanForm } from './plan-form';
import { RecordForm } from './record-form';
import { budgetYear, TrainingBudgetCard } from './training-budget-card';

/** The colour of a plan's status tag (this view and the plans list). */
export const STATUS_COLORS = { submitted: 'processing', returned: 'warning', approved: 'success' } as const;

export function SchoolYearView({ schoolId, schoolYear }: { schoolId: string; schoolYear?: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['school-research', 'school', schoolId, schoolYear ?? ''];
  const q = useQuery({ queryKey: key, queryFn: () => api.schoolResearchYear(schoolId, schoolYear) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['school-research'] });
  const [editing, setEditing] = useState<SchoolResearchRecord | 'new' | null>(null);
  const { download, pending } = useDownload();
  const certify = useMutation({
    mutationFn: (id: string) => api.certifySchoolRecord(id),
    onSuccess: (r) => {
      void message.success(t('sr.certifyDone', r));
      void refresh();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const y = q.data;
  if (!y) return <Card loading />;
  const plan = y.plan;
  const mayResubmit = y.canSubmit && (!plan || plan.status === 'returned');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${y.schoolName} · ${schoolYearLabel(y.schoolYear, lang)} · ${t('sr.plan')}`}
        extra={
          <Button
            loading={pending !== null}
            onClick={() =>
              void download(schoolResearchArchivePath(y.schoolId), `校本研修档案-${y.schoolYear}.xlsx`, {
                schoolYear: y.schoolYear,
              })
            }
          >
            {t('sr.archive')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('sr.due', y.due)}</Typography.Paragraph>
        {y.finding && (
          <Alert type="warning" showIcon title={findingSentence(t, y.finding)} style={{ marginBottom: 12 }} />
        )}
        {plan ? (
          <Space wrap>
            <Tag color={STATUS_COLORS[plan.status]}>{t(`sr.status.${plan.status}`)}</Tag>
            <span>{t('sr.version', { version: plan.version })}</span>
            <span>{plan.form.theme}</span>
            {plan.returnReason && (
              <Typography.Text type="warning">
                {t('sr.returnReason', { reason: plan.returnReason })}
              </Typography.Text>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('sr.noPlan')}</Typography.Text>
        )}
        {mayResubmit && (
          <PlanForm
            schoolId={y.schoolId}
            schoolYear={y.schoolYear}
            initial={plan?.form}
            label={plan ? t('sr.resubmit') : t('sr.submit')}
            onDone={() => void refresh()}
          />
        )}
      </Card>
      <RecordsCard
        y={y}
        onEdit={setEditing}
        onCertify={(id) => certify.mutate(id)}
        certifying={certify.isPending}
      />
      {editing && (
        <RecordForm
          schoolId={y.schoolId}
          schoolYear={y.schoolYear}
          record={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            void refresh();
          }}
        />
      )}
      <Card title={t('sr.hoursTitle', { min: hours(y.yearMinTenths) })}>
        <Table
          size="small"
          rowKey="teacherId"
          pagination={false}
          dataSource={y.certified}
          scroll={{ x: true }}
          locale={{ emptyText: <Empty description={t('sr.noRecords')} /> }}
          columns={[
            { title: t('sr.r.teacher'), dataIndex: 'teacherName' },
            { title: t('sr.certified'), dataIndex: 'certifiedTenths', render: (v: number) => hours(v) },
            {
              title: '',
              dataIndex: 'meetsMinimum',
              render: (v: boolean) =>
                v ? <Tag color="success">{t('sr.meets')}</Tag> : <Tag>{t('sr.short')}</Tag>,
            },
          ]}
        />
      </Card>
      <AssessmentsCard y={y} onDone={() => void refresh()} />
      <TrainingBudgetCard schoolId={y.schoolId} year={budgetYear()} />
    </Space>
  );
}

function RecordsCard({
  y,
  onEdit,
  onCertify,
  certifying,
}: {
  y: SchoolResearchYear;
  onEdit: (r: SchoolResearchRecord | 'new') => void;
  onCertify: (id: string) => void;
  certifying: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card
      title={t('sr.records')}
      extra={y.canSubmit && <Button onClick={() => onEdit('new')}>{t('sr.addRecord')}</Button>}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={y.records}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('sr.noRecords')} /> }}
        columns={[
          { title: t('sr.r.heldOn'), dataIndex: 'heldOn' },
          { title: t('sr.r.topic'), dataIndex: 'topic' },
          { title: t('sr.r.form'), dataIndex: 'form' },
          {
            title: t('sr.r.participants'),
            render: (_: unknown, r: SchoolResearchRecord) =>
              r.participants.map((p) => `${p.teacherName} ${hours(p.hoursTenths)}`).join('、'),
          },
          {
            title: '',
            render: (_: unknown, r: SchoolResearchRecord) => (
              <Space wrap>
                {r.needsCertification ? (
                  <Tag color="warning">{t('sr.needsCertify')}</Tag>
                ) : (
                  <Tag color="success">{t('sr.certified')}</Tag>
                )}
                {y.canSubmit && (
                  <>
                    <Button size="small" onClick={() => onEdit(r)}>
                      {t('sr.editRecord')}
                    </Button>
                    {r.needsCertification && (
                      <Button
                        size="small"
                        type="primary"
                        loading={certifying}
                        onClick={() => onCertify(r.id)}
                      >
                        {t('sr.certify')}
                      </Button>
                    )}
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

function AssessmentsCard({ y, onDone }: { y: SchoolResearchYear; onDone: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    semester: 1 | 2;
    grade: (typeof ASSESSMENT_GRADES)[number];
    comment: string;
  }>();
  const assess = useMutation({
    mutationFn: (v: { semester: 1 | 2; grade: (typeof ASSESSMENT_GRADES)[number]; comment: string }) =>
      api.assessSchoolSemester(y.schoolId, { schoolYear: y.schoolYear, ...v }),
    onSuccess: () => {
      form.resetFields();
      onDone();
    },
    onError: (e) => void message.error(errorMessage(e, lang)),
  });
  return (
    <Card title={t('sr.assessments')}>
      {y.assessments.length === 0 ? (
        <Typography.Text type="secondary">{t('sr.noAssessments')}</Typography.Text>
      ) : (
        y.assessments.map((a) => (
          <Typography.Paragraph key={a.semester}>
            {t(a.semester === 1 ? 'sr.semester1' : 'sr.semester2')}：
            <Tag>{ASSESSMENT_GRADE_LABELS[a.grade]}</Tag>
            {a.comment}
          </Typography.Paragraph>
        ))
      )}
      {y.canReview && (
        <Form form={form} layout="inline" onFinish={(v) => assess.mutate(v)} style={{ rowGap: 8 }}>
          <Form.Item name="semester" rules={[{ required: true }]} initialValue={1}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: 1, label: t('sr.semester1') },
                { value: 2, label: t('sr.semester2') },
              ]}
            />
          </Form.Item>
          <Form.Item name="grade" rules={[{ required: true }]}>
            <Select
              style={{ width: 100 }}
              placeholder={t('sr.grade')}
              options={ASSESSMENT_GRADES.map((g) => ({ value: g, label: ASSESSMENT_GRADE_LABELS[g] }))}
            />
          </Form.Item>
          <Form.Item name="comment" rules={[{ required: true, min: 2 }]}>
            <Input placeholder={t('sr.comment')} style={{ width: 260 }} />
          </Form.Item>
          <Button htmlType="submit" loading={assess.isPending}>
            {t('sr.assess')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
