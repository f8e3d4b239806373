/** Communities as other modules read them by id (the pairings' R3-G20 check): no actor, the caller authorizes. */
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
