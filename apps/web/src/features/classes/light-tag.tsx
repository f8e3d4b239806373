import type { Light } from '@yanxun/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n';

const COLOR: Record<Light, string> = {
  green: 'success',
  amber: 'warning',
  red: 'error',
  grey: 'default',
};

/** The traffic light of a deadline: green done, amber due soon, red overdue, grey not yet due; with `count`, how many. */
export function LightTag({
  light,
  count,
  children,
}: {
  light: Light;
  count?: number;
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const label = t(`class.light.${light}`);
  return (
    <Tag color={COLOR[light]} data-light={light}>
      {children ?? (count === undefined ? label : `${label} ${count}`)}
    </Tag>
  );
}

/**
 * A class's board as counts: one tag per light among `lights` that has any item (已逾期 2 …), as separate elements
 * so that a `Space` spaces them.
 */
export function lightCountTags(counts: Record<Light, number>, lights: readonly Light[]) {
  return lights.filter((l) => counts[l] > 0).map((l) => <LightTag key={l} light={l} count={counts[l]} />);
}
