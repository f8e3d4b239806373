import type { QuotaTree } from '@yanxun/contracts';
import { rollUpQuotas } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { scopeOf } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme } from '../programme-access';
import type { ProgrammeRow } from '../programmes/programmes.repository';

/**
 * The quota nodes of a programme inside the actor's scope, with what each has passed on, used and waitlisted, at
 * its own level and rolled up over its subtree (R-004-17: a parent's 已推荐 is what its schools use).
 */
export async function quotaTree(ctx: ProgramsContext, actor: Actor, p: ProgrammeRow): Promise<QuotaTree> {
  const rows = await ctx.repo.quotaNodes(p.id, scopeOf(actor, 'program.read'));
  const subtree = rollUpQuotas(
    rows.map((r) => ({
      orgId: r.org_id,
      parentOrgId: r.parent_org_id,
      seats: r.seats,
      allocated: r.allocated,
      used: r.used,
      waitlisted: Number(r.waitlisted),
    })),
  );
  return {
    programmeId: p.id,
    nodes: rows.map((r) => {
      // every node is in the roll-up; a node counts itself
      const sub = subtree.get(r.org_id) ?? { used: 0, unused: 0, waitlisted: 0 };
      return {
        orgId: r.org_id,
        orgName: r.org_name,
        orgKind: r.org_kind,
        parentOrgId: r.parent_org_id,
        seats: r.seats,
        ruralSeats: r.rural_seats,
        allocated: r.allocated,
        used: r.used,
        unused: r.seats - r.allocated - r.used,
        waitlisted: Number(r.waitlisted),
        usedInSubtree: sub.used,
        unusedInSubtree: sub.unused,
        waitlistedInSubtree: sub.waitlisted,
      };
    }),
  };
}

export async function quotas(ctx: ProgramsContext, actor: Actor, id: string): Promise<QuotaTree> {
  return quotaTree(ctx, actor, await loadProgramme(ctx, actor, id));
}
