import type { SelectionQuality, SelectionQualityQuery } from '@yanxun/contracts';
import { PROJECT_COUNTY_DEDUCTION, projectCountyDeduction } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { scopeOf } from '../../../shared/permissions';
import type { ProgramsContext } from '../context';
import { loadProgramme } from '../programme-access';

type QualityCountsRow = Awaited<ReturnType<ProgramsContext['repo']['qualityCounts']>>[number];

/** R3-B03's four person-times of one unit of one programme: 少报, 缺培, 未结业, 学员不符合遴选条件. */
export function personTimesOf(c: QualityCountsRow | undefined, seats: number | null) {
  const rules = PROJECT_COUNTY_DEDUCTION;
  const selected = c?.selected ?? 0;
  return {
    underReported: Math.max(0, (seats ?? 0) - selected),
    missed: c?.no_shows ?? 0,
    notCompleted: c?.not_completed ?? 0,
    ineligible:
      (c?.ineligible_selected ?? 0) + (rules.overridesCountAsIneligible.value ? (c?.overridden ?? 0) : 0),
  };
}

/**
 * R3-B03's person-times of a county summed over the year's programmes that reach it from above (owned by its city,
 * province …), as each programme's selection-quality rows count them at the county level, with the seats allotted
 * and the trainees selected behind R3-B02's rates. The county's own programmes (县培) are left out: it runs them, it
 * is not sent to them. No actor: the caller authorizes (the evaluation module's live items).
 */
export async function countySelectionCounts(
  ctx: ProgramsContext,
  county: { id: string; path: string },
  year: number,
): Promise<{
  programmes: number;
  seats: number;
  selected: number;
  underReported: number;
  missed: number;
  notCompleted: number;
  ineligible: number;
}> {
  const { rows } = await ctx.repo.listProgrammes({ roots: [county.path], year, offset: 0, limit: 1000 });
  const sum = {
    programmes: 0,
    seats: 0,
    selected: 0,
    underReported: 0,
    missed: 0,
    notCompleted: 0,
    ineligible: 0,
  };
  for (const p of rows.filter((r) => !r.owner_path.startsWith(county.path))) {
    const [counts, quotas] = await Promise.all([
      ctx.repo.qualityCounts(p.id, [county]),
      ctx.repo.quotasOfOrgs(p.id, [county.id], ctx.db),
    ]);
    const seats = quotas.find((q) => q.org_id === county.id)?.seats ?? null;
    const t = personTimesOf(counts[0], seats);
    sum.programmes += 1;
    sum.seats += seats ?? 0;
    sum.selected += counts[0]?.selected ?? 0;
    sum.underReported += t.underReported;
    sum.missed += t.missed;
    sum.notCompleted += t.notCompleted;
    sum.ineligible += t.ineligible;
  }
  return sum;
}

/**
 * Selection quality per city, county or school in the actor's scope: nominations by outcome, overridden
 * and refused (ineligible) attempts, no-shows and non-completions, and for counties the project-county
 * deduction of R3-B03 (−1 per person-time: 少报, 缺培, 未结业, 学员不符合遴选条件).
 */
export async function selectionQuality(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  query: SelectionQualityQuery,
): Promise<SelectionQuality> {
  const p = await loadProgramme(ctx, actor, id);
  const level = query.level;
  const roots = scopeOf(actor, 'program.read').map((r) => (p.owner_path.startsWith(r) ? p.owner_path : r));
  const nodes = new Map<string, { id: string; name: string; kind: string; path: string }>();
  for (const root of new Set(roots)) {
    if (!root.startsWith(p.owner_path)) continue;
    const grant = actor.grants.find((g) => g.orgPath === root);
    const self = grant ? await ctx.repo.findOrg(grant.orgId) : undefined;
    if (self?.kind === level) nodes.set(self.id, self);
    for (const o of await ctx.repo.orgsBelow(root, [level])) nodes.set(o.id, o);
  }
  const list = [...nodes.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const [counts, quotaRows] = await Promise.all([
    ctx.repo.qualityCounts(p.id, list),
    ctx.repo.quotaNodes(p.id, null),
  ]);
  const seatsOf = new Map(quotaRows.map((q) => [q.org_id, q.seats]));
  const byOrg = new Map(counts.map((c) => [c.org_id, c]));
  const rules = PROJECT_COUNTY_DEDUCTION;
  return {
    programmeId: p.id,
    level,
    rows: list.map((o) => {
      const c = byOrg.get(o.id);
      const seats = seatsOf.get(o.id) ?? null;
      const selected = c?.selected ?? 0;
      const overridden = c?.overridden ?? 0;
      return {
        orgId: o.id,
        orgName: o.name,
        orgKind: o.kind,
        seats,
        nominations: c?.nominations ?? 0,
        selected,
        candidates: c?.candidates ?? 0,
        notSelected: c?.not_selected ?? 0,
        waitlisted: c?.waitlisted ?? 0,
        withdrawn: c?.withdrawn ?? 0,
        replaced: c?.replaced ?? 0,
        overridden,
        refusedAttempts: c?.refused ?? 0,
        noShows: c?.no_shows ?? 0,
        notCompleted: c?.not_completed ?? 0,
        deduction: o.kind === 'county' ? projectCountyDeduction(personTimesOf(c, seats), rules) : null,
      };
    }),
  };
}
