/**
 * The 学时 benchmarks' data (bench/hours.ts, bench/hours-compliance.ts): the demo region with TEACHERS teachers
 * (default 1,000,000) and PER entries each (default 30), spread over five school years and the categories, one
 * in twenty reversed; hour_totals built. REUSE=1 keeps a database that holds exactly that.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { connectPostgres } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { fmt, freshDatabase, ms, urlOf } from './lib';
import { loadRegion } from './region';

export const N = Number(process.env.TEACHERS ?? 1_000_000);
export const PER = Number(process.env.PER ?? 30);
export const RUNS = Number(process.env.RUNS ?? 300);
export const DB_NAME = 'bench_hours';

export async function open(): Promise<{ handle: DatabaseHandle; loaded: boolean }> {
  if (process.env.REUSE) {
    const handle = connectPostgres(urlOf(DB_NAME));
    await migrateToLatest(handle.db).catch(() => []);
    const n = await sql<{
      n: string;
    }>`SELECT count(*) AS n FROM hour_entries WHERE reverses_id IS NULL AND provenance_system = 'bench'`
      .execute(handle.db)
      .catch(() => null);
    if (Number(n?.rows[0]?.n) === N * PER) return { handle, loaded: true };
    await handle.close();
  }
  return { handle: await freshDatabase(DB_NAME), loaded: false };
}

/** PER entries per teacher, in batches of teachers (INSERT … SELECT: no COPY), then one reversal in twenty. */
export async function loadEntries(db: DatabaseHandle['db']): Promise<void> {
  const t0 = process.hrtime.bigint();
  const ids = await sql<{
    lo: string;
    hi: string;
  }>`SELECT min(id) AS lo, max(id) AS hi FROM teachers`.execute(db);
  const lo = Number(ids.rows[0]?.lo);
  const hi = Number(ids.rows[0]?.hi);
  const step = 50_000;
  for (let from = lo; from <= hi; from += step) {
    await sql`
      INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, days, category, occurred_on,
        school_year, source, credit_key, rule_id, provenance_system, provenance_record, posted_at)
      SELECT t.county_id, t.id, t.org_path, (20 + (g * 7 + t.id) % 60)::int,
        CASE WHEN g % 9 = 3 THEN 1 END,
        (ARRAY['centralized','online','school_based','workshop','research','self_study','practice','other'])[1 + g % 8],
        d.day,
        CASE WHEN extract(month FROM d.day) >= 9 THEN extract(year FROM d.day)::int || '-' || (extract(year FROM d.day)::int + 1)
          ELSE (extract(year FROM d.day)::int - 1) || '-' || extract(year FROM d.day)::int END,
        'import', 'import:bench:' || t.id || ':' || g, 'Y-HOURS-AMOUNT', 'bench', t.id || ':' || g,
        d.day + time '10:00'
      FROM teachers t CROSS JOIN generate_series(1, ${PER}) g
      CROSS JOIN LATERAL (SELECT DATE '2026-09-01' + ((g * 61 + t.id) % 1800)::int AS day) d
      WHERE t.id BETWEEN ${from} AND ${from + step - 1}`.execute(db);
    console.log(`  entries for teachers ≤ ${Math.min(hi, from + step - 1)} (${fmt(ms(t0) / 1000)} s)`);
  }
  await sql`
    INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, days, category, occurred_on, school_year,
      source, credit_key, revision, rule_id, reverses_id, reason, posted_at)
    SELECT county_id, teacher_id, org_path, -amount_tenths, days, category, occurred_on, school_year, source,
      credit_key, revision, rule_id, id, '导入重复', posted_at + interval '1 day'
    FROM hour_entries WHERE reverses_id IS NULL AND id % 20 = 0`.execute(db);
  await sql`VACUUM ANALYZE hour_entries`.execute(db);
  console.log(`entries + reversals + VACUUM ANALYZE: ${fmt(ms(t0) / 1000)} s`);
}

/** The database of the benchmark, loaded (region, entries) unless REUSE found it loaded. */
export async function openLoaded(): Promise<DatabaseHandle> {
  const { handle, loaded } = await open();
  if (!loaded) {
    const t0 = process.hrtime.bigint();
    await loadRegion(handle.db, { teachers: N });
    console.log(`region: ${fmt(ms(t0) / 1000)} s`);
    await loadEntries(handle.db);
  }
  return handle;
}
