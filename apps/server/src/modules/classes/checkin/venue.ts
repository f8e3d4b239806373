/** The venue's side of check-in: the rotating code on the screen, the live board, and staff marking a teacher present. */
import type { CheckinDisplay, CheckinResult, LiveBoard, ManualAttendanceRequest } from '@yanxun/contracts';
import { checkinOpen, checkinWindow, windowEndsAt } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { forbidden, notFound } from '../../../shared/app-error';
import { can } from '../../../shared/permissions';
import { shownTime } from '../../../shared/time';
import { canManage, loadClass, traineeFilter } from '../class-access';
import { type ClassesContext, todayOf } from '../context';
import { requireSlot, slotLabel } from '../sessions/sessions';
import { makeToken, shortCode } from './checkin-token';

/** The venue screen: the current token and short code of a slot, rotating every N seconds (Y-004-QR-ROTATE). */
export async function display(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  slot: string,
): Promise<CheckinDisplay> {
  const c = await loadClass(ctx, actor, id);
  if (!(canManage(actor, c) || can(actor, 'checkin.display', c.provider_path))) {
    throw forbidden('只有承训机构可以显示签到码');
  }
  const info = await ctx.cache.classInfo(c.id);
  if (!info) throw notFound('培训班');
  requireSlot(slot, info);
  const t = ctx.now().getTime();
  const rotation = info.ops.checkinRotationSeconds.value;
  const w = checkinWindow(t, rotation);
  const parts = { classId: c.id, slot, window: w };
  const secret = await ctx.checkinKey();
  const token = makeToken(secret, parts);
  const open = checkinOpen(info.ops, { startDate: c.start_date, endDate: c.end_date }, todayOf(ctx));
  return {
    classId: c.id,
    className: c.name,
    slot,
    slotLabel: slotLabel(slot, info.sessions),
    path: `/checkin?t=${token}`,
    token,
    shortCode: shortCode(secret, parts),
    rotationSeconds: rotation,
    expiresAt: windowEndsAt(w, rotation),
    serverTime: t,
    checkedIn: await ctx.repo.countAttendance(c.id, slot),
    total: c.enrolled,
    open: open.open,
    opensOn: open.opensOn,
    closesOn: open.closesOn,
    ruleId: info.ops.checkinRotationSeconds.ruleId,
  };
}

/** Live "checked in / not yet" board of a slot. */
export async function live(ctx: ClassesContext, actor: Actor, id: string, slot: string): Promise<LiveBoard> {
  const c = await loadClass(ctx, actor, id);
  const info = await ctx.cache.classInfo(c.id);
  if (!info) throw notFound('培训班');
  const session = requireSlot(slot, info);
  const keep = traineeFilter(actor, c);
  const [rows, att, leave] = await Promise.all([
    ctx.repo.enrolments(c.id),
    ctx.repo.attendance(c.id, [slot]),
    session ? ctx.repo.approvedLeave(c.id, session.id) : Promise.resolve([]),
  ]);
  const mine = rows.filter((r) => keep(r.org_path));
  const names = new Map(mine.map((r) => [r.teacher_id, r]));
  const done = new Map(att.filter((a) => names.has(a.teacher_id)).map((a) => [a.teacher_id, a.checked_at]));
  const onLeave = new Set(leave.map((l) => l.teacher_id).filter((t) => names.has(t) && !done.has(t)));
  const recent = [...done.entries()]
    .sort((a, b) => b[1].getTime() - a[1].getTime())
    .slice(0, 20)
    .map(([tid, at]) => ({
      teacherId: tid,
      teacherName: names.get(tid)?.teacher_name ?? '',
      checkedAt: at.toISOString(),
    }));
  return {
    classId: c.id,
    slot,
    slotLabel: slotLabel(slot, info.sessions),
    total: mine.length,
    checkedIn: done.size,
    onLeave: onLeave.size,
    notYet: mine
      .filter((r) => !done.has(r.teacher_id) && !onLeave.has(r.teacher_id))
      .map((r) => ({ teacherId: r.teacher_id, teacherName: r.teacher_name, schoolName: r.school_name })),
    recent,
  };
}

/** Staff mark a teacher present (a phone that cannot check in); audited. */
export async function markAttendance(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  req: ManualAttendanceRequest,
): Promise<CheckinResult> {
  const c = await loadClass(ctx, actor, id);
  if (!(canManage(actor, c) || can(actor, 'attendance.write', c.provider_path))) {
    throw forbidden('只有承训机构可以补登签到');
  }
  const info = await ctx.cache.classInfo(c.id);
  if (!info) throw notFound('培训班');
  requireSlot(req.slot, info);
  const label = slotLabel(req.slot, info.sessions);
  const written = await ctx.repo.checkin(c.id, req.teacherId, req.slot, 'staff', actor.accountId);
  if (!written) {
    const earlier = await ctx.repo.attendanceAt(c.id, req.teacherId, req.slot);
    if (!earlier) throw notFound('本班学员');
    return {
      status: 'already',
      classId: c.id,
      className: c.name,
      slot: req.slot,
      slotLabel: label,
      checkedAt: earlier.toISOString(),
      message: `已签到（${shownTime(earlier)}）`,
    };
  }
  await ctx.audit.record(actor, {
    action: 'attendance.mark',
    entity: 'class',
    entityId: c.id,
    details: { teacherId: req.teacherId, slot: req.slot },
  });
  return {
    status: 'checked_in',
    classId: c.id,
    className: c.name,
    slot: req.slot,
    slotLabel: label,
    checkedAt: written.toISOString(),
    message: `${label}已补登（${shownTime(written)}）`,
  };
}
