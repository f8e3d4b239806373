/**
 * hour_totals (migration 0022): per teacher and school year, each category's standing postings after the day
 * caps. Every statement that writes hour_entries goes through `withTotals`, which adds its rows to the totals in
 * the same statement; `rebuild` sums the whole ledger again under new day caps (the basis).
 */
import { HOUR_CATEGORIES, type HourCategory } from '@yanxun/core';
import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';

export type DayCaps = Partial<Record<HourCategory, number>>;

/** Each category's column of hour_totals: the sum of `capped` over the rows of that category. */
const categorySums = (capped: RawBuilder<number>) =>
  sql.join(
    HOUR_CATEGORIES.map(
      (c) => sql`coalesce(sum(${capped}) FILTER (WHERE x.category = ${c}), 0)::int AS ${sql.ref(c)}`,
    ),
  );

const categoryColumns = sql.join(HOUR_CATEGORIES.map((c) => sql.ref(c)));

/** A row's contribution: its sign × min(|amount|, days × the category's day cap), the cap from the basis. */
const cappedAmount = sql<number>`sign(x.amount_tenths) * least(abs(x.amount_tenths),
  coalesce(x.days * (b.day_caps ->> x.category)::int, abs(x.amount_tenths)))`;

/**
 * `insert` (an INSERT INTO hour_entries without RETURNING) and, in the same statement, its rows added to
 * hour_totals. Returns the ids inserted. Rows are added in key order, so two postings at once lock alike.
 */
export function withTotals(insert: RawBuilder<unknown>) {
  const add = sql.join(
    HOUR_CATEGORIES.map((c) => sql`${sql.ref(c)} = t.${sql.ref(c)} + excluded.${sql.ref(c)}`),
  );
  return sql<{ id: string }>`
    WITH ins AS (${insert} RETURNING county_id, id, teacher_id, school_year, category, amount_tenths, days),
    tot AS (
      INSERT INTO hour_totals AS t (county_id, teacher_id, school_year, ${categoryColumns}, entries)
      SELECT x.county_id, x.teacher_id, x.school_year, ${categorySums(cappedAmount)}, count(*)::int
      FROM ins x CROSS JOIN hour_totals_basis b
      GROUP BY x.county_id, x.teacher_id, x.school_year
      ORDER BY x.county_id, x.teacher_id, x.school_year
      ON CONFLICT (county_id, teacher_id, school_year) DO UPDATE SET ${add}, entries = t.entries + excluded.entries)
    SELECT id::text FROM ins`;
}

export interface TotalsBasis {
  dayCaps: DayCaps;
  builtAt: Date | null;
}

/** Whether the totals were built under exactly these day caps. */
export function sameCaps(a: DayCaps, b: DayCaps): boolean {
  return HOUR_CATEGORIES.every((c) => (a[c] ?? null) === (b[c] ?? null));
}

export function createTotalsRepository(db: Database) {
  return {
    async basis(): Promise<TotalsBasis> {
      const r = await db.selectFrom('hour_totals_basis').select(['day_caps', 'built_at']).executeTakeFirst();
      return { dayCaps: (r?.day_caps ?? {}) as DayCaps, builtAt: r?.built_at ?? null };
    },

    /**
     * Sums the whole ledger again under `dayCaps`, unless it was built under them already (checked under a lock,
     * so two servers starting at once rebuild once). Holds hour_entries in SHARE mode meanwhile: postings under
     * way finish first, new ones wait, so none is summed under the old caps nor missed. Whether it rebuilt.
     */
    async rebuild(dayCaps: DayCaps, at: Date): Promise<boolean> {
      return db.transaction().execute(async (trx) => {
        await sql`LOCK TABLE hour_totals_basis IN EXCLUSIVE MODE`.execute(trx);
        const now = await trx
          .selectFrom('hour_totals_basis')
          .select(['day_caps', 'built_at'])
          .executeTakeFirst();
        if (now?.built_at && sameCaps(now.day_caps as DayCaps, dayCaps)) return false;
        await sql`LOCK TABLE hour_entries IN SHARE MODE`.execute(trx);
        await sql`UPDATE hour_totals_basis SET day_caps = ${JSON.stringify(dayCaps)}::jsonb, built_at = ${at}`.execute(
          trx,
        );
        await sql`DELETE FROM hour_totals`.execute(trx);
        await sql`
          INSERT INTO hour_totals (county_id, teacher_id, school_year, ${categoryColumns}, entries)
          SELECT x.county_id, x.teacher_id, x.school_year, ${categorySums(cappedAmount)}, count(*)::int
          FROM hour_entries x CROSS JOIN hour_totals_basis b
          GROUP BY x.county_id, x.teacher_id, x.school_year`.execute(trx);
        return true;
      });
    },

    /** Rows of hour_totals that differ from the ledger summed afresh under the basis (none, when all is well). */
    async drift(): Promise<number> {
      const r = await sql<{ n: number }>`
        WITH fresh AS (
          SELECT x.county_id, x.teacher_id, x.school_year, ${categorySums(cappedAmount)}, count(*)::int AS entries
          FROM hour_entries x CROSS JOIN hour_totals_basis b
          GROUP BY x.county_id, x.teacher_id, x.school_year),
        kept AS (SELECT county_id, teacher_id, school_year, ${categoryColumns}, entries FROM hour_totals)
        SELECT count(*)::int AS n FROM ((SELECT * FROM fresh EXCEPT SELECT * FROM kept)
          UNION ALL (SELECT * FROM kept EXCEPT SELECT * FROM fresh)) d`.execute(db);
      return r.rows[0]?.n ?? 0;
    },
  };
}

export type TotalsRepository = ReturnType<typeof createTotalsRepository>;
