/**
 * A notification's title and body in the reader's language, from the code and values the server reads back from
 * it (strings in i18n-reasons-notifications.ts). Names (programmes, organisations, claims), comments and reasons
 * are the writers' own. A notification without words, or with a code or name not worded here, keeps its text.
 */
import {
  hourCategorySchema,
  INTEGRITY_KIND_CODES,
  type Notification,
  type NotificationWords,
} from '@yanxun/contracts';
import type { I18n, MessageKey } from './i18n';

type T = I18n['t'];

const CODES = [
  'plan.submitted',
  'plan.returned',
  'plan.approved',
  'plan.approved.comment',
  'integrity.record',
  'integrity.record.programme',
  'integrity.appeal.upheld',
  'integrity.appeal.rejected',
  'hours.claim.returned.school',
  'hours.claim.returned.county',
  'hours.claim.approved',
  'shortlist.submitted',
  'shortlist.confirmed',
  'shortlist.returned',
];
const PARTS = ['cycle.onTrack', 'cycle.behind', 'year', 'category'];
const INTEGRITY_KINDS: readonly string[] = INTEGRITY_KIND_CODES;
const CATEGORIES: readonly string[] = hourCategorySchema.options;

/** The values with the coded names worded, or undefined for a code not known here. */
function worded(t: T, values: Record<string, string>): Record<string, string> | undefined {
  const out = { ...values };
  if (out.kind !== undefined) {
    if (!INTEGRITY_KINDS.includes(out.kind)) return undefined;
    out.kind = t(`prog.integrityKind.${out.kind}` as MessageKey);
  }
  if (out.category !== undefined) {
    if (!CATEGORIES.includes(out.category)) return undefined;
    out.category = t(`hours.cat.${out.category}` as MessageKey);
  }
  return out;
}

function behindBody(t: T, w: NotificationWords): string | undefined {
  const parts: string[] = [];
  for (const p of w.parts) {
    const values = PARTS.includes(p.code) ? worded(t, p.values) : undefined;
    if (!values) return undefined;
    parts.push(t(`notifWords.hours.behind.${p.code}` as MessageKey, values));
  }
  if (parts.length === 0) return undefined;
  return t('notifWords.hours.behind.body', { parts: parts.join(t('notifWords.hours.behind.separator')) });
}

/** The title and body to show: worded from the code and values, or the stored text. */
export function notificationText(t: T, n: Notification): { title: string; body: string } {
  const w = n.words;
  if (!w) return { title: n.title, body: n.body };
  if (w.code === 'hours.behind') {
    const body = behindBody(t, w);
    return body === undefined
      ? { title: n.title, body: n.body }
      : { title: t('notifWords.hours.behind.title'), body };
  }
  const values = CODES.includes(w.code) ? worded(t, w.values) : undefined;
  if (!values) return { title: n.title, body: n.body };
  return {
    title: t(`notifWords.${w.code}.title` as MessageKey, values),
    body: t(`notifWords.${w.code}.body` as MessageKey, values),
  };
}
