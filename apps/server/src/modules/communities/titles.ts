/**
 * A community's title by year: a workshop's 优秀工作坊 (R3-W15: its members may be offered for backbone
 * recommendation, backbone.ts) and a studio's 优秀工作室 (R3-G18). The bureau records or withdraws one by hand
 * (`recordTitle`, community.title, source 'bureau'); the annual selection records and, when a certificate of
 * honour is revoked, removes it through the same use case with source 'selection'.
 */
import type { CommunityDetail, CommunityTitle, TitleInput } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { loadCommunity, todayOf } from './community-access';
import type { CommunitiesContext } from './context';
import { detailOf } from './registry';
import { titleOfKind } from './title-kinds';

/**
 * Record (or withdraw) a community's title of a year (its kind's: 优秀工作坊 or 优秀工作室), a year not after this
 * one. Audited as `community.title` with whether anything changed: a selection's withdrawal leaves a title the
 * bureau recorded by hand, and a selection's record leaves it the bureau's.
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
  const kind = titleOfKind(c.kind);
  const thisYear = Number(todayOf(ctx).slice(0, 4));
  if (req.year > thisYear)
    throw new AppError('VALIDATION_FAILED', `称号年度 ${req.year} 晚于今年`, {
      field: 'year',
      max: thisYear,
    });
  await ctx.db.transaction().execute(async (trx) => {
    const changed = await ctx.repo.setTitle(
      {
        county_id: c.county_id,
        community_id: c.id,
        year: req.year,
        title: kind.title,
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
        details: {
          year: req.year,
          title: kind.title,
          awarded: req.awarded,
          source,
          changed: changed > 0,
          ruleId: kind.ruleId,
        },
      },
      trx,
    );
  });
  return detailOf(ctx, actor, c);
}
