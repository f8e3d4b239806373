import type { SubstituteRequest, SubstitutionRequestBody } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { evaluate, loadCandidate, refuseIneligible } from '../nominations/eligibility';
import { loadNomination, requireQuotaWrite } from '../nominations/nomination-view';
import { loadProgramme, packOf } from '../programme-access';
import { toSubstitution } from './substitution-view';

/**
 * 替训 request: the nominating unit asks to replace a selected teacher by another of its own, within its
 * quota; the replacement's eligibility is checked now and stored. The level that allocated the unit's seats
 * approves or refuses (`decideSubstitution`); until then the original stays selected.
 */
export async function substitute(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  nominationId: string,
  req: SubstituteRequest,
): Promise<SubstitutionRequestBody> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'nomination.write');
  const old = await loadNomination(ctx, actor, p, nominationId);
  const quotaOrg = await requireQuotaWrite(ctx, actor, old);
  if (old.status !== 'selected') {
    throw new AppError('CONFLICT', '只能替换已入选的推荐', {
      status: old.status,
      ...quotaReason('SUBSTITUTION.ONLY_SELECTED'),
    });
  }
  const t = await loadCandidate(ctx, actor, req.teacherId);
  if (!t.org_path.startsWith(quotaOrg.path)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${t.name}不在${quotaOrg.name}，不能占用其名额替训`,
      quotaReason('SUBSTITUTION.OUTSIDE_ORG', { teacher: t.name, org: quotaOrg.name }),
    );
  }
  if (await ctx.repo.liveNomination(p.id, t.id)) {
    throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, {
      teacherId: t.id,
      ...quotaReason('NOMINATION.DUPLICATE', { teacher: t.name }),
    });
  }
  const result = await evaluate(ctx, actor, p, await packOf(ctx, p), t, req);
  if (!result.eligible) throw refuseIneligible(result);
  const quota = await ctx.repo.findQuota({
    regionId: old.quota_region_id,
    programmeId: p.id,
    orgId: old.quota_org_id,
  });
  const approverOrgId = quota?.parent_org_id ?? p.owner_org_id;
  const overridden = result.checks.some((c) => c.override);
  const requestId = await ctx.db.transaction().execute(async (trx) => {
    const rid = await ctx.repo.insertSubstitution(
      {
        regionId: old.quota_region_id,
        programmeId: p.id,
        quotaOrgId: old.quota_org_id,
        approverOrgId,
        orgPath: quotaOrg.path,
        nominationCountyId: old.county_id,
        nominationId: old.id,
        replacedTeacherId: old.teacher_id,
        teacherCountyId: t.county_id,
        teacherId: t.id,
        reason: req.reason,
        eligibility: result,
        overrideReason: overridden ? (req.overrideReason ?? null) : null,
        requestedBy: actor.accountId,
      },
      trx,
    );
    if (!rid)
      throw new AppError('CONFLICT', '该推荐已有待审批的替训申请', {
        nominationId: old.id,
        ...quotaReason('SUBSTITUTION.PENDING'),
      });
    await ctx.audit.record(
      actor,
      {
        action: 'substitution.request',
        entity: 'substitution_request',
        entityId: rid,
        orgId: quotaOrg.id,
        details: {
          programmeId: p.id,
          nominationId: old.id,
          fromTeacherId: old.teacher_id,
          toTeacherId: t.id,
          reason: req.reason,
        },
      },
      trx,
    );
    return rid;
  });
  const row = await ctx.repo.findSubstitution(requestId);
  if (!row) throw notFound('替训申请');
  return toSubstitution(row);
}
