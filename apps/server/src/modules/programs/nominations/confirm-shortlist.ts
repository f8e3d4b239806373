import type { ConfirmShortlistRequest, ShortlistResult } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import { QUOTA_RULE_ID, SHORTLIST_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import { regionKeyOf } from '../../org';
import type { ProgramsContext } from '../context';
import { loadProgramme, packOf } from '../programme-access';
import { competitiveRatioOf } from './nominate';

/**
 * The selecting level (the programme's owner, recording the provider's choice) confirms a quota node's
 * shortlist: the listed candidates are selected (taking seats), every other candidate there is not selected.
 */
export async function confirmShortlist(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: ConfirmShortlistRequest,
): Promise<ShortlistResult> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'program.manage', p.owner_path);
  const pack = await packOf(ctx, p);
  const ratio = competitiveRatioOf(pack, p);
  if (!ratio) {
    throw new AppError('VALIDATION_FAILED', '本项目不采取差额遴选，推荐即入选', {
      ruleId: SHORTLIST_RULE_ID,
      ...quotaReason('SHORTLIST.NOT_COMPETITIVE'),
    });
  }
  const org = isId(req.orgId) ? await ctx.repo.findOrg(req.orgId) : undefined;
  if (!org?.path.startsWith(p.owner_path)) throw notFound('名额单位');
  const key = { regionId: regionKeyOf(org), programmeId: p.id, orgId: org.id };
  return ctx.db.transaction().execute(async (trx) => {
    const quota = await ctx.repo.lockQuota(key, trx);
    if (!quota) throw notFound('该单位的本项目名额');
    // shortlist: once the approved provider selects on the platform, its selection decides (R-004-59)
    if (await ctx.repo.hasProviderSelection(p.id, trx)) {
      throw new AppError(
        'CONFLICT',
        `承训高校已在平台上进行差额遴选，请在"差额遴选"中确认或退回其提交的名单`,
        { ruleId: SHORTLIST_RULE_ID, ...quotaReason('SHORTLIST.PROVIDER_SELECTING') },
      );
    }
    const candidates = await ctx.repo.lockCandidates(p.id, org.id, trx);
    const chosen = new Set(req.selectedIds);
    const unknown = [...chosen].filter((x) => !candidates.some((c) => c.id === x));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', `推荐记录 ${unknown.join('、')} 不是${org.name}的候选人`, {
        ruleId: SHORTLIST_RULE_ID,
        unknown,
        ...quotaReason('SHORTLIST.NOT_CANDIDATES', { ids: unknown.join('、'), org: org.name }),
      });
    }
    const free = quota.seats - quota.allocated - quota.used;
    if (chosen.size > free) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${org.name}只有 ${free} 个名额，不能确定 ${chosen.size} 人入选`,
        {
          ruleId: SHORTLIST_RULE_ID,
          rules: [SHORTLIST_RULE_ID, QUOTA_RULE_ID],
          seats: free,
          selected: chosen.size,
          ...quotaReason('SHORTLIST.OVER_FREE', { org: org.name, free, selected: chosen.size }),
        },
      );
    }
    if (chosen.size > 0 && !(await ctx.repo.takeSeats(key, chosen.size, trx))) {
      throw new AppError('CONFLICT', `${org.name}的名额已变化，请刷新后重试`, {
        ruleId: QUOTA_RULE_ID,
        ...quotaReason('QUOTA.CHANGED', { org: org.name }),
      });
    }
    const values = `名额 ${free} 个、候选 ${candidates.length} 人，1:${ratio} 差额遴选`;
    const results: ShortlistResult['results'] = [];
    for (const c of candidates) {
      const selected = chosen.has(c.id);
      const message = selected
        ? `经差额遴选入选（${values}）`
        : `差额遴选未入选（${values}）${req.reason ? `：${req.reason}` : ''}`;
      await ctx.repo.decideCandidate(
        c.county_id,
        c.id,
        selected ? 'selected' : 'not_selected',
        message,
        actor.accountId,
        trx,
      );
      results.push({
        nominationId: c.id,
        teacherId: c.teacher_id,
        teacherName: c.teacher_name,
        status: selected ? 'selected' : 'not_selected',
        ruleId: SHORTLIST_RULE_ID,
        message,
      });
    }
    await ctx.audit.record(
      actor,
      {
        action: 'shortlist.confirm',
        entity: 'programme',
        entityId: p.id,
        orgId: org.id,
        details: { selected: [...chosen], candidates: candidates.map((c) => c.id), seats: free },
      },
      trx,
    );
    return { orgId: org.id, seats: free, ruleId: SHORTLIST_RULE_ID, results };
  });
}
