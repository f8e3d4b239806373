/** Schools: the filtered list of a subtree, and one school with its county and 乡镇/街道. */
import type { Page, SchoolListQuery, SchoolRow } from '@yanxun/contracts';
import type { Actor } from '../../../shared/actor';
import { notFound } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { OrgContext } from '../context';
import { ancestorIds, loadVisible, toOrgNode } from '../org-access';

export async function listSchools(
  ctx: OrgContext,
  actor: Actor,
  query: SchoolListQuery,
): Promise<Page<SchoolRow>> {
  const { repo } = ctx;
  const scope = requirePermission(actor, 'org.read');
  let roots = scope;
  if (query.orgId) roots = [(await loadVisible(ctx, actor, query.orgId)).path];
  const { rows, total } = await repo.listSchools({
    roots,
    q: query.q?.trim() || undefined,
    stage: query.stage,
    locationType: query.locationType,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const counts = await repo.countsFor(rows);
  return {
    items: rows.map((r) => ({
      ...toOrgNode(r, counts.get(r.id)),
      countyName: r.county_name,
      townshipName: r.township_name,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function school(ctx: OrgContext, actor: Actor, id: string): Promise<SchoolRow> {
  const row = await loadVisible(ctx, actor, id);
  if (row.kind !== 'school') throw notFound('学校');
  const ancestors = await ctx.repo.findByIds(ancestorIds(row.path));
  const counts = await ctx.repo.countsFor([row]);
  return {
    ...toOrgNode(row, counts.get(row.id)),
    countyName: ancestors.find((a) => a.kind === 'county')?.name ?? null,
    townshipName: ancestors.find((a) => a.kind === 'township')?.name ?? null,
  };
}
