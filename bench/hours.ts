/**
 * One teacher's 学时 record at province scale (issue 12): TEACHERS teachers (default 1,000,000) with PER entries each
 * (default 30: 30,000,000 in hour_entries, spread over five school years and the categories, one in twenty reversed),
 * then a teacher's record through the hours service — every entry read, evaluated by core's `evaluateLedger` (caps,
 * requirements, the cycle) — for random teachers, p50/p95/p99. Baseline in the same run: the bare indexed statement
 * (`SELECT … FROM hour_entries WHERE teacher_id = $1`) through one `pg.Client` for the same teachers.
 *
 *   bench/pg.sh start
 *   npx tsx bench/hours.ts                       # load (long at full size) and measure
 *   REUSE=1 npx tsx bench/hours.ts               # measure again on the loaded database
 *   TEACHERS=20000 PER=30 npx tsx bench/hours.ts # a county-sized run
 *   bench/pg.sh stop
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { connectPostgres } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import {
  fmt,
  freshDatabase,
  machineInfo,
  ms,
  printMachine,
  printTable,
  quantile,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';
import { loadRegion } from './region';

const N = Number(process.env.TEACHERS ?? 1_000_000);
const PER = Number(process.env.PER ?? 30);
const RUNS = Number(process.env.RUNS ?? 300);
const DB_NAME = 'bench_hours';

async function open(): Promise<{ handle: DatabaseHandle; loaded: boolean }> {
  if (process.env.REUSE) {
    const handle = connectPostgres(urlOf(DB_NAME));
    await migrateToLatest(handle.db).catch(() => []);
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM hour_entries WHERE reverses_id IS NULL`
      .execute(handle.db)
      .catch(() => null);
    if (Number(n?.rows[0]?.n) === N * PER) return { handle, loaded: true };
    await handle.close();
  }
  return { handle: await freshDatabase(DB_NAME), loaded: false };
}

/** PER entries per teacher, in batches of teachers (INSERT … SELECT: no COPY), then one reversal in twenty. */
async function loadEntries(db: DatabaseHandle['db']): Promise<void> {
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

const pct = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s[s.length - 1] ?? 0 };
};

async function main() {
  const { handle, loaded } = await open();
  const { db } = handle;
  if (!loaded) {
    const t0 = process.hrtime.bigint();
    await loadRegion(db, { teachers: N });
    console.log(`region: ${fmt(ms(t0) / 1000)} s`);
    await loadEntries(db);
  }
  const client = new pg.Client({ connectionString: urlOf(DB_NAME) });
  await client.connect();
  const size =
    await client.query(`SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('hour_entries')) AS size
    FROM hour_entries`);
  console.log(`hour_entries: ${Number(size.rows[0]?.n).toLocaleString('en-US')} rows, ${size.rows[0]?.size}`);
  const admin = await client.query(`SELECT a.id, o.id AS org_id, o.path, o.name FROM accounts a
      JOIN role_grants g ON g.account_id = a.id JOIN orgs o ON o.id = g.org_id WHERE a.username = 'admin'`);
  const a = admin.rows[0];
  if (!a) throw new Error('no admin account');
  const actor = systemAdmin(String(a.id), {
    id: String(a.org_id),
    path: String(a.path),
    name: String(a.name),
  });
  await syncBuiltinPacks(db);
  const services = createServices(db, SETTINGS, () => new Date('2031-03-15T02:00:00Z'));
  const picked = await client.query(`SELECT id FROM teachers ORDER BY md5(id::text) LIMIT ${RUNS + 20}`);
  const ids = picked.rows.map((r) => String(r.id));
  const BARE = `SELECT id, amount_tenths, days, category, occurred_on, school_year, source, rule_id, reverses_id,
    reason, posted_at FROM hour_entries WHERE teacher_id = $1 ORDER BY occurred_on, posted_at, id`;
  const svc: number[] = [];
  const bare: number[] = [];
  let entries = 0;
  for (const [i, id] of ids.entries()) {
    const t1 = process.hrtime.bigint();
    const r = await services.hours.teacherHours(actor, id);
    const a1 = ms(t1);
    const t2 = process.hrtime.bigint();
    await client.query(BARE, [id]);
    const a2 = ms(t2);
    if (i < 20) continue; // warm-up
    svc.push(a1);
    bare.push(a2);
    entries += r.entries.length;
  }
  const s = pct(svc);
  const b = pct(bare);
  console.log(
    `\n## one teacher's record: ${N.toLocaleString('en-US')} teachers × ${PER} entries, ${RUNS} teachers\n`,
  );
  printTable(
    ['what', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'p99 ≤ 20 ms'],
    [
      [
        'teacherHours (read + evaluateLedger + standing)',
        fmt(s.p50),
        fmt(s.p95),
        fmt(s.p99),
        fmt(s.max),
        s.p99 <= 20 ? 'yes' : 'no',
      ],
      [
        'baseline: the bare indexed SELECT',
        fmt(b.p50),
        fmt(b.p95),
        fmt(b.p99),
        fmt(b.max),
        b.p99 <= 20 ? 'yes' : 'no',
      ],
    ],
  );
  console.log(`postings per record: ${fmt(entries / svc.length)}`);
  printMachine(await machineInfo(urlOf(DB_NAME)));
  await client.end();
  await handle.close();
}

await main();
