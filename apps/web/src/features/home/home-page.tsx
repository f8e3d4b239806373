import { ApartmentOutlined, BankOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { OrgNode } from '@yanxun/contracts';
import { Breadcrumb, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { SimpleBarChart } from '../../shared/bar-chart';
import { useI18n } from '../../shared/i18n';
import { orgKindKey } from '../../shared/labels';
import { QueryError } from '../../shared/query-error';
import { ownProfileOnly, useMe } from '../../shared/session';

function sum(values: (number | undefined)[]): number {
  return values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
}

export function HomePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const roots = useQuery({
    queryKey: ['orgs', 'roots'],
    queryFn: () => api.orgRoots(),
    enabled: me !== undefined && ownProfileOnly(me) === null,
  });
  const [chosenRootId, setChosenRootId] = useState<string | null>(null);
  const rootId = chosenRootId ?? roots.data?.[0]?.id ?? null;
  const root = roots.data?.find((r) => r.id === rootId);
  // Drill-down below the root: clicking a bar opens that unit's own sub-units.
  const [drill, setDrill] = useState<OrgNode[]>([]);
  const focus = drill.at(-1) ?? root;
  const children = useQuery({
    queryKey: ['orgs', focus?.id, 'children'],
    queryFn: () => api.orgChildren(focus?.id ?? ''),
    enabled: focus !== undefined,
  });

  const ownProfile = ownProfileOnly(me);
  if (ownProfile) return <Navigate to={`/teachers/${ownProfile}`} replace />;
  if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  const list = roots.data ?? [];
  // Units with no teachers that are not administrative (providers, project offices) would only add empty bars.
  const units = (children.data ?? []).filter(
    (u) => (u.teacherCount ?? 0) > 0 || ['city', 'county', 'township', 'school'].includes(u.kind),
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('home.greeting', { name: me?.displayName ?? '' })}
        </Typography.Title>
        {list.length > 1 ? (
          <Space style={{ marginTop: 8 }}>
            <span>{t('home.root')}</span>
            <Select
              style={{ minWidth: 220 }}
              value={rootId}
              onChange={(id: string) => {
                setChosenRootId(id);
                setDrill([]);
              }}
              options={list.map((r) => ({ value: r.id, label: r.name }))}
            />
          </Space>
        ) : root ? (
          <Typography.Text type="secondary">
            {t('home.root')}：{root.name}
            {orgKindKey(root.kind) ? `（${t(orgKindKey(root.kind) ?? 'orgKind.school')}）` : ''}
          </Typography.Text>
        ) : null}
      </div>
      {roots.isPending ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description={t('home.noScope')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={8}>
              <Card>
                <Link to={list.length === 1 && rootId ? `/teachers?orgId=${rootId}` : '/teachers'}>
                  <Statistic
                    title={t('home.teachers')}
                    value={sum(list.map((r) => r.teacherCount))}
                    prefix={<TeamOutlined />}
                    data-testid="home-teacher-count"
                  />
                </Link>
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card>
                <Link to={list.length === 1 && rootId ? `/schools?orgId=${rootId}` : '/schools'}>
                  <Statistic
                    title={t('home.schools')}
                    value={sum(list.map((r) => r.schoolCount))}
                    prefix={<BankOutlined />}
                    data-testid="home-school-count"
                  />
                </Link>
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card>
                <Link to={rootId ? `/orgs/${rootId}` : '/orgs'}>
                  <Statistic
                    title={t('home.units')}
                    value={
                      list.length === 1
                        ? (root?.childCount ?? units.length)
                        : sum(list.map((r) => r.childCount))
                    }
                    prefix={<ApartmentOutlined />}
                  />
                </Link>
              </Card>
            </Col>
          </Row>
          <Card
            title={t('home.chartTitle', { name: focus?.name ?? '' })}
            extra={
              drill.length > 0 && root ? (
                <Breadcrumb
                  items={[root, ...drill].map((n, i, all) => ({
                    key: n.id,
                    title:
                      i === all.length - 1 ? (
                        n.name
                      ) : (
                        <Typography.Link onClick={() => setDrill(drill.slice(0, i))}>
                          {n.name}
                        </Typography.Link>
                      ),
                  }))}
                />
              ) : null
            }
          >
            {children.isError ? (
              <QueryError error={children.error} onRetry={() => void children.refetch()} />
            ) : children.isPending ? (
              <Skeleton active />
            ) : units.length === 0 ? (
              <Empty description={t('home.noChildren')} />
            ) : (
              <div data-testid="home-chart">
                <SimpleBarChart
                  seriesName={t('org.teacherCount')}
                  data={units.map((u) => ({ name: u.name, value: u.teacherCount ?? 0 }))}
                  onBarClick={(i) => {
                    const unit = units[i];
                    if (!unit) return;
                    if (unit.kind === 'school' || unit.childCount === 0) navigate(`/orgs/${unit.id}`);
                    else setDrill([...drill, unit]);
                  }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('home.chartHint')}
                </Typography.Text>
              </div>
            )}
          </Card>
        </>
      )}
    </Space>
  );
}
