import type { QuotaTree } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { scopeOf } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme } from '../programme-access';
import type { ProgrammeRow } from '../programmes/programmes.repository';

/** The quota nodes of a programme inside the actor's scope, with what each has passed on, used and waitlisted. */
export async function quotaTree(ctx: ProgramsContext, actor: Actor, p: ProgrammeRow): Promise<QuotaTree> {
  const rows = await ctx.repo.quotaNodes(p.id, scopeOf(actor, 'program.read'));
  return {
    programmeId: p.id,
    nodes: rows.map((r) => ({
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
    })),
  };
}

export async function quotas(ctx: ProgramsContext, actor: Actor, id: string): Promise<QuotaTree> {
  return quotaTree(ctx, actor, await loadProgramme(ctx, actor, id));
}
