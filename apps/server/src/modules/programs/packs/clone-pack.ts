/**
 * Cloning a pack into the officer's province or city for a year (core clonePackForYear): the clone takes the
 * region's name and education authority unless the officer sets the title, issuer and document, and records
 * the other region's document its values were adopted from.
 */
import type {
  ClonePackRequest,
  PackCloneDefaults,
  PackCloneDefaultsQuery,
  PackDetail,
} from '@yanxun/contracts';
import { type CloneRegion, cloneDefaults, clonePackForYear, type PolicyPack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden } from '../../../shared/app-error';
import { can, requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadOrgFor } from '../programme-access';
import { getPack } from './manage-packs';
import { loadPack } from './pack-access';

const KEEPERS = ['province', 'city'];

/** The province or city a clone goes to (the given one, else the actor's own) with its 6-digit code. */
async function cloneRegionOf(
  ctx: ProgramsContext,
  actor: Actor,
  regionOrgId: string | undefined,
): Promise<{ id: string; region: CloneRegion }> {
  const grantOrgId =
    regionOrgId ??
    actor.grants.find((g) => can(actor, 'pack.manage', g.orgPath) && KEEPERS.includes(g.orgKind))?.orgId;
  if (!grantOrgId) throw forbidden('政策包由省、市两级教育行政部门维护');
  const org = await loadOrgFor(ctx, actor, 'pack.manage', grantOrgId);
  if (!KEEPERS.includes(org.kind)) throw forbidden('政策包由省、市两级教育行政部门维护');
  // GB/T 2260: a province or city code is 6 digits padded with zeros ('4418' → '441800')
  const code = /^(\d{2}|\d{4}|\d{6})$/.test(org.code ?? '') ? (org.code ?? '').padEnd(6, '0') : null;
  if (!code) throw new AppError('VALIDATION_FAILED', `${org.name}没有行政区划代码，不能建立政策包`);
  return { id: org.id, region: { code, name: org.name } };
}

/** What the clone dialog offers for a year: the region, the title, issuer and document, the values' origin. */
export async function cloneDefaultsOf(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  query: PackCloneDefaultsQuery,
): Promise<PackCloneDefaults> {
  requirePermission(actor, 'pack.manage');
  const body = (await loadPack(ctx, actor, id)).body as PolicyPack;
  const { id: regionOrgId, region } = await cloneRegionOf(ctx, actor, query.regionOrgId);
  const src = body.source;
  const origin =
    src.adoptedFrom ??
    (region.code !== body.regionCode
      ? { issuer: src.issuer, document: src.document, year: body.year }
      : null);
  return {
    regionOrgId,
    regionName: region.name,
    ...cloneDefaults(body, query.year, region),
    adoptsFrom: origin ? { issuer: origin.issuer, document: origin.document, year: origin.year } : null,
  };
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
  const { id: regionOrgId, region } = await cloneRegionOf(ctx, actor, req.regionOrgId);
  const body = source.body as PolicyPack;
  const newId = `${region.code}-${req.year}-v${body.version + 1}`;
  const copy = clonePackForYear(body, req.year, {
    id: newId,
    region,
    meta: {
      title: req.title,
      issuer: req.issuer,
      document: req.document,
      documentNumber: req.documentNumber,
      signedOn: req.signedOn,
    },
  });
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await ctx.repo.insertPack(
      {
        id: newId,
        regionOrgId,
        regionCode: region.code,
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
        orgId: regionOrgId,
        details: { from: source.id, year: req.year, title: copy.title, issuer: copy.source.issuer },
      },
      trx,
    );
  });
  return getPack(ctx, actor, newId);
}
