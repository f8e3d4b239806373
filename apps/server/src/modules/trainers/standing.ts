/**
 * R3-P01 / R3-P02: each county's own trainer team in the actor's scope — its members on the day (the year's last
 * day, or today for the current year) and how many of them were assigned to at least one programme or class
 * starting that year — judged by core's `countyTeamStanding`.
 */
import type { TrainerStanding, TrainerStandingQuery } from '@yanxun/contracts';
import { trainerStandingQuerySchema } from '@yanxun/contracts';
import { countyTeamStanding, idsOf } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { isId } from '../../shared/ids';
import { requirePermission } from '../../shared/permissions';
import { visibleOr404 } from '../../shared/visibility';
import type { TrainersContext } from './context';
import type { TrainerOrg } from './ports';
import { today } from './trainer-access';

/** The counties at or under a node: a county itself, or found through the province and city levels. */
async function countiesUnder(ctx: TrainersContext, root: TrainerOrg): Promise<TrainerOrg[]> {
  if (root.kind === 'county') return [root];
  if (root.kind !== 'province' && root.kind !== 'city') return [];
  const out: TrainerOrg[] = [];
  for (const child of await ctx.orgs.childrenOf(root.id)) out.push(...(await countiesUnder(ctx, child)));
  return out;
}

export async function trainerStanding(
  ctx: TrainersContext,
  actor: Actor,
  input: TrainerStandingQuery,
): Promise<TrainerStanding> {
  const q = trainerStandingQuerySchema.parse(input);
  const scope = requirePermission(actor, 'trainer.read');
  const on = today(ctx);
  const year = q.year ?? Number(on.slice(0, 4));
  const asOf = `${year}-12-31` < on ? `${year}-12-31` : on;
  let roots: TrainerOrg[];
  if (q.orgId !== undefined) {
    const org = visibleOr404(
      isId(q.orgId) ? await ctx.orgs.findById(q.orgId) : undefined,
      (o) => scope.some((root) => o.path.startsWith(root)),
      '单位',
    );
    roots = [org];
  } else {
    const tops = await Promise.all(scope.map((p) => ctx.orgs.findById(idsOf(p).at(-1) ?? '')));
    roots = tops.filter((o): o is TrainerOrg => o !== undefined);
  }
  const counties = (await Promise.all(roots.map((r) => countiesUnder(ctx, r)))).flat();
  const ids = counties.map((c) => c.id);
  const [team, participants] = await Promise.all([
    ctx.repo.teamOf(ids, asOf),
    ctx.repo.participantsOf(ids, year),
  ]);
  const rulesAt = await ctx.rulesAt(
    counties.map((c) => c.path),
    asOf,
  );
  // the headline figures are the first county's rules (the root's when there is no county)
  const first = counties[0];
  const rules = (first && rulesAt.get(first.path)) ?? (await ctx.rulesFor('/', asOf));
  return {
    year,
    asOf,
    teamMin: rules.trainers.countyTeamMin.value,
    activeShareMin: rules.trainers.activeShareMin.value,
    counties: counties.map((c) => {
      const own = rulesAt.get(c.path) ?? rules;
      const s = countyTeamStanding(
        team.filter((m) => m.county_id === c.id).map((m) => m.id),
        participants.filter((p) => p.county_id === c.id).map((p) => p.record_id),
        own,
      );
      return {
        orgId: c.id,
        name: c.name,
        size: s.size,
        active: s.active,
        activeShare: s.activeShare,
        findings: s.findings.map((f) => ({ ...f, values: { ...f.values } })),
      };
    }),
  };
}

/**
 * One county's trainer team in a year, as `trainerStanding` counts it (members on the year's last day, or today for
 * the current year; active = assigned to a programme or class starting that year), with the county's thresholds.
 * No actor: the caller authorizes (the evaluation module's live items, R3-P01 / R3-P02).
 */
export async function countyTeamOf(
  ctx: TrainersContext,
  county: { id: string; path: string },
  year: number,
): Promise<{
  asOf: string;
  size: number;
  active: number;
  teamMin: number;
  activeShareMin: number;
}> {
  const on = today(ctx);
  const asOf = `${year}-12-31` < on ? `${year}-12-31` : on;
  const [team, participants, rules] = await Promise.all([
    ctx.repo.teamOf([county.id], asOf),
    ctx.repo.participantsOf([county.id], year),
    ctx.rulesFor(county.path, asOf),
  ]);
  const s = countyTeamStanding(
    team.map((m) => m.id),
    participants.map((p) => p.record_id),
    rules,
  );
  return {
    asOf,
    size: s.size,
    active: s.active,
    teamMin: rules.trainers.countyTeamMin.value,
    activeShareMin: rules.trainers.activeShareMin.value,
  };
}
