import type { PackDetail, PackListQuery, PackSummary, UpdatePackRequest } from '@yanxun/contracts';
import type { PackSource, PolicyPack } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
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

/**
 * A draft's source after an edit: the officer sets the document, its number, issuer and date; where the values
 * were adopted from (and the seed their lines refer to) stays what the clone recorded.
 */
function editedSource(current: PackSource, edited: PackSource): PackSource {
  const { seed, adoptedFrom } = current;
  const { document, documentNumber, issuer, signedOn } = edited;
  return {
    seed,
    document,
    ...(documentNumber ? { documentNumber } : {}),
    issuer,
    ...(signedOn ? { signedOn } : {}),
    ...(adoptedFrom ? { adoptedFrom } : {}),
  };
}

/**
 * Replace a draft's body, its title and document included; validatePack must find no problem. Header fields
 * (id, region, year, version, status, origin) stay those of the row.
 */
export async function updatePack(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: UpdatePackRequest,
): Promise<PackDetail> {
  const row = await loadPack(ctx, actor, id);
  if (!packEditable(actor, row)) throw forbidden('您不能修改该政策包');
  const current = row.body as PolicyPack;
  const edited = req.pack as unknown as PolicyPack;
  const next = {
    ...edited,
    source: editedSource(current.source, edited.source),
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
