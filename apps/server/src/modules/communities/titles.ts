/**
 * R3-W15: a workshop's 优秀工作坊 title by year and the members it offers for backbone recommendation. The title is
 * recorded by the bureau now (`recordTitle`, community.title); issue 14's annual selection (R3-G18) will record it
 * through the same use case with source 'selection'. The candidates are core's `backboneCandidates`: the members who
 * completed a registration cycle (R3-W14's two school years) of a workshop titled in a year of that cycle.
 */
import type { CommunityDetail, CommunityTitle, TitleInput } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { loadCommunity, todayOf } from './community-access';
import type { CommunitiesContext } from './context';
import { detailOf } from './registry';

/**
 * Record (or withdraw) a workshop's 优秀工作坊 title of a year: a workshop only, a year not after this one. Audited
 * as `community.title`. `source` is 'bureau' from the page; the annual selection passes 'selection'.
 */
export async function recordTitle(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  req: TitleInput,
  source: CommunityTitle['source'] = 'bureau',
): Promise<CommunityDetail> {
  requirePermission(actor, 'community.title');
  const c = await loadCommunity(ctx, actor, id);
  requirePermission(actor, 'community.title', c.org_path);
  if (c.kind !== 'workshop')
    throw new AppError('VALIDATION_FAILED', '优秀工作坊称号只授予教师工作坊', { ruleId: 'R3-W15' });
  const thisYear = Number(todayOf(ctx).slice(0, 4));
  if (req.year > thisYear)
    throw new AppError('VALIDATION_FAILED', `称号年度 ${req.year} 晚于今年`, {
      field: 'year',
      max: thisYear,
    });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.setTitle(
      {
        county_id: c.county_id,
        community_id: c.id,
        year: req.year,
        source,
        recorded_by: actor.accountId,
        recorded_at: ctx.now(),
      },
      req.awarded,
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.title',
        entity: 'community',
        entityId: c.id,
        orgId: c.host_org_id,
        details: { year: req.year, awarded: req.awarded, source, ruleId: 'R3-W15' },
      },
      trx,
    );
  });
  return detailOf(ctx, actor, c);
}
