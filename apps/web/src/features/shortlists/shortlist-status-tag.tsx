import type { ShortlistSelectionStatus } from '@yanxun/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n';

const COLORS: Record<ShortlistSelectionStatus, string> = {
  open: 'processing',
  submitted: 'gold',
  returned: 'error',
  confirmed: 'success',
};

export function ShortlistStatusTag({ status }: { status: ShortlistSelectionStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} data-testid="shortlist-status">
      {t(`sl.status.${status}`)}
    </Tag>
  );
}
