import type { CompletionCheckOut, OutcomeStatusCode } from '@yanxun/contracts';
import { Space, Tag, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';

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

/** Each completion rule with pass/fail and the server's message (naming the rule). */
export function CheckList({ checks }: { checks: CompletionCheckOut[] }) {
  return (
    <Space orientation="vertical" size={2} data-testid="completion-checks">
      {checks.map((c) => (
        <Space key={`${c.ruleId}-${c.code}`} size={4} align="start">
          <Tag color={c.passed ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
            {c.ruleId}
          </Tag>
          <Typography.Text type={c.passed ? 'secondary' : 'danger'} style={{ fontSize: 13 }}>
            {c.message}
          </Typography.Text>
        </Space>
      ))}
    </Space>
  );
}
