import type { CodeTables, EmploymentStatus } from '@yanxun/contracts';
import { Tag } from 'antd';
import { codeName } from '../../shared/codes';
import { useI18n } from '../../shared/i18n';

const COLORS: Record<EmploymentStatus, string> = {
  active: 'green',
  on_leave: 'orange',
  seconded: 'blue',
  retired: 'default',
  left: 'red',
};

export function StatusTag({ status, codes }: { status: EmploymentStatus; codes: CodeTables | undefined }) {
  const { lang } = useI18n();
  return <Tag color={COLORS[status]}>{codeName(codes, 'statuses', status, lang)}</Tag>;
}
