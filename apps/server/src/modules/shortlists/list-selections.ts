import type { ShortlistSelection, ShortlistSummary } from '@yanxun/contracts';
import { shortlistRulesOf } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { forbidden } from '../../shared/app-error';
import { scopeOf } from '../../shared/permissions';
import type { ShortlistsContext } from './context';
import { load } from './selection-access';
import { type Status, view } from './selection-view';

/** Competitive programmes the actor selects for (provider) or reviews (owner), with their state. */
export async function list(ctx: ShortlistsContext, actor: Actor): Promise<ShortlistSummary[]> {
  const providerRoots = scopeOf(actor, 'shortlist.select');
  const ownerRoots = scopeOf(actor, 'shortlist.review');
  if (providerRoots.length === 0 && ownerRoots.length === 0) throw forbidden('您的角色无权查看差额遴选');
  const rows = await ctx.repo.summaries({ providerRoots, ownerRoots });
  const out: ShortlistSummary[] = [];
  for (const r of rows) {
    const pp = await ctx.programmes.programmeWithPack(r.programme_id);
    if (!pp || !shortlistRulesOf(pp.pack, pp.programme.projectTypeCode)) continue;
    out.push({
      programmeId: r.programme_id,
      programmeTitle: r.title,
      ownerOrgName: r.owner_name,
      providerName: r.provider_name,
      selectionDeadline: r.selection_deadline,
      status: (r.status ?? 'open') as Status,
      totalSeats: r.total_seats,
      candidates: Number(r.candidates),
      selected: Number(r.selected),
      submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
    });
  }
  return out;
}

/** One programme's selection. */
export async function get(
  ctx: ShortlistsContext,
  actor: Actor,
  programmeId: string,
): Promise<ShortlistSelection> {
  return view(ctx, await load(ctx, actor, programmeId));
}
