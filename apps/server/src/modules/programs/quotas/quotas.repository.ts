import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrgsTable, QuotaAllocationsTable } from '../../../db/types';
import { inSubtrees, subtreeRange } from '../../../shared/subtree';
import { WORKING_STATUSES } from '../nominations/candidates.repository';

/** A quota node: the seats an org holds in a programme, what it passed on and what its nominations use. */
export type QuotaRow = Omit<Selectable<QuotaAllocationsTable>, 'updated_at'>;

export type QuotaNodeRow = QuotaRow & {
  org_name: Selectable<OrgsTable>['name'];
  org_kind: Selectable<OrgsTable>['kind'];
  waitlisted: number;
};

/** The columns of a QuotaRow. */
const QUOTA_COLUMNS = [
  'region_id',
  'programme_id',
  'org_id',
  'org_path',
  'parent_org_id',
  'seats',
  'rural_seats',
  'allocated',
  'used',
] as const;

export interface QuotaKey {
  regionId: string;
  programmeId: string;
  orgId: string;
}

export interface QuotaWrite extends QuotaKey {
  orgPath: string;
  parentOrgId: string | null;
  seats: number;
  ruralSeats: number;
}

/** Quota nodes (quota_allocations) and the seat cascade: every statement that takes or releases a seat. */
export function createQuotasRepository(db: Database) {
  return {
    findQuota(k: QuotaKey, trx: Database = db): Promise<QuotaRow | undefined> {
      return trx
        .selectFrom('quota_allocations')
        .select(QUOTA_COLUMNS)
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .executeTakeFirst();
    },

    /** The node's row, locked until the transaction ends (allocation, pull-back, withdrawal). */
    lockQuota(k: QuotaKey, trx: Database): Promise<QuotaRow | undefined> {
      return trx
        .selectFrom('quota_allocations')
        .select(QUOTA_COLUMNS)
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .forUpdate()
        .executeTakeFirst();
    },

    /** The children of a node, locked, in id order. */
    lockChildren(programmeId: string, parentOrgId: string, trx: Database): Promise<QuotaRow[]> {
      return trx
        .selectFrom('quota_allocations')
        .select(QUOTA_COLUMNS)
        .where('programme_id', '=', programmeId)
        .where('parent_org_id', '=', parentOrgId)
        .orderBy('org_id')
        .forUpdate()
        .execute();
    },

    /** Existing rows for these orgs in the programme, whatever their parent. */
    quotasOfOrgs(programmeId: string, orgIds: string[], trx: Database): Promise<QuotaRow[]> {
      if (orgIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('quota_allocations')
        .select(QUOTA_COLUMNS)
        .where('programme_id', '=', programmeId)
        .where(sql<boolean>`org_id = ANY(${orgIds}::bigint[])`)
        .execute();
    },

    /** Nodes of a programme inside the roots (null: all), with names and waitlist counts, in tree order. */
    quotaNodes(programmeId: string, roots: string[] | null): Promise<QuotaNodeRow[]> {
      let q = db
        .selectFrom('quota_allocations as q')
        .innerJoin('orgs as o', 'o.id', 'q.org_id')
        .select([
          'q.region_id',
          'q.programme_id',
          'q.org_id',
          'q.org_path',
          'q.parent_org_id',
          'q.seats',
          'q.rural_seats',
          'q.allocated',
          'q.used',
          'o.name as org_name',
          'o.kind as org_kind',
        ])
        .select(
          sql<number>`(SELECT count(*)::int FROM nominations n WHERE n.programme_id = q.programme_id
            AND n.quota_org_id = q.org_id AND n.status = 'waitlisted')`.as('waitlisted'),
        )
        .where('q.programme_id', '=', programmeId);
      if (roots !== null) q = q.where((eb) => inSubtrees(eb, 'q.org_path', roots));
      return q.orderBy('q.org_path').execute();
    },

    async insertQuota(w: QuotaWrite, trx: Database): Promise<void> {
      await trx
        .insertInto('quota_allocations')
        .values({
          region_id: w.regionId,
          programme_id: w.programmeId,
          org_id: w.orgId,
          org_path: w.orgPath,
          parent_org_id: w.parentOrgId,
          seats: w.seats,
          rural_seats: w.ruralSeats,
        })
        .execute();
    },

    /** Insert or overwrite the seats of child nodes (one statement per 5,000 via unnest). */
    async upsertQuotas(rows: QuotaWrite[], trx: Database): Promise<void> {
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        const col = <K extends keyof QuotaWrite>(k: K) => part.map((r) => r[k]);
        await sql`
          INSERT INTO quota_allocations (region_id, programme_id, org_id, org_path, parent_org_id, seats, rural_seats)
          SELECT * FROM unnest(${col('regionId')}::bigint[], ${col('programmeId')}::bigint[], ${col('orgId')}::bigint[],
            ${col('orgPath')}::text[], ${col('parentOrgId')}::bigint[], ${col('seats')}::int[], ${col('ruralSeats')}::int[])
          ON CONFLICT (region_id, programme_id, org_id) DO UPDATE
            SET seats = excluded.seats, rural_seats = excluded.rural_seats, updated_at = now()`.execute(trx);
      }
    },

    async setQuotaSeats(k: QuotaKey, seats: number, ruralSeats: number, trx: Database): Promise<void> {
      await trx
        .updateTable('quota_allocations')
        .set({ seats, rural_seats: ruralSeats, updated_at: sql`now()` })
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .execute();
    },

    async setAllocated(k: QuotaKey, allocated: number, trx: Database): Promise<void> {
      await trx
        .updateTable('quota_allocations')
        .set({ allocated, updated_at: sql`now()` })
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .execute();
    },

    /**
     * Take one seat of a node in a single atomic statement: concurrent takers queue on the row and each
     * re-reads `used` before its own update, so a full node answers undefined instead of going over.
     */
    async takeSeat(k: QuotaKey, trx: Database): Promise<{ seats: number; used: number } | undefined> {
      const r = await sql<{ seats: number; used: number }>`
        UPDATE quota_allocations SET used = used + 1, updated_at = now()
        WHERE region_id = ${k.regionId} AND programme_id = ${k.programmeId} AND org_id = ${k.orgId}
          AND allocated + used < seats
        RETURNING seats, used`.execute(trx);
      return r.rows[0];
    },

    /** Take `n` seats of a node at once; false (nothing taken) when fewer are free. */
    async takeSeats(k: QuotaKey, n: number, trx: Database): Promise<boolean> {
      const r = await sql`
        UPDATE quota_allocations SET used = used + ${n}, updated_at = now()
        WHERE region_id = ${k.regionId} AND programme_id = ${k.programmeId} AND org_id = ${k.orgId}
          AND allocated + used + ${n} <= seats
        RETURNING used`.execute(trx);
      return r.rows.length > 0;
    },

    async releaseSeat(k: QuotaKey, trx: Database): Promise<void> {
      await sql`UPDATE quota_allocations SET used = used - 1, updated_at = now()
        WHERE region_id = ${k.regionId} AND programme_id = ${k.programmeId} AND org_id = ${k.orgId} AND used > 0`.execute(
        trx,
      );
    },

    /**
     * Working teachers under each node, and of those, how many teach at schools of `ruralTypes` and at schools of
     * `eligibleTypes` (one index range scan per node).
     */
    async teacherCounts(
      nodes: Array<{ id: string; path: string }>,
      ruralTypes: string[],
      eligibleTypes: string[] | null,
    ): Promise<Map<string, { all: number; rural: number; eligible: number }>> {
      const out = new Map<string, { all: number; rural: number; eligible: number }>();
      if (nodes.length === 0) return out;
      const r = await sql<{ id: string; all_n: number; rural_n: number; eligible_n: number }>`
        SELECT n.id,
          count(t.id)::int AS all_n,
          count(t.id) FILTER (WHERE s.location_type = ANY(${ruralTypes}::text[]))::int AS rural_n,
          count(t.id) FILTER (WHERE ${eligibleTypes === null} OR s.location_type = ANY(${eligibleTypes ?? []}::text[]))::int AS eligible_n
        FROM unnest(${nodes.map((x) => x.id)}::bigint[], ${nodes.map((x) => subtreeRange(x.path)[0])}::text[],
          ${nodes.map((x) => subtreeRange(x.path)[1])}::text[]) AS n(id, lo, hi)
        LEFT JOIN teachers t ON t.org_path >= n.lo AND t.org_path < n.hi AND t.status = ANY(${WORKING_STATUSES}::text[])
        LEFT JOIN orgs s ON s.id = t.school_id
        GROUP BY n.id`.execute(db);
      for (const row of r.rows) {
        out.set(String(row.id), { all: row.all_n, rural: row.rural_n, eligible: row.eligible_n });
      }
      return out;
    },
  };
}
