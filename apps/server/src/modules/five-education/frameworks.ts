/**
 * 五育 frameworks (CD-24): a city's or county bureau's per year, the five weights (editable, summing to 100 %),
 * core elements and monitorable indicators. A draft is edited whole; publishing freezes it; a change after that is
 * a new version (a copy as a draft).
 */
import type {
  FiveEduFramework,
  FiveEduFrameworkBody,
  FiveEduFrameworkCreate,
  FiveEduFrameworkUpdate,
} from '@yanxun/contracts';
import { FIVE_DIMENSION_LABELS } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import type { FiveEduContext } from './context';
import {
  bodyOf,
  checkWeights,
  FRAMEWORK,
  frameworkView,
  indicatorsOf,
  loadFramework,
} from './five-edu-access';
import type { FrameworkRow } from './five-education.repository';
import { STARTER_FRAMEWORK } from './starter-framework';

const invalid = (message: string, details: Record<string, unknown>) =>
  new AppError('VALIDATION_FAILED', message, details);

/** What a draft may hold: CD-24's weights, codes unique in the framework, a minimum below its maximum. */
export function checkBody(body: FiveEduFrameworkBody, publishing = false): void {
  checkWeights(body.weights);
  const dims = body.dimensions.map((d) => d.dimension);
  if (new Set(dims).size !== 5)
    throw invalid('五个维度（德智体美劳）须各出现一次', { field: 'dimensions', dims });
  const seen = new Set<string>();
  for (const d of body.dimensions)
    for (const e of d.elements)
      for (const code of [e.code, ...e.indicators.map((i) => i.code)]) {
        if (seen.has(code)) throw invalid(`编码「${code}」重复`, { field: 'code', value: code });
        seen.add(code);
      }
  for (const i of indicatorsOf(body))
    if (i.normalise.method === 'min_max' && i.normalise.min >= i.normalise.max)
      throw invalid(`指标「${i.name}」的最小值须小于最大值`, {
        field: 'normalise',
        code: i.code,
        min: i.normalise.min,
        max: i.normalise.max,
      });
  if (publishing)
    for (const d of body.dimensions)
      if (!d.elements.some((e) => e.indicators.length > 0))
        throw invalid(`${FIVE_DIMENSION_LABELS[d.dimension]}育维度还没有监测指标，不能发布`, {
          ruleId: 'CD-24',
          dimension: d.dimension,
        });
}

async function view(ctx: FiveEduContext, actor: Actor, f: FrameworkRow): Promise<FiveEduFramework> {
  const org = await ctx.orgs.findById(f.county_id);
  return frameworkView(actor, f, org?.name ?? '');
}

export async function listFrameworks(
  ctx: FiveEduContext,
  actor: Actor,
): Promise<{ items: FiveEduFramework[] }> {
  const rows = await ctx.repo.listFrameworks(requirePermission(actor, 'five_edu.read'));
  const orgs = new Map(
    (await ctx.orgs.findByIds([...new Set(rows.map((r) => r.county_id))])).map((o) => [o.id, o]),
  );
  return { items: rows.map((r) => frameworkView(actor, r, orgs.get(r.county_id)?.name ?? '')) };
}

export async function getFramework(ctx: FiveEduContext, actor: Actor, id: string): Promise<FiveEduFramework> {
  requirePermission(actor, 'five_edu.read');
  return view(ctx, actor, await loadFramework(ctx, actor, id));
}

export async function createFramework(
  ctx: FiveEduContext,
  actor: Actor,
  req: FiveEduFrameworkCreate,
): Promise<FiveEduFramework> {
  const org = orgForAction(actor, 'five_edu.manage', await ctx.orgs.findById(req.orgId), '单位');
  if (org.kind !== 'city' && org.kind !== 'county')
    throw invalid('五育评价框架由市或县（区）教育局制定', { field: 'orgId', kind: org.kind });
  const body = req.body ?? STARTER_FRAMEWORK;
  checkBody(body);
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const version = await ctx.repo.nextVersion(org.id, req.year, trx);
    const newId = await ctx.repo.insertFramework(
      {
        county_id: org.id,
        org_path: org.path,
        year: req.year,
        version,
        name: req.name,
        status: 'draft',
        body: JSON.stringify(body),
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.framework.create',
        entity: 'five_edu_framework',
        entityId: newId,
        orgId: org.id,
        details: { year: req.year, version, starter: !req.body },
      },
      trx,
    );
    return newId;
  });
  return getFramework(ctx, actor, id);
}

async function draftToWrite(ctx: FiveEduContext, actor: Actor, id: string): Promise<FrameworkRow> {
  requirePermission(actor, 'five_edu.manage');
  const f = await loadFramework(ctx, actor, id);
  requirePermission(actor, 'five_edu.manage', f.org_path);
  if (f.status === 'published')
    throw new AppError('CONFLICT', '已发布的评价框架不能修改，请另建新版本', { status: f.status });
  return f;
}

export async function updateFramework(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  req: FiveEduFrameworkUpdate,
): Promise<FiveEduFramework> {
  const f = await draftToWrite(ctx, actor, id);
  const body = req.body as FiveEduFrameworkBody;
  checkBody(body);
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updateFramework(
      f.county_id,
      f.id,
      { name: req.name, body: JSON.stringify(body), updated_at: ctx.now() },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.framework.update',
        entity: 'five_edu_framework',
        entityId: f.id,
        orgId: f.county_id,
        details: { weights: body.weights },
      },
      trx,
    );
  });
  return getFramework(ctx, actor, id);
}

export async function publishFramework(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
): Promise<FiveEduFramework> {
  const f = await draftToWrite(ctx, actor, id);
  checkBody(bodyOf(f), true);
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updateFramework(
      f.county_id,
      f.id,
      { status: 'published', updated_at: now, published_at: now },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'five_edu.framework.publish',
        entity: 'five_edu_framework',
        entityId: f.id,
        orgId: f.county_id,
        details: { version: f.version },
      },
      trx,
    );
  });
  return getFramework(ctx, actor, id);
}

/** A new draft version copying a framework (the published one stays as it was). */
export async function newFrameworkVersion(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
): Promise<FiveEduFramework> {
  requirePermission(actor, 'five_edu.manage');
  const f = await loadFramework(ctx, actor, id);
  requirePermission(actor, 'five_edu.manage', f.org_path);
  return createFramework(ctx, actor, { orgId: f.county_id, year: f.year, name: f.name, body: bodyOf(f) });
}

export { FRAMEWORK };
