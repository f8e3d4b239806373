/** Schools: the filtered list, the export rows, and the writes of a schools import. */
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import { inSubtrees } from '../../../shared/subtree';
import { ORG_COLUMNS, type OrgRow } from '../org-rows';

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

export function createSchoolsRepository(db: Database) {
  return {
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

export type SchoolsRepository = ReturnType<typeof createSchoolsRepository>;
