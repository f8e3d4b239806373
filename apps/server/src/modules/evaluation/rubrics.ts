/**
 * The rubric library: the built-ins A, B and C are core's (never stored), an officer's rubrics are versioned
 * documents (a new version per save) checked by core's `checkRubric`: errors refuse the save with each finding's
 * path and numbers (Y-EVAL-CHECK), warnings (B's 25 vs 20, C's 90 vs 100: Y-EVAL-NORMALISE) are kept and shown.
 */
import type {
  CloneRubric,
  MetricDefinition,
  RubricDetail,
  RubricSummary,
  RubricUnitBody,
  RubricVersion,
  SaveRubric,
} from '@yanxun/contracts';
import {
  BUILTIN_RUBRICS,
  checkRubric,
  cloneRubricTitle,
  type Rubric,
  type RubricFinding,
  rubricUnits,
  scoreRubric,
  walkRubric,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { orgForAction, orgKnown, visibleOr404 } from '../../shared/visibility';
import { regionOf } from './campaign-access';
import type { RubricRow } from './campaigns.repository';
import type { EvaluationContext } from './context';

const LETTERS = ['A', 'B', 'C'] as const;
const OWNER_KINDS = new Set(['province', 'city', 'county', 'tdc']);

export interface ResolvedRubric {
  ref: string;
  rubric: Rubric;
  builtin: boolean;
  row?: RubricRow;
}

/** Core's Rubric from a stored JSON document (an I/O edge: the shape was checked when it was saved). */
export const rubricFromJson = (body: unknown): Rubric => body as Rubric;

export function builtinRubric(ref: string): Rubric | undefined {
  const i = LETTERS.findIndex((l) => `builtin:${l}` === ref);
  return i < 0 ? undefined : BUILTIN_RUBRICS[i];
}

/** The scored units as a rater and a department read them: points, 一级 indicator, 责任科室, evidence asked. */
export function unitsOf(rubric: Rubric): RubricUnitBody[] {
  const nodes = new Map(walkRubric(rubric).map((w) => [w.node.id, w.node]));
  const sections = new Map(rubric.nodes.map((n) => [n.id, n.title ?? n.id]));
  return rubricUnits(rubric).units.map((u) => ({
    id: u.id,
    kind: u.kind,
    title: u.title,
    max: u.max,
    sectionId: u.sectionId,
    sectionTitle: sections.get(u.sectionId) ?? u.sectionId,
    path: u.path,
    form: u.form ?? null,
    departments: [...u.departments],
    evidence: u.nodeIds.flatMap((id) => [...(nodes.get(id)?.evidence ?? [])]),
    deduction: u.deduction
      ? { ruleId: u.deduction.ruleId, points: u.deduction.points, reasons: [...u.deduction.reasons] }
      : null,
  }));
}

/** The paths strictly above a node: '/1/5/23/' → '/1/', '/1/5/'. */
const ancestorPaths = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
};

const warningsOf = (findings: RubricFinding[]) => findings.filter((f) => f.severity === 'warning');

/** The units the rubric declares a registry metric on, with its definition: what a new campaign binds by default. */
function liveBindingsOf(rubric: Rubric, defs: MetricDefinition[]): RubricSummary['liveBindings'] {
  return rubricUnits(rubric).units.flatMap((u) => {
    const m = u.metrics?.find((x) => defs.some((d) => d.key === x.key));
    const def = m && defs.find((d) => d.key === m.key);
    return m && def ? [{ unitId: u.id, nodeId: m.nodeId, whole: m.whole, metric: def }] : [];
  });
}

function summary(
  actor: Actor,
  r: ResolvedRubric,
  ownerOrgName: string | null,
  defs: MetricDefinition[],
): RubricSummary {
  return {
    ref: r.ref,
    rubricId: r.row?.rubric_id ?? null,
    title: r.rubric.title,
    region: r.rubric.region ?? null,
    version: r.row ? String(r.row.version) : r.rubric.version,
    builtin: r.builtin,
    ownerOrgId: r.row?.owner_org_id ?? null,
    ownerOrgName,
    canEdit: r.row ? can(actor, 'evaluation.manage', r.row.org_path) : false,
    defaultNormalisation: r.rubric.normalisation.value,
    warnings: warningsOf(checkRubric(r.rubric)),
    createdAt: r.row ? r.row.created_at.toISOString() : null,
    maxPoints: maxPointsOf(r.rubric),
    liveBindings: liveBindingsOf(r.rubric, defs),
  };
}

/** The maximum under the rubric's own normalisation (a perfect entry scored). */
function maxPointsOf(rubric: Rubric): number {
  const units = rubricUnits(rubric).units;
  const entry = { units: Object.fromEntries(units.map((u) => [u.id, { score: u.max }])) };
  return scoreRubric(rubric, entry).max;
}

export function detailOf(
  actor: Actor,
  r: ResolvedRubric,
  ownerOrgName: string | null,
  defs: MetricDefinition[],
): RubricDetail {
  return {
    ...summary(actor, r, ownerOrgName, defs),
    rubric: r.rubric as RubricDetail['rubric'],
    units: unitsOf(r.rubric),
  };
}

/** The live items a rubric node may declare (`RubricNode.metric`): the registry's definitions, for the editor. */
export function listMetrics(ctx: EvaluationContext, actor: Actor): MetricDefinition[] {
  requirePermission(actor, 'evaluation.read');
  return ctx.metrics.definitions;
}

/** A rubric by reference: 'builtin:A|B|C', or 'rubric:<id>' (a stored version) the actor may read. */
export async function resolveRubric(
  ctx: EvaluationContext,
  actor: Actor,
  ref: string,
): Promise<ResolvedRubric> {
  requirePermission(actor, 'evaluation.read');
  const builtin = builtinRubric(ref);
  if (builtin) return { ref, rubric: builtin, builtin: true };
  const id = ref.startsWith('rubric:') ? ref.slice('rubric:'.length) : '';
  const row = visibleOr404(
    isId(id) ? await ctx.repo.findRubric(id) : undefined,
    (r) => orgKnown(actor, r.org_path),
    '评价标准',
  );
  return { ref: `rubric:${row.id}`, rubric: rubricFromJson(row.body), builtin: false, row };
}

export async function listRubrics(ctx: EvaluationContext, actor: Actor): Promise<RubricSummary[]> {
  const roots = requirePermission(actor, 'evaluation.read');
  // the actor's own subtrees and the units above them (a city's rubric is usable in its counties)
  const above = [...new Set(actor.grants.flatMap((g) => ancestorPaths(g.orgPath)))];
  const rows = [...(await ctx.repo.listRubrics(roots)), ...(await ctx.repo.listRubricsAt(above))];
  const seen = new Set<string>();
  const mine = rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
  const names = new Map(
    (await ctx.orgs.findByIds([...new Set(mine.map((r) => r.owner_org_id))])).map((o) => [o.id, o.name]),
  );
  return [
    ...BUILTIN_RUBRICS.map((rubric, i) =>
      summary(actor, { ref: `builtin:${LETTERS[i]}`, rubric, builtin: true }, null, ctx.metrics.definitions),
    ),
    ...mine.map((row) =>
      summary(
        actor,
        { ref: `rubric:${row.id}`, rubric: rubricFromJson(row.body), builtin: false, row },
        names.get(row.owner_org_id) ?? null,
        ctx.metrics.definitions,
      ),
    ),
  ];
}

export async function getRubric(ctx: EvaluationContext, actor: Actor, ref: string): Promise<RubricDetail> {
  const r = await resolveRubric(ctx, actor, ref);
  const owner = r.row ? await ctx.orgs.findById(r.row.owner_org_id) : undefined;
  return detailOf(actor, r, owner?.name ?? null, ctx.metrics.definitions);
}

/** The saved versions of a rubric, newest first, with who saved each and when (a built-in has none). */
export async function rubricVersions(
  ctx: EvaluationContext,
  actor: Actor,
  ref: string,
): Promise<RubricVersion[]> {
  const r = await resolveRubric(ctx, actor, ref);
  if (!r.row) return [];
  const rows = await ctx.repo.listRubricVersions(r.row.county_id, r.row.rubric_id);
  const names = await ctx.accounts.namesOf([
    ...new Set(rows.flatMap((v) => (v.created_by ? [v.created_by] : []))),
  ]);
  return rows.map((v) => ({
    ref: `rubric:${v.id}`,
    version: v.version,
    title: v.title,
    createdAt: v.created_at.toISOString(),
    createdBy: v.created_by ? (names.get(v.created_by) ?? null) : null,
    warnings: Array.isArray(v.warnings) ? v.warnings.length : 0,
  }));
}

/** Refuse a rubric with errors: every error at once, each with its path and numbers. */
export function assertRubric(rubric: Rubric): RubricFinding[] {
  const findings = checkRubric(rubric);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}：${e.message}`).join('；'), {
      ruleId: 'Y-EVAL-CHECK',
      findings: errors,
    });
  return findings;
}

export async function ownerFor(ctx: EvaluationContext, actor: Actor, orgId: string) {
  const org = orgForAction(
    actor,
    'evaluation.manage',
    isId(orgId) ? await ctx.orgs.findById(orgId) : undefined,
    '单位',
  );
  if (!OWNER_KINDS.has(org.kind))
    throw new AppError('VALIDATION_FAILED', '评价标准和评价活动由教育局或进修学校（教师发展中心）建立', {
      field: 'ownerOrgId',
    });
  return org;
}

/** Save an officer's rubric: a new one, or the next version of one (rubricId). */
export async function saveRubric(
  ctx: EvaluationContext,
  actor: Actor,
  input: SaveRubric,
): Promise<RubricDetail> {
  requirePermission(actor, 'evaluation.manage');
  const owner = await ownerFor(ctx, actor, input.ownerOrgId);
  const rubric = rubricFromJson(input.rubric);
  const previous = input.rubricId
    ? visibleOr404(
        isId(input.rubricId) ? await ctx.repo.findRubric(input.rubricId) : undefined,
        (r) => orgKnown(actor, r.org_path),
        '评价标准',
      )
    : undefined;
  if (previous) requirePermission(actor, 'evaluation.manage', previous.org_path);
  const findings = assertRubric(rubric);
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const countyId = previous?.county_id ?? regionOf(owner);
    const version = previous ? (await ctx.repo.maxVersion(countyId, previous.rubric_id, trx)) + 1 : 1;
    const newId = await ctx.repo.insertRubric(
      {
        county_id: countyId,
        ...(previous ? { rubric_id: previous.rubric_id } : {}),
        version,
        owner_org_id: previous?.owner_org_id ?? owner.id,
        org_path: previous?.org_path ?? owner.path,
        title: rubric.title,
        body: JSON.stringify({ ...rubric, version: String(version) }),
        warnings: JSON.stringify(warningsOf(findings)),
        created_by: actor.accountId,
        created_at: now,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.rubric.save',
        entity: 'evaluation_rubric',
        entityId: newId,
        orgId: previous?.owner_org_id ?? owner.id,
        details: {
          title: rubric.title,
          version,
          warnings: warningsOf(findings).map((f) => f.code),
          on: dateOf(now),
        },
      },
      trx,
    );
    return newId;
  });
  return getRubric(ctx, actor, `rubric:${id}`);
}

/**
 * Clone a built-in (or a stored rubric) into an editable rubric owned by the actor's unit; without a title given,
 * the clone takes the owner's name in place of the region its title begins with (济源's built-ins).
 */
export async function cloneRubric(
  ctx: EvaluationContext,
  actor: Actor,
  input: CloneRubric,
): Promise<RubricDetail> {
  requirePermission(actor, 'evaluation.manage');
  const from = await resolveRubric(ctx, actor, input.from);
  const owner = await ownerFor(ctx, actor, input.ownerOrgId);
  const title = input.title?.trim() || cloneRubricTitle(from.rubric, owner.name);
  return saveRubric(ctx, actor, {
    ownerOrgId: input.ownerOrgId,
    rubric: { ...(from.rubric as RubricDetail['rubric']), title, region: owner.name },
  });
}
