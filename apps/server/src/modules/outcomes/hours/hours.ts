/** A teacher's 学时 record, and reversing a posting with a reason. */
import type { HoursEntry, ReverseHoursRequest, TeacherHours } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission, scopeOf } from '../../../shared/permissions';
import type { OutcomesContext } from '../context';
import type { HoursRow } from './hours.repository';

function toHours(r: HoursRow): HoursEntry {
  return {
    id: r.id,
    programmeId: r.programme_id,
    programmeTitle: r.programme_title,
    classId: r.class_id,
    hoursTenths: r.hours_tenths,
    source: r.source,
    ruleId: r.rule_id,
    postedAt: r.posted_at.toISOString(),
    reversedAt: r.reversed_at?.toISOString() ?? null,
    reverseReason: r.reverse_reason,
  };
}

/** Every posting of a teacher, the live ones summed. */
export async function hoursOf(
  ctx: OutcomesContext,
  teacherId: string,
  canReverse: boolean,
): Promise<TeacherHours> {
  const rows = await ctx.repo.hoursOfTeacher(teacherId);
  return {
    teacherId,
    totalTenths: rows.filter((r) => !r.reversed_at).reduce((s, r) => s + r.hours_tenths, 0),
    entries: rows.map(toHours),
    canReverse,
  };
}

/**
 * A teacher's hours record, for staff who may read the teacher (the people module decides who) and for the
 * teacher themself (their own profile shows the same card).
 */
export async function teacherHours(
  ctx: OutcomesContext,
  actor: Actor,
  teacherId: string,
): Promise<TeacherHours> {
  if (actor.teacherId === null || actor.teacherId !== teacherId) requirePermission(actor, 'hours.read');
  const t = await ctx.people.detail(actor, teacherId);
  return hoursOf(ctx, t.id, scopeOf(actor, 'hours.reverse').length > 0);
}

/** Reverse a posting with a reason (bureaus over the teacher); the row stays, marked reversed. */
export async function reverseHours(
  ctx: OutcomesContext,
  actor: Actor,
  id: string,
  req: ReverseHoursRequest,
): Promise<TeacherHours> {
  const h = isId(id) ? await ctx.repo.findHours(id) : undefined;
  if (!h || !can(actor, 'hours.reverse', h.org_path)) throw notFound('学时记录');
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await ctx.repo.reverseHours(
      h.county_id,
      h.id,
      { by: actor.accountId, reason: req.reason },
      trx,
    );
    if (!ok) throw new AppError('CONFLICT', '该学时记录已撤销');
    await ctx.audit.record(
      actor,
      {
        action: 'hours.reverse',
        entity: 'teacher_hours',
        entityId: h.id,
        details: { teacherId: h.teacher_id, programmeId: h.programme_id, reason: req.reason },
      },
      trx,
    );
  });
  return hoursOf(ctx, h.teacher_id, true);
}
