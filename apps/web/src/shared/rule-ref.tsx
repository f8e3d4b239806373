/**
 * A reason in words and, for those who work against the policy pack (RULE_REF_PERMISSIONS: pack.read, plan.submit),
 * an ⓘ after it whose tooltip names the rule ID, where it comes from and the value applied. Teachers, parents and
 * anyone signed out see the sentence only: the component reads the signed-in user from the query cache and never
 * asks the server for it, so the public pages stay public.
 */
import { InfoCircleOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { type Me, readsRuleRefs } from '@yanxun/contracts';
import { Tooltip, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { api } from './api';
import { useI18n } from './i18n';
import { ME_QUERY_KEY } from './session';

/** A rule as a place knows it: its ID, and the value applied there when the place has it. */
export interface RuleRefItem {
  ruleId: string;
  value?: ReactNode;
}

export type RuleRefs = string | RuleRefItem | ReadonlyArray<string | RuleRefItem | null | undefined>;

function itemsOf(rules: RuleRefs | null | undefined): RuleRefItem[] {
  if (!rules) return [];
  const list = typeof rules === 'string' || !Array.isArray(rules) ? [rules as string | RuleRefItem] : rules;
  const out: RuleRefItem[] = [];
  for (const r of list) {
    const item = typeof r === 'string' ? { ruleId: r } : r;
    if (item?.ruleId && !out.some((o) => o.ruleId === item.ruleId)) out.push(item);
  }
  return out;
}

/** Whether the signed-in user reads rule references; from the cached user only (no request). */
export function useSeesRules(): boolean {
  const { data: me } = useQuery<Me>({
    queryKey: ME_QUERY_KEY,
    queryFn: () => api.me(),
    enabled: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return Boolean(me && readsRuleRefs(me.grants.map((g) => g.role)));
}

/** Where each rule comes from, fetched once for those who see rules. */
function useRuleSources(enabled: boolean) {
  return useQuery({
    queryKey: ['rule-sources'],
    queryFn: () => api.ruleSources(),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

function RuleTip({ items }: { items: RuleRefItem[] }) {
  const { t, lang } = useI18n();
  const sources = useRuleSources(true);
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return (
    <div data-testid="rule-ref-tip">
      {items.map((r) => {
        const s = sources.data?.find((x) => x.ruleId === r.ruleId);
        return (
          <div key={r.ruleId} style={{ marginBottom: 4 }}>
            <div>
              {t('rule.id')}
              {colon}
              <strong>{r.ruleId}</strong>
            </div>
            {s ? (
              <div>
                {t('rule.source')}
                {colon}
                {s.where}
              </div>
            ) : null}
            {s?.note ? (
              <div style={{ opacity: 0.85 }}>
                {t('rule.note')}
                {colon}
                {s.note}
              </div>
            ) : null}
            {r.value !== undefined && r.value !== null && r.value !== '' ? (
              <div>
                {t('rule.value')}
                {colon}
                {r.value}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** The ⓘ alone, after whatever it explains; nothing at all for those who do not see rules. */
export function RuleRef({ rules, style }: { rules: RuleRefs | null | undefined; style?: CSSProperties }) {
  const { t } = useI18n();
  const sees = useSeesRules();
  const items = itemsOf(rules);
  if (!sees || items.length === 0) return null;
  const ids = items.map((r) => r.ruleId).join(' ');
  return (
    <Tooltip title={<RuleTip items={items} />} styles={{ root: { maxWidth: 420 } }}>
      <InfoCircleOutlined
        role="img"
        aria-label={`${t('rule.ref')} ${ids}`}
        data-testid="rule-ref"
        data-rules={ids}
        style={{ color: '#8c8c8c', marginInlineStart: 4, cursor: 'help', ...style }}
      />
    </Tooltip>
  );
}

/** A reason in words, then (for those who see rules) its ⓘ. */
export function ReasonWithRule({
  reason,
  rules,
  type,
  style,
}: {
  reason: ReactNode;
  rules: RuleRefs | null | undefined;
  type?: 'secondary' | 'danger' | 'success' | 'warning';
  style?: CSSProperties;
}) {
  return (
    <Typography.Text type={type} style={style} data-testid="reason">
      {reason}
      <RuleRef rules={rules} />
    </Typography.Text>
  );
}
