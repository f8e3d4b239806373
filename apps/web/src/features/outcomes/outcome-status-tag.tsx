import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import type { CompletionCheckOut, OutcomeStatusCode } from '@yanxun/contracts';
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import type { RuleRefItem } from '../../shared/rule-ref';

const COLORS: Record<OutcomeStatusCode, string> = {
  submitted: 'blue',
  returned: 'orange',
  accepted: 'green',
};

export function OutcomeStatusTag({ status }: { status: OutcomeStatusCode | null }) {
  const { t } = useI18n();
  if (!status) return <Tag>{t('training.notSubmitted')}</Tag>;
  return (
    <Tag color={COLORS[status]} data-testid="outcome-status" data-status={status}>
      {t(`outcome.status.${status}`)}
    </Tag>
  );
}

/** 学时 in tenths → '150' / '45.5'. */
export function hours(tenths: number): string {
  return (tenths / 10).toFixed(tenths % 10 === 0 ? 0 : 1);
}

/**
 * Each completion rule with pass/fail and the server's sentence. The rule IDs are not repeated on every line: the
 * completion table names them once, in its column header (completionRules).
 */
export function CheckList({ checks }: { checks: CompletionCheckOut[] }) {
  return (
    <Space orientation="vertical" size={2} data-testid="completion-checks">
      {checks.map((c) => (
        <Space key={`${c.ruleId}-${c.code}`} size={4} align="start" data-passed={c.passed}>
          {c.passed ? (
            <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden />
          ) : (
            <CloseCircleFilled style={{ color: '#ff4d4f' }} aria-hidden />
          )}
          <Typography.Text type={c.passed ? 'secondary' : 'danger'} style={{ fontSize: 13 }}>
            {c.message}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The rules behind the checks of a class, each once with the value it applied (for the column's ⓘ). */
export function completionRules(checks: readonly CompletionCheckOut[]): RuleRefItem[] {
  const out: RuleRefItem[] = [];
  const add = (ruleId: string | null, value?: string) => {
    if (ruleId && !out.some((r) => r.ruleId === ruleId)) out.push(value ? { ruleId, value } : { ruleId });
  };
  for (const c of checks) {
    if (c.code === 'attendance') {
      const min = num(c.values.minPct);
      add(c.ruleId, min === null ? undefined : `≥ ${min}%`);
      add(str(c.values.leaveRuleId));
    } else {
      add(c.ruleId);
      const pass = num(c.values.passScore);
      add(str(c.values.passRuleId), pass === null ? undefined : `≥ ${pass}`);
    }
  }
  return out;
}
