/**
 * Check-in in words (strings in shared/i18n-reasons-checkin.ts): the result from its status, slot and time, a
 * refusal from `details.refusal` and the values beside it (Y-004-QR-ROTATE, Y-004-CHECKIN-OPEN, R-004-12). A
 * refusal case the web does not know, or one missing a value, keeps the server's text; an error that is no
 * check-in refusal at all reads by its error code.
 */
import { CHECKIN_REFUSAL_CASES, type CheckinRefusalCase, type CheckinResult } from '@yanxun/contracts';
import { isApiError } from '../../shared/api';
import { errorMessage } from '../../shared/error-messages';
import type { I18n, Params } from '../../shared/i18n';
import { formatTime } from '../../shared/time';

type T = I18n['t'];

/** 注册 and 报到 by their code; a session keeps the server's label (its date, time and title). */
export function slotWords(t: T, slot: string, serverLabel: string): string {
  if (slot === 'register') return t('slot.register');
  if (slot === 'arrive') return t('slot.arrive');
  return serverLabel;
}

/** "报到签到成功（09:00:00）" / "已签到（09:00:00），无需重复签到", in the user's language. */
export function checkinResultSentence(t: T, r: CheckinResult): string {
  const time = formatTime(r.checkedAt, { seconds: true }, '');
  if (!time) return r.message;
  if (r.status === 'already') return t('checkin.says.already', { time });
  return t('checkin.says.checkedIn', { slot: slotWords(t, r.slot, r.slotLabel), time });
}

/** The values each refusal case needs in its sentence. */
const NEEDS: Record<CheckinRefusalCase, readonly string[]> = {
  bad_token: [],
  slot_not_in_class: [],
  outside_days: ['className', 'opensOn', 'closesOn', 'today'],
  not_session_day: ['sessionDate'],
  qr_expired: ['rotationSeconds'],
  wrong_code: [],
  too_many_codes: ['minutes'],
  other_class: ['className'],
  not_enrolled_class: ['className'],
  not_enrolled_any: [],
  not_teacher: [],
};

function isCase(x: unknown): x is CheckinRefusalCase {
  return typeof x === 'string' && (CHECKIN_REFUSAL_CASES as readonly string[]).includes(x);
}

/** The case and its values, when the error is a check-in refusal this web can word. */
function refusalFacts(error: unknown): { refusal: CheckinRefusalCase; params: Params } | undefined {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) return undefined;
  const d = error.details as Record<string, unknown>;
  if (!isCase(d.refusal)) return undefined;
  const params: Params = {};
  for (const key of NEEDS[d.refusal]) {
    const v = d[key];
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    params[key] = v;
  }
  return { refusal: d.refusal, params };
}

/** Why a check-in was refused, in the user's language. */
export function checkinRefusalSentence(t: T, lang: I18n['lang'], error: unknown): string {
  const facts = refusalFacts(error);
  if (facts) return t(`checkin.says.${facts.refusal}`, facts.params);
  if (!isApiError(error)) return errorMessage(error, lang);
  const d = error.details;
  // a refusal case of a newer server: its own sentence
  if (typeof d === 'object' && d !== null && 'refusal' in d && error.message) return error.message;
  return lang === 'zh-CN' ? error.message : errorMessage(error, lang);
}
