import type { PackChange, PackPreview, PackPreviewRequest, PreviewCounts } from '@yanxun/contracts';
import { findProjectType, findTrack, type PolicyPack, resolveReferenceDate } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError } from '../../../shared/app-error';
import { requirePermission } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadOrgFor } from '../programme-access';
import { packWithSectionDefaults } from './builtin-packs';
import { checkPack, loadPack, problemsError } from './pack-access';
import {
  mergeTally,
  newPreviewTally,
  type PreviewMethod,
  type PreviewRun,
  type PreviewUnitKind,
  previewGrouped,
  previewPerTeacher,
} from './preview-tally';

/** Apply what-if edits: `path` as validatePack reports it; a PolicyValue target gets its `.value` set. */
export function applyChanges(pack: PolicyPack, changes: PackChange[]): PolicyPack {
  const copy = structuredClone(pack) as unknown as Record<string, unknown>;
  for (const change of changes) {
    const keys = change.path.match(/[^.[\]]+/g) ?? [];
    const bad = () =>
      new AppError('VALIDATION_FAILED', `修改路径"${change.path}"在政策包中不存在`, {
        problems: [{ code: 'PACK.PATH', ruleId: 'PACK.STRUCTURE', path: change.path, message: '路径不存在' }],
      });
    if (keys.length === 0 || keys.some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype'))
      throw bad();
    let node: unknown = copy;
    for (const key of keys.slice(0, -1)) {
      if (node === null || typeof node !== 'object' || !(key in node)) throw bad();
      node = (node as Record<string, unknown>)[key];
    }
    const last = keys[keys.length - 1] ?? '';
    if (node === null || typeof node !== 'object') throw bad();
    const parent = node as Record<string, unknown>;
    const target = parent[last];
    if (target !== null && typeof target === 'object' && 'ruleId' in target && 'value' in target) {
      (target as Record<string, unknown>).value = change.value;
    } else if (last in parent || change.value !== undefined) {
      parent[last] = change.value;
    } else {
      throw bad();
    }
  }
  return copy as unknown as PolicyPack;
}

/**
 * What-if: how many working teachers under the actor's scope are eligible for a project type under the
 * pack, and under the pack with `changes`, in total, per region key (county) and per failed rule.
 * Attestations are taken as confirmed and other enrolments are ignored (they belong to a nomination, not to
 * a rule change); standing integrity records count.
 *
 * `grouped` (the default): PostgreSQL groups the teachers by the classes of every attribute the rules read
 * (core planEligibilityGrouping) and core evaluateEligibility runs once per class, its result multiplied by
 * the class size; teachers with a standing integrity record are evaluated one by one. Each class is
 * evaluated with its earliest and its latest member's dates; were they ever to disagree, the preview falls
 * back to `per_teacher`, which streams every teacher through evaluateEligibility (the reference).
 */
export async function previewPack(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  req: PackPreviewRequest,
  opts: { method?: PreviewMethod } = {},
): Promise<PackPreview> {
  const started = performance.now();
  const row = await loadPack(ctx, actor, id);
  let roots = requirePermission(actor, 'teacher.read');
  if (req.orgId) {
    const org = await loadOrgFor(ctx, actor, 'teacher.read', req.orgId);
    roots = [org.path];
  }
  // with the optional sections filled, so a change to class operations, completion or KPI targets
  // is applied and checked like any other rule
  const base = packWithSectionDefaults(row.body as PolicyPack);
  const type = findProjectType(base, req.projectTypeCode);
  const track = type && findTrack(type, req.trackCode);
  if (!type || !track) {
    throw new AppError('VALIDATION_FAILED', `政策包中没有项目类型"${req.projectTypeCode}"或其参训对象类别`);
  }
  let changed: PolicyPack | null = null;
  if (req.changes && req.changes.length > 0) {
    changed = applyChanges(base, req.changes);
    const problems = checkPack(changed);
    if (problems.length > 0) throw problemsError(problems);
  }
  const packs = changed ? [base, changed] : [base];
  const runs: PreviewRun[] = packs.map((pk) => {
    const ref = resolveReferenceDate(pk, { startDate: pk.deadlines.selectionDue.value });
    const pkTrack = findTrack(findProjectType(pk, type.code) ?? type, track.code) ?? track;
    return {
      pack: pk,
      track: pkTrack,
      context: {
        referenceDate: ref,
        programme: { id: 'preview', startDate: ref, endDate: ref },
        trackCode: track.code,
      },
      attestations: (pkTrack.eligibility.attestations?.value ?? []).map((a) => a.code),
    };
  });
  const tallyBy = async (unit: PreviewUnitKind) => {
    const tally = newPreviewTally(runs.length);
    let method: PreviewMethod = opts.method ?? 'grouped';
    let groups = 0;
    if (method === 'grouped') {
      const g = await previewGrouped(ctx, roots, type.code, runs, unit);
      if (g) {
        groups = g.groups;
        mergeTally(tally, g.tally);
      } else {
        method = 'per_teacher';
      }
    }
    if (method === 'per_teacher') await previewPerTeacher(ctx, roots, type.code, runs, tally, unit);
    return { tally, method, groups };
  };
  const { tally, method, groups } = await tallyBy('county');
  // the chart's units: counties, or the schools when the scope lies in one county (a second, county-sized run)
  const unitTally = tally.byCounty.size === 1 ? (await tallyBy('school')).tally : tally;
  const unitKind = tally.byCounty.size === 1 ? 'school' : 'county';
  const unitNames = await ctx.repo.orgNames([...unitTally.byCounty.keys()]);
  const byUnit = [...unitTally.byCounty.entries()]
    .map(([orgId, c]) => ({
      orgId,
      orgName: unitNames.get(orgId) ?? orgId,
      orgKind: unitKind,
      teachers: c.teachers,
      eligible: c.packs[0]?.[0] ?? 0,
      needsOverride: c.packs[0]?.[1] ?? 0,
      changedEligible: changed ? (c.packs[1]?.[0] ?? 0) : null,
      changedNeedsOverride: changed ? (c.packs[1]?.[1] ?? 0) : null,
    }))
    .sort((a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.orgId.localeCompare(b.orgId));
  const names = await ctx.repo.orgNames([...tally.byCounty.keys()]);
  const counts = (i: number): PreviewCounts => {
    const t = tally.packs[i] ?? { eligible: 0, needsOverride: 0, ineligible: 0, failed: new Map() };
    return {
      eligible: t.eligible,
      needsOverride: t.needsOverride,
      ineligible: t.ineligible,
      failedByRule: [...t.failed.entries()]
        .map(([key, failed]) => {
          const [ruleId = '', label = ''] = key.split('\u0000');
          return { ruleId, label, failed };
        })
        .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.label.localeCompare(b.label)),
    };
  };
  const outcome = (c: number[] | undefined) => ({
    eligible: c?.[0] ?? 0,
    needsOverride: c?.[1] ?? 0,
    ineligible: c?.[2] ?? 0,
  });
  return {
    teachers: tally.teachers,
    referenceDate: runs[0]?.context.referenceDate ?? '',
    changedReferenceDate: changed ? (runs[1]?.context.referenceDate ?? null) : null,
    current: counts(0),
    changed: changed ? counts(1) : null,
    byUnit,
    byCounty: [...tally.byCounty.entries()]
      .map(([countyId, c]) => ({
        countyId,
        countyName: names.get(countyId) ?? countyId,
        teachers: c.teachers,
        current: outcome(c.packs[0]),
        changed: changed ? outcome(c.packs[1]) : null,
      }))
      .sort(
        (a, b) => a.countyName.localeCompare(b.countyName, 'zh-CN') || a.countyId.localeCompare(b.countyId),
      ),
    method,
    groups,
    elapsedMs: Math.round(performance.now() - started),
  };
}
