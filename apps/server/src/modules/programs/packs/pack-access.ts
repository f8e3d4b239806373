import type { PackSummary } from '@yanxun/contracts';
import { type PackProblem, type PolicyPack, validatePack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { can, requirePermission, scopeOf } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { related } from '../programme-access';
import type { PackRow } from './packs.repository';

/** Built-in packs are visible to anyone who reads packs; a region's packs to the scopes related to the region. */
export function packVisible(actor: Actor, row: PackRow): boolean {
  if (row.builtin) return scopeOf(actor, 'pack.read').length > 0;
  return row.region_path !== null && related(actor, 'pack.read', row.region_path);
}

export function packEditable(actor: Actor, row: PackRow): boolean {
  return !row.builtin && row.region_path !== null && can(actor, 'pack.manage', row.region_path);
}

/** A pack the actor may read (404 otherwise). */
export async function loadPack(ctx: ProgramsContext, actor: Actor, id: string): Promise<PackRow> {
  requirePermission(actor, 'pack.read');
  const row = id.length <= 64 ? await ctx.repo.findPack(id) : undefined;
  if (!row || !packVisible(actor, row)) throw notFound('政策包');
  return row;
}

export function toPackSummary(actor: Actor, r: PackRow): PackSummary {
  const body = r.body as PolicyPack;
  return {
    id: r.id,
    title: r.title,
    regionCode: r.region_code,
    regionOrgId: r.region_org_id,
    regionOrgName: r.region_name,
    year: r.year,
    version: r.version,
    status: r.status as PackSummary['status'],
    builtin: r.builtin,
    derivedFrom: r.derived_from,
    projectTypes: (body.projectTypes ?? []).map((t) => ({
      code: t.code,
      name: t.name,
      level: t.level?.value,
    })),
    canEdit: packEditable(actor, r),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function problemsError(problems: PackProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', `政策包有 ${problems.length} 处问题，请修改后再保存`, {
    problems: problems.map((p) => ({ code: p.code, ruleId: p.ruleId, path: p.path, message: p.message })),
  });
}

/** validatePack, with a malformed body (a missing section) reported as a problem instead of a crash. */
export function checkPack(pack: PolicyPack): PackProblem[] {
  try {
    return validatePack(pack);
  } catch (err) {
    return [
      {
        code: 'PACK.HEADER',
        ruleId: 'PACK.STRUCTURE',
        path: '',
        message: `政策包结构不完整：${err instanceof Error ? err.message : String(err)}`,
      },
    ];
  }
}
