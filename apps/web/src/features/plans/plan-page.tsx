/** One training plan: the editor (modules, staff, PDF, checks, submit/return/approve) and its versions. */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanCheckBody, PlanDetail, TrainingPlanBody } from '@yanxun/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  InputNumber,
  Row,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { formatHours } from './money';
import { PlanCheckList } from './plan-check-list';
import { ModulesEditor } from './plan-modules-editor';
import { StaffEditor } from './plan-staff-editor';
import { PlanStatusTag } from './plan-status-tag';
import { Versions } from './plan-versions';

/** The server's message names the rule in Chinese; other languages get the message by code. */
function serverMessage(e: unknown, lang: 'zh-CN' | 'en-US'): string {
  return isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang);
}

function checksOf(e: unknown): PlanCheckBody[] | null {
  if (!isApiError(e) || typeof e.details !== 'object' || e.details === null) return null;
  const checks = (e.details as { checks?: unknown }).checks;
  return Array.isArray(checks) ? (checks as PlanCheckBody[]) : null;
}

export function PlanEditor({ detail }: { detail: PlanDetail }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const current = detail.versions.find((v) => v.version === detail.currentVersion) ?? detail.versions[0];
  const [plan, setPlan] = useState<TrainingPlanBody>(
    () => current?.body ?? { theme: '', classCount: 1, modules: [], staff: [] },
  );
  const [checks, setChecks] = useState<PlanCheckBody[] | null>(current?.checkResult?.checks ?? null);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const refresh = (d: PlanDetail) => qc.setQueryData(['plans', 'detail', d.id], d);
  const disabled = !detail.canEdit;
  const r = detail.requirements;

  const save = useMutation({
    mutationFn: () => api.savePlan(detail.id, plan),
    onSuccess: (d) => {
      refresh(d);
      message.success(t('plans.saved'));
    },
    onError: (e) => message.error(serverMessage(e, lang)),
  });
  const check = useMutation({
    mutationFn: async () => {
      await api.savePlan(detail.id, plan);
      return api.checkPlan(detail.id);
    },
    onSuccess: (res) => {
      setChecks(res.checks);
      setError(null);
    },
    onError: (e) => message.error(serverMessage(e, lang)),
  });
  const submit = useMutation({
    mutationFn: async () => {
      await api.savePlan(detail.id, plan);
      return api.planAction(detail.id, 'submit');
    },
    onSuccess: (d) => {
      refresh(d);
      setError(null);
      setChecks(d.versions[0]?.checkResult?.checks ?? null);
      message.success(t('plans.submitted'));
    },
    onError: (e) => {
      setError(serverMessage(e, lang));
      const c = checksOf(e);
      if (c) setChecks(c);
      qc.invalidateQueries({ queryKey: ['plans', 'detail', detail.id] });
    },
  });
  const review = useMutation({
    mutationFn: (action: 'return' | 'approve') =>
      api.planAction(detail.id, action, comment.trim() || undefined),
    onSuccess: (d) => {
      refresh(d);
      setComment('');
      message.success(t('plans.reviewed'));
    },
    onError: (e) => message.error(serverMessage(e, lang)),
  });
  const upload = useMutation({
    mutationFn: (file: File) => api.uploadPlanPdf(detail.id, file),
    onSuccess: (d) => {
      refresh(d);
      message.success(t('plans.uploaded'));
    },
    onError: (e) => message.error(serverMessage(e, lang)),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('plans.requirements')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('plans.projectType')}>
            {r.projectTypeName} · {r.trackName}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.deadline')}>
            {r.deadline}
            <RuleRef rules={r.deadlineRuleId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.practicalMin')}>
            ≥ {r.practicalShareMinPct}%
            <RuleRef rules={r.practicalRuleId} />
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.centralizedDays')}>
            {r.totalsAreMinimum ? '≥ ' : ''}
            {r.centralizedDays} {t('plans.days')}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.onlineHours')}>
            {r.totalsAreMinimum ? '≥ ' : ''}
            {formatHours(r.onlineHoursTenths)} {t('plans.hours')}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.staffing')}>
            {t('plans.staffingRule', {
              chief: r.chiefExperts,
              subject: r.subjectClassTeachersPerClass,
              life: r.lifeClassTeachersPerClass,
            })}
            <RuleRef rules={r.staffingRuleId} />
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small">
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Typography.Text strong>{t('plans.theme')}</Typography.Text>
            <Input
              aria-label={t('plans.theme')}
              value={plan.theme}
              disabled={disabled}
              placeholder={t('plans.themeHint')}
              onChange={(e) => setPlan({ ...plan, theme: e.target.value })}
            />
          </Col>
          <Col xs={24} md={8}>
            <Typography.Text strong>{t('plans.classCount')}</Typography.Text>
            <br />
            <InputNumber
              min={0}
              max={100}
              precision={0}
              value={plan.classCount}
              disabled={disabled}
              onChange={(v) => setPlan({ ...plan, classCount: v ?? 0 })}
            />
          </Col>
        </Row>
      </Card>

      <ModulesEditor plan={plan} detail={detail} disabled={disabled} onChange={setPlan} />
      <StaffEditor plan={plan} disabled={disabled} onChange={setPlan} />

      <Card size="small" title={t('plans.pdf')}>
        <Space wrap>
          {current?.file ? (
            <Typography.Text>
              {current.file.name} · {Math.ceil(current.file.size / 1024)} KB · SHA-256{' '}
              {current.file.sha256.slice(0, 12)}…
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('plans.noPdf')}</Typography.Text>
          )}
          {disabled ? null : (
            <Upload
              accept="application/pdf,.pdf"
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending}>
                {t('plans.uploadPdf')}
              </Button>
            </Upload>
          )}
        </Space>
      </Card>

      {disabled ? null : (
        <Space>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('plans.save')}
          </Button>
          <Button onClick={() => check.mutate()} loading={check.isPending}>
            {t('plans.check')}
          </Button>
          <Button type="primary" onClick={() => submit.mutate()} loading={submit.isPending}>
            {t('plans.submit')}
          </Button>
        </Space>
      )}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {checks ? (
        <Card size="small" title={t('plans.checkResult')}>
          <PlanCheckList checks={checks} />
        </Card>
      ) : null}

      {detail.canReview ? (
        <Card size="small" title={t('plans.review')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              rows={3}
              aria-label={t('plans.comment')}
              placeholder={t('plans.commentHint')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <Space>
              <Button danger onClick={() => review.mutate('return')} loading={review.isPending}>
                {t('plans.return')}
              </Button>
              <Button type="primary" onClick={() => review.mutate('approve')} loading={review.isPending}>
                {t('plans.approve')}
              </Button>
            </Space>
          </Space>
        </Card>
      ) : null}

      <Versions detail={detail} />
    </Space>
  );
}

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => api.plan(id) });
  if (q.error) return <QueryError error={q.error} full onRetry={() => q.refetch()} />;
  if (!q.data) return <Card loading />;
  const d = q.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space align="baseline" wrap>
        <Link to="/plans">{t('common.back')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {d.programmeTitle}
        </Typography.Title>
        <Typography.Text type="secondary">
          {d.providerName} · v{d.currentVersion}
        </Typography.Text>
        <PlanStatusTag status={d.status} />
      </Space>
      <PlanEditor key={`${d.id}-${d.currentVersion}-${d.status}`} detail={d} />
    </Space>
  );
}
