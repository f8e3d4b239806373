import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { inSubtrees, subtreeRange } from '../../shared/subtree';

export interface OrgRow {
  id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  kind: string;
  code: string | null;
  name: string;
  province_id: string | null;
  city_id: string | null;
  county_id: string | null;
  stages: string[];
  school_type: string | null;
  location_type: string | null;
  group_name: string | null;
}

export interface OrgCounts {
  teacher_count: number;
  school_count: number;
  child_count: number;
}

const ORG_COLUMNS = [
  'o.id',
  'o.parent_id',
  'o.path',
  'o.depth',
  'o.kind',
  'o.code',
  'o.name',
  'o.province_id',
  'o.city_id',
  'o.county_id',
  'o.stages',
  'o.school_type',
  'o.location_type',
  'o.group_name',
] as const;

export interface SchoolFilter {
  roots: string[];
  q?: string | undefined;
  stage?: string | undefined;
  locationType?: string | undefined;
  offset: number;
  limit: number;
}

/** A school to write, its parent (township or county) resolved. */
export interface SchoolWrite {
  code: string;
  name: string;
  namePinyin: string;
  parentId: string;
  parentPath: string;
  depth: number;
  provinceId: string | null;
  cityId: string | null;
  countyId: string;
  stages: string[];
  schoolType: string | null;
  locationType: string | null;
  groupName: string | null;
}

const SEP = '\u001f';

/**
 * The region key of rows that belong to an org node (teachers, postings): its county, or for a city- or
 * province-level unit (a 市教师发展中心) its city or province. Citus distributes those tables by it.
 */
export function regionKeyOf(
  o: Pick<OrgRow, 'id' | 'kind' | 'county_id' | 'city_id' | 'province_id'>,
): string {
  if (o.kind === 'county') return o.id;
  return o.county_id ?? o.city_id ?? o.province_id ?? o.id;
}

export function createOrgRepository(db: Database) {
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

    async insertSchools(rows: SchoolWrite[], trx: Database): Promise<void> {
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        const ids = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::text AS id
          FROM generate_series(1, ${part.length})`.execute(trx);
        const idList = ids.rows.map((r) => r.id);
        const col = <K extends keyof SchoolWrite>(k: K) => part.map((r) => r[k]);
        await sql`INSERT INTO orgs (id, parent_id, path, depth, kind, code, name, name_pinyin, province_id, city_id, county_id,
            stages, school_type, location_type, group_name)
          SELECT u.id, u.parent_id, u.parent_path || u.id || '/', u.depth, 'school', u.code, u.name, u.name_pinyin,
            u.province_id, u.city_id, u.county_id,
            CASE WHEN u.stages = '' THEN '{}'::text[] ELSE string_to_array(u.stages, ${SEP}) END,
            u.school_type, u.location_type, u.group_name
          FROM unnest(${idList}::bigint[], ${col('parentId')}::bigint[], ${col('parentPath')}::text[], ${col('depth')}::smallint[],
            ${col('code')}::text[], ${col('name')}::text[], ${col('namePinyin')}::text[], ${col('provinceId')}::bigint[],
            ${col('cityId')}::bigint[], ${col('countyId')}::bigint[], ${part.map((r) => r.stages.join(SEP))}::text[],
            ${col('schoolType')}::text[], ${col('locationType')}::text[], ${col('groupName')}::text[])
          AS u(id, parent_id, parent_path, depth, code, name, name_pinyin, province_id, city_id, county_id, stages,
            school_type, location_type, group_name)`.execute(trx);
      }
    },

    /** Update schools in place; a new parent within the same county moves the school's path and its teachers'. */
    async updateSchools(rows: Array<SchoolWrite & { id: string }>, trx: Database): Promise<void> {
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        const col = <K extends keyof (SchoolWrite & { id: string })>(k: K) => part.map((r) => r[k]);
        const u = sql`unnest(${col('id')}::bigint[], ${col('parentId')}::bigint[], ${col('parentPath')}::text[],
            ${col('depth')}::smallint[], ${col('name')}::text[], ${col('namePinyin')}::text[],
            ${part.map((r) => r.stages.join(SEP))}::text[], ${col('schoolType')}::text[], ${col('locationType')}::text[],
            ${col('groupName')}::text[])
          AS u(id, parent_id, parent_path, depth, name, name_pinyin, stages, school_type, location_type, group_name)`;
        await sql`UPDATE orgs AS o SET name = u.name, name_pinyin = u.name_pinyin, parent_id = u.parent_id,
            path = u.parent_path || o.id || '/', depth = u.depth,
            stages = CASE WHEN u.stages = '' THEN '{}'::text[] ELSE string_to_array(u.stages, ${SEP}) END,
            school_type = u.school_type, location_type = u.location_type, group_name = u.group_name, updated_at = now()
          FROM ${u} WHERE o.id = u.id`.execute(trx);
        await sql`UPDATE teachers AS t SET org_path = u.parent_path || u.id || '/'
          FROM ${u} WHERE t.school_id = u.id AND t.org_path <> u.parent_path || u.id || '/'`.execute(trx);
      }
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

    /** Schools of a subtree with their county and township codes, for export. */
    schoolsForExport(roots: string[]) {
      return db
        .selectFrom('orgs as o')
        .leftJoin('orgs as c', 'c.id', 'o.county_id')
        .leftJoin('orgs as p', (j) => j.onRef('p.id', '=', 'o.parent_id').on('p.kind', '=', 'township'))
        .select(ORG_COLUMNS)
        .select(['c.code as county_code', 'p.code as township_code'])
        .where('o.kind', '=', 'school')
        .where((eb) => inSubtrees(eb, 'o.path', roots))
        .orderBy('o.path')
        .execute();
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

    async listSchools(f: SchoolFilter): Promise<{
      rows: Array<OrgRow & { county_name: string | null; township_name: string | null }>;
      total: number;
    }> {
      let q = db
        .selectFrom('orgs as o')
        .where('o.kind', '=', 'school')
        .where((eb) => inSubtrees(eb, 'o.path', f.roots));
      if (f.q) {
        const term = f.q;
        q = q.where((eb) =>
          eb.or([
            eb('o.name', 'like', `%${term}%`),
            eb('o.code', 'like', `${term}%`),
            eb('o.name_pinyin', 'like', `${term.toLowerCase()}%`),
          ]),
        );
      }
      if (f.stage) q = q.where(sql<boolean>`${f.stage} = ANY(o.stages)`);
      if (f.locationType) q = q.where('o.location_type', '=', f.locationType);
      const [rows, total] = await Promise.all([
        q
          .leftJoin('orgs as c', 'c.id', 'o.county_id')
          .leftJoin('orgs as p', (j) => j.onRef('p.id', '=', 'o.parent_id').on('p.kind', '=', 'township'))
          .select(ORG_COLUMNS)
          .select(['c.name as county_name', 'p.name as township_name'])
          .orderBy('o.path')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },
  };
}

export type OrgRepository = ReturnType<typeof createOrgRepository>;
