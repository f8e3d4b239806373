/** Leave: a trainee asks for leave from a coming session; the provider or the programme's bureau decides. */
import type { Leave, LeaveDecision, LeaveRequestBody } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission, scopeOf } from '../../../shared/permissions';
import { canManage, loadClass, traineeFilter } from '../class-access';
import type { LeaveRow } from '../classes.repository';
import { type ClassesContext, todayOf } from '../context';

function toLeave(l: LeaveRow): Leave {
  return {
    id: l.id,
    classId: l.class_id,
    sessionId: l.session_id,
    sessionTitle: l.session_title,
    sessionDate: l.session_date,
    teacherId: l.teacher_id,
    teacherName: l.teacher_name,
    reason: l.reason,
    status: l.status as Leave['status'],
    decisionNote: l.decision_note,
    createdAt: l.created_at.toISOString(),
  };
}

/** The enrolled teacher asks for leave from a session of today or later (one open request per session). */
export async function requestLeave(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  req: LeaveRequestBody,
): Promise<Leave> {
  requirePermission(actor, 'leave.request');
  const teacherId = actor.teacherId;
  const e = teacherId && isId(id) ? await ctx.repo.enrolmentOf(id, teacherId) : undefined;
  if (!teacherId || !e) throw notFound('培训班');
  const s = await ctx.repo.findSession(req.sessionId);
  if (!s || s.class_id !== id) throw notFound('课次');
  const day = todayOf(ctx);
  if (s.session_date < day) {
    throw new AppError('VALIDATION_FAILED', `课次 ${s.session_date} 已过，不能再请假（今天 ${day}）`, {
      ruleId: 'Y-004-LEAVE',
    });
  }
  const leaveId = await ctx.db.transaction().execute(async (trx) => {
    const l = await ctx.repo.insertLeave(
      { countyId: e.county_id, classId: id, sessionId: s.id, teacherId, reason: req.reason },
      trx,
    );
    if (!l) throw new AppError('CONFLICT', '该课次已有待审批或已批准的请假');
    await ctx.audit.record(
      actor,
      {
        action: 'leave.request',
        entity: 'leave_request',
        entityId: l,
        details: { classId: id, sessionId: s.id },
      },
      trx,
    );
    return l;
  });
  const [row] = await ctx.repo.listLeave({ classId: id, id: leaveId });
  if (!row) throw new AppError('INTERNAL', '请假记录写入后未找到');
  return toLeave(row);
}

/** A trainee's own requests, or the requests of the trainees the staff member sees. */
export async function listLeave(ctx: ClassesContext, actor: Actor, id: string): Promise<Leave[]> {
  if (actor.teacherId && isId(id)) {
    const e = await ctx.repo.enrolmentOf(id, actor.teacherId);
    if (e && scopeOf(actor, 'class.read').length === 0) {
      return (await ctx.repo.listLeave({ classId: id, teacherId: actor.teacherId })).map(toLeave);
    }
  }
  const c = await loadClass(ctx, actor, id);
  const keep = traineeFilter(actor, c);
  return (await ctx.repo.listLeave({ classId: c.id })).filter((l) => keep(l.org_path)).map(toLeave);
}

/** Approve or refuse a pending request, once. */
export async function decideLeave(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  leaveId: string,
  req: LeaveDecision,
): Promise<Leave> {
  const c = await loadClass(ctx, actor, id);
  if (!(canManage(actor, c) || can(actor, 'leave.decide', c.provider_path))) {
    throw forbidden('只有承训机构或项目主管部门可以审批请假');
  }
  const [row] = isId(leaveId) ? await ctx.repo.listLeave({ classId: c.id, id: leaveId }) : [];
  if (!row) throw notFound('请假记录');
  const status = req.approve ? 'approved' : 'refused';
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await ctx.repo.decideLeave(
      row.county_id,
      row.id,
      { status, by: actor.accountId, note: req.note ?? '' },
      trx,
    );
    if (!ok) throw new AppError('CONFLICT', '该请假已审批，不能重复审批');
    await ctx.audit.record(
      actor,
      {
        action: 'leave.decide',
        entity: 'leave_request',
        entityId: row.id,
        details: { status, note: req.note ?? '' },
      },
      trx,
    );
  });
  const [after] = await ctx.repo.listLeave({ classId: c.id, id: row.id });
  if (!after) throw new AppError('INTERNAL', '请假记录未找到');
  return toLeave(after);
}
