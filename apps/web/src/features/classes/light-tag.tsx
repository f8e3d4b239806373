import type { Light } from '@yanxun/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n';

const COLOR: Record<Light, string> = {
  green: 'success',
  amber: 'warning',
  red: 'error',
  grey: 'default',
};

/** The traffic light of a deadline: green done, amber due soon, red overdue, grey not yet due. */
export function LightTag({ light, children }: { light: Light; children?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[light]} data-light={light}>
      {children ?? t(`class.light.${light}`)}
    </Tag>
  );
}
