/**
 * 五育 scores of a round (CD-24, Y-EVAL-BANDS, Y-EVAL-SENSITIVITY): per school its dimension scores, weighted total,
 * band and the ±10 % sensitivity; per district (county) the mean of its scored schools, each school counting once.
 * Weights given in the query are a what-if: checked like the framework's (summing to 100 %), never saved.
 */
import type {
  FiveEduDimension,
  FiveEduResults,
  FiveEduResultsQuery,
  FiveEduWeights,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import type { FiveEduContext } from './context';
import { bodyOf, checkWeights, FRAMEWORK, loadRound } from './five-edu-access';
import { visibleSchools } from './rounds';
import { dimensionScores, districtScore, schoolScore } from './scoring';

function whatIf(saved: FiveEduWeights, q: FiveEduResultsQuery): FiveEduWeights {
  const given = [q.moral, q.intellectual, q.physical, q.aesthetic, q.labour];
  if (given.every((x) => x === undefined)) return saved;
  if (given.some((x) => x === undefined))
    throw new AppError('VALIDATION_FAILED', '请同时给出五个维度的权重', {
      ruleId: 'CD-24',
      field: 'weights',
    });
  const w = {
    moral: q.moral ?? 0,
    intellectual: q.intellectual ?? 0,
    physical: q.physical ?? 0,
    aesthetic: q.aesthetic ?? 0,
    labour: q.labour ?? 0,
  };
  checkWeights(w);
  return w;
}

export async function roundResults(
  ctx: FiveEduContext,
  actor: Actor,
  id: string,
  q: FiveEduResultsQuery,
): Promise<FiveEduResults> {
  requirePermission(actor, 'five_edu.read');
  const { round, schools: all } = await loadRound(ctx, actor, id);
  const f = await ctx.repo.findFramework(round.framework_id);
  if (!f) throw notFound(FRAMEWORK);
  const body = bodyOf(f);
  const weights = whatIf(body.weights, q);
  const schools = visibleSchools(actor, round, all);
  const values = await ctx.repo.valuesOf(round.county_id, round.id);
  const bySchool = new Map<string, Map<string, number>>();
  for (const v of values) {
    const m = bySchool.get(v.school_id) ?? new Map<string, number>();
    m.set(v.indicator_code, v.value);
    bySchool.set(v.school_id, m);
  }
  const orgs = new Map((await ctx.orgs.findByIds(schools.map((s) => s.school_id))).map((o) => [o.id, o]));
  const countyIds = [...new Set([...orgs.values()].flatMap((o) => (o.county_id ? [o.county_id] : [])))];
  const counties = new Map((await ctx.orgs.findByIds(countyIds)).map((o) => [o.id, o]));
  const results = schools.map((s) => {
    const o = orgs.get(s.school_id);
    const d = dimensionScores(body, bySchool.get(s.school_id) ?? new Map());
    const countyId = o?.county_id ?? null;
    return {
      schoolId: s.school_id,
      name: o?.name ?? `学校 ${s.school_id}`,
      countyId,
      countyName: (countyId && counties.get(countyId)?.name) || '',
      dimensions: d.dimensions,
      ...schoolScore(d.dimensions, weights),
      elements: d.elements,
    };
  });
  // districts: for whoever reads the round's whole subtree or a whole county of it
  const districts = [...new Set(results.map((r) => r.countyId))].flatMap((countyId) => {
    const county = countyId ? counties.get(countyId) : undefined;
    const whole =
      can(actor, 'five_edu.read', round.org_path) || (county && can(actor, 'five_edu.read', county.path));
    if (!whole) return [];
    const mine = results.filter((r) => r.countyId === countyId);
    const agg = districtScore(
      mine.map((r) => r.dimensions as Record<FiveEduDimension, number | null>),
      weights,
    );
    return [
      {
        countyId,
        name: county?.name ?? '',
        schools: mine.length,
        scored: mine.filter((r) => r.score !== null).length,
        ...agg,
      },
    ];
  });
  return { weights, savedWeights: body.weights, rule: 'CD-24', schools: results, districts };
}
