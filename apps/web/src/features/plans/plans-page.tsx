import { useMutation, useQuery } from '@tanstack/react-query';
import type { OpenProgramme, PlanStatus, PlanSummary } from '@yanxun/contracts';
import { App, Button, Card, Grid, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { hasPermission, useMe } from '../../shared/session';
import { countByStatus, FilteredEmpty, useStatusFilter } from '../../shared/status-filter';
import { formatDateTime } from '../../shared/time';
import { PlanStatusTag } from './plan-status-tag';

const EMPTY_PLAN = { theme: '', classCount: 1, modules: [], staff: [] };

/** A provider's programmes to apply to, with its own plans. */
function OpenProgrammes() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['plans', 'open'], queryFn: () => api.openProgrammes() });
  const create = useMutation({
    mutationFn: (programmeId: string) => api.createPlan(programmeId, EMPTY_PLAN),
    onSuccess: (plan) => navigate(`/plans/${plan.id}`),
    onError: (e) => message.error(e instanceof Error && lang === 'zh-CN' ? e.message : errorMessage(e, lang)),
  });
  const narrow = !Grid.useBreakpoint().md;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const status = (r: OpenProgramme) =>
    r.planStatus ? (
      <PlanStatusTag status={r.planStatus} />
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const action = (r: OpenProgramme) =>
    r.planId ? (
      <Link to={`/plans/${r.planId}`}>{t('plans.openPlan')}</Link>
    ) : r.approvedProviderName ? (
      <Typography.Text type="secondary">{t('plans.taken', { name: r.approvedProviderName })}</Typography.Text>
    ) : (
      <Button size="small" type="primary" loading={create.isPending} onClick={() => create.mutate(r.id)}>
        {t('plans.newPlan')}
      </Button>
    );
  // a phone gets one cell per programme, everything stacked, so nothing is cut at 390 px
  const columns: TableColumnsType<OpenProgramme> = narrow
    ? [
        {
          title: t('plans.programme'),
          render: (_, r) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text strong>{r.title}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.projectTypeName} · {r.ownerOrgName}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('plans.deadline')} {r.deadline}
              </Typography.Text>
              <Space size={8} wrap>
                {status(r)}
                {action(r)}
              </Space>
            </Space>
          ),
        },
      ]
    : [
        { title: t('plans.programme'), dataIndex: 'title' },
        { title: t('plans.projectType'), dataIndex: 'projectTypeName' },
        { title: t('plans.owner'), dataIndex: 'ownerOrgName' },
        { title: t('plans.deadline'), dataIndex: 'deadline' },
        { title: t('plans.status'), render: (_, r) => status(r) },
        { title: t('common.actions'), render: (_, r) => action(r) },
      ];
  return (
    <Card title={t('plans.open.title')}>
      <Table<OpenProgramme>
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data ?? []}
        pagination={false}
        columns={columns}
        data-testid="open-programmes"
      />
    </Card>
  );
}

/** Plans the user sees: the office's review queue, a provider's own plans. */
function PlanList({ review }: { review: boolean }) {
  const { t } = useI18n();
  // every plan the user sees (one per programme and provider: a short list), filtered here: a reviewer opens on
  // 已提交待审核 when something waits, else on everything, and an empty filter says what the others hold
  const q = useQuery({ queryKey: ['plans', 'list'], queryFn: () => api.listPlans({}) });
  const counts = useMemo(() => (q.data ? countByStatus(q.data) : undefined), [q.data]);
  const [status, setStatus] = useStatusFilter<PlanStatus>(review ? 'submitted' : 'all', counts);
  const shown = (q.data ?? []).filter((p) => status === 'all' || p.status === status);
  const narrow = !Grid.useBreakpoint().md;
  if (q.error) return <QueryError error={q.error} onRetry={() => q.refetch()} />;
  const filter = (
    <Segmented
      value={status}
      onChange={(v) => setStatus(v as PlanStatus | 'all')}
      options={(['submitted', 'returned', 'approved', 'draft', 'all'] as const).map((s) => ({
        value: s,
        label:
          s === 'all'
            ? t('common.all')
            : `${t(`plans.status.${s}`)}${counts ? ` ${counts.get(s) ?? 0}` : ''}`,
      }))}
      style={narrow ? { maxWidth: '100%', overflowX: 'auto' } : undefined}
      data-testid="plan-status"
    />
  );
  const action = (r: PlanSummary) => (
    <Space>
      <Link to={`/plans/${r.id}`}>{r.canReview ? t('plans.review') : t('plans.openPlan')}</Link>
      {review ? <Link to={`/programmes/${r.programmeId}/budget`}>{t('budget.title')}</Link> : null}
    </Space>
  );
  const columns: TableColumnsType<PlanSummary> = narrow
    ? [
        {
          title: t('plans.programme'),
          render: (_, r) => (
            <Space orientation="vertical" size={2} style={{ width: '100%' }}>
              <Typography.Text strong>{r.programmeTitle}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.providerName} · {t('plans.version')} {r.currentVersion}
              </Typography.Text>
              <Space size={8} wrap>
                <PlanStatusTag status={r.status} />
                {r.submittedAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('plans.submittedAt')} {formatDateTime(r.submittedAt)}
                  </Typography.Text>
                ) : null}
              </Space>
              {action(r)}
            </Space>
          ),
        },
      ]
    : [
        { title: t('plans.programme'), dataIndex: 'programmeTitle' },
        { title: t('plans.provider'), dataIndex: 'providerName' },
        { title: t('plans.status'), render: (_, r) => <PlanStatusTag status={r.status} /> },
        { title: t('plans.version'), dataIndex: 'currentVersion', width: 80 },
        { title: t('plans.submittedAt'), render: (_, r) => formatDateTime(r.submittedAt) },
        { title: t('common.actions'), render: (_, r) => action(r) },
      ];
  return (
    <Card title={review ? t('plans.queue.title') : t('plans.mine.title')} extra={narrow ? null : filter}>
      {narrow ? <div style={{ marginBottom: 12 }}>{filter}</div> : null}
      <Table<PlanSummary>
        rowKey="id"
        loading={q.isLoading}
        dataSource={shown}
        pagination={false}
        scroll={narrow ? undefined : { x: 760 }}
        locale={{
          emptyText: counts ? (
            <FilteredEmpty<PlanStatus>
              status={status}
              counts={counts}
              statusLabel={(x) => t(`plans.status.${x}`)}
              noneAtAll={t(review ? 'plans.noneToReview' : 'plans.noneOwn')}
              onShowAll={() => setStatus('all')}
            />
          ) : null,
        }}
        columns={columns}
      />
    </Card>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const provider = hasPermission(me, 'plan.submit');
  const reviewer = hasPermission(me, 'plan.review');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('plans.title')}
      </Typography.Title>
      {provider ? <OpenProgrammes /> : null}
      {provider || reviewer ? <PlanList review={reviewer} /> : null}
    </Space>
  );
}
