import type { PolicyPack } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, type Permission, requirePermission, scopeOf } from '../../shared/permissions';
import { regionKeyOf } from '../org';
import type { ProgramsContext } from './context';
import type { ProgrammeRow } from './programmes/programmes.repository';
import type { QuotaKey, QuotaRow } from './quotas/quotas.repository';

/** An org row as the programs module reads it (quota nodes, owners, nominating units). */
export type OrgRef = NonNullable<Awaited<ReturnType<ProgramsContext['repo']['findOrg']>>>;

/** A node `path` is related to the actor's scope: inside it, or above it (a province's pack reaches its counties). */
export function related(actor: Actor, permission: Permission, path: string): boolean {
  return scopeOf(actor, permission).some((root) => root.startsWith(path) || path.startsWith(root));
}

/** A programme the actor may read (404 otherwise: not even confirmed to exist). */
export async function loadProgramme(ctx: ProgramsContext, actor: Actor, id: string): Promise<ProgrammeRow> {
  requirePermission(actor, 'program.read');
  const row = isId(id) ? await ctx.repo.findProgramme(id) : undefined;
  if (!row || !related(actor, 'program.read', row.owner_path)) throw notFound('培训项目');
  return row;
}

/** The policy pack a programme was set up under. */
export async function packOf(ctx: ProgramsContext, p: ProgrammeRow): Promise<PolicyPack> {
  const row = await ctx.repo.findPack(p.pack_id);
  if (!row) throw new AppError('INTERNAL', `培训项目 ${p.id} 的政策包 ${p.pack_id} 不存在`);
  return row.body as PolicyPack;
}

/** An org the actor may act on with `permission` (404 when out of scope: not even confirmed to exist). */
export async function loadOrgFor(
  ctx: ProgramsContext,
  actor: Actor,
  permission: Permission,
  id: string,
  what = '机构',
): Promise<OrgRef> {
  const org = isId(id) ? await ctx.repo.findOrg(id) : undefined;
  if (!org || !can(actor, permission, org.path)) {
    // visible but not writable → 403; invisible → 404
    if (org && can(actor, 'org.read', org.path)) throw forbidden();
    throw notFound(what);
  }
  return org;
}

/** The quota node of a programme at an org; 404 outside the actor's scope or when the org holds no seats. */
export async function loadQuota(
  ctx: ProgramsContext,
  actor: Actor,
  permission: Permission,
  p: ProgrammeRow,
  orgId: string,
): Promise<{ org: OrgRef; quota: QuotaRow }> {
  const org = await loadOrgFor(ctx, actor, permission, orgId, '名额单位');
  const q = await ctx.repo.findQuota({ regionId: regionKeyOf(org), programmeId: p.id, orgId: org.id });
  if (!q) throw notFound('该单位的本项目名额');
  return { org, quota: q };
}

export const quotaKey = (q: Pick<QuotaRow, 'region_id' | 'programme_id' | 'org_id'>): QuotaKey => ({
  regionId: q.region_id,
  programmeId: q.programme_id,
  orgId: q.org_id,
});
