import {
  type BackboneLevel,
  type EligibilityCandidate,
  type EligibilityContext,
  type EligibilityResult,
  evaluateEligibility,
  type LocationType,
  type PolicyPack,
  type ProjectTrack,
  planEligibilityGrouping,
} from '@yanxun/core';
import type { ProgramsContext } from '../context';
import { toCandidate } from '../nominations/eligibility';
import type { PreviewGroupRow } from './preview.repository';

/** How the what-if preview counts: classes of alike teachers (the default), or every teacher (the reference). */
export type PreviewMethod = 'grouped' | 'per_teacher';

const PREVIEW_BATCH = 5000;

/** One pack the preview evaluates: the pack as it is, or the pack with the proposed changes. */
export interface PreviewRun {
  pack: PolicyPack;
  track: ProjectTrack;
  context: EligibilityContext;
  attestations: string[];
}

export interface PreviewTally {
  teachers: number;
  packs: Array<{ eligible: number; needsOverride: number; ineligible: number; failed: Map<string, number> }>;
  /** Region key → teachers and, per pack, [eligible, needsOverride, ineligible]. */
  byCounty: Map<string, { teachers: number; packs: number[][] }>;
}

/** What the preview counts by: counties, or the schools of a one-county scope. */
export type PreviewUnitKind = 'county' | 'school';

function unitOf(t: { county_id: string; school_id: string }, unit: PreviewUnitKind): string {
  return unit === 'school' ? t.school_id : t.county_id;
}

export function newPreviewTally(packs: number): PreviewTally {
  return {
    teachers: 0,
    packs: Array.from({ length: packs }, () => ({
      eligible: 0,
      needsOverride: 0,
      ineligible: 0,
      failed: new Map<string, number>(),
    })),
    byCounty: new Map(),
  };
}

/** Count `n` teachers of a county with these results (one per pack). */
export function addToTally(t: PreviewTally, countyId: string, results: EligibilityResult[], n: number): void {
  t.teachers += n;
  let c = t.byCounty.get(countyId);
  if (!c) {
    c = { teachers: 0, packs: results.map(() => [0, 0, 0]) };
    t.byCounty.set(countyId, c);
  }
  c.teachers += n;
  results.forEach((r, i) => {
    const p = t.packs[i];
    const cp = c.packs[i];
    if (!p || !cp) return;
    const slot = r.eligible ? 0 : r.needsOverride ? 1 : 2;
    if (slot === 0) p.eligible += n;
    else if (slot === 1) p.needsOverride += n;
    else p.ineligible += n;
    cp[slot] = (cp[slot] ?? 0) + n;
    for (const check of r.checks) {
      if (check.passed) continue;
      const key = `${check.ruleId}\u0000${check.label}`;
      p.failed.set(key, (p.failed.get(key) ?? 0) + n);
    }
  });
}

export function mergeTally(into: PreviewTally, from: PreviewTally): void {
  into.teachers += from.teachers;
  from.packs.forEach((p, i) => {
    const q = into.packs[i];
    if (!q) return;
    q.eligible += p.eligible;
    q.needsOverride += p.needsOverride;
    q.ineligible += p.ineligible;
    for (const [k, v] of p.failed) q.failed.set(k, (q.failed.get(k) ?? 0) + v);
  });
  for (const [k, c] of from.byCounty) {
    const d = into.byCounty.get(k);
    if (!d) {
      into.byCounty.set(k, c);
      continue;
    }
    d.teachers += c.teachers;
    c.packs.forEach((row, i) => {
      const target = d.packs[i];
      if (!target) return;
      row.forEach((v, j) => {
        target[j] = (target[j] ?? 0) + v;
      });
    });
  }
}

/** What a count needs from a result: the outcome and the failed rules. */
function signature(r: EligibilityResult): string {
  const failed = r.checks.filter((c) => !c.passed).map((c) => `${c.ruleId}\u0000${c.label}`);
  return `${r.eligible ? 'E' : r.needsOverride ? 'O' : 'I'}|${failed.join('|')}`;
}

function evaluateRuns(typeCode: string, runs: PreviewRun[], c: EligibilityCandidate): EligibilityResult[] {
  return runs.map((run) =>
    evaluateEligibility(run.pack, typeCode, { ...c, attestations: run.attestations }, run.context),
  );
}

/** Every working teacher under the roots through evaluateEligibility, in keyset batches (the reference path). */
export async function previewPerTeacher(
  ctx: ProgramsContext,
  roots: string[],
  typeCode: string,
  runs: PreviewRun[],
  tally: PreviewTally,
  unit: PreviewUnitKind,
): Promise<void> {
  const integrity = await ctx.repo.standingIntegrityUnder(roots);
  let after: { orgPath: string; pinyin: string; id: string } | null = null;
  for (;;) {
    const batch = await ctx.repo.candidateBatch(roots, after, PREVIEW_BATCH);
    for (const t of batch) {
      const candidate = toCandidate(t, { integrity: integrity.get(t.id) });
      addToTally(tally, unitOf(t, unit), evaluateRuns(typeCode, runs, candidate), 1);
    }
    const last = batch[batch.length - 1];
    if (!last || batch.length < PREVIEW_BATCH) break;
    after = { orgPath: last.org_path, pinyin: last.name_pinyin, id: last.id };
  }
}

/**
 * The grouped path: classes from PostgreSQL, one evaluation per class (with its earliest and its latest
 * dates, which must agree), teachers with standing integrity records one by one. Undefined when a class's
 * representatives disagree (the caller then falls back to the per-teacher path).
 */
export async function previewGrouped(
  ctx: ProgramsContext,
  roots: string[],
  typeCode: string,
  runs: PreviewRun[],
  unit: PreviewUnitKind,
): Promise<{ tally: PreviewTally; groups: number } | undefined> {
  const plan = planEligibilityGrouping(
    runs.map((r) => r.track),
    runs.map((r) => r.context.referenceDate),
  );
  const [rows, withRecords, integrity] = await Promise.all([
    ctx.repo.previewGroups(roots, plan, unit),
    ctx.repo.candidatesWithStandingRecords(roots),
    ctx.repo.standingIntegrityUnder(roots),
  ]);
  type Rep = { lo: PreviewGroupRow; hi: PreviewGroupRow };
  const classes = new Map<string, Rep>();
  const keyOf = (r: PreviewGroupRow) =>
    JSON.stringify([r.klass, r.location_type, r.backbone, r.roles_held, r.title, r.stage]);
  const earlier = <T extends string | number>(a: T | null, b: T | null) =>
    a === null ? b : b === null ? a : a < b ? a : b;
  const later = <T extends string | number>(a: T | null, b: T | null) =>
    a === null ? b : b === null ? a : a > b ? a : b;
  for (const r of rows) {
    const key = keyOf(r);
    const c = classes.get(key);
    if (!c) {
      classes.set(key, { lo: { ...r }, hi: { ...r } });
      continue;
    }
    c.lo.birth_min = earlier(c.lo.birth_min, r.birth_min) ?? r.birth_min;
    c.lo.teaching_min = earlier(c.lo.teaching_min, r.teaching_min);
    c.lo.training_min = earlier(c.lo.training_min, r.training_min);
    c.hi.birth_max = later(c.hi.birth_max, r.birth_max) ?? r.birth_max;
    c.hi.teaching_max = later(c.hi.teaching_max, r.teaching_max);
    c.hi.training_max = later(c.hi.training_max, r.training_max);
  }
  const candidateOf = (r: PreviewGroupRow, end: 'min' | 'max'): EligibilityCandidate => ({
    birthDate: end === 'min' ? r.birth_min : r.birth_max,
    teachingStartDate: end === 'min' ? r.teaching_min : r.teaching_max,
    trainingStartYear: end === 'min' ? r.training_min : r.training_max,
    backbone: r.backbone as BackboneLevel | null,
    rolesHeld: r.roles_held ?? [],
    title: r.title,
    stage: r.stage,
    schoolLocationType: r.location_type as LocationType | null,
    enrolments: [],
    integrityRecords: [],
  });
  const results = new Map<string, EligibilityResult[]>();
  for (const [key, c] of classes) {
    const lo = evaluateRuns(typeCode, runs, candidateOf(c.lo, 'min'));
    const hi = evaluateRuns(typeCode, runs, candidateOf(c.hi, 'max'));
    if (lo.some((r, i) => signature(r) !== signature(hi[i] ?? r))) return undefined;
    results.set(key, lo);
  }
  const tally = newPreviewTally(runs.length);
  for (const r of rows) addToTally(tally, r.unit_id, results.get(keyOf(r)) ?? [], r.n);
  for (const t of withRecords) {
    const candidate = toCandidate(t, { integrity: integrity.get(t.id) });
    addToTally(tally, unitOf(t, unit), evaluateRuns(typeCode, runs, candidate), 1);
  }
  return { tally, groups: classes.size };
}
