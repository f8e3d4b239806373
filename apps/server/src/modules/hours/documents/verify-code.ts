/**
 * The public verification page (no sign-in, Y-VERIFY-PUBLIC): a code → what the document says, masked, and
 * whether it stands. A malformed code (wrong length, letters or check character) is answered without a lookup;
 * a code that was never issued is "not found"; a revoked one shows its facts with 已撤销 and the date. Codes not
 * found are throttled per client address (Y-VERIFY-THROTTLE, modules/throttle), never per code: a stranger's
 * misses cannot shut out the verifier of a real document, and an address that has opened a code keeps opening it.
 */
import type { PublicVerification } from '@yanxun/contracts';
import {
  formatHours,
  formatVerificationCode,
  maskName,
  normaliseVerificationCode,
  schoolYearSpanLabel,
  VERIFY_THROTTLE,
} from '@yanxun/core';
import { AppError } from '../../../shared/app-error';
import { dateOf } from '../../../shared/time';
import {
  addressKey,
  blockedUntil,
  knownKey,
  secondsUntil,
  type ThrottleRule,
  throttleKey,
  waitText,
} from '../../throttle';
import type { HoursContext } from '../context';
import type { HonoursPort } from '../ports';
import type { CodeRow } from './documents.repository';

const MIN = 60_000;
export const VERIFY_ADDRESS_RULE: ThrottleRule = {
  scope: 'verify.address',
  limit: VERIFY_THROTTLE.maxFailures,
  blockMs: VERIFY_THROTTLE.lockMinutes * MIN,
  maxBlockMs: VERIFY_THROTTLE.maxLockHours * 60 * MIN,
  windowMs: VERIFY_THROTTLE.windowMinutes * MIN,
};

export interface VerifyClient {
  ip: string | null;
  requestId: string;
}

function periodOf(r: CodeRow): string | null {
  const years = (r.details as { years?: Array<{ schoolYear: string }> } | null)?.years ?? [];
  const first = years[0]?.schoolYear;
  const last = years[years.length - 1]?.schoolYear;
  if (!first || !last) return null;
  return schoolYearSpanLabel(first, last);
}

function toPublic(r: CodeRow): PublicVerification {
  const revokedOn = r.revoked_at ? dateOf(r.revoked_at) : null;
  const what = r.kind === 'transcript' ? '学时证明' : '结业证书';
  return {
    code: formatVerificationCode(r.code),
    kind: r.kind as PublicVerification['kind'],
    status: revokedOn ? 'revoked' : 'valid',
    holder: maskName(r.teacher_name),
    title: r.title,
    certificateNo: r.certificate_no,
    hoursTenths: r.hours_tenths,
    period: periodOf(r),
    issuer: r.issuer_name,
    issuedOn: r.issued_on,
    revokedOn,
    message: revokedOn
      ? `该${what}已于 ${revokedOn} 由出具单位撤销，不再有效`
      : `该${what}由${r.issuer_name}于 ${r.issued_on} 出具，真实有效，记载 ${formatHours(r.hours_tenths)} 学时`,
  };
}

type Honour = NonNullable<Awaited<ReturnType<HonoursPort['byCode']>>>;

/**
 * A certificate of honour: a person's name masked, a unit's shown whole (it is public once awarded); a revoked one
 * says so with the day, not the reason.
 */
function honourToPublic(h: Honour): PublicVerification {
  return {
    code: formatVerificationCode(h.code),
    kind: 'honour',
    status: h.revokedOn ? 'revoked' : 'valid',
    holder: h.holderIsPerson ? maskName(h.holder) : h.holder,
    title: h.title,
    certificateNo: h.certificateNo,
    hoursTenths: 0,
    period: null,
    issuer: h.issuer,
    issuedOn: h.issuedOn,
    revokedOn: h.revokedOn,
    message: h.revokedOn
      ? `该荣誉证书已于 ${h.revokedOn} 由颁发单位撤销，不再有效`
      : `该荣誉证书由${h.issuer}于 ${h.issuedOn} 颁发，真实有效：${h.title}`,
  };
}

export async function verifyCode(
  ctx: HoursContext,
  rawCode: string,
  client: VerifyClient,
): Promise<PublicVerification> {
  const code = normaliseVerificationCode(rawCode);
  if (!code)
    throw new AppError(
      'VALIDATION_FAILED',
      '验证码格式不正确：应为 20 位字母和数字（如 ABCD-EFGH-JKMN-PQRS-TVWX），请核对证明上的验证码',
      { field: 'code', ruleId: 'Y-VERIFY-CODE', reason: 'malformed' },
    );
  const at = ctx.now();
  const where = addressKey(client.ip);
  const known = knownKey('verify.known', [code, where]);
  const [seen] = await ctx.throttle.state([known], at);
  const address = throttleKey(VERIFY_ADDRESS_RULE, [where]);
  const attempt = seen?.seen ? null : await ctx.throttle.attempt([address], at);
  if (attempt?.refusedUntil) throw throttled(attempt.refusedUntil, at);
  const row = await ctx.docs.findByCode(code);
  const honour = row ? undefined : await ctx.honours?.byCode(code);
  const found = row ? toPublic(row) : honour ? honourToPublic(honour) : undefined;
  if (!found) {
    const until = attempt ? blockedUntil(attempt.counted, at) : null;
    if (until) {
      await ctx.audit.record(null, {
        action: 'hours.verify_throttled',
        entity: 'address',
        details: {
          ip: client.ip,
          requestId: client.requestId,
          failures: attempt?.counted[0]?.failures,
          retryAfterSeconds: secondsUntil(until, at),
        },
      });
    }
    throw new AppError(
      'NOT_FOUND',
      '未找到该验证码：平台没有出具过带此验证码的证明或证书，请核对后重新输入；如仍查不到，该文件可能不是本平台出具的',
      { ruleId: 'Y-VERIFY-PUBLIC', reason: 'not_found' },
    );
  }
  if (attempt) await ctx.throttle.succeed(attempt, []);
  await ctx.throttle.remember(known, at);
  return found;
}

function throttled(until: Date, at: Date): AppError {
  const s = secondsUntil(until, at);
  return new AppError('RATE_LIMITED', `查询失败次数过多，请 ${waitText(s)}后再试`, {
    ruleId: VERIFY_THROTTLE.ruleId,
    retryAfterSeconds: s,
    retryAt: until.toISOString(),
  });
}
