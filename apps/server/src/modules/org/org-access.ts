/** Loading an org node the actor may see, and turning rows into the API's nodes; shared by the areas. */
import type { OrgKind, OrgNode } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import type { OrgContext } from './context';
import type { OrgCounts, OrgRow } from './org-rows';

export function toOrgNode(row: OrgRow, counts?: OrgCounts): OrgNode {
  const node: OrgNode = {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as OrgKind,
    code: row.code,
    name: row.name,
    depth: row.depth,
  };
  if (row.kind === 'school') {
    node.stages = row.stages;
    node.schoolType = row.school_type;
    node.locationType = row.location_type as OrgNode['locationType'];
    node.groupName = row.group_name;
  }
  if (counts) {
    node.teacherCount = counts.teacher_count;
    node.schoolCount = counts.school_count;
    node.childCount = counts.child_count;
  }
  return node;
}

/** The ids on a materialized path, root first. */
export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The node, if the actor may read it; out of scope reads as "not found". */
export async function loadVisible(ctx: OrgContext, actor: Actor, id: string): Promise<OrgRow> {
  requirePermission(actor, 'org.read');
  if (!isId(id)) throw notFound('机构');
  const row = await ctx.repo.findById(id);
  // Out of scope reads as "not found": another county's data is not even confirmed to exist.
  if (!row || !can(actor, 'org.read', row.path)) throw notFound('机构');
  return row;
}

export async function withCounts(ctx: OrgContext, rows: OrgRow[]): Promise<OrgNode[]> {
  const counts = await ctx.repo.countsFor(rows);
  return rows.map((r) => toOrgNode(r, counts.get(r.id)));
}
