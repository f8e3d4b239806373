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
