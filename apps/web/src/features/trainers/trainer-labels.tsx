/** How a trainer record reads: its status tag, the eligibility findings, one history step. */
import type { TrainerEligibility, TrainerEvent, TrainerStatus } from '@yanxun/contracts';
import { Space, Tag, Timeline, Typography } from 'antd';
import { useI18n } from '../../shared/i18n';
import { RuleRef } from '../../shared/rule-ref';
import { formatDateTime } from '../../shared/time';

const STATUS_COLOR: Record<TrainerStatus, string> = {
  applied: 'blue',
  recommended: 'cyan',
  returned: 'orange',
  approved: 'green',
  appointed: 'green',
  released: 'default',
  revoked: 'red',
};

export function TrainerStatusTag({ status }: { status: TrainerStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`trainer.status.${status}`)}</Tag>;
}

/** The outcome as a tag, then each finding as its plain sentence (the rule behind ⓘ for those who read rules). */
export function EligibilityView({
  eligibility,
  compact = false,
}: {
  eligibility: TrainerEligibility | null;
  compact?: boolean;
}) {
  const { t } = useI18n();
  if (!eligibility) return <Typography.Text type="secondary">—</Typography.Text>;
  const color =
    eligibility.outcome === 'eligible' ? 'green' : eligibility.outcome === 'ineligible' ? 'red' : 'gold';
  const label =
    eligibility.outcome === 'eligible'
      ? t('trainer.eligible')
      : eligibility.outcome === 'ineligible'
        ? t('trainer.ineligible')
        : t('trainer.needsOverride');
  return (
    <Space orientation="vertical" size={2} data-testid="trainer-eligibility">
      <Space size={4} wrap>
        <Tag color={color}>{label}</Tag>
        {eligibility.kind === 'renewal' ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('trainer.renewalCheck', { date: eligibility.asOf })}
          </Typography.Text>
        ) : null}
      </Space>
      {compact
        ? null
        : eligibility.findings.map((f) => (
            <Typography.Text
              key={f.rule + f.message}
              type={f.severity === 'error' ? 'danger' : f.overriddenBy ? 'secondary' : 'warning'}
              style={{ fontSize: 12 }}
            >
              {f.message}
              {f.overriddenBy
                ? `；${t('trainer.overridden', { reason: f.overriddenBy.reason, by: f.overriddenBy.by })}`
                : ''}
              <RuleRef rules={f.rule} />
            </Typography.Text>
          ))}
    </Space>
  );
}

/** The append-only history: who did what, when, and why. */
export function TrainerHistory({ events }: { events: TrainerEvent[] }) {
  const { t } = useI18n();
  return (
    <Timeline
      data-testid="trainer-history"
      items={events.map((e) => ({
        key: e.id,
        content: (
          <div>
            <Typography.Text strong>
              {t(`trainer.action.${e.action}` as 'trainer.action.apply')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {formatDateTime(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Typography.Text>
            {e.reason ? <div style={{ fontSize: 13, wordBreak: 'break-all' }}>{e.reason}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
