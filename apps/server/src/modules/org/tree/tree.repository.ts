/** Reads of the org tree: nodes by id or code, children, townships, and the counts under each node. */
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { subtreeRange } from '../../../shared/subtree';
import { ORG_COLUMNS, type OrgCounts, type OrgRow } from '../org-rows';

/** A 中心校's name: …中心小学, …中心学校 or …中心校 (a POSIX regular expression). */
const CENTRAL_SCHOOL_NAME = '中心(小学|学校|校)$';

export function createTreeRepository(db: Database) {
  async function countsFor(rows: OrgRow[]): Promise<Map<string, OrgCounts>> {
    const out = new Map<string, OrgCounts>();
    if (rows.length === 0) return out;
    // One pass per kind of count, each an index range scan per node (paths are COLLATE "C").
    const result = await sql<{
      id: string;
      teacher_count: string;
      school_count: string;
      child_count: string;
    }>`
      SELECT n.id,
        (SELECT count(*) FROM teachers t WHERE t.org_path >= n.lo AND t.org_path < n.hi AND t.status <> 'left') AS teacher_count,
        (SELECT count(*) FROM orgs s WHERE s.path >= n.lo AND s.path < n.hi AND s.kind = 'school') AS school_count,
        (SELECT count(*) FROM orgs c WHERE c.parent_id = n.id) AS child_count
      FROM unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => subtreeRange(r.path)[0])}::text[],
                  ${rows.map((r) => subtreeRange(r.path)[1])}::text[]) AS n(id, lo, hi)`.execute(db);
    for (const r of result.rows) {
      out.set(String(r.id), {
        teacher_count: Number(r.teacher_count),
        school_count: Number(r.school_count),
        child_count: Number(r.child_count),
      });
    }
    return out;
  }

  return {
    countsFor,

    /**
     * The 中心校 each of `schoolIds` belongs to (Y-COMM-CENTRAL-AREA): a primary-only school under a 乡镇/街道 with
     * exactly one school named …中心小学 / …中心学校 / …中心校 belongs to that school. Others (the 中心校 itself, a
     * 镇中学, a school with no 中心校 or two) are left out: each is its own area.
     */
    async centralSchoolsOf(schoolIds: string[]): Promise<Map<string, string>> {
      if (schoolIds.length === 0) return new Map();
      const { rows } = await sql<{ id: string; central_id: string }>`
        SELECT s.id, min(c.id) AS central_id
        FROM orgs s
        JOIN orgs t ON t.id = s.parent_id AND t.kind = 'township'
        JOIN orgs c ON c.parent_id = s.parent_id AND c.kind = 'school' AND c.name ~ ${CENTRAL_SCHOOL_NAME}
        WHERE s.id = ANY(${schoolIds}::bigint[]) AND s.kind = 'school' AND s.name !~ ${CENTRAL_SCHOOL_NAME}
          AND cardinality(s.stages) > 0 AND s.stages <@ ARRAY['primary']::text[]
        GROUP BY s.id
        HAVING count(*) = 1`.execute(db);
      return new Map(rows.map((r) => [String(r.id), String(r.central_id)]));
    },

    findById(id: string): Promise<OrgRow | undefined> {
      return db.selectFrom('orgs as o').select(ORG_COLUMNS).where('o.id', '=', id).executeTakeFirst();
    },

    findByIds(ids: string[]): Promise<OrgRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('orgs as o')
        .select(ORG_COLUMNS)
        .where('o.id', 'in', ids)
        .orderBy('o.depth')
        .execute();
    },

    /**
     * By code; pass the transaction when inside one (PGlite has a single connection). `lock`: hold the rows
     * (FOR UPDATE) until the transaction ends.
     */
    findByCodes(codes: string[], trx: Database = db, options: { lock?: boolean } = {}): Promise<OrgRow[]> {
      if (codes.length === 0) return Promise.resolve([]);
      const query = trx
        .selectFrom('orgs as o')
        .select(ORG_COLUMNS)
        .where(sql<boolean>`o.code = ANY(${codes}::text[])`);
      return (options.lock ? query.forUpdate() : query).execute();
    },

    /** By id, in `trx`; `lock`: held (FOR UPDATE) until the transaction ends. */
    findByIdsIn(ids: string[], trx: Database, options: { lock?: boolean } = {}): Promise<OrgRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      const query = trx
        .selectFrom('orgs as o')
        .select(ORG_COLUMNS)
        .where(sql<boolean>`o.id = ANY(${ids}::bigint[])`);
      return (options.lock ? query.forUpdate() : query).execute();
    },

    /** The paths of the tree's tops (units without a parent), oldest first. */
    async topPaths(): Promise<string[]> {
      const rows = await db
        .selectFrom('orgs')
        .select('path')
        .where('parent_id', 'is', null)
        .orderBy('id')
        .execute();
      return rows.map((r) => r.path);
    },

    childrenOf(id: string): Promise<OrgRow[]> {
      return db
        .selectFrom('orgs as o')
        .select(ORG_COLUMNS)
        .where('o.parent_id', '=', id)
        .orderBy('o.kind')
        .orderBy('o.code')
        .orderBy('o.name_pinyin')
        .execute();
    },

    /** Townships (乡镇/街道) of a county, by name or code, for import lookups. */
    townshipsOf(countyIds: string[]): Promise<OrgRow[]> {
      if (countyIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('orgs as o')
        .select(ORG_COLUMNS)
        .where('o.county_id', 'in', countyIds)
        .where('o.kind', '=', 'township')
        .execute();
    },
  };
}

export type TreeRepository = ReturnType<typeof createTreeRepository>;
