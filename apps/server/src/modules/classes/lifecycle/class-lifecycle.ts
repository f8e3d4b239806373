/** Classes themselves: the providers to choose from, the list, one class with its board, opening and changing one. */
import type {
  ClassDetail,
  ClassListQuery,
  ClassProvider,
  ClassSummary,
  CreateClassRequest,
  UpdateClassRequest,
} from '@yanxun/contracts';
import {
  boardSummary,
  CHECKIN_RULE_OPEN,
  CLASS_DATES_RULE_ID,
  checkinOpen,
  classOperationsOf,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission, scopeOf } from '../../../shared/permissions';
import { canManage, loadClass, loadManaged, related, visible } from '../class-access';
import type { ClassRow } from '../classes.repository';
import { type ClassesContext, todayOf } from '../context';
import { boardOf } from '../deadlines/deadline-board';
import { toDocument } from '../deadlines/documents';
import { toSession } from '../sessions/sessions';

function toSummary(actor: Actor, c: ClassRow, lights: ClassSummary['lights']): ClassSummary {
  return {
    id: c.id,
    programmeId: c.programme_id,
    programmeTitle: c.programme_title,
    name: c.name,
    periodNo: c.period_no,
    startDate: c.start_date,
    endDate: c.end_date,
    venue: c.venue,
    providerOrgId: c.provider_org_id,
    providerOrgName: c.provider_name,
    enrolled: c.enrolled,
    lights,
    canManage: canManage(actor, c),
  };
}

async function summaries(ctx: ClassesContext, actor: Actor, rows: ClassRow[]): Promise<ClassSummary[]> {
  const docs = await ctx.repo.listDocuments(rows.map((r) => r.id));
  const day = todayOf(ctx);
  return Promise.all(
    rows.map(async (c) => {
      const board = await boardOf(
        ctx.repo,
        c,
        await ctx.cache.packById(c.pack_id),
        docs.filter((d) => d.class_id === c.id),
        day,
      );
      return toSummary(actor, c, boardSummary(board));
    }),
  );
}

/** The providers a class can be given to: for whoever may open a class (program.manage). */
export async function providers(ctx: ClassesContext, actor: Actor): Promise<ClassProvider[]> {
  requirePermission(actor, 'program.manage');
  return (await ctx.repo.providers()).map((o) => ({ id: String(o.id), name: o.name }));
}

export async function listClasses(
  ctx: ClassesContext,
  actor: Actor,
  query: ClassListQuery,
): Promise<ClassSummary[]> {
  requirePermission(actor, 'class.read');
  const rows = await ctx.repo.listClasses({
    ownerRoots: scopeOf(actor, 'program.read'),
    providerRoots: [...scopeOf(actor, 'class.read'), ...scopeOf(actor, 'class.manage')],
    programmeId: query.programmeId,
    limit: 500,
  });
  return summaries(
    ctx,
    actor,
    rows.filter((r) => visible(actor, r)),
  );
}

export async function getClass(ctx: ClassesContext, actor: Actor, id: string): Promise<ClassDetail> {
  const c = await loadClass(ctx, actor, id);
  const pack = await ctx.cache.packById(c.pack_id);
  const [sessions, docs] = await Promise.all([ctx.repo.listSessions(c.id), ctx.repo.listDocuments([c.id])]);
  const day = todayOf(ctx);
  const board = await boardOf(ctx.repo, c, pack, docs, day);
  const ops = classOperationsOf(pack);
  const open = checkinOpen(ops, { startDate: c.start_date, endDate: c.end_date }, day);
  return {
    ...toSummary(actor, c, boardSummary(board)),
    sessions: sessions.map(toSession),
    documents: docs.map(toDocument),
    board,
    checkin: { ...open, rotationSeconds: ops.checkinRotationSeconds.value, ruleId: CHECKIN_RULE_OPEN },
    canDisplay: canManage(actor, c) || can(actor, 'checkin.display', c.provider_path),
  };
}

/** A bureau over the programme's owner opens a class and names the provider org that runs it. */
export async function createClass(
  ctx: ClassesContext,
  actor: Actor,
  req: CreateClassRequest,
): Promise<ClassDetail> {
  requirePermission(actor, 'program.manage');
  const p = isId(req.programmeId) ? await ctx.programmes.programme(req.programmeId) : undefined;
  if (!p || !related(actor, 'program.read', p.ownerPath)) throw notFound('培训项目');
  if (!can(actor, 'program.manage', p.ownerPath)) throw forbidden('只有项目主管部门可以开班');
  const provider = isId(req.providerOrgId) ? await ctx.repo.findOrg(req.providerOrgId) : undefined;
  if (provider?.kind !== 'provider') {
    throw new AppError('VALIDATION_FAILED', '承训机构不存在，请选择一个承训机构');
  }
  const start = req.startDate;
  const end = req.endDate;
  if (start > end) throw new AppError('VALIDATION_FAILED', `开班日期 ${start} 晚于结业日期 ${end}`);
  if (start < p.startDate || end > p.endDate) {
    throw new AppError(
      'VALIDATION_FAILED',
      `培训班日期 ${start}～${end} 超出项目日期 ${p.startDate}～${p.endDate}`,
      { ruleId: CLASS_DATES_RULE_ID, programme: { startDate: p.startDate, endDate: p.endDate } },
    );
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await ctx.repo.insertClass(
      {
        programmeId: p.id,
        name: req.name,
        periodNo: req.periodNo ?? 1,
        startDate: start,
        endDate: end,
        venue: req.venue ?? '',
        providerOrgId: provider.id,
        providerPath: provider.path,
        ownerPath: p.ownerPath,
        datesReportedOn: todayOf(ctx),
        createdBy: actor.accountId,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'class.create',
        entity: 'class',
        entityId: newId,
        orgId: p.ownerOrgId,
        details: { programmeId: p.id, providerOrgId: provider.id, startDate: start, endDate: end },
      },
      trx,
    );
    return newId;
  });
  return getClass(ctx, actor, id);
}

/** New dates, name or venue, inside the programme's dates (Y-004-CLASS-DATES). */
export async function updateClass(
  ctx: ClassesContext,
  actor: Actor,
  id: string,
  req: UpdateClassRequest,
): Promise<ClassDetail> {
  const c = await loadManaged(ctx, actor, id);
  if (req.startDate > req.endDate) {
    throw new AppError('VALIDATION_FAILED', `开班日期 ${req.startDate} 晚于结业日期 ${req.endDate}`);
  }
  const p = await ctx.programmes.programme(c.programme_id);
  if (p && (req.startDate < p.startDate || req.endDate > p.endDate)) {
    throw new AppError('VALIDATION_FAILED', `培训班日期超出项目日期 ${p.startDate}～${p.endDate}`, {
      ruleId: CLASS_DATES_RULE_ID,
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updateClass(c.id, req, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'class.update',
        entity: 'class',
        entityId: c.id,
        details: { before: { start: c.start_date, end: c.end_date, venue: c.venue }, after: req },
      },
      trx,
    );
  });
  ctx.cache.forgetClassInfo(c.id);
  return getClass(ctx, actor, c.id);
}
