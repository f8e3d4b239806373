import type { PolicyPack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { packOf } from '../programme-access';
import type { ProgrammeRow } from './programmes.repository';

/** What other modules see of a programme. */
export interface ProgrammeRef {
  id: string;
  title: string;
  packId: string;
  projectTypeCode: string;
  trackCode: string;
  level: string;
  year: number;
  ownerOrgId: string;
  ownerOrgName: string;
  ownerPath: string;
  startDate: string;
  endDate: string;
  totalSeats: number;
  /** shortlist: the trainee selection deadline (R-004-18). */
  selectionDeadline: string;
}

function toRef(r: ProgrammeRow): ProgrammeRef {
  return {
    id: r.id,
    title: r.title,
    packId: r.pack_id,
    projectTypeCode: r.project_type_code,
    trackCode: r.track_code,
    level: r.level,
    year: r.year,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: r.owner_name,
    ownerPath: r.owner_path,
    startDate: r.start_date,
    endDate: r.end_date,
    totalSeats: r.total_seats,
    selectionDeadline: r.selection_deadline,
  };
}

// For other modules (plans, outcomes, reports, shortlists): no actor, or only the actor's scope; callers authorize.

/** A programme and its pack, for a module that authorizes on its own (plans); undefined when unknown. */
export async function programmeWithPack(
  ctx: ProgramsContext,
  id: string,
): Promise<{ programme: ProgrammeRef; pack: PolicyPack } | undefined> {
  const row = isId(id) ? await ctx.repo.findProgramme(id) : undefined;
  if (!row) return undefined;
  return { programme: toRef(row), pack: await packOf(ctx, row) };
}

/**
 * every programme the actor may read (owned in the actor's program.read subtrees or on their
 * ancestor chain, as the programme list), with its pack (each pack read once) and the actor's roots.
 * For the training overview; at most `limit`, newest first.
 */
export async function programmesInScope(
  ctx: ProgramsContext,
  actor: Actor,
  limit = 2000,
): Promise<{ roots: string[]; items: Array<{ programme: ProgrammeRef; pack: PolicyPack }> }> {
  const roots = requirePermission(actor, 'program.read');
  const { rows } = await ctx.repo.listProgrammes({ roots, offset: 0, limit });
  const packs = new Map<string, PolicyPack>();
  const items: Array<{ programme: ProgrammeRef; pack: PolicyPack }> = [];
  for (const r of rows) {
    let pack = packs.get(r.pack_id);
    if (!pack) {
      pack = await packOf(ctx, r);
      packs.set(r.pack_id, pack);
    }
    items.push({ programme: toRef(r), pack });
  }
  return { roots, items };
}

/**
 * Programmes owned on the ancestor chain of `path` (and in its subtree): those a provider registered
 * under a bureau may apply to. Newest first, at most `limit`.
 */
export async function programmesAround(
  ctx: ProgramsContext,
  path: string,
  limit = 500,
): Promise<Array<{ programme: ProgrammeRef; pack: PolicyPack }>> {
  const { rows } = await ctx.repo.listProgrammes({ roots: [path], offset: 0, limit });
  const packs = new Map<string, PolicyPack>();
  const out: Array<{ programme: ProgrammeRef; pack: PolicyPack }> = [];
  for (const r of rows) {
    let pack = packs.get(r.pack_id);
    if (!pack) {
      pack = await packOf(ctx, r);
      packs.set(r.pack_id, pack);
    }
    out.push({ programme: toRef(r), pack });
  }
  return out;
}
