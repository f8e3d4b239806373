/** The provider's open programmes and the plans an actor sees (their provider's, and those their office reviews). */
import type { OpenProgramme, PlanListQuery, PlanStatus, PlanSummary } from '@yanxun/contracts';
import { findProjectType, type PolicyPack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { forbidden } from '../../../shared/app-error';
import { requirePermission, scopeOf } from '../../../shared/permissions';
import type { ProgrammeRef } from '../../programs';
import type { PlansContext } from '../context';
import { programmeOr404, providerGrants } from '../plan-access';
import type { PlanRow } from '../plans.repository';
import { toSummary } from './plan-views';

/** Programmes the actor's provider orgs may apply to (owned by a bureau above them), with their own plan. */
export async function openProgrammes(ctx: PlansContext, actor: Actor): Promise<OpenProgramme[]> {
  requirePermission(actor, 'plan.submit');
  const out: OpenProgramme[] = [];
  const seen = new Set<string>();
  for (const g of providerGrants(actor)) {
    for (const { programme, pack } of await ctx.programs.programmesAround(g.orgPath)) {
      if (!g.orgPath.startsWith(programme.ownerPath) || seen.has(programme.id)) continue;
      seen.add(programme.id);
      const type = findProjectType(pack, programme.projectTypeCode);
      const mine = await ctx.repo.findPlanFor(programme.id, g.orgId);
      const approved = await ctx.repo.approvedProvider(programme.id);
      out.push({
        id: programme.id,
        title: programme.title,
        projectTypeName: type?.name ?? programme.projectTypeCode,
        level: programme.level,
        year: programme.year,
        ownerOrgName: programme.ownerOrgName,
        startDate: programme.startDate,
        endDate: programme.endDate,
        totalSeats: programme.totalSeats,
        deadline: pack.deadlines.applicationDue.value,
        planId: mine?.id ?? null,
        planStatus: (mine?.status as PlanStatus | undefined) ?? null,
        approvedProviderName: approved?.provider_name ?? null,
      });
    }
  }
  return out;
}

/** Plans the actor sees: their provider's own, and those of programmes their office reviews. */
export async function listPlans(
  ctx: PlansContext,
  actor: Actor,
  query: PlanListQuery,
): Promise<PlanSummary[]> {
  const providerRoots = scopeOf(actor, 'plan.submit');
  const reviewRoots = scopeOf(actor, 'plan.review');
  if (providerRoots.length === 0 && reviewRoots.length === 0) throw forbidden('您的角色无权查看培训方案');
  const programmes = new Map<string, { programme: ProgrammeRef; pack: PolicyPack }>();
  const reviewed: string[] = [];
  for (const root of reviewRoots) {
    for (const p of await ctx.programs.programmesAround(root)) {
      if (!p.programme.ownerPath.startsWith(root)) continue;
      programmes.set(p.programme.id, p);
      reviewed.push(p.programme.id);
    }
  }
  const rows = new Map<string, PlanRow>();
  const add = (list: PlanRow[]) => {
    for (const r of list) rows.set(r.id, r);
  };
  if (providerRoots.length) add(await ctx.repo.listPlans({ providerRoots, status: query.status }));
  if (reviewed.length) add(await ctx.repo.listPlans({ programmeIds: reviewed, status: query.status }));
  const out: PlanSummary[] = [];
  for (const plan of rows.values()) {
    if (query.programmeId && plan.programme_id !== query.programmeId) continue;
    let p = programmes.get(plan.programme_id);
    if (!p) {
      p = await programmeOr404(ctx, plan.programme_id);
      programmes.set(plan.programme_id, p);
    }
    const current = await ctx.repo.version(plan.id, plan.current_version);
    out.push(toSummary(actor, { plan, ...p }, current?.submitted_at ?? null));
  }
  return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || Number(b.id) - Number(a.id));
}
