/**
 * The rules in force for a unit on a day (Y-HOURS-PACK-IN-FORCE): a section of the newest published pack (year up
 * to the day's, then version) of the nearest region on the unit's path, else core's defaults.
 * - 学时 (`hours`): the school-year start and the per-day caps shape what is stored (an entry's school year, the
 *   kept totals), so they are the top region's for every unit; a lower region's pack sets everything else.
 * - studios, workshops, trainers, 校本研修 (`communities`): the nearest region's, whole.
 */
import {
  type CategoryHourRules,
  type CommunityRules,
  communityRulesOf,
  DEFAULT_COMMUNITY_RULES,
  DEFAULT_HOUR_RULES,
  type HourCategory,
  type HourRules,
  hourRulesOf,
  idsOf,
  isValidOrgPath,
  type PolicyPack,
} from '@yanxun/core';
import type { Database } from '../../../db/database';
import type { ProgramsContext } from '../context';

/** `rules` with the stored-shape values (school-year start, per-day caps) of `top`. */
function withStoredShapeOf(rules: HourRules, top: HourRules): HourRules {
  const categories: Partial<Record<HourCategory, CategoryHourRules>> = {};
  const keys = new Set([
    ...Object.keys(rules.categories),
    ...Object.keys(top.categories),
  ]) as Set<HourCategory>;
  for (const k of keys) {
    const own: CategoryHourRules = rules.categories[k] ?? {};
    const { dayCapTenths: _own, ...rest } = own;
    const dayCap = top.categories[k]?.dayCapTenths;
    categories[k] = dayCap ? { ...rest, dayCapTenths: dayCap } : rest;
  }
  return { ...rules, schoolYearStart: top.schoolYearStart, categories };
}

/**
 * No actor: the rules in force are public policy; the calling module has checked its own actor. `trx`: read in
 * the caller's transaction (a posting asks from inside its own).
 */
export async function hourRulesIn(
  ctx: ProgramsContext,
  orgPath: string,
  on: string,
  trx: Database = ctx.db,
): Promise<HourRules> {
  if (!isValidOrgPath(orgPath)) return DEFAULT_HOUR_RULES;
  const year = Number(on.slice(0, 4));
  const ids = idsOf(orgPath);
  const ownPack = await ctx.repo.packInForce(ids, year, trx);
  // no pack on the path: not at the top either; the top region's own pack: nothing to take from above
  if (!ownPack) return DEFAULT_HOUR_RULES;
  const own = hourRulesOf(ownPack.body as PolicyPack);
  if (ownPack.region_org_id === ids[0]) return own;
  const topPack = await ctx.repo.packInForce(ids.slice(0, 1), year, trx);
  return withStoredShapeOf(own, topPack ? hourRulesOf(topPack.body as PolicyPack) : DEFAULT_HOUR_RULES);
}

/** The `communities` rules in force for a unit on a day (no actor: public policy); `trx` as for `hourRulesIn`. */
export async function communityRulesIn(
  ctx: ProgramsContext,
  orgPath: string,
  on: string,
  trx: Database = ctx.db,
): Promise<CommunityRules> {
  if (!isValidOrgPath(orgPath)) return DEFAULT_COMMUNITY_RULES;
  const row = await ctx.repo.packInForce(idsOf(orgPath), Number(on.slice(0, 4)), trx);
  return row ? communityRulesOf(row.body as PolicyPack) : DEFAULT_COMMUNITY_RULES;
}

/**
 * The `communities` rules in force on a day for each of these units (a list's lead or host units), with one read
 * of the packs: for each path, the pack of its deepest region that has one, as `communityRulesIn` finds it.
 */
export async function communityRulesAt(
  ctx: ProgramsContext,
  orgPaths: readonly string[],
  on: string,
): Promise<Map<string, CommunityRules>> {
  const out = new Map<string, CommunityRules>();
  const paths = [...new Set(orgPaths)];
  const valid = paths.filter(isValidOrgPath);
  for (const p of paths) if (!isValidOrgPath(p)) out.set(p, DEFAULT_COMMUNITY_RULES);
  if (valid.length === 0) return out;
  // the packs of the regions on these paths only (a list's units share most of their ancestors)
  const regions = [...new Set(valid.flatMap(idsOf))];
  const packs = new Map(
    (await ctx.repo.packsInForceByRegion(regions, Number(on.slice(0, 4)))).map((p) => [p.region_org_id, p]),
  );
  const ofPack = new Map<string, CommunityRules>();
  for (const path of valid) {
    const ids = idsOf(path);
    let pack: { id: string; body: unknown } | undefined;
    for (let i = ids.length - 1; i >= 0 && !pack; i--) pack = packs.get(ids[i] ?? '');
    if (!pack) {
      out.set(path, DEFAULT_COMMUNITY_RULES);
      continue;
    }
    let rules = ofPack.get(pack.id);
    if (!rules) {
      rules = communityRulesOf(pack.body as PolicyPack);
      ofPack.set(pack.id, rules);
    }
    out.set(path, rules);
  }
  return out;
}
