import type { ShortlistReturnRequest, ShortlistSelection } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import { SHORTLIST_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { apply } from './apply-selection';
import type { ShortlistsContext } from './context';
import { load, requireOwner } from './selection-access';
import { view } from './selection-view';

/** The owner confirms a submitted selection: it applies (seats, outcomes, notifications). */
export async function confirm(
  ctx: ShortlistsContext,
  actor: Actor,
  programmeId: string,
): Promise<ShortlistSelection> {
  requirePermission(actor, 'shortlist.review');
  const l = await load(ctx, actor, programmeId);
  requireOwner(l);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repo.lockSubmitted(l.programme.id, trx))) {
      const sel = await ctx.repo.findSelection(l.programme.id, trx);
      throw new AppError(
        'CONFLICT',
        sel?.status === 'confirmed' ? `遴选结果已确认` : `承训机构尚未提交遴选结果，无可确认`,
        {
          ruleId: SHORTLIST_RULE_ID,
          status: sel?.status ?? 'open',
          ...quotaReason(
            sel?.status === 'confirmed' ? 'SHORTLIST.ALREADY_CONFIRMED' : 'SHORTLIST.NOT_SUBMITTED',
          ),
        },
      );
    }
    const sel = await ctx.repo.findSelection(l.programme.id, trx);
    await apply(ctx, actor, l, sel?.submitted_by ?? null, trx);
    await ctx.repo.setDecided(l.programme.id, 'confirmed', actor.accountId, null, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'shortlist.confirm',
        entity: 'programme',
        entityId: l.programme.id,
        orgId: l.programme.ownerOrgId,
        details: { ruleId: SHORTLIST_RULE_ID, round: sel?.round ?? null },
      },
      trx,
    );
    await ctx.notifications.notifyOrg(
      { orgId: l.provider.id, permission: 'shortlist.select' },
      {
        kind: 'shortlist.confirmed',
        title: `遴选结果已确认：${l.programme.title}`,
        body: `${l.programme.ownerOrgName}确认了"${l.programme.title}"的遴选结果，入选学员已取得名额。`,
        entity: 'shortlist',
        entityId: l.programme.id,
      },
      trx,
    );
  });
  return view(ctx, l);
}

/** The owner returns a submitted selection with a comment; the provider edits and submits again. */
export async function returnSelection(
  ctx: ShortlistsContext,
  actor: Actor,
  programmeId: string,
  req: ShortlistReturnRequest,
): Promise<ShortlistSelection> {
  requirePermission(actor, 'shortlist.review');
  const l = await load(ctx, actor, programmeId);
  requireOwner(l);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await ctx.repo.lockSubmitted(l.programme.id, trx))) {
      const sel = await ctx.repo.findSelection(l.programme.id, trx);
      throw new AppError(
        'CONFLICT',
        sel?.status === 'confirmed' ? `遴选结果已确认，不能退回` : `承训机构尚未提交遴选结果，无可退回`,
        {
          ruleId: SHORTLIST_RULE_ID,
          status: sel?.status ?? 'open',
          ...quotaReason(
            sel?.status === 'confirmed' ? 'SHORTLIST.CONFIRMED_NO_RETURN' : 'SHORTLIST.NOT_SUBMITTED_RETURN',
          ),
        },
      );
    }
    await ctx.repo.setDecided(l.programme.id, 'returned', actor.accountId, req.comment, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'shortlist.return',
        entity: 'programme',
        entityId: l.programme.id,
        orgId: l.programme.ownerOrgId,
        details: { ruleId: SHORTLIST_RULE_ID, comment: req.comment },
      },
      trx,
    );
    await ctx.notifications.notifyOrg(
      { orgId: l.provider.id, permission: 'shortlist.select' },
      {
        kind: 'shortlist.returned',
        title: `遴选结果被退回：${l.programme.title}`,
        body: `${l.programme.ownerOrgName}退回了"${l.programme.title}"的遴选结果，意见：${req.comment}。请修改后重新提交。`,
        entity: 'shortlist',
        entityId: l.programme.id,
      },
      trx,
    );
  });
  return view(ctx, l);
}
