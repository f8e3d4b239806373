import type {
  CreateProgrammeRequest,
  Page,
  ProgramLevelCode,
  Programme,
  ProgrammeListQuery,
  UpdateProgrammeRequest,
} from '@yanxun/contracts';
import { findProjectType, findTrack, type PolicyPack, QUOTA_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { can, requirePermission } from '../../../shared/permissions';
import { regionKeyOf } from '../../org';
import type { ProgramsContext } from '../context';
import { loadPack } from '../packs/pack-access';
import { loadOrgFor, loadProgramme, packOf } from '../programme-access';
import type { ProgrammeRow } from './programmes.repository';

export function toProgramme(actor: Actor, r: ProgrammeRow, pack?: PolicyPack): Programme {
  const type = pack ? findProjectType(pack, r.project_type_code) : undefined;
  return {
    id: r.id,
    title: r.title,
    packId: r.pack_id,
    packTitle: pack?.title ?? r.pack_id,
    projectTypeCode: r.project_type_code,
    projectTypeName: type?.name ?? r.project_type_code,
    trackCode: r.track_code,
    level: r.level as ProgramLevelCode,
    year: r.year,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: r.owner_name,
    selectionDeadline: r.selection_deadline,
    startDate: r.start_date,
    endDate: r.end_date,
    totalSeats: r.total_seats,
    usedSeats: Number(r.used_seats),
    candidates: Number(r.candidates),
    canManage: can(actor, 'program.manage', r.owner_path),
  };
}

export async function listProgrammes(
  ctx: ProgramsContext,
  actor: Actor,
  query: ProgrammeListQuery,
): Promise<Page<Programme>> {
  const roots = requirePermission(actor, 'program.read');
  const { rows, total } = await ctx.repo.listProgrammes({
    roots,
    year: query.year,
    level: query.level,
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
  const packs = new Map<string, PolicyPack>();
  for (const id of new Set(rows.map((r) => r.pack_id))) {
    const pk = await ctx.repo.findPack(id);
    if (pk) packs.set(id, pk.body as PolicyPack);
  }
  return {
    items: rows.map((r) => toProgramme(actor, r, packs.get(r.pack_id))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getProgramme(ctx: ProgramsContext, actor: Actor, id: string): Promise<Programme> {
  const p = await loadProgramme(ctx, actor, id);
  return toProgramme(actor, p, await packOf(ctx, p));
}

/** A programme from a published pack's project type; its owner's node holds all seats to start with. */
export async function createProgramme(
  ctx: ProgramsContext,
  actor: Actor,
  req: CreateProgrammeRequest,
): Promise<Programme> {
  requirePermission(actor, 'program.manage');
  const ownerId = req.ownerOrgId ?? actor.grants.find((g) => can(actor, 'program.manage', g.orgPath))?.orgId;
  if (!ownerId) throw forbidden();
  const owner = await loadOrgFor(ctx, actor, 'program.manage', ownerId);
  const packRow = await loadPack(ctx, actor, req.packId);
  if (packRow.status !== 'published') {
    throw new AppError('CONFLICT', '政策包尚未发布，不能据此设立培训项目', { packId: packRow.id });
  }
  const pack = packRow.body as PolicyPack;
  const type = findProjectType(pack, req.projectTypeCode);
  const track = type && findTrack(type, req.trackCode);
  if (!type || !track) {
    throw new AppError('VALIDATION_FAILED', `政策包中没有项目类型"${req.projectTypeCode}"或参训对象类别`, {
      issues: [{ path: '/projectTypeCode', message: '项目类型或类别不存在' }],
    });
  }
  if (req.startDate > req.endDate || req.selectionDeadline > req.startDate) {
    throw new AppError('VALIDATION_FAILED', '日期应满足：遴选截止日 ≤ 开班日期 ≤ 结业日期', {
      issues: [{ path: '/startDate', message: '日期先后不正确' }],
    });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await ctx.repo.insertProgramme(
      {
        packId: packRow.id,
        projectTypeCode: type.code,
        trackCode: track.code,
        level: req.level ?? type.level.value,
        year: pack.year,
        ownerOrgId: owner.id,
        ownerPath: owner.path,
        title: req.title,
        selectionDeadline: req.selectionDeadline,
        startDate: req.startDate,
        endDate: req.endDate,
        totalSeats: req.totalSeats,
        createdBy: actor.accountId,
      },
      trx,
    );
    await ctx.repo.insertQuota(
      {
        regionId: regionKeyOf(owner),
        programmeId: newId,
        orgId: owner.id,
        orgPath: owner.path,
        parentOrgId: null,
        seats: req.totalSeats,
        ruralSeats: 0,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'programme.create',
        entity: 'programme',
        entityId: newId,
        orgId: owner.id,
        details: { packId: packRow.id, projectTypeCode: type.code, totalSeats: req.totalSeats },
      },
      trx,
    );
    return newId;
  });
  return getProgramme(ctx, actor, id);
}

export async function updateProgramme(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: UpdateProgrammeRequest,
): Promise<Programme> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'program.manage', p.owner_path);
  const next = {
    title: req.title ?? p.title,
    selectionDeadline: req.selectionDeadline ?? p.selection_deadline,
    startDate: req.startDate ?? p.start_date,
    endDate: req.endDate ?? p.end_date,
    totalSeats: req.totalSeats ?? p.total_seats,
  };
  if (next.startDate > next.endDate || next.selectionDeadline > next.startDate) {
    throw new AppError('VALIDATION_FAILED', '日期应满足：遴选截止日 ≤ 开班日期 ≤ 结业日期');
  }
  const owner = await ctx.repo.findOrg(p.owner_org_id);
  if (!owner) throw notFound('机构');
  const key = { regionId: regionKeyOf(owner), programmeId: p.id, orgId: p.owner_org_id };
  await ctx.db.transaction().execute(async (trx) => {
    const root = await ctx.repo.lockQuota(key, trx);
    if (root && next.totalSeats < root.allocated + root.used) {
      throw new AppError(
        'VALIDATION_FAILED',
        `总名额不能少于已下达和已使用的 ${root.allocated + root.used} 个（已下达 ${root.allocated}，已推荐 ${root.used}）`,
        {
          ruleId: QUOTA_RULE_ID,
          allocated: root.allocated,
          used: root.used,
          totalSeats: next.totalSeats,
        },
      );
    }
    await ctx.repo.updateProgramme(p.id, next, trx);
    if (root) await ctx.repo.setQuotaSeats(key, next.totalSeats, root.rural_seats, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'programme.update',
        entity: 'programme',
        entityId: p.id,
        orgId: p.owner_org_id,
        details: req,
      },
      trx,
    );
  });
  return getProgramme(ctx, actor, id);
}

/** Only a programme nobody has been nominated to can be deleted. */
export async function deleteProgramme(ctx: ProgramsContext, actor: Actor, id: string): Promise<void> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'program.manage', p.owner_path);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await ctx.repo.countNominations(p.id, trx)) > 0) {
      throw new AppError('CONFLICT', '该项目已有推荐记录，不能删除');
    }
    await ctx.repo.deleteProgramme(p.id, trx);
    await ctx.audit.record(
      actor,
      { action: 'programme.delete', entity: 'programme', entityId: p.id, orgId: p.owner_org_id },
      trx,
    );
  });
}
