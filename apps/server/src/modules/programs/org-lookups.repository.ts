import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { subtreeRange } from '../../shared/subtree';

/** The org look-ups every area shares: an org by id, the orgs below a node, names by id. */
export function createOrgLookupsRepository(db: Database) {
  return {
    /** The org row of an id (for quota nodes and owners). */
    findOrg(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'kind', 'code', 'path', 'county_id', 'city_id', 'province_id', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Orgs of `kinds` under a node (not the node itself), in path order. */
    orgsBelow(path: string, kinds: string[]) {
      const [lo, hi] = subtreeRange(path);
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'kind', 'path', 'county_id', 'city_id', 'province_id', 'parent_id'])
        .where('path', '>', lo)
        .where('path', '<', hi)
        .where(sql<boolean>`kind = ANY(${kinds}::text[])`)
        .orderBy('path')
        .execute();
    },

    /** Names of orgs by id (county labels of the preview). */
    async orgNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
