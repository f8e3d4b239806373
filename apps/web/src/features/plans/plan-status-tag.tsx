import type { PlanStatus } from '@yanxun/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n';

const COLOR: Record<PlanStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useI18n();
  return <Tag color={COLOR[status]}>{t(`plans.status.${status}`)}</Tag>;
}
