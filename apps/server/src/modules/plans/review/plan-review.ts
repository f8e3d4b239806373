/** The office owning the programme reviews a submitted plan: returns it with comments, or approves it. */
import type { PlanDetail, ReviewPlanRequest } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { getPlan } from '../applications/plan-views';
import type { PlansContext } from '../context';
import { loadPlan } from '../plan-access';

/** Return a submitted plan with comments; the provider edits it into a new version and resubmits. */
export async function returnPlan(
  ctx: PlansContext,
  actor: Actor,
  id: string,
  req: ReviewPlanRequest,
): Promise<PlanDetail> {
  const l = await loadPlan(ctx, actor, id, 'review');
  const comment = (req.comment ?? '').trim();
  if (comment === '') {
    throw new AppError('VALIDATION_FAILED', '退回须写明修改意见', {
      issues: [{ path: '/comment', message: '请填写修改意见' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await ctx.repo.lockPlan(l.plan.id, trx);
    if (!plan) throw notFound('培训方案');
    if (plan.status !== 'submitted') {
      throw new AppError('CONFLICT', '只有已提交待审核的方案可以退回', { status: plan.status });
    }
    await ctx.repo.markReviewed(plan.id, plan.current_version, 'returned', comment, actor.accountId, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'plan.return',
        entity: 'plan',
        entityId: plan.id,
        orgId: l.programme.ownerOrgId,
        details: { version: plan.current_version, comment },
      },
      trx,
    );
    await ctx.notifications.notifyOrg(
      { orgId: plan.provider_org_id, permission: 'plan.submit' },
      {
        kind: 'plan.returned',
        title: `培训方案被退回：${l.programme.title}`,
        body: `${l.programme.ownerOrgName}退回了"${l.programme.title}"的培训方案（第 ${plan.current_version} 版），修改意见：${comment}`,
        entity: 'plan',
        entityId: plan.id,
      },
      trx,
    );
  });
  return getPlan(ctx, actor, id);
}

/** Approve a submitted plan: its provider becomes the programme's approved provider (one per programme). */
export async function approvePlan(
  ctx: PlansContext,
  actor: Actor,
  id: string,
  req: ReviewPlanRequest,
): Promise<PlanDetail> {
  const l = await loadPlan(ctx, actor, id, 'review');
  const comment = (req.comment ?? '').trim() || null;
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await ctx.repo.lockPlan(l.plan.id, trx);
    if (!plan) throw notFound('培训方案');
    if (plan.status !== 'submitted') {
      throw new AppError('CONFLICT', '只有已提交待审核的方案可以批准', { status: plan.status });
    }
    const ok = await ctx.repo.insertApprovedProvider(
      {
        programmeId: plan.programme_id,
        providerOrgId: plan.provider_org_id,
        planId: plan.id,
        approvedBy: actor.accountId,
      },
      trx,
    );
    if (!ok) {
      const other = await ctx.repo.approvedProvider(plan.programme_id, trx);
      throw new AppError('CONFLICT', `该项目已批准承训机构"${other?.provider_name ?? ''}"`);
    }
    await ctx.repo.markReviewed(plan.id, plan.current_version, 'approved', comment, actor.accountId, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'plan.approve',
        entity: 'plan',
        entityId: plan.id,
        orgId: l.programme.ownerOrgId,
        details: { version: plan.current_version, providerOrgId: plan.provider_org_id, comment },
      },
      trx,
    );
    await ctx.notifications.notifyOrg(
      { orgId: plan.provider_org_id, permission: 'plan.submit' },
      {
        kind: 'plan.approved',
        title: `培训方案已批准：${l.programme.title}`,
        body: `${l.programme.ownerOrgName}批准了"${l.programme.title}"的培训方案（第 ${plan.current_version} 版），贵单位为该项目的承训机构。${comment ? `意见：${comment}` : ''}`,
        entity: 'plan',
        entityId: plan.id,
      },
      trx,
    );
  });
  return getPlan(ctx, actor, id);
}
