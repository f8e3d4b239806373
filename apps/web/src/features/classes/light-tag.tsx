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

/** A class's board as counts: one tag per light among `lights` that has any item (e.g. 已逾期 2). */
export function LightCounts({ counts, lights }: { counts: Record<Light, number>; lights: readonly Light[] }) {
  const { t } = useI18n();
  return lights
    .filter((l) => counts[l] > 0)
    .map((l) => (
      <LightTag key={l} light={l}>
        {t(`class.light.${l}`)} {counts[l]}
      </LightTag>
    ));
}
