/**
 * The teacher's side of check-in: checking in with the token of a scanned QR code or the 6-digit short code
 * (rotating, Y-004-QR-ROTATE; open around the class's dates, Y-004-CHECKIN-OPEN; enrolled teachers only,
 * R-004-12), and the teacher's own classes for the phone page.
 */
import type {
  CheckinRefusal,
  CheckinRefusalCase,
  CheckinRequest,
  CheckinResult,
  MyClass,
} from '@yanxun/contracts';
import {
  CHECKIN_CODE_RULE_ID,
  CHECKIN_RULE_ENROLLED,
  CHECKIN_RULE_EXPIRED,
  CHECKIN_RULE_OPEN,
  checkinOpen,
  checkinWindow,
  windowAccepted,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { shownTime } from '../../../shared/time';
import { type ThrottleRule, throttleKey } from '../../throttle';
import type { ClassInfo } from '../class-cache';
import { type ClassesContext, todayOf } from '../context';
import { requireSlot, slotLabel } from '../sessions/sessions';
import { readToken, shortCode } from './checkin-token';

/**
 * Wrong short codes a teacher may enter (guessing 10⁶ codes): the 10th within a streak makes the teacher wait
 * 5 minutes; counted in the database (modules/throttle), so several servers do not each allow 10.
 */
const CODE_THROTTLE: ThrottleRule = {
  scope: 'checkin.short_code',
  limit: 10,
  blockMs: 5 * 60_000,
  maxBlockMs: 5 * 60_000,
  windowMs: 5 * 60_000,
};

function refuse(
  reason: CheckinRefusal,
  refusal: CheckinRefusalCase,
  message: string,
  ruleId: string,
  extra: Record<string, unknown> = {},
) {
  const code =
    reason === 'invalid' || reason === 'expired' || reason === 'not_open' ? 'VALIDATION_FAILED' : 'FORBIDDEN';
  return new AppError(code, message, { reason, refusal, ruleId, ...extra });
}

async function checkinAt(
  ctx: ClassesContext,
  teacherId: string,
  info: ClassInfo,
  slot: string,
  method: 'qr' | 'code',
): Promise<CheckinResult> {
  const c = info.row;
  const session = (() => {
    try {
      return requireSlot(slot, info);
    } catch {
      throw refuse('invalid', 'slot_not_in_class', '签到码无效：该课次不属于本班', CHECKIN_RULE_EXPIRED);
    }
  })();
  const day = todayOf(ctx);
  const open = checkinOpen(info.ops, { startDate: c.start_date, endDate: c.end_date }, day);
  if (!open.open) {
    throw refuse(
      'not_open',
      'outside_days',
      `"${c.name}"的签到时间为 ${open.opensOn} 至 ${open.closesOn}，今天（${day}）不能签到`,
      CHECKIN_RULE_OPEN,
      { className: c.name, opensOn: open.opensOn, closesOn: open.closesOn, today: day },
    );
  }
  if (session && session.session_date !== day) {
    throw refuse(
      'not_open',
      'not_session_day',
      `该课次在 ${session.session_date}，只能当天签到`,
      CHECKIN_RULE_OPEN,
      {
        sessionDate: session.session_date,
        today: day,
      },
    );
  }
  const label = slotLabel(slot, info.sessions);
  const written = await ctx.repo.checkin(c.id, teacherId, slot, method, null);
  if (written) {
    return {
      status: 'checked_in',
      classId: c.id,
      className: c.name,
      slot,
      slotLabel: label,
      checkedAt: written.toISOString(),
      message: `${label}签到成功（${shownTime(written)}）`,
    };
  }
  const earlier = await ctx.repo.attendanceAt(c.id, teacherId, slot);
  if (earlier) {
    return {
      status: 'already',
      classId: c.id,
      className: c.name,
      slot,
      slotLabel: label,
      checkedAt: earlier.toISOString(),
      message: `已签到（${shownTime(earlier)}），无需重复签到`,
    };
  }
  const mine = await ctx.repo.classesOfTeacher(teacherId);
  if (mine.length > 0) {
    throw refuse(
      'other_class',
      'other_class',
      `该签到码属于"${c.name}"，您不是该班学员，请扫描本班现场的二维码`,
      CHECKIN_RULE_ENROLLED,
      { classId: c.id, className: c.name },
    );
  }
  throw refuse(
    'not_enrolled',
    'not_enrolled_class',
    `您未编入"${c.name}"，不能签到；请联系所在学校或县区教育局`,
    CHECKIN_RULE_ENROLLED,
    { classId: c.id, className: c.name },
  );
}

/**
 * A teacher checks in with the token of a scanned QR code, or with the 6-digit short code. The token must
 * be of the current window or the grace window(s) before it, of a class the teacher is enrolled in, while
 * check-in is open. A second check-in changes nothing and says when the first was.
 */
export async function checkin(
  ctx: ClassesContext,
  actor: Actor,
  req: CheckinRequest,
): Promise<CheckinResult> {
  const teacherId = actor.teacherId;
  if (!teacherId) {
    throw refuse(
      'not_teacher',
      'not_teacher',
      '只有参训教师本人可以签到，请用教师账号登录',
      CHECKIN_RULE_ENROLLED,
    );
  }
  const t = ctx.now().getTime();
  const secret = await ctx.checkinKey();
  if (req.t) {
    const parts = readToken(secret, req.t);
    const info = parts ? await ctx.cache.classInfo(parts.classId) : undefined;
    if (!parts || !info) {
      throw refuse('invalid', 'bad_token', '签到码无效，请扫描现场屏幕上的二维码', CHECKIN_RULE_EXPIRED);
    }
    const rotation = info.ops.checkinRotationSeconds.value;
    const grace = info.ops.checkinGraceWindows.value;
    if (!windowAccepted(parts.window, checkinWindow(t, rotation), grace)) {
      throw refuse(
        'expired',
        'qr_expired',
        `签到码已过期：现场二维码每 ${rotation} 秒更换，请扫描屏幕上最新的二维码`,
        CHECKIN_RULE_EXPIRED,
        { rotationSeconds: rotation, graceWindows: grace },
      );
    }
    return checkinAt(ctx, teacherId, info, parts.slot, 'qr');
  }
  const code = req.code ?? '';
  // counted as a wrong code before the code is judged (concurrent guesses cannot slip past), given back if right
  const codeKey = throttleKey(CODE_THROTTLE, [teacherId]);
  const attempt = await ctx.throttle.attempt([codeKey], new Date(t));
  if (attempt.refusedUntil) {
    const ms = attempt.refusedUntil.getTime() - t;
    const minutes = Math.ceil(ms / 60_000);
    throw new AppError('RATE_LIMITED', `数字码输错次数过多，请 ${minutes} 分钟后再试，或扫描现场二维码`, {
      reason: 'expired',
      refusal: 'too_many_codes' satisfies CheckinRefusalCase,
      minutes,
      ruleId: CHECKIN_CODE_RULE_ID,
      retryAfterMs: ms,
      retryAfterSeconds: Math.ceil(ms / 1000),
    });
  }
  const classIds = await ctx.repo.classesOfTeacher(teacherId);
  if (classIds.length === 0) {
    throw refuse('not_enrolled', 'not_enrolled_any', `您没有编入任何培训班，不能签到`, CHECKIN_RULE_ENROLLED);
  }
  const day = todayOf(ctx);
  for (const cid of classIds) {
    const info = await ctx.cache.classInfo(cid);
    if (!info) continue;
    const rotation = info.ops.checkinRotationSeconds.value;
    const w = checkinWindow(t, rotation);
    const slots = [
      'register',
      'arrive',
      ...info.sessions.filter((s) => s.session_date === day).map((s) => `s${s.id}`),
    ];
    for (const slot of slots) {
      for (let back = 0; back <= info.ops.checkinGraceWindows.value; back++) {
        if (shortCode(secret, { classId: cid, slot, window: w - back }) === code) {
          await ctx.throttle.succeed(attempt, [codeKey]);
          return checkinAt(ctx, teacherId, info, slot, 'code');
        }
      }
    }
  }
  throw refuse(
    'expired',
    'wrong_code',
    `数字码不正确或已过期：数字码随二维码定时更换，请输入屏幕上当前显示的 6 位数字`,
    CHECKIN_RULE_EXPIRED,
  );
}

/** The teacher's own classes, for the phone page. */
export async function myClasses(ctx: ClassesContext, actor: Actor): Promise<MyClass[]> {
  if (!actor.teacherId) return [];
  const ids = await ctx.repo.classesOfTeacher(actor.teacherId);
  const out: MyClass[] = [];
  for (const cid of ids) {
    const c = await ctx.repo.findClass(cid);
    if (!c) continue;
    const [reg, arr] = await Promise.all([
      ctx.repo.attendanceAt(cid, actor.teacherId, 'register'),
      ctx.repo.attendanceAt(cid, actor.teacherId, 'arrive'),
    ]);
    out.push({
      classId: c.id,
      className: c.name,
      programmeTitle: c.programme_title,
      startDate: c.start_date,
      endDate: c.end_date,
      venue: c.venue,
      registeredAt: reg?.toISOString() ?? null,
      arrivedAt: arr?.toISOString() ?? null,
    });
  }
  return out;
}
