import pg from 'pg';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import { DB_NAME, N, openLoaded, PER, RUNS } from './hours-data';
import {
  fmt,
  machineInfo,
  ms,
  printMachine,
  printTable,
  quantile,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';

const pct = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s[s.length - 1] ?? 0 };
};

async function main() {
  const handle = await openLoaded();
  const { db } = handle;
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
