/**
 * Sentences the server writes in Chinese, rendered from the code and values it sends beside them, in the user's
 * language (strings in i18n-reasons.ts). A code or value the web does not know falls back to the server's text.
 * Rule IDs are not part of any sentence: they stay in the ⓘ (rule-ref.tsx).
 */
import type { I18n, MessageKey } from './i18n';

type T = I18n['t'];

const METRICS = ['score_rate', 'pass_rate', 'excellent_rate', 'standardised'] as const;
type Metric = (typeof METRICS)[number];

function isMetric(m: string): m is Metric {
  return (METRICS as readonly string[]).includes(m);
}

/** What an early warning (R-002-12) carries: its rule, the school, the metric and the values. */
export interface WarningFacts {
  rule: string;
  school: string;
  metric: string;
  value?: number | undefined;
  reference?: number | undefined;
  margin?: number | undefined;
  message: string;
}

/** An early warning in words: EW-BELOW (under the line) or EW-DROP (fell by more than the margin). */
export function warningSentence(t: T, w: WarningFacts): string {
  if (!isMetric(w.metric) || w.value === undefined || w.reference === undefined) return w.message;
  const rate = w.metric !== 'standardised';
  const f = (x: number) => (rate ? `${(x * 100).toFixed(1)}%` : x.toFixed(2));
  const common = {
    school: w.school,
    metric: t(`reason.metric.${w.metric}`),
    value: f(w.value),
    reference: f(w.reference),
  };
  if (w.rule === 'EW-BELOW') return t('reason.ew.below', common);
  if (w.rule === 'EW-DROP' && w.margin !== undefined)
    return t('reason.ew.drop', {
      ...common,
      margin: rate ? t('reason.ew.points', { n: w.margin * 100 }) : String(w.margin),
    });
  return w.message;
}

/** What a deadline of a class's board (or an alert drawn from it) carries. */
export interface DeadlineFacts {
  code: string;
  label: string;
  light: 'green' | 'amber' | 'red' | 'grey';
  late?: boolean | undefined;
  days: number;
  dueDate: string;
  count?: { submitted: number; required: number } | undefined;
  message: string;
}

const FIXED_ITEMS = ['class_dates', 'registration_notice', 'timetable'] as const;

/** The item's name: the fixed items by code, 工作简报 with its number, a final report by the pack's own name. */
export function deadlineLabel(t: T, d: Pick<DeadlineFacts, 'code' | 'label' | 'count'>): string {
  if ((FIXED_ITEMS as readonly string[]).includes(d.code)) return t(`reason.item.${d.code}` as MessageKey);
  if (d.code === 'bulletins' && d.count) return t('reason.item.bulletins', { n: d.count.required });
  return d.label;
}

function known(d: DeadlineFacts): boolean {
  if (d.code === 'bulletins') return d.count !== undefined;
  return (FIXED_ITEMS as readonly string[]).includes(d.code) || /^final_report:\d+$/.test(d.code);
}

/** A deadline in words: submitted (on time or late), overdue, due soon or not yet due. */
export function deadlineSentence(t: T, d: DeadlineFacts): string {
  if (!known(d)) return d.message;
  const item = deadlineLabel(t, d);
  const days = d.days === 1 ? t('reason.day') : t('reason.days', { n: d.days });
  const due = d.dueDate;
  let sentence: string;
  switch (d.light) {
    case 'green':
      sentence = d.late
        ? t('reason.due.lateDone', { item, days, due })
        : t('reason.due.onTime', { item, due });
      break;
    case 'red':
      sentence = t('reason.due.overdue', { item, days, due });
      break;
    case 'amber':
      sentence = d.days === 0 ? t('reason.due.today', { item }) : t('reason.due.soon', { item, days, due });
      break;
    case 'grey':
      sentence = t('reason.due.notYet', { item, due });
      break;
  }
  if (d.code === 'bulletins' && d.light !== 'green' && d.count)
    return t('reason.due.bulletinsSoFar', { sentence, n: d.count.submitted });
  return sentence;
}
