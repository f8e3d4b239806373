/**
 * 各县统计: the pairings of each county in the actor's scope for one school year (1 Sep – 31 Aug) — active pairings
 * by kind, partners helped, pairings flagged (the findings exactly as the list shows them), joint activities held,
 * active pairings with none — and the total. Counts are aggregated in SQL by the lead's region key; a county with
 * no pairing still has its row. A region key in scope that is not a county (a city's own 市直 schools leading
 * pairings) gets a row of its own so the total is whole.
 */
import type { PairingStats, PairingStatsCounts, PairingStatsQuery, PairingStatsRow } from '@yanxun/contracts';
import {
  addDays,
  DEFAULT_SCHOOL_YEAR_START,
  idOfPath,
  schoolYearFirstDay,
  schoolYearOf,
  schoolYearStarting,
  schoolYearStartYear,
} from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import type { PairingsContext } from './context';
import { findingsOf, todayOf } from './pairing-access';
import type { PairingOrg } from './ports';

/** The counties at or under a unit: a county itself, or found through the province and city levels. */
async function countiesUnder(ctx: PairingsContext, root: PairingOrg): Promise<PairingOrg[]> {
  if (root.kind === 'county') return [root];
  if (root.kind !== 'province' && root.kind !== 'city') return [];
  const children = await ctx.orgs.childrenOf(root.id);
  return (await Promise.all(children.map((c) => countiesUnder(ctx, c)))).flat();
}

/** A school year's first and last day: '2026-2027' → 2026-09-01 … 2027-08-31. */
export function schoolYearWindow(schoolYear: string): { from: string; to: string } {
  const first = schoolYearStartYear(schoolYear);
  if (first === undefined)
    throw new AppError('VALIDATION_FAILED', '学年格式应为 2026-2027', { field: 'schoolYear' });
  const start = DEFAULT_SCHOOL_YEAR_START;
  return {
    from: schoolYearFirstDay(schoolYear, start),
    to: addDays(schoolYearFirstDay(schoolYearStarting(first + 1), start), -1),
  };
}

const zero = (): PairingStatsCounts => ({
  active: { dev_school: 0, demo_school: 0, studio_workshop: 0, total: 0 },
  partnersHelped: 0,
  flagged: 0,
  activities: 0,
  participants: 0,
  idle: 0,
});

function add(into: PairingStatsCounts, c: PairingStatsCounts): void {
  into.active.dev_school += c.active.dev_school;
  into.active.demo_school += c.active.demo_school;
  into.active.studio_workshop += c.active.studio_workshop;
  into.active.total += c.active.total;
  into.partnersHelped += c.partnersHelped;
  into.flagged += c.flagged;
  into.activities += c.activities;
  into.participants += c.participants;
  into.idle += c.idle;
}

export async function pairingStats(
  ctx: PairingsContext,
  actor: Actor,
  q: PairingStatsQuery,
): Promise<PairingStats> {
  const roots = requirePermission(actor, 'pairing.read');
  const schoolYear = q.schoolYear ?? schoolYearOf(todayOf(ctx));
  const { from, to } = schoolYearWindow(schoolYear);
  const w = { roots, schoolYear, from, to };
  const tops = await Promise.all(roots.map((r) => ctx.orgs.findById(idOfPath(r))));
  const [counties, active, partners, activities, pairings] = await Promise.all([
    Promise.all(tops.map((t) => (t ? countiesUnder(ctx, t) : Promise.resolve([])))).then((c) => c.flat()),
    ctx.repo.activeByRegion(w),
    ctx.repo.partnersByRegion(w),
    ctx.repo.activitiesByRegion(w),
    ctx.repo.activePairings(w),
  ]);
  const findings = await findingsOf(ctx, pairings, await ctx.repo.partnersOf(pairings.map((p) => p.id)));

  const counts = new Map<string, PairingStatsCounts>();
  const of = (regionId: string) => {
    let c = counts.get(regionId);
    if (!c) {
      c = zero();
      counts.set(regionId, c);
    }
    return c;
  };
  for (const r of active) {
    const c = of(r.county_id);
    c.active = {
      dev_school: r.dev_school,
      demo_school: r.demo_school,
      studio_workshop: r.studio_workshop,
      total: r.dev_school + r.demo_school + r.studio_workshop,
    };
    c.idle = r.idle;
  }
  for (const r of partners) of(r.county_id).partnersHelped = r.n;
  for (const r of activities) {
    const c = of(r.county_id);
    c.activities = r.n;
    c.participants = r.participants;
  }
  for (const p of pairings) if ((findings.get(p.id) ?? []).length > 0) of(p.county_id).flagged += 1;

  // a region key that is not one of the counties (a city's own units): named and kept when it is in scope
  const countyIds = new Set(counties.map((c) => c.id));
  const others = [...counts.keys()].filter((id) => !countyIds.has(id));
  const otherOrgs = (others.length > 0 ? await ctx.orgs.findByIds(others) : []).filter((o) =>
    roots.some((r) => o.path.startsWith(r)),
  );
  const rows: PairingStatsRow[] = [...counties, ...otherOrgs].map((o) => ({
    regionId: o.id,
    name: o.name,
    ...(counts.get(o.id) ?? zero()),
  }));
  const total = zero();
  for (const r of rows) add(total, r);
  return { schoolYear, from, to, rows, total };
}
