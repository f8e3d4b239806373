import type { PullBackRequest, QuotaTree } from '@yanxun/contracts';
import { quotaReason } from '@yanxun/contracts';
import { QUOTA_RULE_ID, SELECTION_DEADLINE_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { can, requirePermission } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { regionKeyOf } from '../../org';
import type { ProgramsContext } from '../context';
import { loadProgramme, loadQuota, quotaKey } from '../programme-access';
import { quotaTree } from './quota-tree';

/** Selection deadline (R-004-18): after it, unused seats can no longer be pulled back. */

/** The parent takes back a child's unused seats, until the selection deadline (Asia/Shanghai) has passed. */
export async function pullBack(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  orgId: string,
  req: PullBackRequest,
): Promise<QuotaTree> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'quota.allocate');
  const { org, quota } = await loadQuota(ctx, actor, 'program.read', p, orgId);
  if (quota.parent_org_id === null)
    throw new AppError(
      'VALIDATION_FAILED',
      '项目主办单位的名额没有上级可收回',
      quotaReason('QUOTA.NO_PARENT'),
    );
  const parentOrg = await ctx.repo.findOrg(quota.parent_org_id);
  if (!parentOrg || !can(actor, 'quota.allocate', parentOrg.path)) {
    throw new AppError(
      'FORBIDDEN',
      '只有下达名额的上级单位可以收回名额',
      quotaReason('QUOTA.PULLBACK_PARENT_ONLY'),
    );
  }
  const today = dateOf(ctx.now());
  if (today > p.selection_deadline) {
    throw new AppError('VALIDATION_FAILED', `遴选已于 ${p.selection_deadline} 截止，不能再收回名额`, {
      ruleId: SELECTION_DEADLINE_RULE_ID,
      selectionDeadline: p.selection_deadline,
      today,
      ...quotaReason('QUOTA.PULLBACK_CLOSED', { deadline: p.selection_deadline }),
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const parent = await ctx.repo.lockQuota(
      { regionId: regionKeyOf(parentOrg), programmeId: p.id, orgId: parentOrg.id },
      trx,
    );
    const child = await ctx.repo.lockQuota(quotaKey(quota), trx);
    if (!parent || !child) throw notFound('该单位的本项目名额');
    const unused = child.seats - child.allocated - child.used;
    const n = req.seats ?? unused;
    if (n === 0 || n > unused) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${org.name}只有 ${unused} 个未使用名额（名额 ${child.seats}，已下达 ${child.allocated}，已推荐 ${child.used}），不能收回 ${n} 个`,
        {
          ruleId: QUOTA_RULE_ID,
          seats: child.seats,
          allocated: child.allocated,
          used: child.used,
          requested: n,
          ...quotaReason('QUOTA.PULLBACK_UNUSED', {
            org: org.name,
            unused,
            seats: child.seats,
            allocated: child.allocated,
            used: child.used,
            requested: n,
          }),
        },
      );
    }
    await ctx.repo.setQuotaSeats(
      quotaKey(child),
      child.seats - n,
      Math.min(child.rural_seats, child.seats - n),
      trx,
    );
    await ctx.repo.setAllocated(quotaKey(parent), parent.allocated - n, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'quota.pull_back',
        entity: 'programme',
        entityId: p.id,
        orgId: org.id,
        details: { seats: n, from: child.seats, to: child.seats - n },
      },
      trx,
    );
  });
  return quotaTree(ctx, actor, p);
}
