import { ApartmentOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Programme, QuotaNode } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import {
  Alert,
  App,
  Button,
  Empty,
  Grid,
  InputNumber,
  Modal,
  Space,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { orgKindKey } from '../../shared/labels';
import { QueryError } from '../../shared/query-error';
import { RuleRef } from '../../shared/rule-ref';
import { hasPermission, useMe } from '../../shared/session';
import { todayIso } from '../../shared/time';
import { QUOTA_RULE, QuotaSplitEditor } from './quota-split-editor';
import { RuleErrorAlert } from './rule-error';

interface TreeRow extends QuotaNode {
  children?: TreeRow[];
}

/** The quota nodes in the user's scope as a tree: nodes whose parent is out of sight are roots. */
export function quotaTree(nodes: QuotaNode[]): TreeRow[] {
  const byId = new Map<string, TreeRow>(nodes.map((n) => [n.orgId, { ...n }]));
  const roots: TreeRow[] = [];
  for (const n of byId.values()) {
    const parent = n.parentOrgId ? byId.get(n.parentOrgId) : undefined;
    if (!parent) roots.push(n);
    else if (parent.children) parent.children.push(n);
    else parent.children = [n];
  }
  return roots;
}

const SELECTION_RULE = 'R-004-18';

/** A column title with what it counts in a tooltip. */
function HeaderTip({ title, tip }: { title: string; tip: string }) {
  return (
    <Tooltip title={tip}>
      <span style={{ cursor: 'help', borderBottom: '1px dotted #999' }}>{title}</span>
    </Tooltip>
  );
}

function PullBackModal({
  programmeId,
  node,
  onClose,
}: {
  programmeId: string;
  node: QuotaNode;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [seats, setSeats] = useState<number>(node.unused);
  const pull = useMutation({
    mutationFn: () => api.pullBackQuota(programmeId, node.orgId, seats),
    onSuccess: (tree) => {
      queryClient.setQueryData(['quotas', programmeId], tree);
      void queryClient.invalidateQueries({ queryKey: ['programme', programmeId] });
      message.success(t('prog.quota.pulledBack', { n: seats, name: node.orgName }));
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('prog.quota.pullBackTitle', { name: node.orgName })}
      okText={t('prog.quota.pullBack')}
      cancelText={t('common.cancel')}
      onOk={() => pull.mutate()}
      confirmLoading={pull.isPending}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {t('prog.quota.pullBackHelp', {
          seats: node.seats,
          allocated: node.allocated,
          used: node.used,
          unused: node.unused,
        })}
      </Typography.Paragraph>
      <Space>
        <span>{t('prog.quota.pullBackSeats')}</span>
        <InputNumber
          min={1}
          max={Math.max(1, node.unused)}
          precision={0}
          value={seats}
          onChange={(v) => setSeats(Number(v ?? 1))}
          data-testid="pull-back-seats"
        />
      </Space>
      {pull.isError ? (
        <div style={{ marginTop: 12 }}>
          <RuleErrorAlert error={pull.error} />
        </div>
      ) : null}
    </Modal>
  );
}

/** 名额分配: the user's node and those below it, with seats passed down, used and left; split and pull back. */
export function QuotaTab({ programme }: { programme: Programme }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const [splitting, setSplitting] = useState<QuotaNode | null>(null);
  const [pulling, setPulling] = useState<QuotaNode | null>(null);
  const quotas = useQuery({ queryKey: ['quotas', programme.id], queryFn: () => api.quotas(programme.id) });
  const nodes = quotas.data?.nodes ?? [];
  const tree = useMemo(() => quotaTree(nodes), [nodes]);
  const visible = useMemo(() => new Set(nodes.map((n) => n.orgId)), [nodes]);
  const mayAllocate = hasPermission(me, 'quota.allocate');
  const beforeDeadline = todayIso() <= programme.selectionDeadline;

  const narrow = !Grid.useBreakpoint().md;
  const columns: TableColumnsType<TreeRow> = [
    {
      title: t('prog.quota.unit'),
      dataIndex: 'orgName',
      render: (name: string, n) => {
        const kind = orgKindKey(n.orgKind);
        return (
          <span>
            {name}
            {kind ? (
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {t(kind)}
              </Typography.Text>
            ) : null}
          </span>
        );
      },
    },
    { title: t('prog.quota.seats'), dataIndex: 'seats', width: narrow ? 56 : 80, align: 'right' },
    // on a phone the table keeps 单位, 名额, 已推荐 and 未使用; the rest are in the figures above it
    {
      title: t('prog.quota.ruralSeats'),
      dataIndex: 'ruralSeats',
      width: 90,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: t('prog.quota.allocated'),
      dataIndex: 'allocated',
      width: 90,
      align: 'right',
      responsive: ['md'],
    },
    {
      // a parent's 已推荐 and 候补 are its whole subtree's (R-004-17 roll-up, computed by the server)
      title: <HeaderTip title={t('prog.quota.used')} tip={t('prog.quota.usedTip')} />,
      dataIndex: 'usedInSubtree',
      width: narrow ? 72 : 100,
      align: 'right',
      render: (v: number, n) => (
        <span data-testid={`quota-used-${n.orgId}`}>
          {v}
          {n.children && n.used > 0 ? (
            <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
              {t('prog.quota.ownUsed', { n: n.used })}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: <HeaderTip title={t('prog.quota.waitlisted')} tip={t('prog.quota.waitlistedTip')} />,
      dataIndex: 'waitlistedInSubtree',
      width: 80,
      align: 'right',
      responsive: ['md'],
    },
    {
      title: <HeaderTip title={t('prog.quota.unused')} tip={t('prog.quota.unusedTip')} />,
      dataIndex: 'unused',
      width: narrow ? 72 : 90,
      align: 'right',
      render: (v: number) =>
        v > 0 ? (
          <Typography.Text strong style={{ color: '#d46b08' }}>
            {v}
          </Typography.Text>
        ) : (
          v
        ),
    },
  ];
  if (mayAllocate)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_: unknown, n) => (
        <Space size={4}>
          {mayAllocate && n.orgKind !== 'school' ? (
            <Button
              size="small"
              type="link"
              icon={<ApartmentOutlined />}
              onClick={() => setSplitting(n)}
              data-testid={`quota-split-${n.orgId}`}
            >
              {t('prog.quota.split')}
            </Button>
          ) : null}
          {mayAllocate && n.parentOrgId && visible.has(n.parentOrgId) && n.unused > 0 && beforeDeadline ? (
            <Button
              size="small"
              type="link"
              icon={<RollbackOutlined />}
              onClick={() => setPulling(n)}
              data-testid={`quota-pull-${n.orgId}`}
            >
              {t('prog.quota.pullBack')}
            </Button>
          ) : null}
        </Space>
      ),
    });

  if (quotas.isError) return <QueryError error={quotas.error} onRetry={() => void quotas.refetch()} />;
  const roots = tree;
  const sum = (k: 'seats' | 'allocated' | 'usedInSubtree' | 'unusedInSubtree' | 'waitlistedInSubtree') =>
    roots.reduce((n, r) => n + r[k], 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space size={40} wrap>
        <Statistic title={t('prog.quota.mySeats')} value={sum('seats')} />
        <Statistic title={t('prog.quota.allocated')} value={sum('allocated')} />
        <Statistic title={t('prog.quota.used')} value={sum('usedInSubtree')} />
        <Statistic
          title={t('prog.quota.unusedSubtree')}
          value={sum('unusedInSubtree')}
          styles={{ content: { color: '#d46b08' } }}
        />
        <Statistic title={t('prog.quota.waitlisted')} value={sum('waitlistedInSubtree')} />
      </Space>
      <Alert
        type={beforeDeadline ? 'info' : 'warning'}
        showIcon
        title={
          <>
            {beforeDeadline
              ? t('prog.quota.deadlineOpen', { date: programme.selectionDeadline })
              : t('prog.quota.deadlinePassed', { date: programme.selectionDeadline })}
            <RuleRef
              rules={[
                { ruleId: SELECTION_RULE, value: programme.selectionDeadline },
                ...(beforeDeadline ? [QUOTA_RULE] : []),
              ]}
            />
          </>
        }
      />
      <Table<TreeRow>
        rowKey="orgId"
        size="middle"
        columns={columns}
        dataSource={tree}
        loading={quotas.isFetching}
        pagination={false}
        expandable={{ defaultExpandedRowKeys: roots.map((r) => r.orgId) }}
        key={roots.map((r) => r.orgId).join(',')}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('prog.quota.none')} /> }}
        data-testid="quota-table"
      />
      {splitting ? (
        <Modal
          open
          width={1080}
          footer={null}
          title={t('prog.quota.splitTitle', { name: splitting.orgName })}
          onCancel={() => setSplitting(null)}
          destroyOnHidden
        >
          <QuotaSplitEditor
            programmeId={programme.id}
            node={splitting}
            existingChildren={nodes.filter((n) => n.parentOrgId === splitting.orgId)}
            onCancel={() => setSplitting(null)}
            onSaved={(result) => {
              queryClient.setQueryData(['quotas', programme.id], {
                programmeId: result.programmeId,
                nodes: result.nodes,
              });
              void queryClient.invalidateQueries({ queryKey: ['quotas', programme.id] });
              for (const w of result.warnings) message.warning(w.message);
              message.success(t('prog.quota.saved'));
              setSplitting(null);
            }}
          />
        </Modal>
      ) : null}
      {pulling ? (
        <PullBackModal programmeId={programme.id} node={pulling} onClose={() => setPulling(null)} />
      ) : null}
    </Space>
  );
}
