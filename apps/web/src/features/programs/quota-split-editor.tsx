import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { AllocateResult, QuotaNode, QuotaSuggestion } from '@yanxun/contracts';
import type { TableColumnsType } from 'antd';
import { Alert, Button, InputNumber, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { ReasonWithRule, RuleRef } from '../../shared/rule-ref';
import { RuleErrorAlert } from './rule-error';

export const QUOTA_RULE = 'R-004-17';

export interface SplitRow {
  orgId: string;
  orgName: string;
  teachers: number;
  ruralTeachers: number;
  /** Seats the child holds now (0 when it has none). */
  current: number;
  /** The least it may hold: what it has already passed on or used. */
  minSeats: number;
  seats: number;
  ruralSeats: number;
}

export interface SplitCheck {
  total: number;
  ruralTotal: number;
  /** Seats the node may pass down: its seats less its own selected nominations. */
  available: number;
  errors: string[];
  warnings: string[];
  rowErrors: Map<string, string>;
}

/** The checks of R-004-17 the server applies, run as the user types so a refusal is no surprise. */
export function checkSplit(rows: SplitRow[], available: number, lang: 'zh-CN' | 'en-US'): SplitCheck {
  const total = rows.reduce((n, r) => n + r.seats, 0);
  const ruralTotal = rows.reduce((n, r) => n + r.ruralSeats, 0);
  const errors: string[] = [];
  const warnings: string[] = [];
  const rowErrors = new Map<string, string>();
  const zh = lang === 'zh-CN';
  if (total > available) {
    errors.push(
      zh
        ? `名额超出：下级名额合计 ${total} 个，超过本级可分配名额 ${available} 个（多 ${total - available} 个）`
        : `Over-allocated: ${total} seats to sub-units, but only ${available} to give (${total - available} too many)`,
    );
  } else if (total < available) {
    warnings.push(
      zh
        ? `尚有 ${available - total} 个名额未分配（名额须足额下达到校）`
        : `${available - total} seats are not yet allocated (seats go down in full)`,
    );
  }
  for (const r of rows) {
    if (r.seats < r.minSeats) {
      rowErrors.set(
        r.orgId,
        zh
          ? `已下达或已推荐 ${r.minSeats} 个，不能少于 ${r.minSeats} 个`
          : `Already passed on or used ${r.minSeats}; cannot go below`,
      );
    } else if (r.ruralSeats > r.seats) {
      rowErrors.set(
        r.orgId,
        zh
          ? `乡村名额 ${r.ruralSeats} 个多于名额 ${r.seats} 个`
          : `Rural seats ${r.ruralSeats} exceed seats ${r.seats}`,
      );
    }
  }
  if (rowErrors.size > 0) {
    errors.push(
      zh
        ? `有 ${rowErrors.size} 个单位的名额填写有误，见表中红字`
        : `${rowErrors.size} rows need fixing (in red)`,
    );
  }
  return { total, ruralTotal, available, errors, warnings, rowErrors };
}

/** Rows from a suggestion, holding today's seats (when the node has passed seats down before) or the suggestion. */
export function rowsFrom(
  suggestion: QuotaSuggestion,
  existing: QuotaNode[],
  useSuggestion: boolean,
): SplitRow[] {
  const byId = new Map(existing.map((n) => [n.orgId, n]));
  const rows = suggestion.children.map((c) => {
    const now = byId.get(c.orgId);
    return {
      orgId: c.orgId,
      orgName: c.orgName,
      teachers: c.teachers,
      ruralTeachers: c.ruralTeachers,
      current: now?.seats ?? 0,
      minSeats: now ? now.allocated + now.used : 0,
      seats: useSuggestion ? c.seats : (now?.seats ?? 0),
      ruralSeats: useSuggestion ? c.ruralSeats : (now?.ruralSeats ?? 0),
    };
  });
  // units holding or getting seats first, then by teachers: a county's 40 schools with nobody eligible go last
  const rank = (r: SplitRow) => (r.current > 0 || r.seats > 0 ? 1 : 0);
  return rows.sort((a, b) => rank(b) - rank(a) || b.teachers - a.teachers);
}

/**
 * Passing seats down (名额到校, R-004-17): the suggested split by teacher counts (largest remainder, rural
 * seats reserved first), editable per unit, with the totals and the rule's checks before saving.
 */
export function QuotaSplitEditor({
  programmeId,
  node,
  existingChildren,
  onSaved,
  onCancel,
}: {
  programmeId: string;
  node: QuotaNode;
  existingChildren: QuotaNode[];
  onSaved: (result: AllocateResult) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const available = node.seats - node.used;
  const [reservedRural, setReservedRural] = useState<number>(Math.min(node.ruralSeats, available));
  const [rows, setRows] = useState<SplitRow[] | null>(null);
  const suggestion = useQuery({
    queryKey: ['quota-suggest', programmeId, node.orgId, available, reservedRural],
    queryFn: () => api.suggestQuota(programmeId, node.orgId, { seats: available, reservedRural }),
  });
  // first load: today's split when there is one, else the suggestion
  useEffect(() => {
    if (suggestion.data && rows === null) {
      setRows(rowsFrom(suggestion.data, existingChildren, existingChildren.length === 0));
    }
  }, [suggestion.data, rows, existingChildren]);
  const check = useMemo(() => checkSplit(rows ?? [], available, lang), [rows, available, lang]);
  const save = useMutation({
    mutationFn: () =>
      api.allocateQuota(programmeId, node.orgId, {
        allocations: (rows ?? [])
          .filter((r) => r.seats > 0 || r.current > 0)
          .map((r) => ({ orgId: r.orgId, seats: r.seats, ruralSeats: r.ruralSeats })),
      }),
    onSuccess: onSaved,
  });

  const setRow = (orgId: string, patch: Partial<SplitRow>) =>
    setRows((prev) => (prev ?? []).map((r) => (r.orgId === orgId ? { ...r, ...patch } : r)));

  const columns: TableColumnsType<SplitRow> = [
    { title: t('prog.quota.unit'), dataIndex: 'orgName', ellipsis: true },
    {
      title:
        suggestion.data?.weightBasis === 'eligible_location'
          ? t('prog.quota.eligibleTeachers')
          : t('prog.quota.teachers'),
      dataIndex: 'teachers',
      width: 110,
      align: 'right',
    },
    { title: t('prog.quota.ruralTeachers'), dataIndex: 'ruralTeachers', width: 110, align: 'right' },
    { title: t('prog.quota.currentSeats'), dataIndex: 'current', width: 90, align: 'right' },
    {
      title: t('prog.quota.newSeats'),
      key: 'seats',
      width: 130,
      render: (_: unknown, r) => (
        <InputNumber
          min={0}
          precision={0}
          value={r.seats}
          status={check.rowErrors.has(r.orgId) ? 'error' : undefined}
          onChange={(v) => setRow(r.orgId, { seats: Number(v ?? 0) })}
          style={{ width: 100 }}
          aria-label={`${r.orgName} ${t('prog.quota.newSeats')}`}
          data-testid={`split-seats-${r.orgId}`}
        />
      ),
    },
    {
      title: t('prog.quota.newRural'),
      key: 'rural',
      width: 130,
      render: (_: unknown, r) => (
        <InputNumber
          min={0}
          precision={0}
          value={r.ruralSeats}
          onChange={(v) => setRow(r.orgId, { ruralSeats: Number(v ?? 0) })}
          style={{ width: 100 }}
          aria-label={`${r.orgName} ${t('prog.quota.newRural')}`}
          data-testid={`split-rural-${r.orgId}`}
        />
      ),
    },
    {
      title: '',
      key: 'err',
      width: 220,
      render: (_: unknown, r) =>
        check.rowErrors.has(r.orgId) ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid={`split-error-${r.orgId}`}>
            {check.rowErrors.get(r.orgId)}
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="quota-split">
      <Space size={32} wrap>
        <Statistic title={t('prog.quota.nodeSeats', { name: node.orgName })} value={node.seats} />
        <Statistic title={t('prog.quota.usedHere')} value={node.used} />
        <Statistic title={t('prog.quota.available')} value={available} />
        <Statistic
          title={t('prog.quota.splitTotal')}
          value={check.total}
          styles={{ content: { color: check.total > available ? '#cf1322' : undefined } }}
          data-testid="split-total"
        />
        <Statistic title={t('prog.quota.left')} value={available - check.total} data-testid="split-left" />
      </Space>
      <Space wrap>
        <span>{t('prog.quota.reservedRural')}</span>
        <InputNumber
          min={0}
          max={available}
          precision={0}
          value={reservedRural}
          onChange={(v) => setReservedRural(Number(v ?? 0))}
          style={{ width: 100 }}
          data-testid="split-reserved"
        />
        <Button
          icon={<ThunderboltOutlined />}
          onClick={() => suggestion.data && setRows(rowsFrom(suggestion.data, existingChildren, true))}
          disabled={!suggestion.data}
          loading={suggestion.isFetching}
          data-testid="split-suggest"
        >
          {t('prog.quota.useSuggestion')}
        </Button>
        <Typography.Text type="secondary">
          {t('prog.quota.suggestHelp')}
          <RuleRef rules={QUOTA_RULE} />
        </Typography.Text>
      </Space>
      {suggestion.isError ? <RuleErrorAlert error={suggestion.error} /> : null}
      <Table<SplitRow>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={rows ?? []}
        loading={suggestion.isLoading}
        pagination={false}
        scroll={{ y: 380 }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('prog.quota.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {(rows ?? []).reduce((n, r) => n + r.teachers, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {(rows ?? []).reduce((n, r) => n + r.ruralTeachers, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {(rows ?? []).reduce((n, r) => n + r.current, 0)}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4}>
                <Typography.Text strong type={check.total > available ? 'danger' : undefined}>
                  {check.total} / {available}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5}>{check.ruralTotal}</Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
            </Table.Summary.Row>
          </Table.Summary>
        )}
        data-testid="split-table"
      />
      {check.errors.map((e) => (
        <Alert
          key={e}
          type="error"
          showIcon
          title={<ReasonWithRule reason={e} rules={QUOTA_RULE} />}
          data-testid="split-check-error"
        />
      ))}
      {check.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} data-testid="split-check-warning" />
      ))}
      {save.isError ? <RuleErrorAlert error={save.error} /> : null}
      <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button
          type="primary"
          disabled={check.errors.length > 0 || rows === null}
          loading={save.isPending}
          onClick={() => save.mutate()}
          data-testid="split-save"
        >
          {t('prog.quota.save')}
        </Button>
      </Space>
    </Space>
  );
}
