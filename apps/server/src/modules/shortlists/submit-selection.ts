import type { ShortlistSelection } from '@yanxun/contracts';
import { checkShortlist, SHORTLIST_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { requirePermission } from '../../shared/permissions';
import { apply } from './apply-selection';
import type { ShortlistsContext } from './context';
import { closedError, load, problemsError, requireBeforeDeadline, requireProvider } from './selection-access';
import { tally, view } from './selection-view';

/**
 * Submit the selection: every candidate decided, within the places. With the owner-confirms setting on, it
 * waits for the owner; otherwise it applies at once. Submitting twice is refused.
 */
export async function submit(
  ctx: ShortlistsContext,
  actor: Actor,
  programmeId: string,
): Promise<ShortlistSelection> {
  requirePermission(actor, 'shortlist.select');
  const l = await load(ctx, actor, programmeId);
  requireProvider(l);
  requireBeforeDeadline(ctx, l, 'submit_result');
  const ownerConfirms = l.rules.ownerConfirms.value;
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.ensureSelection(l.programme.id, l.provider, trx);
    if (!(await ctx.repo.lockOpen(l.programme.id, trx))) {
      throw closedError(await ctx.repo.findSelection(l.programme.id, trx), 'submit');
    }
    const rows = await ctx.repo.candidates(l.programme.id, trx);
    const t = tally(l, await ctx.repo.quotas(l.programme.id, trx), rows);
    const problems = checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'submit');
    if (problems.length > 0) throw problemsError(problems);
    await ctx.repo.setSubmitted(l.programme.id, ownerConfirms, actor.accountId, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'shortlist.submit',
        entity: 'programme',
        entityId: l.programme.id,
        orgId: l.provider.id,
        details: {
          ruleId: SHORTLIST_RULE_ID,
          ownerConfirms,
          selected: t.selected,
          totalPlaces: t.totalPlaces,
          nodes: t.nodes.map((n) => ({ orgId: n.orgId, places: n.places, selected: n.selected })),
        },
      },
      trx,
    );
    if (!ownerConfirms) {
      await apply(ctx, actor, l, actor.accountId, trx);
      await ctx.repo.setDecided(l.programme.id, 'confirmed', actor.accountId, null, trx);
    } else {
      // the owner's office confirms or returns it
      await ctx.notifications.notifyOrg(
        { orgId: l.programme.ownerOrgId, permission: 'shortlist.review' },
        {
          kind: 'shortlist.submitted',
          title: `差额遴选结果待确认：${l.programme.title}`,
          body: `${l.provider.name}提交了"${l.programme.title}"的遴选结果（入选 ${t.selected} 人，名额 ${t.totalPlaces} 个），请确认或退回。`,
          entity: 'shortlist',
          entityId: l.programme.id,
        },
        trx,
      );
    }
  });
  return view(ctx, l);
}
