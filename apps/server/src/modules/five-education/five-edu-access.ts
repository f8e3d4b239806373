/**
 * Loading a framework or a round and deciding who sees and acts on it, and both as every read returns them. A
 * framework is read in its owner's subtree and below it (a county reads its city's); a round over its subtree, and
 * by a unit that holds one of its schools (a school admin: its own results). Out of scope reads like unknown.
 */
import {
  type FiveEduFramework,
  type FiveEduFrameworkBody,
  type FiveEduRound,
  type FiveEduWeights,
  fiveEduFrameworkBodySchema,
} from '@yanxun/contracts';
import { checkFiveWeights } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { can, scopeOf } from '../../shared/permissions';
import { visibleOr404 } from '../../shared/visibility';
import type { FiveEduContext } from './context';
import type { FrameworkRow, RoundRow, RoundSchoolRow } from './five-education.repository';
import { asFractions } from './scoring';

export const FRAMEWORK = '五育评价框架';
export const ROUND = '五育监测';

const isId = (id: string) => /^\d{1,18}$/.test(id);

export function bodyOf(row: FrameworkRow): FiveEduFrameworkBody {
  return fiveEduFrameworkBodySchema.parse(row.body);
}

/** Read: the owner's subtree, or a grant below the owner. */
export function mayReadFramework(actor: Actor, f: FrameworkRow): boolean {
  return scopeOf(actor, 'five_edu.read').some(
    (root) => root.startsWith(f.org_path) || f.org_path.startsWith(root),
  );
}

export async function loadFramework(ctx: FiveEduContext, actor: Actor, id: string): Promise<FrameworkRow> {
  if (!isId(id)) throw notFound(FRAMEWORK);
  return visibleOr404(await ctx.repo.findFramework(id), (f) => mayReadFramework(actor, f), FRAMEWORK);
}

export function mayReadRound(actor: Actor, r: RoundRow, schools: readonly RoundSchoolRow[]): boolean {
  return (
    can(actor, 'five_edu.read', r.org_path) || schools.some((s) => can(actor, 'five_edu.read', s.school_path))
  );
}

export async function loadRound(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
): Promise<{ round: RoundRow; schools: RoundSchoolRow[] }> {
  if (!isId(id)) throw notFound(ROUND);
  const row = await ctx.repo.findRound(id);
  const schools = row ? await ctx.repo.schoolsOf(row.county_id, row.id) : [];
  return { round: visibleOr404(row, (r) => mayReadRound(actor, r, schools), ROUND), schools };
}

/** CD-24: five weights of 0–100 % summing to 100 %, refused with the numbers. */
export function checkWeights(weights: FiveEduWeights): void {
  try {
    checkFiveWeights(asFractions(weights));
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const sum = Math.round(Object.values(weights).reduce((s, w) => s + w, 0) * 100) / 100;
    throw new AppError('VALIDATION_FAILED', err.message, { ruleId: 'CD-24', field: 'weights', weights, sum });
  }
}

export function countsOf(body: FiveEduFrameworkBody): { elementCount: number; indicatorCount: number } {
  const elements = body.dimensions.flatMap((d) => d.elements);
  return {
    elementCount: elements.length,
    indicatorCount: elements.reduce((s, e) => s + e.indicators.length, 0),
  };
}

export function frameworkView(actor: Actor, f: FrameworkRow, orgName: string): FiveEduFramework {
  const body = bodyOf(f);
  return {
    id: f.id,
    orgId: f.county_id,
    orgName,
    year: f.year,
    version: f.version,
    name: f.name,
    status: f.status === 'published' ? 'published' : 'draft',
    body,
    publishedAt: f.published_at ? f.published_at.toISOString() : null,
    ...countsOf(body),
    canManage: can(actor, 'five_edu.manage', f.org_path),
  };
}

export function roundView(
  actor: Actor,
  r: RoundRow,
  f: FrameworkRow,
  orgName: string,
  schoolCount: number,
): FiveEduRound {
  return {
    id: r.id,
    name: r.name,
    year: r.year,
    orgId: r.org_id,
    orgName,
    frameworkId: f.id,
    frameworkName: f.name,
    frameworkVersion: f.version,
    studentPercent: r.student_bp / 100,
    staffPercent: r.staff_bp / 100,
    seed: r.seed,
    drawnAt: r.drawn_at ? r.drawn_at.toISOString() : null,
    indicatorCount: countsOf(bodyOf(f)).indicatorCount,
    schoolCount,
    canManage: can(actor, 'five_edu.manage', r.org_path),
  };
}

/** The indicators of a framework, flat, in order. */
export function indicatorsOf(body: FiveEduFrameworkBody) {
  return body.dimensions.flatMap((d) => d.elements.flatMap((e) => e.indicators));
}
