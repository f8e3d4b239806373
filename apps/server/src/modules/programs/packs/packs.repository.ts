import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrgsTable, PolicyPacksTable } from '../../../db/types';

/** A policy_packs row with its region's path and name (null for a built-in pack). */
export type PackRow = Pick<
  Selectable<PolicyPacksTable>,
  | 'id'
  | 'region_org_id'
  | 'region_code'
  | 'year'
  | 'version'
  | 'status'
  | 'title'
  | 'builtin'
  | 'derived_from'
  | 'body'
  | 'updated_at'
> & {
  region_path: Selectable<OrgsTable>['path'] | null;
  region_name: Selectable<OrgsTable>['name'] | null;
};

export interface PackWrite {
  id: string;
  regionOrgId: string | null;
  regionCode: string;
  year: number;
  version: number;
  status: string;
  title: string;
  builtin: boolean;
  derivedFrom: string | null;
  body: unknown;
  createdBy: string | null;
}

/** The columns of a PackRow (policy_packs as p, left join orgs as o on the region). */
const PACK_COLUMNS = [
  'p.id',
  'p.region_org_id',
  'o.path as region_path',
  'o.name as region_name',
  'p.region_code',
  'p.year',
  'p.version',
  'p.status',
  'p.title',
  'p.builtin',
  'p.derived_from',
  'p.body',
  'p.updated_at',
] as const;

/** Policy packs: the built-in ones kept in step with the code, and the drafts and published packs of regions. */
export function createPacksRepository(db: Database) {
  return {
    /** Insert the built-in packs, or refresh them when the code's version is newer. */
    async upsertBuiltinPacks(packs: PackWrite[]): Promise<void> {
      for (const p of packs) {
        await sql`
          INSERT INTO policy_packs (id, region_org_id, region_code, year, version, status, title, builtin, body)
          VALUES (${p.id}, NULL, ${p.regionCode}, ${p.year}, ${p.version}, ${p.status}, ${p.title}, true,
            ${JSON.stringify(p.body)}::jsonb)
          ON CONFLICT (id) DO UPDATE SET body = excluded.body, title = excluded.title, version = excluded.version,
            status = excluded.status, updated_at = now()
          WHERE policy_packs.builtin AND policy_packs.body IS DISTINCT FROM excluded.body`.execute(db);
      }
    },

    listPacks(filter: { year?: number | undefined; status?: string | undefined }): Promise<PackRow[]> {
      let q = db
        .selectFrom('policy_packs as p')
        .leftJoin('orgs as o', 'o.id', 'p.region_org_id')
        .select(PACK_COLUMNS);
      if (filter.year !== undefined) q = q.where('p.year', '=', filter.year);
      if (filter.status !== undefined) q = q.where('p.status', '=', filter.status);
      return q.orderBy('p.year', 'desc').orderBy('p.id').execute();
    },

    async findPack(id: string, trx: Database = db): Promise<PackRow | undefined> {
      return trx
        .selectFrom('policy_packs as p')
        .leftJoin('orgs as o', 'o.id', 'p.region_org_id')
        .select(PACK_COLUMNS)
        .where('p.id', '=', id)
        .executeTakeFirst();
    },

    /** Lock a pack row for an edit; undefined when it does not exist. */
    lockPack(id: string, trx: Database) {
      return trx
        .selectFrom('policy_packs')
        .select(['id', 'status'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Returns false when the id is taken. */
    async insertPack(p: PackWrite, trx: Database): Promise<boolean> {
      const r = await trx
        .insertInto('policy_packs')
        .values({
          id: p.id,
          region_org_id: p.regionOrgId,
          region_code: p.regionCode,
          year: p.year,
          version: p.version,
          status: p.status,
          title: p.title,
          builtin: p.builtin,
          derived_from: p.derivedFrom,
          body: JSON.stringify(p.body),
          created_by: p.createdBy,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return r !== undefined;
    },

    async updatePack(id: string, body: unknown, title: string, trx: Database): Promise<void> {
      await trx
        .updateTable('policy_packs')
        .set({ body: JSON.stringify(body), title, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    /**
     * The newest published pack (greatest year up to `year`, then version) of the nearest of these regions: the
     * deepest region path wins. Built-in packs have no region and are never in force by themselves.
     */
    packInForce(
      regionIds: string[],
      year: number,
      trx: Database = db,
    ): Promise<{ id: string; region_org_id: string | null; body: unknown } | undefined> {
      if (regionIds.length === 0) return Promise.resolve(undefined);
      return trx
        .selectFrom('policy_packs as p')
        .innerJoin('orgs as o', 'o.id', 'p.region_org_id')
        .select(['p.id', 'p.region_org_id', 'p.body'])
        .where('p.region_org_id', 'in', regionIds)
        .where('p.status', '=', 'published')
        .where('p.year', '<=', year)
        .orderBy(sql`length(o.path)`, 'desc')
        .orderBy('p.year', 'desc')
        .orderBy('p.version', 'desc')
        .orderBy('p.id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /**
     * The newest published pack (greatest year up to `year`, then version) of each of these regions that has one,
     * in one read: what `packInForce` picks for a path is the one of its deepest region here.
     */
    async packsInForceByRegion(
      regionIds: readonly string[],
      year: number,
      trx: Database = db,
    ): Promise<Array<{ id: string; region_org_id: string; body: unknown }>> {
      if (regionIds.length === 0) return [];
      const r = await sql<{ id: string; region_org_id: string; body: unknown }>`
        SELECT DISTINCT ON (p.region_org_id) p.id, p.region_org_id, p.body
        FROM policy_packs p JOIN orgs o ON o.id = p.region_org_id
        WHERE p.region_org_id IN (${sql.join(regionIds)}) AND p.status = 'published' AND p.year <= ${year}
        ORDER BY p.region_org_id, p.year DESC, p.version DESC, p.id DESC`.execute(trx);
      return r.rows;
    },

    async publishPack(id: string, body: unknown, trx: Database): Promise<void> {
      await trx
        .updateTable('policy_packs')
        .set({
          status: 'published',
          body: JSON.stringify(body),
          published_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
