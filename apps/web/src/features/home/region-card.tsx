import { ApartmentOutlined, BankOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import type { OrgNode } from '@yanxun/contracts';
import { Breadcrumb, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../shared/api';
import { SimpleBarChart } from '../../shared/bar-chart';
import { useI18n } from '../../shared/i18n';
import { orgKindKey } from '../../shared/labels';
import { QueryError } from '../../shared/query-error';

function sum(values: (number | undefined)[]): number {
  return values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
}

/**
 * The people of the officer's scope: teachers, schools and sub-units of each root, and a bar chart of teachers per
 * sub-unit that drills down on a click. For the roles that read teachers (bureaus, centres, schools).
 */
export function RegionCard() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: () => api.orgRoots() });
  const [chosenRootId, setChosenRootId] = useState<string | null>(null);
  const rootId = chosenRootId ?? roots.data?.[0]?.id ?? null;
  const root = roots.data?.find((r) => r.id === rootId);
  // drill-down below the root: clicking a bar opens that unit's own sub-units
  const [drill, setDrill] = useState<OrgNode[]>([]);
  const focus = drill.at(-1) ?? root;
  const children = useQuery({
    queryKey: ['orgs', focus?.id, 'children'],
    queryFn: () => api.orgChildren(focus?.id ?? ''),
    enabled: focus !== undefined,
  });

  if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
  if (roots.isPending) return <Skeleton active />;
  const list = roots.data;
  if (list.length === 0) return null;
  // units with no teachers that are not administrative (providers, project offices) would only add empty bars
  const units = (children.data ?? []).filter(
    (u) => (u.teacherCount ?? 0) > 0 || ['city', 'county', 'township', 'school'].includes(u.kind),
  );

  return (
    <Card
      title={t('home.people')}
      extra={
        list.length > 1 ? (
          <Space>
            <span>{t('home.root')}</span>
            <Select
              style={{ minWidth: 200 }}
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
            {root.name}
            {orgKindKey(root.kind) ? `（${t(orgKindKey(root.kind) ?? 'orgKind.school')}）` : ''}
          </Typography.Text>
        ) : null
      }
      data-testid="home-region"
    >
      <Row gutter={[16, 16]}>
        <Col xs={8}>
          <Link to={list.length === 1 && rootId ? `/teachers?orgId=${rootId}` : '/teachers'}>
            <Statistic
              title={t('home.teachers')}
              value={sum(list.map((r) => r.teacherCount))}
              prefix={<TeamOutlined />}
              data-testid="home-teacher-count"
            />
          </Link>
        </Col>
        <Col xs={8}>
          <Link to={list.length === 1 && rootId ? `/schools?orgId=${rootId}` : '/schools'}>
            <Statistic
              title={t('home.schools')}
              value={sum(list.map((r) => r.schoolCount))}
              prefix={<BankOutlined />}
              data-testid="home-school-count"
            />
          </Link>
        </Col>
        <Col xs={8}>
          <Link to={rootId ? `/orgs/${rootId}` : '/orgs'}>
            <Statistic
              title={t('home.units')}
              value={
                list.length === 1 ? (root?.childCount ?? units.length) : sum(list.map((r) => r.childCount))
              }
              prefix={<ApartmentOutlined />}
            />
          </Link>
        </Col>
      </Row>
      <div style={{ marginTop: 16 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text strong>{t('home.chartTitle', { name: focus?.name ?? '' })}</Typography.Text>
          {drill.length > 0 && root ? (
            <Breadcrumb
              items={[root, ...drill].map((n, i, all) => ({
                key: n.id,
                title:
                  i === all.length - 1 ? (
                    n.name
                  ) : (
                    <Typography.Link onClick={() => setDrill(drill.slice(0, i))}>{n.name}</Typography.Link>
                  ),
              }))}
            />
          ) : null}
        </Space>
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
              height={260}
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
      </div>
    </Card>
  );
}
