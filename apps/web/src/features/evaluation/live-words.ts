/**
 * A live value beside a unit in words: the metric's name by its key and, where the server sends its numbers
 * (R3-B03's person-times), the detail (strings in shared/i18n-reasons-evaluation.ts). Other details keep the
 * server's text, as does a key or code not worded here.
 */
import type { LiveValue } from '@yanxun/contracts';
import type { I18n, MessageKey } from '../../shared/i18n';

type T = I18n['t'];

const KEYS = [
  'selection_quality_deduction',
  'selection_rates',
  'trainer_team',
  'trainer_team_size',
  'trainer_active_share',
  'studio_ratio',
  'studio_reach',
  'workshop_activities',
  'school_training_budget',
];

const DETAIL_VALUES: Record<string, string[]> = {
  selection_quality_deduction: [
    'total',
    'underReported',
    'missed',
    'notCompleted',
    'ineligible',
    'year',
    'programmes',
  ],
};

/** The metric's name; the server's label for a key not worded here. */
export function liveLabel(t: T, l: Pick<LiveValue, 'metricKey' | 'label'>): string {
  return KEYS.includes(l.metricKey) ? t(`evalLive.${l.metricKey}` as MessageKey) : l.label;
}

/** The numbers behind the value in words; the server's detail otherwise. */
export function liveDetail(t: T, l: Pick<LiveValue, 'detail' | 'facts'>): string {
  const f = l.facts;
  const keys = f ? DETAIL_VALUES[f.code] : undefined;
  if (!f || !keys || keys.some((k) => f.values[k] === undefined)) return l.detail;
  return t(`evalLive.detail.${f.code}` as MessageKey, f.values);
}
