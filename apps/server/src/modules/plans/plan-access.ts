/** Who acts on a plan and loading one for an actor: shared by every area of the module. */
import type { PolicyPack } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, type Permission, scopeOf } from '../../shared/permissions';
import type { ProgrammeRef } from '../programs';
import type { PlansContext } from './context';
import type { PlanRow } from './plans.repository';

/** A plan with its programme and the programme's pack. */
export interface LoadedPlan {
  plan: PlanRow;
  programme: ProgrammeRef;
  pack: PolicyPack;
}

/** `path` is inside or above the actor's scope for `permission` (a county sees its province's programmes). */
export function related(actor: Actor, permission: Permission, path: string): boolean {
  return scopeOf(actor, permission).some((root) => root.startsWith(path) || path.startsWith(root));
}

export const isProvider = (actor: Actor, plan: PlanRow) => can(actor, 'plan.submit', plan.provider_path);
export const isReviewer = (actor: Actor, programme: ProgrammeRef) =>
  can(actor, 'plan.review', programme.ownerPath);

/** The plan.submit grants of the actor: the provider orgs they work for. */
export function providerGrants(actor: Actor) {
  return actor.grants.filter((g) => g.role === 'provider_staff' && can(actor, 'plan.submit', g.orgPath));
}

export async function programmeOr404(
  ctx: PlansContext,
  id: string,
): Promise<{ programme: ProgrammeRef; pack: PolicyPack }> {
  const found = await ctx.programs.programmeWithPack(id);
  if (!found) throw notFound('培训项目');
  return found;
}

/**
 * A plan the actor may act on: `read` (its provider or the programme's reviewer), `edit` (its provider), or
 * `review` (the office owning the programme). 403 when the actor can see it but not do this; 404 otherwise.
 */
export async function loadPlan(
  ctx: PlansContext,
  actor: Actor,
  id: string,
  need: 'read' | 'edit' | 'review',
): Promise<LoadedPlan> {
  if (scopeOf(actor, 'plan.submit').length === 0 && scopeOf(actor, 'plan.review').length === 0) {
    throw forbidden('您的角色无权查看培训方案');
  }
  const plan = isId(id) ? await ctx.repo.findPlan(id) : undefined;
  if (!plan) throw notFound('培训方案');
  const { programme, pack } = await programmeOr404(ctx, plan.programme_id);
  const provider = isProvider(actor, plan);
  const reviewer = isReviewer(actor, programme);
  const visible = provider || reviewer;
  const allowed = need === 'read' ? visible : need === 'edit' ? provider : reviewer;
  if (!allowed) {
    if (visible || (need === 'review' && related(actor, 'program.read', programme.ownerPath))) {
      throw forbidden(
        need === 'review' ? '该项目不由您的单位组织，不能审核其培训方案' : '只有承训机构可以修改方案',
      );
    }
    throw notFound('培训方案');
  }
  return { plan, programme, pack };
}
