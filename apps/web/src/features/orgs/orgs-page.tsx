import { BankOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgNode } from '@yanxun/contracts';
import type { TableColumnsType, TreeDataNode } from 'antd';
import { Card, Col, Empty, Row, Skeleton, Space, Table, Tag, Tree, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { api } from '../../shared/api';
import { countLabel } from '../../shared/figures';
import { useI18n } from '../../shared/i18n';
import { orgKindKey } from '../../shared/labels';
import { OrgBreadcrumb } from '../../shared/org-breadcrumb';
import { useKeyColumns } from '../../shared/phone-table';
import { QueryError } from '../../shared/query-error';

function childrenKey(id: string) {
  return ['orgs', id, 'children'] as const;
}

function isLeaf(node: OrgNode): boolean {
  return node.kind === 'school' || node.childCount === 0;
}

export function OrgsPage() {
  const { id } = useParams();
  const roots = useQuery({ queryKey: ['orgs', 'roots'], queryFn: () => api.orgRoots() });
  if (!id) {
    if (roots.isError) return <QueryError error={roots.error} onRetry={() => void roots.refetch()} />;
    if (roots.isPending) return <Skeleton active />;
    const first = roots.data[0];
    return first ? <Navigate to={`/orgs/${first.id}`} replace /> : <Empty />;
  }
  return <OrgView id={id} roots={roots.data ?? []} />;
}

function OrgView({ id, roots }: { id: string; roots: OrgNode[] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['orgs', id], queryFn: () => api.org(id) });
  const children = useQuery({ queryKey: childrenKey(id), queryFn: () => api.orgChildren(id) });
  const [loaded, setLoaded] = useState<Record<string, OrgNode[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>([]);

  const loadChildren = useCallback(
    async (parentId: string): Promise<void> => {
      const list = await queryClient.fetchQuery({
        queryKey: childrenKey(parentId),
        queryFn: () => api.orgChildren(parentId),
      });
      setLoaded((prev) => (prev[parentId] ? prev : { ...prev, [parentId]: list }));
    },
    [queryClient],
  );

  // Open the tree down to the current node when arriving by URL.
  const ancestorIds = useMemo(() => {
    if (!detail.data) return [];
    const path = detail.data.ancestors.map((a) => a.id);
    const chain = isLeaf(detail.data.node) ? path : [...path, detail.data.node.id];
    // the tree starts at the user's roots: the nodes above them are not theirs to open (a city's province)
    const rootIds = new Set(roots.map((r) => r.id));
    const start = chain.findIndex((x) => rootIds.has(x));
    return start < 0 ? [] : chain.slice(start);
  }, [detail.data, roots]);
  useEffect(() => {
    if (ancestorIds.length === 0) return;
    let cancelled = false;
    void (async () => {
      for (const ancestorId of ancestorIds) {
        if (cancelled) return;
        await loadChildren(ancestorId).catch(() => undefined);
      }
      if (!cancelled) setExpandedKeys((prev) => Array.from(new Set([...prev, ...ancestorIds])));
    })();
    return () => {
      cancelled = true;
    };
  }, [ancestorIds, loadChildren]);

  const treeData = useMemo(() => {
    const build = (node: OrgNode): TreeDataNode => ({
      key: node.id,
      isLeaf: isLeaf(node),
      title: (
        <span>
          {node.name}
          {node.teacherCount !== undefined ? (
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {node.teacherCount}
            </Typography.Text>
          ) : null}
        </span>
      ),
      children: loaded[node.id]?.map(build),
    });
    return roots.map(build);
  }, [roots, loaded]);

  const columns: TableColumnsType<OrgNode> = [
    {
      title: t('org.name'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`/orgs/${row.id}`}>{name}</Link>,
    },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: string) => {
        const key = orgKindKey(kind);
        return key ? t(key) : kind;
      },
    },
    { title: t('org.code'), dataIndex: 'code', width: 140, render: (code: string | null) => code ?? '—' },
    {
      title: t('org.schoolCount'),
      dataIndex: 'schoolCount',
      width: 100,
      align: 'right',
      render: (n: number | undefined) => countLabel(n),
    },
    {
      title: t('org.teacherCount'),
      dataIndex: 'teacherCount',
      width: 100,
      align: 'right',
      render: (n: number | undefined) => countLabel(n),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_v, row) => (
        <Space size="small">
          {row.kind === 'school' ? null : <Link to={`/schools?orgId=${row.id}`}>{t('org.viewSchools')}</Link>}
          <Link to={`/teachers?orgId=${row.id}`}>{t('org.viewTeachers')}</Link>
        </Space>
      ),
    },
  ];
  const table = useKeyColumns(columns, ['name', 'teacherCount', 'actions'], { x: 720 });

  const node = detail.data?.node;
  const kindKey = node ? orgKindKey(node.kind) : null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {detail.data ? (
        <OrgBreadcrumb ancestors={detail.data.ancestors} current={detail.data.node.name} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <Card title={t('org.tree')} styles={{ body: { padding: 12, maxHeight: '70vh', overflow: 'auto' } }}>
            <Tree
              treeData={treeData}
              selectedKeys={[id]}
              expandedKeys={expandedKeys}
              onExpand={(keys) => setExpandedKeys(keys.map(String))}
              loadData={(treeNode) => loadChildren(String(treeNode.key))}
              loadedKeys={Object.keys(loaded)}
              onSelect={(keys) => {
                const key = keys[0];
                if (key !== undefined) navigate(`/orgs/${String(key)}`);
              }}
              data-testid="org-tree"
            />
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          {detail.isError ? (
            <QueryError error={detail.error} full onRetry={() => void detail.refetch()} />
          ) : (
            <Card
              loading={detail.isPending}
              title={
                node ? (
                  <Space wrap>
                    <span>{node.name}</span>
                    {kindKey ? <Tag color="blue">{t(kindKey)}</Tag> : null}
                    {node.code ? <Typography.Text type="secondary">{node.code}</Typography.Text> : null}
                  </Space>
                ) : null
              }
              extra={
                node ? (
                  <Space>
                    {node.kind === 'school' ? null : (
                      <Link to={`/schools?orgId=${node.id}`}>
                        <BankOutlined /> {t('org.viewSchools')} {node.schoolCount ?? ''}
                      </Link>
                    )}
                    <Link to={`/teachers?orgId=${node.id}`}>
                      <TeamOutlined /> {t('org.viewTeachers')} {node.teacherCount ?? ''}
                    </Link>
                  </Space>
                ) : null
              }
            >
              {children.isError ? (
                <QueryError error={children.error} onRetry={() => void children.refetch()} />
              ) : (
                <Table<OrgNode>
                  rowKey="id"
                  size="middle"
                  columns={table.columns}
                  dataSource={children.data ?? []}
                  loading={children.isPending}
                  pagination={
                    (children.data?.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false
                  }
                  scroll={table.scroll}
                  locale={{ emptyText: <Empty description={t('org.noChildren')} /> }}
                  data-testid="org-children-table"
                />
              )}
            </Card>
          )}
        </Col>
      </Row>
    </Space>
  );
}
