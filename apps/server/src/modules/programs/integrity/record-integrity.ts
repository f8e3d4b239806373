import type { CreateIntegrityRecordRequest, IntegrityRecordBody } from '@yanxun/contracts';
import { HENAN_2021_PACK, type IntegrityKind, integrityBar } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme, packOf } from '../programme-access';
import { oneIntegrity } from './integrity-view';

const INTEGRITY_KIND_NAMES: Record<IntegrityKind, string> = {
  no_show: '无特殊情况未参训',
  dismissed: '被劝退',
  not_completed: '未结业',
};

/** Record a no-show, dismissal or non-completion (R-004-20); the teacher is notified in the same transaction. */
export async function createIntegrity(
  ctx: ProgramsContext,
  actor: Actor,
  req: CreateIntegrityRecordRequest,
): Promise<IntegrityRecordBody> {
  requirePermission(actor, 'integrity.manage');
  const t = isId(req.teacherId) ? await ctx.repo.findCandidate(req.teacherId) : undefined;
  if (!t || !can(actor, 'integrity.manage', t.org_path)) throw notFound('教师');
  const prog = req.programmeId ? await loadProgramme(ctx, actor, req.programmeId) : undefined;
  const pack = prog ? await packOf(ctx, prog) : HENAN_2021_PACK;
  const bar = integrityBar(pack, req.recordDate);
  const kindName = INTEGRITY_KIND_NAMES[req.kind];
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const rid = await ctx.repo.insertIntegrity(
      {
        countyId: t.county_id,
        teacherId: t.id,
        orgPath: t.org_path,
        kind: req.kind,
        recordDate: req.recordDate,
        programmeId: req.programmeId ?? null,
        evidence: req.evidence ?? null,
        createdBy: actor.accountId,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'integrity.create',
        entity: 'integrity_record',
        entityId: rid,
        orgId: t.school_id,
        details: { teacherId: t.id, kind: req.kind, recordDate: req.recordDate },
      },
      trx,
    );
    await ctx.notifications.notifyTeacher(
      {
        countyId: t.county_id,
        teacherId: t.id,
        kind: 'integrity.record',
        title: `培训诚信档案记录：${kindName}`,
        body: `${req.recordDate} 因"${kindName}"${prog ? `（${prog.title}）` : ''}记入培训诚信档案：${bar.years} 年内（至 ${bar.lastBarredDay}）不得参加省级组织的集中培训项目。如有异议，可在"我的诚信档案"中提出申诉。`,
        entity: 'integrity_record',
        entityId: rid,
      },
      trx,
    );
    return rid;
  });
  return oneIntegrity(ctx, newId);
}
