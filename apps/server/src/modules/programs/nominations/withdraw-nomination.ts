import type { WithdrawRequest, WithdrawResult } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme } from '../programme-access';
import { loadNomination, nominationOut, requireQuotaWrite } from './nomination-view';

/** Withdraw a nomination; a freed seat goes to the first on the node's waitlist in the same transaction. */
export async function withdraw(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  nominationId: string,
  req: WithdrawRequest,
): Promise<WithdrawResult> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'nomination.write');
  const n = await loadNomination(ctx, actor, p, nominationId);
  const quotaOrg = await requireQuotaWrite(ctx, actor, n);
  const promotedId = await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockNomination(n.county_id, n.id, trx);
    if (!locked || !['selected', 'waitlisted', 'candidate'].includes(locked.status)) {
      throw new AppError('CONFLICT', '该推荐已撤回或已被替换', {
        status: locked?.status,
        ...quotaReason('NOMINATION.GONE'),
      });
    }
    let promoted: { county_id: string; id: string } | undefined;
    if (locked.status === 'selected') {
      const key = { regionId: n.quota_region_id, programmeId: p.id, orgId: n.quota_org_id };
      await ctx.repo.lockQuota(key, trx);
      promoted = await ctx.repo.firstWaitlisted(p.id, n.quota_org_id, trx);
      if (promoted) await ctx.repo.setNominationStatus(promoted.county_id, promoted.id, 'selected', {}, trx);
      else await ctx.repo.releaseSeat(key, trx);
    }
    await ctx.repo.setNominationStatus(n.county_id, n.id, 'withdrawn', { reason: req.reason }, trx);
    // the withdrawn teacher leaves any class they were placed in (classes module)
    const leftClassIds = await ctx.enrolments.removeForNomination(trx, n.county_id, n.id);
    await ctx.audit.record(
      actor,
      {
        action: 'nomination.withdraw',
        entity: 'nomination',
        entityId: n.id,
        orgId: quotaOrg.id,
        details: {
          programmeId: p.id,
          reason: req.reason,
          promotedId: promoted?.id ?? null,
          leftClassIds,
        },
      },
      trx,
    );
    if (promoted) {
      await ctx.audit.record(
        actor,
        {
          action: 'nomination.promote',
          entity: 'nomination',
          entityId: promoted.id,
          orgId: quotaOrg.id,
          details: { programmeId: p.id, seatFrom: n.id },
        },
        trx,
      );
    }
    return promoted?.id ?? null;
  });
  const withdrawn = await ctx.repo.findNomination(n.id);
  const promoted = promotedId ? await ctx.repo.findNomination(promotedId) : undefined;
  if (!withdrawn) throw notFound('推荐记录');
  return {
    withdrawn: await nominationOut(ctx, withdrawn),
    promoted: promoted ? await nominationOut(ctx, promoted) : null,
  };
}
