import type {
  ClonePackRequest,
  PackDetail,
  PackListQuery,
  PackSummary,
  UpdatePackRequest,
} from '@yanxun/contracts';
import { clonePackForYear, type PolicyPack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden } from '../../../shared/app-error';
import { can, requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadOrgFor } from '../programme-access';
import { packWithSectionDefaults } from './builtin-packs';
import { checkPack, loadPack, packEditable, packVisible, problemsError, toPackSummary } from './pack-access';

export async function listPacks(
  ctx: ProgramsContext,
  actor: Actor,
  query: PackListQuery,
): Promise<PackSummary[]> {
  requirePermission(actor, 'pack.read');
  const rows = await ctx.repo.listPacks({ year: query.year, status: query.status });
  return rows.filter((r) => packVisible(actor, r)).map((r) => toPackSummary(actor, r));
}

export async function getPack(ctx: ProgramsContext, actor: Actor, id: string): Promise<PackDetail> {
  const row = await loadPack(ctx, actor, id);
  const pack = packWithSectionDefaults(row.body as PolicyPack);
  return { ...toPackSummary(actor, row), pack: pack as unknown as PackDetail['pack'] };
}

/** Next year's draft from a pack (core clonePackForYear), owned by a province or city. */
export async function clonePack(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: ClonePackRequest,
): Promise<PackDetail> {
  requirePermission(actor, 'pack.manage');
  const source = await loadPack(ctx, actor, id);
  const grantOrgId =
    req.regionOrgId ??
    actor.grants.find((g) => can(actor, 'pack.manage', g.orgPath) && ['province', 'city'].includes(g.orgKind))
      ?.orgId;
  if (!grantOrgId) throw forbidden('政策包由省、市两级教育行政部门维护');
  const region = await loadOrgFor(ctx, actor, 'pack.manage', grantOrgId);
  if (!['province', 'city'].includes(region.kind)) throw forbidden('政策包由省、市两级教育行政部门维护');
  // GB/T 2260: a province or city code is 6 digits padded with zeros ('4418' → '441800')
  const regionCode = /^(\d{2}|\d{4}|\d{6})$/.test(region.code ?? '')
    ? (region.code ?? '').padEnd(6, '0')
    : null;
  if (!regionCode) {
    throw new AppError('VALIDATION_FAILED', `${region.name}没有行政区划代码，不能建立政策包`);
  }
  const body = source.body as PolicyPack;
  const newId = `${regionCode}-${req.year}-v${body.version + 1}`;
  const copy = { ...clonePackForYear(body, req.year, { id: newId }), regionCode };
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await ctx.repo.insertPack(
      {
        id: newId,
        regionOrgId: region.id,
        regionCode,
        year: copy.year,
        version: copy.version,
        status: 'draft',
        title: copy.title,
        builtin: false,
        derivedFrom: source.id,
        body: copy,
        createdBy: actor.accountId,
      },
      trx,
    );
    if (!ok) throw new AppError('CONFLICT', `政策包 ${newId} 已存在，请直接编辑该草稿`, { id: newId });
    await ctx.audit.record(
      actor,
      {
        action: 'pack.clone',
        entity: 'policy_pack',
        entityId: newId,
        orgId: region.id,
        details: { from: source.id, year: req.year },
      },
      trx,
    );
  });
  return getPack(ctx, actor, newId);
}

/** Replace a draft's body; validatePack must find no problem. Header fields stay those of the row. */
export async function updatePack(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: UpdatePackRequest,
): Promise<PackDetail> {
  const row = await loadPack(ctx, actor, id);
  if (!packEditable(actor, row)) throw forbidden('您不能修改该政策包');
  const current = row.body as PolicyPack;
  const next = {
    ...(req.pack as unknown as PolicyPack),
    id: row.id,
    regionCode: row.region_code,
    year: row.year,
    version: row.version,
    status: 'draft' as const,
    ...(current.derivedFrom ? { derivedFrom: current.derivedFrom } : {}),
  };
  const problems = checkPack(next);
  if (problems.length > 0) throw problemsError(problems);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockPack(id, trx);
    if (locked?.status !== 'draft') throw new AppError('CONFLICT', '已发布的政策包不能修改，请复制为新版本');
    await ctx.repo.updatePack(id, next, next.title, trx);
    await ctx.audit.record(
      actor,
      { action: 'pack.update', entity: 'policy_pack', entityId: id, orgId: row.region_org_id },
      trx,
    );
  });
  return getPack(ctx, actor, id);
}

export async function publishPack(ctx: ProgramsContext, actor: Actor, id: string): Promise<PackDetail> {
  const row = await loadPack(ctx, actor, id);
  if (!packEditable(actor, row)) throw forbidden('您不能发布该政策包');
  const body = { ...(row.body as PolicyPack), status: 'published' as const };
  const problems = checkPack(body);
  if (problems.length > 0) throw problemsError(problems);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockPack(id, trx);
    if (locked?.status !== 'draft') throw new AppError('CONFLICT', '该政策包已发布');
    await ctx.repo.publishPack(id, body, trx);
    await ctx.audit.record(
      actor,
      { action: 'pack.publish', entity: 'policy_pack', entityId: id, orgId: row.region_org_id },
      trx,
    );
  });
  return getPack(ctx, actor, id);
}
