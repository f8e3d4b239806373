/**
 * The provider writes a plan: a draft, its sealed PDF (R-004-08), the checks of core checkPlan
 * (packages/core/src/programs/plan-checks.ts), and submission when every check passes.
 */
import type {
  CreatePlanRequest,
  PlanCheckResultBody,
  PlanDetail,
  UpdatePlanRequest,
} from '@yanxun/contracts';
import { checkPlan, type PlanCheckResult, PlanPackError, type TrainingPlan } from '@yanxun/core';
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { AppError, forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import type { Upload } from '../../files';
import { type PlansContext, todayOf } from '../context';
import { type LoadedPlan, loadPlan, providerGrants } from '../plan-access';
import type { PlanRow } from '../plans.repository';
import { getPlan, requirementsOf } from './plan-views';

/** What a file of a plan is stored as (files.purpose). */
const PLAN_FILE_PURPOSE = 'plan_sealed_pdf';

function failedMessage(result: PlanCheckResult): string {
  const failed = result.checks.filter((c) => !c.passed);
  const late = failed.find((c) => c.code === 'PLAN.DEADLINE');
  if (late) return late.message;
  return `培训方案有 ${failed.length} 项未通过检查，未提交：${failed.map((c) => c.label).join('；')}`;
}

function runChecks(
  ctx: PlansContext,
  l: LoadedPlan,
  body: TrainingPlan,
  sealedPdf: boolean,
): PlanCheckResult {
  try {
    return checkPlan(
      body,
      l.pack,
      l.programme.projectTypeCode,
      todayOf(ctx),
      l.pack.deadlines.applicationDue.value,
      { trackCode: l.programme.trackCode, sealedPdf },
    );
  } catch (err) {
    if (err instanceof PlanPackError) throw new AppError('CONFLICT', err.message, { ruleId: 'R-004-31' });
    throw err;
  }
}

function assertEditable(plan: PlanRow): void {
  if (plan.status === 'submitted') {
    throw new AppError('CONFLICT', '方案已提交，正在审核，不能修改；如需修改请等待退回', {
      status: plan.status,
    });
  }
  if (plan.status === 'approved') {
    throw new AppError('CONFLICT', '方案已批准，不能再修改', { status: plan.status });
  }
}

/** The version being edited: a returned plan opens a new version (a copy of the returned one). */
async function editableVersion(ctx: PlansContext, plan: PlanRow, trx: Database): Promise<number> {
  assertEditable(plan);
  if (plan.status === 'returned') {
    const next = plan.current_version + 1;
    await ctx.repo.copyVersion(plan.id, plan.current_version, next, trx);
    return next;
  }
  return plan.current_version;
}

/** A new draft plan of the actor's provider for a programme owned by a bureau above it. */
export async function createPlan(
  ctx: PlansContext,
  actor: Actor,
  programmeId: string,
  req: CreatePlanRequest,
): Promise<PlanDetail> {
  requirePermission(actor, 'plan.submit');
  const grants = providerGrants(actor);
  const grant = req.providerOrgId ? grants.find((g) => g.orgId === req.providerOrgId) : grants[0];
  if (!grant) throw forbidden('您不是该承训机构的工作人员');
  const found = isId(programmeId) ? await ctx.programs.programmeWithPack(programmeId) : undefined;
  if (!found || !grant.orgPath.startsWith(found.programme.ownerPath)) throw notFound('培训项目');
  requirementsOf(found.pack, found.programme);
  const approved = await ctx.repo.approvedProvider(programmeId);
  if (approved) {
    throw new AppError('CONFLICT', `该项目已批准承训机构"${approved.provider_name}"，不再接受申报`);
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await ctx.repo.insertPlan(
      {
        programmeId,
        providerOrgId: grant.orgId,
        providerPath: grant.orgPath,
        body: req.body,
        createdBy: actor.accountId,
      },
      trx,
    );
    if (!newId) throw new AppError('CONFLICT', '本机构已为该项目建立培训方案，请在原方案上修改');
    await ctx.audit.record(
      actor,
      {
        action: 'plan.create',
        entity: 'plan',
        entityId: newId,
        orgId: grant.orgId,
        details: { programmeId },
      },
      trx,
    );
    return newId;
  });
  return getPlan(ctx, actor, id);
}

export async function updatePlan(
  ctx: PlansContext,
  actor: Actor,
  id: string,
  req: UpdatePlanRequest,
): Promise<PlanDetail> {
  const l = await loadPlan(ctx, actor, id, 'edit');
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await ctx.repo.lockPlan(l.plan.id, trx);
    if (!plan) throw notFound('培训方案');
    const version = await editableVersion(ctx, plan, trx);
    await ctx.repo.setVersionBody(plan.id, version, req.body, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'plan.update',
        entity: 'plan',
        entityId: plan.id,
        orgId: plan.provider_org_id,
        details: { version },
      },
      trx,
    );
  });
  return getPlan(ctx, actor, id);
}

/** Attach the sealed PDF (R-004-08) to the version being edited; PDF by its magic bytes, size per config. */
export async function uploadSealedPdf(
  ctx: PlansContext,
  actor: Actor,
  id: string,
  upload: Upload,
): Promise<PlanDetail> {
  const l = await loadPlan(ctx, actor, id, 'edit');
  assertEditable(l.plan);
  const ruleId = l.pack.deadlines.applicationFormat.ruleId;
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await ctx.repo.lockPlan(l.plan.id, trx);
    if (!plan) throw notFound('培训方案');
    const version = await editableVersion(ctx, plan, trx);
    const meta = await ctx.files.store(
      actor,
      { id: plan.provider_org_id, path: plan.provider_path },
      PLAN_FILE_PURPOSE,
      'pdf',
      upload,
      { trx, ruleId },
    );
    await ctx.repo.setVersionFile(plan.id, version, meta.id, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'plan.upload',
        entity: 'plan',
        entityId: plan.id,
        orgId: plan.provider_org_id,
        details: { version, fileId: meta.id, sha256: meta.sha256, size: meta.size },
      },
      trx,
    );
  });
  return getPlan(ctx, actor, id);
}

/** The sealed PDF of a version, for the provider and the reviewing office. */
export async function sealedPdf(
  ctx: PlansContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<{ name: string; content: Buffer }> {
  const l = await loadPlan(ctx, actor, id, 'read');
  const v = await ctx.repo.version(l.plan.id, version);
  const meta = v?.file_id ? await ctx.files.meta(v.file_id) : undefined;
  const content = meta ? await ctx.files.content(meta.id) : undefined;
  if (!meta || !content) throw notFound('申报书 PDF');
  return { name: meta.name, content };
}

/** The checks on the current version, without submitting (the editor's "check" button). */
export async function checkCurrent(
  ctx: PlansContext,
  actor: Actor,
  id: string,
): Promise<PlanCheckResultBody> {
  const l = await loadPlan(ctx, actor, id, 'read');
  const v = await ctx.repo.version(l.plan.id, l.plan.current_version);
  if (!v) throw notFound('培训方案');
  return runChecks(ctx, l, v.body as TrainingPlan, v.file_id !== null);
}

/**
 * Submit the plan: every check of core `checkPlan` must pass (deadline R-004-08 included), else it is refused
 * with the failed rules and nothing is written (a returned plan stays returned, a draft stays a draft).
 */
export async function submitPlan(ctx: PlansContext, actor: Actor, id: string): Promise<PlanDetail> {
  const l = await loadPlan(ctx, actor, id, 'edit');
  await ctx.db.transaction().execute(async (trx) => {
    const plan = await ctx.repo.lockPlan(l.plan.id, trx);
    if (!plan) throw notFound('培训方案');
    const version = await editableVersion(ctx, plan, trx);
    const v = await ctx.repo.version(plan.id, version, trx);
    if (!v) throw notFound('培训方案');
    const result = runChecks(ctx, l, v.body as TrainingPlan, v.file_id !== null);
    if (!result.passed) {
      const failed = result.checks.filter((c) => !c.passed);
      throw new AppError('VALIDATION_FAILED', failedMessage(result), {
        ruleIds: [...new Set(failed.map((c) => c.ruleId))],
        checks: result.checks,
      });
    }
    await ctx.repo.markSubmitted(plan.id, version, result, actor.accountId, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'plan.submit',
        entity: 'plan',
        entityId: plan.id,
        orgId: plan.provider_org_id,
        details: { version, programmeId: plan.programme_id },
      },
      trx,
    );
    // the office owning the programme reviews it
    await ctx.notifications.notifyOrg(
      { orgId: l.programme.ownerOrgId, permission: 'plan.review' },
      {
        kind: 'plan.submitted',
        title: `培训方案待审核：${l.programme.title}`,
        body: `${plan.provider_name}提交了"${l.programme.title}"的培训方案（第 ${version} 版），请审核。`,
        entity: 'plan',
        entityId: plan.id,
      },
      trx,
    );
  });
  return getPlan(ctx, actor, id);
}
