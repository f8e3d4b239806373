import { useQuery } from '@tanstack/react-query';
import { Col, Empty, Row, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Navigate } from 'react-router';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { QueryError } from '../../shared/query-error';
import { evaluatorOnly, hasPermission, ownProfileOnly, primaryGrant, useMe } from '../../shared/session';
import { HomeTasks } from './home-tasks';
import { MyClasses, MyPlans } from './my-work';
import { RegionCard } from './region-card';
import { CurrentProgrammes, LatestWarnings, YearTiles } from './year-at-a-glance';

/**
 * 工作台, the landing page of every signed-in account but a teacher's (whose home is their own profile): what its
 * roles give it to watch and to do, from one call (GET /home). An officer sees the year of training at a glance
 * (each figure opens its list), the programmes running and next, the latest early warnings, the tasks of the
 * office, and the teachers and schools of the scope; a provider its tasks, classes and plans; a trainer its
 * classes and the outcomes to review.
 */
export function HomePage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const ownProfile = ownProfileOnly(me);
  const q = useQuery({
    queryKey: ['home'],
    queryFn: () => api.home(),
    enabled: me !== undefined && !ownProfile,
  });

  if (ownProfile) return <Navigate to={`/teachers/${ownProfile}`} replace />;
  // an expert's work is their 评审任务: an account that holds only the evaluator role lands there
  if (evaluatorOnly(me)) return <Navigate to="/evaluation/tasks" replace />;
  const grant = primaryGrant(me);
  const header = (
    <div>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('home.greeting', { name: me?.displayName ?? '' })}
      </Typography.Title>
      <Typography.Text type="secondary" data-testid="home-asof">
        {q.data ? dayjs(q.data.asOf).format('YYYY-MM-DD dddd') : ''}
        {grant ? ` · ${grant.orgName}` : ''}
      </Typography.Text>
    </div>
  );
  if (q.isError)
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {header}
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      </Space>
    );
  if (q.isPending)
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {header}
        <Skeleton active paragraph={{ rows: 8 }} />
      </Space>
    );

  const h = q.data;
  const readsPeople = hasPermission(me, 'teacher.read');
  // an officer's year: null for other roles; a year without programmes has no figures to show
  const year = h.training?.year === null ? null : h.training;
  const officer = h.training !== null;
  const worker = h.classes !== null || h.plans !== null;
  if (!officer && !worker && !h.warnings && !readsPeople) {
    return (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {header}
        <Empty description={t('home.nothing')} data-testid="home-nothing" />
      </Space>
    );
  }
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="home">
      {header}
      {year ? (
        <>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('home.yearTitle', { year: year.year ?? '' })}
          </Typography.Title>
          <YearTiles training={year} warnings={h.warnings} />
        </>
      ) : officer ? (
        <Typography.Text type="secondary">{t('home.yearNone')}</Typography.Text>
      ) : null}
      <Row gutter={[16, 16]}>
        {/* on a phone the tasks come first, on a wide screen they sit on the right */}
        <Col xs={{ span: 24, order: 2 }} xl={{ span: officer ? 16 : 14, order: 1 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {year ? <CurrentProgrammes training={year} asOf={h.asOf} /> : null}
            {h.classes ? <MyClasses classes={h.classes} asOf={h.asOf} /> : null}
          </Space>
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: officer ? 8 : 10, order: 2 }}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <HomeTasks tasks={h.tasks} />
            {h.warnings ? <LatestWarnings warnings={h.warnings} /> : null}
            {h.plans ? <MyPlans plans={h.plans} /> : null}
          </Space>
        </Col>
      </Row>
      {readsPeople ? <RegionCard /> : null}
    </Space>
  );
}
