/**
 * A list filtered by status that opens on what its user most likely wants: the status asked for (待评审 for a
 * reviewer) when anything has it, else everything; and an empty table that says why it is empty and how to widen
 * it, with the counts of the other statuses. Used by 成果评审 and 培训方案.
 */
import { Button, Empty, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useI18n } from './i18n';

export type StatusChoice<S extends string> = S | 'all';

/** Rows per status. */
export function countByStatus<S extends string>(rows: ReadonlyArray<{ status: S }>): Map<S, number> {
  const out = new Map<S, number>();
  for (const r of rows) out.set(r.status, (out.get(r.status) ?? 0) + 1);
  return out;
}

/**
 * The status a list opens on: `preferred` when some row has it (or before the rows are known), else 'all' — a
 * reviewer with nothing waiting sees what was done rather than an empty table. The user's own pick wins.
 */
export function defaultStatus<S extends string>(
  preferred: StatusChoice<S>,
  counts: Map<S, number> | undefined,
): StatusChoice<S> {
  if (preferred === 'all' || !counts) return preferred;
  return (counts.get(preferred) ?? 0) > 0 ? preferred : 'all';
}

/**
 * The status shown: the user's pick, else the default decided once, when the rows first arrive (a reviewer who has
 * just cleared the last waiting item stays on 待评审 and is told what the other statuses hold).
 */
export function useStatusFilter<S extends string>(
  preferred: StatusChoice<S>,
  counts: Map<S, number> | undefined,
) {
  const [picked, setPicked] = useState<StatusChoice<S> | null>(null);
  const opened = useRef<StatusChoice<S> | null>(null);
  if (opened.current === null && counts) opened.current = defaultStatus(preferred, counts);
  return [picked ?? opened.current ?? preferred, setPicked] as const;
}

/** The empty table of a filtered list: nothing at all yet, or nothing with this status and what the others hold. */
export function FilteredEmpty<S extends string>({
  status,
  counts,
  statusLabel,
  noneAtAll,
  noneWith,
  onShowAll,
}: {
  status: StatusChoice<S>;
  counts: Map<S, number>;
  statusLabel: (s: S) => string;
  /** What to say when there is nothing in any status (why, and what makes rows appear). */
  noneAtAll: string;
  /** The page's own words for "nothing with this status" (没有待评审的成果); a generic sentence otherwise. */
  noneWith?: (statusLabel: string) => string;
  onShowAll: () => void;
}) {
  const { t, lang } = useI18n();
  const others = [...counts].filter(([s, n]) => s !== status && n > 0);
  if (status === 'all' || others.length === 0)
    return (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={noneAtAll} data-testid="filtered-empty" />
    );
  const list = others
    .map(([s, n]) => t('filter.countOf', { status: statusLabel(s), n }))
    .join(lang === 'zh-CN' ? '、' : ', ');
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      data-testid="filtered-empty"
      description={
        <Space orientation="vertical" size={4}>
          <Typography.Text>
            {noneWith ? noneWith(statusLabel(status)) : t('filter.noneWith', { status: statusLabel(status) })}
          </Typography.Text>
          <Typography.Text type="secondary">{t('filter.others', { list })}</Typography.Text>
        </Space>
      }
    >
      <Button size="small" onClick={onShowAll}>
        {t('filter.showAll')}
      </Button>
    </Empty>
  );
}
