/** Reversing a posting: a reversal entry with the reason, never a change to the posting. */
import type { ReverseHoursRequest, TeacherHours } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can } from '../../shared/permissions';
import type { HoursContext } from './context';
import { hoursOf } from './transcript';

/** Reverse a posting with a reason (bureaus over the teacher's unit, who may read the teacher). */
export async function reverseEntry(
  ctx: HoursContext,
  actor: Actor,
  id: string,
  req: ReverseHoursRequest,
): Promise<TeacherHours> {
  const h = isId(id) ? await ctx.repo.findPosting(id) : undefined;
  if (!h || !can(actor, 'hours.reverse', h.org_path)) throw notFound('学时记录');
  await ctx.people.detail(actor, h.teacher_id);
  if (h.reversed) throw new AppError('CONFLICT', '该学时记录已撤销');
  await ctx.db.transaction().execute(async (trx) => {
    const n = await ctx.repo.reverse(
      [{ countyId: h.county_id, id: h.id }],
      { by: actor.accountId, reason: req.reason, at: ctx.now() },
      trx,
    );
    if (n !== 1) throw new AppError('CONFLICT', '该学时记录已撤销');
    await ctx.audit.record(
      actor,
      {
        action: 'hours.reverse',
        entity: 'hour_entries',
        entityId: h.id,
        details: { teacherId: h.teacher_id, reason: req.reason },
      },
      trx,
    );
  });
  return hoursOf(ctx, h.teacher_id, true);
}
