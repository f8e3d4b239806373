import {
  CheckOutlined,
  DeleteOutlined,
  MinusOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlanCheckBody,
  PlanDetail,
  PlanModuleBody,
  PlanStaffBody,
  PlanVersion,
  TrainingPlanBody,
} from '@yanxun/contracts';
import { PLAN_STAFF_ROLES } from '@yanxun/contracts';
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
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, fileUrls, isApiError } from '../../shared/api';
import { useDownload } from '../../shared/download';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { formatHours } from './money';
import { PlanCheckList } from './plan-check-list';
import { PlanStatusTag } from './plan-status-tag';

/** The server's message names the rule in Chinese; other languages get the message by code. */
function serverMessage(e: unknown, lang: 'zh-CN' | 'en-US'): string {
  return isApiError(e) && lang === 'zh-CN' ? e.message : errorMessage(e, lang);
}

function checksOf(e: unknown): PlanCheckBody[] | null {
  if (!isApiError(e) || typeof e.details !== 'object' || e.details === null) return null;
  const checks = (e.details as { checks?: unknown }).checks;
  return Array.isArray(checks) ? (checks as PlanCheckBody[]) : null;
}

function ModulesEditor({
  plan,
  detail,
  disabled,
  onChange,
}: {
  plan: TrainingPlanBody;
  detail: PlanDetail;
  disabled: boolean;
  onChange: (p: TrainingPlanBody) => void;
}) {
  const { t } = useI18n();
  const modes = detail.requirements.modes;
  const set = (i: number, patch: Partial<PlanModuleBody>) =>
    onChange({ ...plan, modules: plan.modules.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  const unitOf = (mode: string) => modes.find((m) => m.code === mode)?.unit ?? 'days';
  const covered = new Set(plan.modules.flatMap((m) => (m.compulsoryTopic ? [m.compulsoryTopic] : [])));
  const addTopics = () =>
    onChange({
      ...plan,
      modules: [
        ...plan.modules,
        ...detail.requirements.topics
          .filter((topic) => !covered.has(topic))
          .map((topic) => ({
            title: topic,
            mode: 'online' as const,
            hoursTenths: 10,
            practical: false,
            asynchronous: true,
            compulsoryTopic: topic,
          })),
      ],
    });
  return (
    <Card
      title={t('plans.modules')}
      size="small"
      extra={
        disabled ? null : (
          <Space>
            <Button size="small" onClick={addTopics}>
              {t('plans.addTopics')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                onChange({
                  ...plan,
                  modules: [...plan.modules, { title: '', mode: 'centralized', days: 1, practical: false }],
                })
              }
            >
              {t('plans.addModule')}
            </Button>
          </Space>
        )
      }
    >
      <Table<PlanModuleBody & { key: number }>
        size="small"
        pagination={false}
        dataSource={plan.modules.map((m, key) => ({ ...m, key }))}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('plans.moduleTitle'),
            render: (_, m) => (
              <Input
                aria-label={t('plans.moduleTitle')}
                value={m.title}
                disabled={disabled}
                onChange={(e) => set(m.key, { title: e.target.value })}
              />
            ),
          },
          {
            title: t('plans.mode'),
            width: 130,
            render: (_, m) => (
              <Select
                value={m.mode}
                disabled={disabled}
                style={{ width: 120 }}
                options={modes.map((x) => ({ value: x.code, label: x.name }))}
                onChange={(mode) => {
                  const spec = modes.find((x) => x.code === mode);
                  set(m.key, {
                    mode,
                    practical: spec?.practicalByDefault ?? m.practical,
                    ...(spec?.unit === 'days'
                      ? { days: m.days ?? 1, hoursTenths: undefined }
                      : { hoursTenths: m.hoursTenths ?? 10, days: undefined }),
                  });
                }}
              />
            ),
          },
          {
            title: t('plans.amount'),
            width: 150,
            render: (_, m) =>
              unitOf(m.mode) === 'days' ? (
                <InputNumber
                  min={0}
                  precision={0}
                  value={m.days ?? 0}
                  disabled={disabled}
                  addonAfter={t('plans.days')}
                  onChange={(v) => set(m.key, { days: v ?? 0 })}
                />
              ) : (
                <InputNumber
                  min={0}
                  step={0.5}
                  precision={1}
                  value={(m.hoursTenths ?? 0) / 10}
                  disabled={disabled}
                  addonAfter={t('plans.hours')}
                  onChange={(v) => set(m.key, { hoursTenths: Math.round((v ?? 0) * 10) })}
                />
              ),
          },
          {
            title: t('plans.practical'),
            width: 80,
            render: (_, m) => (
              <Switch
                checked={m.practical}
                disabled={disabled}
                onChange={(v) => set(m.key, { practical: v })}
              />
            ),
          },
          {
            title: t('plans.async'),
            width: 80,
            render: (_, m) =>
              unitOf(m.mode) === 'hours' ? (
                <Switch
                  checked={m.asynchronous === true}
                  disabled={disabled}
                  onChange={(v) => set(m.key, { asynchronous: v })}
                />
              ) : null,
          },
          {
            title: t('plans.topic'),
            width: 220,
            render: (_, m) => (
              <Select
                allowClear
                value={m.compulsoryTopic}
                disabled={disabled}
                style={{ width: 210 }}
                placeholder="—"
                options={detail.requirements.topics.map((x) => ({ value: x, label: x }))}
                onChange={(v) => set(m.key, { compulsoryTopic: v })}
              />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_, m) =>
              disabled ? null : (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('plans.remove')}
                  onClick={() => onChange({ ...plan, modules: plan.modules.filter((_, j) => j !== m.key) })}
                />
              ),
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
        {t('plans.topicsChecklist', { rule: detail.requirements.topicsRuleId })}
      </Typography.Paragraph>
      <Space size={[4, 4]} wrap data-testid="topics">
        {detail.requirements.topics.map((topic) => (
          <Tag
            key={topic}
            color={covered.has(topic) ? 'success' : 'default'}
            icon={covered.has(topic) ? <CheckOutlined /> : <MinusOutlined />}
          >
            {topic}
          </Tag>
        ))}
      </Space>
    </Card>
  );
}

function StaffEditor({
  plan,
  disabled,
  onChange,
}: {
  plan: TrainingPlanBody;
  disabled: boolean;
  onChange: (p: TrainingPlanBody) => void;
}) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<PlanStaffBody>) =>
    onChange({ ...plan, staff: plan.staff.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <Card
      title={t('plans.staff')}
      size="small"
      extra={
        disabled ? null : (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              onChange({ ...plan, staff: [...plan.staff, { role: 'subject_class_teacher', name: '' }] })
            }
          >
            {t('plans.addStaff')}
          </Button>
        )
      }
    >
      <Table<PlanStaffBody & { key: number }>
        size="small"
        pagination={false}
        dataSource={plan.staff.map((s, key) => ({ ...s, key }))}
        columns={[
          {
            title: t('plans.role'),
            width: 150,
            render: (_, s) => (
              <Select
                value={s.role}
                disabled={disabled}
                style={{ width: 140 }}
                options={PLAN_STAFF_ROLES.map((r) => ({ value: r, label: t(`plans.role.${r}`) }))}
                onChange={(role) => set(s.key, { role })}
              />
            ),
          },
          {
            title: t('plans.name'),
            render: (_, s) => (
              <Input
                value={s.name}
                disabled={disabled}
                onChange={(e) => set(s.key, { name: e.target.value })}
              />
            ),
          },
          {
            title: t('plans.staffTitle'),
            render: (_, s) => (
              <Input
                value={s.title ?? ''}
                disabled={disabled}
                onChange={(e) => set(s.key, { title: e.target.value })}
              />
            ),
          },
          {
            title: t('plans.organisation'),
            render: (_, s) => (
              <Input
                value={s.organisation ?? ''}
                disabled={disabled}
                onChange={(e) => set(s.key, { organisation: e.target.value })}
              />
            ),
          },
          {
            title: '',
            width: 48,
            render: (_, s) =>
              disabled ? null : (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('plans.remove')}
                  onClick={() => onChange({ ...plan, staff: plan.staff.filter((_, j) => j !== s.key) })}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}

function Versions({ detail }: { detail: PlanDetail }) {
  const { t } = useI18n();
  const { download } = useDownload();
  return (
    <Card title={t('plans.versions')} size="small">
      <Table<PlanVersion>
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={detail.versions}
        columns={[
          { title: t('plans.version'), dataIndex: 'version', width: 70 },
          {
            title: t('plans.submittedAt'),
            render: (_, v) => (v.submittedAt ? v.submittedAt.slice(0, 16).replace('T', ' ') : '—'),
          },
          {
            title: t('plans.decision'),
            render: (_, v) =>
              v.decision ? (
                <Tag color={v.decision === 'approved' ? 'success' : 'warning'}>
                  {t(`plans.status.${v.decision}`)}
                </Tag>
              ) : (
                '—'
              ),
          },
          { title: t('plans.comment'), render: (_, v) => v.reviewComment ?? '—' },
          {
            title: t('plans.pdf'),
            render: (_, v) =>
              v.file ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => download(fileUrls.planPdf(detail.id, v.version), v.file?.name ?? 'plan.pdf')}
                >
                  {v.file.name}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Card>
  );
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
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('plans.requirements')}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('plans.projectType')}>
            {r.projectTypeName} · {r.trackName}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.deadline')}>
            {r.deadline} <Tag>{r.deadlineRuleId}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.practicalMin')}>
            ≥ {r.practicalShareMinPct}% <Tag>{r.practicalRuleId}</Tag>
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
            })}{' '}
            <Tag>{r.staffingRuleId}</Tag>
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
      {error ? <Alert type="error" showIcon message={error} /> : null}
      {checks ? (
        <Card size="small" title={t('plans.checkResult')}>
          <PlanCheckList checks={checks} />
        </Card>
      ) : null}

      {detail.canReview ? (
        <Card size="small" title={t('plans.review')}>
          <Space direction="vertical" style={{ width: '100%' }}>
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
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
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
