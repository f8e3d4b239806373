/** Indicator systems per 学段 × 学科 (R-002-11): read an org's systems, save one. */
import type { IndicatorSystem, IndicatorSystemRequest } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import type { ExamsContext } from '../context';
import { accessTo, managedOrg } from '../exam-access';

export async function listIndicators(
  ctx: ExamsContext,
  actor: Actor,
  ownerOrgId: string,
): Promise<IndicatorSystem[]> {
  if (!isId(ownerOrgId)) throw notFound('单位');
  const org = await ctx.repo.findOrg(ownerOrgId);
  if (!org) throw notFound('单位');
  accessTo(actor, org.path, '单位');
  return (await ctx.repo.listIndicators(org.id)).map((r) => {
    const indicators = r.indicators as IndicatorSystem['indicators'];
    return {
      id: r.id,
      ownerOrgId: r.owner_org_id,
      stage: r.stage,
      subject: r.subject,
      indicators,
      weightTotal: indicators.reduce((a, i) => a + i.weight, 0),
      updatedAt: r.updated_at.toISOString(),
    };
  });
}

export async function putIndicators(
  ctx: ExamsContext,
  actor: Actor,
  req: IndicatorSystemRequest,
): Promise<IndicatorSystem[]> {
  const org = await managedOrg(ctx, actor, req.ownerOrgId);
  const names = req.indicators.map((i) => i.name);
  if (new Set(names).size !== names.length)
    throw new AppError('VALIDATION_FAILED', '指标名称不能重复', { field: 'indicators' });
  await ctx.repo.upsertIndicators({
    ownerOrgId: org.id,
    ownerPath: org.path,
    stage: req.stage,
    subject: req.subject,
    indicators: req.indicators,
    updatedBy: actor.accountId,
  });
  await ctx.audit.record(actor, {
    action: 'exam_indicators.put',
    entity: 'exam_indicator_system',
    orgId: org.id,
    details: { stage: req.stage, subject: req.subject, count: req.indicators.length },
  });
  return listIndicators(ctx, actor, org.id);
}
