/** Browsing the org tree: the actor's roots, a node with its ancestors, a node's children. */
import type { OrgDetail, OrgNode } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { can, requirePermission } from '../../../shared/permissions';
import type { OrgContext } from '../context';
import { ancestorIds, loadVisible, toOrgNode, withCounts } from '../org-access';

/** The nodes the actor's grants sit on: the tops of what they may browse. */
export async function roots(ctx: OrgContext, actor: Actor): Promise<OrgNode[]> {
  requirePermission(actor, 'org.read');
  const ids = [...new Set(actor.grants.map((g) => g.orgId))];
  const rows = (await ctx.repo.findByIds(ids)).filter((r) => can(actor, 'org.read', r.path));
  const tops = rows.filter((r) => !rows.some((o) => o.id !== r.id && r.path.startsWith(o.path)));
  return withCounts(ctx, tops);
}

export async function detail(ctx: OrgContext, actor: Actor, id: string): Promise<OrgDetail> {
  const row = await loadVisible(ctx, actor, id);
  const ancestors = await ctx.repo.findByIds(ancestorIds(row.path).filter((a) => a !== row.id));
  const [node] = await withCounts(ctx, [row]);
  if (!node) throw notFound('机构');
  return { node, ancestors: ancestors.map((a) => toOrgNode(a)) };
}

export async function children(ctx: OrgContext, actor: Actor, id: string): Promise<OrgNode[]> {
  const row = await loadVisible(ctx, actor, id);
  return withCounts(ctx, await ctx.repo.childrenOf(row.id));
}
