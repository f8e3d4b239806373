import type { HourClaim, HourClaimStatus } from '@yanxun/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n';

const COLORS: Record<HourClaimStatus, string> = {
  submitted: 'processing',
  school_approved: 'blue',
  approved: 'success',
  returned: 'warning',
  withdrawn: 'default',
};

/** A claim's status, with its review deadline while one runs (red once past it). */
export function ClaimStatusTag({ claim }: { claim: Pick<HourClaim, 'status' | 'dueOn' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <span>
      <Tag color={COLORS[claim.status]}>{t(`claim.status.${claim.status}`)}</Tag>
      {claim.dueOn ? (
        <Tag color={claim.overdue ? 'error' : 'default'} style={{ fontSize: 12 }}>
          {claim.overdue ? t('claim.overdue') : t('claim.dueOn', { date: claim.dueOn })}
        </Tag>
      ) : null}
    </span>
  );
}

/** Tenths of a 学时 in words: 125 → "12.5". */
export const claimHours = (tenths: number) => String(tenths / 10);
