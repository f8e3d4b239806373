import type { IntegrityAppealDecision, IntegrityAppealRequest, IntegrityRecordBody } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { oneIntegrity } from './integrity-view';

/** Integrity archive (诚信档案). */

/** The teacher appeals one of their own standing records with a reason (one appeal per record). */
export async function appealIntegrity(
  ctx: ProgramsContext,
  actor: Actor,
  recordId: string,
  req: IntegrityAppealRequest,
): Promise<IntegrityRecordBody> {
  if (!actor.teacherId) throw forbidden('只有教师本人可以申诉');
  const r = isId(recordId) ? await ctx.repo.findIntegrity(recordId) : undefined;
  if (!r || r.teacher_id !== actor.teacherId) throw notFound('诚信档案');
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockIntegrity(r.county_id, r.id, trx);
    if (!locked?.standing) throw new AppError('CONFLICT', '该记录已不再有效，无需申诉');
    if (locked.appeal_status !== 'none') {
      throw new AppError('CONFLICT', '该记录已提出过申诉', { appealStatus: locked.appeal_status });
    }
    await ctx.repo.setAppeal(r.county_id, r.id, req.reason, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'integrity.appeal',
        entity: 'integrity_record',
        entityId: r.id,
        details: { teacherId: r.teacher_id, reason: req.reason },
      },
      trx,
    );
  });
  return oneIntegrity(ctx, r.id);
}

/** The bureau decides an appeal: upheld → the record stops standing (with the reason); rejected → it stays. */
export async function decideAppeal(
  ctx: ProgramsContext,
  actor: Actor,
  recordId: string,
  req: IntegrityAppealDecision,
): Promise<IntegrityRecordBody> {
  requirePermission(actor, 'integrity.manage');
  const r = isId(recordId) ? await ctx.repo.findIntegrity(recordId) : undefined;
  if (!r || !can(actor, 'integrity.manage', r.org_path)) throw notFound('诚信档案');
  const upheld = req.decision === 'upheld';
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockIntegrity(r.county_id, r.id, trx);
    if (locked?.appeal_status !== 'pending') {
      throw new AppError('CONFLICT', '该记录没有待处理的申诉', { appealStatus: locked?.appeal_status });
    }
    await ctx.repo.decideAppeal(r.county_id, r.id, { upheld, reason: req.reason, by: actor.accountId }, trx);
    await ctx.audit.record(
      actor,
      {
        action: upheld ? 'integrity.appeal_upheld' : 'integrity.appeal_rejected',
        entity: 'integrity_record',
        entityId: r.id,
        details: { teacherId: r.teacher_id, reason: req.reason },
      },
      trx,
    );
    await ctx.notifications.notifyTeacher(
      {
        countyId: r.county_id,
        teacherId: r.teacher_id,
        kind: 'integrity.appeal',
        title: upheld ? '诚信档案申诉成立' : '诚信档案申诉未获支持',
        body: upheld
          ? `您对 ${r.record_date} 记录的申诉成立，该记录不再限制参训。理由：${req.reason}`
          : `您对 ${r.record_date} 记录的申诉未获支持，该记录继续有效。理由：${req.reason}`,
        entity: 'integrity_record',
        entityId: r.id,
      },
      trx,
    );
  });
  return oneIntegrity(ctx, r.id);
}
