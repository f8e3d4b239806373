/**
 * The monthly dynamic review (R3-G17): per studio and workshop hosted in the actor's scope (or under `orgId`), the
 * month's sessions planned and activities held, attendance, outputs (activities with a record) and teachers led,
 * with core's `monthlyReview` findings and the 进修学校's feedback. One aggregate statement over this module's own
 * tables; host unit names in one look-up.
 */
import type { CommunityKindCode, CommunityReview, FeedbackInput, ReviewQuery } from '@yanxun/contracts';
import { type CommunityLevel, DEFAULT_COMMUNITY_RULES, monthlyReview } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { requirePermission, scopeOf } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import { findingBody, loadCommunity, todayOf } from './community-access';
import type { CommunitiesContext } from './context';

function monthRange(month: string): [string, string] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

export async function reviewMonth(
  ctx: CommunitiesContext,
  actor: Actor,
  query: ReviewQuery,
): Promise<CommunityReview> {
  let roots = requirePermission(actor, 'community.read');
  if (query.orgId) {
    const org = orgForAction(actor, 'community.read', await ctx.orgs.findById(query.orgId), '单位');
    // the org itself when it is inside the scope, else the scope's roots under it
    roots = roots.some((r) => org.path.startsWith(r))
      ? [org.path]
      : roots.filter((r) => r.startsWith(org.path));
  }
  const [from, to] = monthRange(query.month);
  const rows = await ctx.repo.reviewCounts(roots, from, to);
  const orgs = new Map(
    (await ctx.orgs.findByIds([...new Set(rows.map((r) => r.host_org_id))])).map((o) => [o.id, o.name]),
  );
  // each community by the rules in force for its own host unit (a county's own pack for its communities)
  const rulesAt = await ctx.rules.communityRulesAt(
    rows.map((r) => r.org_path),
    todayOf(ctx),
  );
  const reviewers = scopeOf(actor, 'community.review');
  return {
    month: query.month,
    canFeedback: reviewers.length > 0,
    rows: rows.map((r) => {
      const review = monthlyReview(
        {
          month: query.month,
          planned: r.planned,
          held: r.held,
          expectedAttendances: r.expected,
          attendances: r.attended,
          outputs: r.outputs,
          membersLed: r.led,
        },
        rulesAt.get(r.org_path) ?? DEFAULT_COMMUNITY_RULES,
      );
      return {
        communityId: r.id,
        name: r.name,
        kind: r.kind as CommunityKindCode,
        level: r.level as CommunityLevel,
        hostOrgName: orgs.get(r.host_org_id) ?? '',
        planned: r.planned,
        held: r.held,
        expectedAttendances: r.expected,
        attendances: r.attended,
        attendanceRate: review.attendanceRate,
        outputs: r.outputs,
        membersLed: r.led,
        findings: review.findings.map(findingBody),
        feedback: r.feedback,
      };
    }),
  };
}

/** A 进修学校 (or bureau) records its feedback on a community's month; recorded again, it replaces. Audited. */
export async function recordFeedback(
  ctx: CommunitiesContext,
  actor: Actor,
  id: string,
  req: FeedbackInput,
): Promise<{ month: string; feedback: string }> {
  requirePermission(actor, 'community.review');
  const c = await loadCommunity(ctx, actor, id);
  requirePermission(actor, 'community.review', c.org_path);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.upsertFeedback(
      {
        countyId: c.county_id,
        communityId: c.id,
        month: req.month,
        feedback: req.feedback,
        by: actor.accountId,
        at: ctx.now(),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'community.review',
        entity: 'community',
        entityId: c.id,
        orgId: c.host_org_id,
        details: { month: req.month },
      },
      trx,
    );
  });
  return { month: req.month, feedback: req.feedback };
}
