/**
 * Communities as other modules read them by id (the pairings' R3-G20 check, the evaluation's subjects and live
 * item): no actor, the caller authorizes.
 */
import type { CommunitiesContext } from './context';

export interface CommunityRef {
  id: string;
  name: string;
  kind: string;
  level: string;
  hostOrgId: string;
  countyId: string;
  orgPath: string;
}

export async function communityRefsOf(ctx: CommunitiesContext, ids: string[]): Promise<CommunityRef[]> {
  const valid = [...new Set(ids)].filter((id) => /^\d{1,18}$/.test(id));
  return (await ctx.repo.findCommunities(valid)).map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    level: c.level,
    hostOrgId: c.host_org_id,
    countyId: c.county_id,
    orgPath: c.org_path,
  }));
}

/** A community's activities planned and held between two days (the monthly review's counts; R3-G17). */
export async function activityCountsOf(
  ctx: CommunitiesContext,
  id: string,
  from: string,
  to: string,
): Promise<{ planned: number; held: number }> {
  const [c] = /^\d{1,18}$/.test(id) ? await ctx.repo.findCommunities([id]) : [];
  const row = c && (await ctx.repo.reviewCounts([c.org_path], from, to)).find((r) => r.id === id);
  return { planned: row?.planned ?? 0, held: row?.held ?? 0 };
}

/** 三名 studios (名师, 名校长, 名班主任工作室): the studios R3-B01 sets against trained backbone staff. */
export const THREE_NAME_STUDIO_KINDS = [
  'master_teacher_studio',
  'master_principal_studio',
  'master_head_teacher_studio',
] as const;

export interface StudioReach {
  id: string;
  name: string;
  kind: string;
  /** Teachers other than the host who attended at least one activity held in the year (R3-B07). */
  led: number;
}

/** One studio's teachers led in a calendar year with the R3-B07 minimum; undefined for an unknown id. */
export async function studioReachOf(
  ctx: CommunitiesContext,
  id: string,
  year: number,
): Promise<(StudioReach & { ledMin: number }) | undefined> {
  const [c] = /^\d{1,18}$/.test(id) ? await ctx.repo.findCommunities([id]) : [];
  if (!c) return undefined;
  const [rows, rules] = await Promise.all([
    ctx.repo.studioReach(c.org_path, [c.kind], `${year}-01-01`, `${year + 1}-01-01`),
    ctx.rules.communityRules(c.org_path, `${year}-12-31`),
  ]);
  const row = rows.find((r) => r.id === id);
  return { id, name: c.name, kind: c.kind, led: row?.led ?? 0, ledMin: rules.studios.ledPerYearMin.value };
}

/** The 三名 studios under a node (a county) set up by the end of a year, each with its teachers led that year. */
export async function threeNameStudiosOf(
  ctx: CommunitiesContext,
  path: string,
  year: number,
): Promise<{ studios: StudioReach[]; ledMin: number }> {
  const [studios, rules] = await Promise.all([
    ctx.repo.studioReach(path, THREE_NAME_STUDIO_KINDS, `${year}-01-01`, `${year + 1}-01-01`),
    ctx.rules.communityRules(path, `${year}-12-31`),
  ]);
  return { studios, ledMin: rules.studios.ledPerYearMin.value };
}
