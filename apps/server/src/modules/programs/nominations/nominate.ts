import type { NominateRequest, Nomination } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import {
  type EligibilityResult,
  findProjectType,
  type PolicyPack,
  QUOTA_RULE_ID,
  SHORTLIST_RULE_ID,
  shortlistSize,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme, loadQuota, type OrgRef, packOf, quotaKey } from '../programme-access';
import type { ProgrammeRow } from '../programmes/programmes.repository';
import type { QuotaRow } from '../quotas/quotas.repository';
import type { CandidateRow } from './candidates.repository';
import { evaluate, loadCandidate, refuseIneligible } from './eligibility';
import { nominationOut } from './nomination-view';

/** The shortlist ratio (1:1.2, R-004-59) of a programme's project type; undefined: nomination is selection. */
export function competitiveRatioOf(pack: PolicyPack, p: ProgrammeRow): number | undefined {
  const ratio = findProjectType(pack, p.project_type_code)?.competitiveRatio?.value;
  return ratio !== undefined && ratio >= 1 ? ratio : undefined;
}

/**
 * A competitive programme's nomination: a candidate, up to ⌈seats × ratio⌉ per quota node (R-004-59). The node's
 * row is locked while candidates are counted, so concurrent nominations cannot pass the cap. No seat is taken
 * until the selecting level confirms the list.
 */
export async function nominateCandidate(
  ctx: ProgramsContext,
  actor: Actor,
  p: ProgrammeRow,
  t: CandidateRow,
  quota: QuotaRow,
  quotaOrg: OrgRef,
  ratio: number,
  result: EligibilityResult,
  req: NominateRequest,
): Promise<Nomination> {
  const overridden = result.checks.some((c) => c.override);
  const nominationId = await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockQuota(quotaKey(quota), trx);
    if (!locked) throw notFound('该单位的本项目名额');
    const own = locked.seats - locked.allocated;
    const cap = shortlistSize(own, ratio);
    const count = await ctx.repo.countCandidates(p.id, quotaOrg.id, trx);
    if (count >= cap) {
      throw new AppError(
        'CONFLICT',
        `${quotaOrg.name}本项目名额 ${own} 个，按 1:${ratio} 差额遴选最多推荐 ${cap} 名候选人，已推荐 ${count} 名`,
        {
          ruleId: SHORTLIST_RULE_ID,
          seats: own,
          ratio,
          cap,
          candidates: count,
          ...quotaReason('QUOTA.CANDIDATE_CAP', {
            org: quotaOrg.name,
            seats: own,
            ratio,
            cap,
            candidates: count,
          }),
        },
      );
    }
    const newId = await ctx.repo.insertNomination(
      {
        countyId: t.county_id,
        programmeId: p.id,
        teacherId: t.id,
        schoolId: t.school_id,
        orgPath: t.org_path,
        quotaRegionId: quota.region_id,
        quotaOrgId: quota.org_id,
        status: 'candidate',
        eligibility: result,
        overrideReason: overridden ? (req.overrideReason ?? null) : null,
        replacesId: null,
        createdBy: actor.accountId,
      },
      trx,
    );
    if (!newId)
      throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, {
        teacherId: t.id,
        ...quotaReason('NOMINATION.DUPLICATE', { teacher: t.name }),
      });
    await ctx.audit.record(
      actor,
      {
        action: 'nomination.candidate',
        entity: 'nomination',
        entityId: newId,
        orgId: quotaOrg.id,
        details: { programmeId: p.id, teacherId: t.id, cap, ratio },
      },
      trx,
    );
    return newId;
  });
  const row = await ctx.repo.findNomination(nominationId);
  if (!row) throw notFound('推荐记录');
  return nominationOut(ctx, row);
}

/**
 * Nominate a teacher into a quota node's seats. Ineligible → refused (400 VALIDATION_FAILED with every
 * check), nothing stored, the refusal audited; a failed soft rule needs `overrideReason`. The seat is
 * taken by one atomic UPDATE; when none is left the nomination is refused (409) or waitlisted.
 */
export async function nominate(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: NominateRequest,
): Promise<Nomination> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'nomination.write');
  const t = await loadCandidate(ctx, actor, req.teacherId);
  const { org: quotaOrg, quota } = await loadQuota(
    ctx,
    actor,
    'nomination.write',
    p,
    req.quotaOrgId ?? t.school_id,
  );
  if (!t.org_path.startsWith(quotaOrg.path)) {
    throw new AppError(
      'VALIDATION_FAILED',
      `${t.name}不在${quotaOrg.name}，不能占用其名额`,
      quotaReason('NOMINATION.OUTSIDE_ORG', { teacher: t.name, org: quotaOrg.name }),
    );
  }
  if (await ctx.repo.liveNomination(p.id, t.id)) {
    throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, {
      teacherId: t.id,
      ...quotaReason('NOMINATION.DUPLICATE', { teacher: t.name }),
    });
  }
  const pack = await packOf(ctx, p);
  const result = await evaluate(ctx, actor, p, pack, t, req);
  if (!result.eligible) {
    const failed = result.checks.filter((c) => !c.passed).map((c) => c.ruleId);
    await ctx.audit.record(actor, {
      action: 'nomination.refused',
      entity: 'programme',
      entityId: p.id,
      orgId: quotaOrg.id,
      details: { teacherId: t.id, failed },
    });
    await ctx.repo.insertRefusal({
      countyId: t.county_id,
      programmeId: p.id,
      teacherId: t.id,
      orgPath: t.org_path,
      quotaOrgId: quotaOrg.id,
      failedRules: [...new Set(failed)],
      needsOverride: result.needsOverride,
      createdBy: actor.accountId,
    });
    throw refuseIneligible(result);
  }
  const overridden = result.checks.some((c) => c.override);
  const ratio = competitiveRatioOf(pack, p);
  if (ratio) return nominateCandidate(ctx, actor, p, t, quota, quotaOrg, ratio, result, req);
  const nominationId = await ctx.db.transaction().execute(async (trx) => {
    const taken = await ctx.repo.takeSeat(quotaKey(quota), trx);
    if (!taken && !req.waitlist) {
      const now = await ctx.repo.findQuota(quotaKey(quota), trx);
      throw new AppError('CONFLICT', `${quotaOrg.name}的名额已满，可选择进入候补名单`, {
        ruleId: QUOTA_RULE_ID,
        seats: now?.seats ?? quota.seats,
        allocated: now?.allocated ?? quota.allocated,
        used: now?.used ?? quota.used,
        full: true,
        ...quotaReason('QUOTA.FULL', { org: quotaOrg.name }),
      });
    }
    const newId = await ctx.repo.insertNomination(
      {
        countyId: t.county_id,
        programmeId: p.id,
        teacherId: t.id,
        schoolId: t.school_id,
        orgPath: t.org_path,
        quotaRegionId: quota.region_id,
        quotaOrgId: quota.org_id,
        status: taken ? 'selected' : 'waitlisted',
        eligibility: result,
        overrideReason: overridden ? (req.overrideReason ?? null) : null,
        replacesId: null,
        createdBy: actor.accountId,
      },
      trx,
    );
    if (!newId)
      throw new AppError('CONFLICT', `${t.name}已被推荐参加本项目`, {
        teacherId: t.id,
        ...quotaReason('NOMINATION.DUPLICATE', { teacher: t.name }),
      });
    await ctx.audit.record(
      actor,
      {
        action: taken ? 'nomination.create' : 'nomination.waitlist',
        entity: 'nomination',
        entityId: newId,
        orgId: quotaOrg.id,
        details: {
          programmeId: p.id,
          teacherId: t.id,
          overrideReason: overridden ? req.overrideReason : undefined,
        },
      },
      trx,
    );
    return newId;
  });
  const row = await ctx.repo.findNomination(nominationId);
  if (!row) throw notFound('推荐记录');
  return nominationOut(ctx, row);
}
