import type { KpiRate } from '@yanxun/contracts';
import { Tooltip, Typography } from 'antd';
import { useI18n } from './i18n';

/**
 * a rate as "80.0%" with its parts in a tooltip; "—" with the reason when there is no rate (no
 * denominator, no completion run yet, not reported), so an officer never reads "not computed" as 0 %.
 */
export function RateCell({ rate }: { rate: KpiRate }) {
  const { t } = useI18n();
  if (rate.rate === null) {
    return (
      <Tooltip title={t(`rate.gap.${rate.reason ?? 'not_reported'}`)}>
        <Typography.Text type="secondary" data-testid="rate-gap" data-reason={rate.reason ?? 'not_reported'}>
          —
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip
      title={t('rate.parts', {
        numerator: String(rate.numerator ?? '—'),
        denominator: String(rate.denominator),
      })}
    >
      <span data-testid="kpi-rate">{(rate.rate * 100).toFixed(1)}%</span>
    </Tooltip>
  );
}
