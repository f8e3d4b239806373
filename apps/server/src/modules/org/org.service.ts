import type { OrgDetail, OrgKind, OrgNode, Page, SchoolListQuery, SchoolRow } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import type { OrgCounts, OrgRepository, OrgRow } from './org.repository';

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

export function ancestorIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

export function createOrgService(deps: { repo: OrgRepository }) {
  const { repo } = deps;

  async function loadVisible(actor: Actor, id: string): Promise<OrgRow> {
    requirePermission(actor, 'org.read');
    if (!isId(id)) throw notFound('机构');
    const row = await repo.findById(id);
    // Out of scope reads as "not found": another county's data is not even confirmed to exist.
    if (!row || !can(actor, 'org.read', row.path)) throw notFound('机构');
    return row;
  }

  async function withCounts(rows: OrgRow[]): Promise<OrgNode[]> {
    const counts = await repo.countsFor(rows);
    return rows.map((r) => toOrgNode(r, counts.get(r.id)));
  }

  return {
    loadVisible,

    /** The nodes the actor's grants sit on: the tops of what they may browse. */
    async roots(actor: Actor): Promise<OrgNode[]> {
      requirePermission(actor, 'org.read');
      const ids = [...new Set(actor.grants.map((g) => g.orgId))];
      const rows = (await repo.findByIds(ids)).filter((r) => can(actor, 'org.read', r.path));
      const tops = rows.filter((r) => !rows.some((o) => o.id !== r.id && r.path.startsWith(o.path)));
      return withCounts(tops);
    },

    async detail(actor: Actor, id: string): Promise<OrgDetail> {
      const row = await loadVisible(actor, id);
      const ancestors = await repo.findByIds(ancestorIds(row.path).filter((a) => a !== row.id));
      const [node] = await withCounts([row]);
      if (!node) throw notFound('机构');
      return { node, ancestors: ancestors.map((a) => toOrgNode(a)) };
    },

    async children(actor: Actor, id: string): Promise<OrgNode[]> {
      const row = await loadVisible(actor, id);
      return withCounts(await repo.childrenOf(row.id));
    },

    async listSchools(actor: Actor, query: SchoolListQuery): Promise<Page<SchoolRow>> {
      const scope = requirePermission(actor, 'org.read');
      let roots = scope;
      if (query.orgId) roots = [(await loadVisible(actor, query.orgId)).path];
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
    },

    async school(actor: Actor, id: string): Promise<SchoolRow> {
      const row = await loadVisible(actor, id);
      if (row.kind !== 'school') throw notFound('学校');
      const ancestors = await repo.findByIds(ancestorIds(row.path));
      const counts = await repo.countsFor([row]);
      return {
        ...toOrgNode(row, counts.get(row.id)),
        countyName: ancestors.find((a) => a.kind === 'county')?.name ?? null,
        townshipName: ancestors.find((a) => a.kind === 'township')?.name ?? null,
      };
    },
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
