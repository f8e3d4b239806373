/**
 * Subtree reads on a large region: counts, the first page of the teacher list, the org tree's children with
 * counts, and a pinyin search, through the service layer; as the baseline, the same SQL through the bare driver
 * and a bare `SELECT 1`. Warm: 3 unmeasured runs, then median and p95 of 30.
 *
 *   bench/pg.sh start
 *   npx tsx bench/subtree.ts                      # 1,000,000 teachers on PostgreSQL (bench/pg.sh url)
 *   REUSE=1 npx tsx bench/subtree.ts              # skip the load when bench_subtree already holds them
 *   EXPLAIN=1 …                                   # also print EXPLAIN (ANALYZE, BUFFERS) of each raw query
 *   ENGINE=pglite TEACHERS=100000 npx tsx bench/subtree.ts   # embedded PGlite, data dir in bench/out/
 *   bench/pg.sh stop
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { connectPglite, connectPostgres, type DatabaseHandle } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { createServices } from '../apps/server/src/services';
import { subtreeRange } from '../apps/server/src/shared/subtree';
import {
  fmt,
  freshDatabase,
  machineInfo,
  measure,
  ms,
  printMachine,
  printTable,
  rssSampler,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';
import { loadRegion } from './region';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ENGINE = process.env.ENGINE === 'pglite' ? 'pglite' : 'postgres';
const N = Number(process.env.TEACHERS ?? (ENGINE === 'pglite' ? 100_000 : 1_000_000));
const RUNS = Number(process.env.RUNS ?? 30);
const DB_NAME = 'bench_subtree';
const PGLITE_DIR = path.join(HERE, 'out', `pglite-subtree-${N}`);

type Raw = (text: string, params?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

async function open(): Promise<{
  handle: DatabaseHandle;
  raw: Raw;
  close: () => Promise<void>;
  loaded: boolean;
}> {
  if (ENGINE === 'postgres') {
    let handle: DatabaseHandle;
    let loaded = false;
    if (process.env.REUSE) {
      handle = connectPostgres(urlOf(DB_NAME));
      const tm = process.hrtime.bigint();
      const applied = await migrateToLatest(handle.db).catch(() => []);
      if (applied.length) await sql`ANALYZE`.execute(handle.db);
      if (applied.length)
        console.log(`migrations applied to the existing database: ${applied.join(', ')} (${fmt(ms(tm))} ms)`);
      const n = await sql<{ n: string }>`SELECT count(*) AS n FROM teachers`
        .execute(handle.db)
        .catch(() => null);
      loaded = Number(n?.rows[0]?.n) === N;
      if (!loaded) {
        await handle.close();
        handle = await freshDatabase(DB_NAME);
      }
    } else {
      handle = await freshDatabase(DB_NAME);
    }
    const client = new pg.Client({ connectionString: urlOf(DB_NAME) });
    await client.connect();
    return {
      handle,
      loaded,
      raw: (text, params) => client.query(text, params as unknown[]),
      close: async () => {
        await client.end();
        await handle.close();
      },
    };
  }
  const reuse = Boolean(process.env.REUSE) && fs.existsSync(PGLITE_DIR);
  if (!reuse) fs.rmSync(PGLITE_DIR, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(PGLITE_DIR), { recursive: true });
  const instance = await PGlite.create({ dataDir: PGLITE_DIR });
  const handle = await connectPglite({ instance });
  await migrateToLatest(handle.db);
  const n = await sql<{ n: string }>`SELECT count(*) AS n FROM teachers`.execute(handle.db);
  return {
    handle,
    loaded: reuse && Number(n.rows[0]?.n) === N,
    // PGlite is single-connection: its own query() is the bare driver
    raw: (text, params) =>
      instance.query(text, params as unknown[]) as Promise<{ rows: Array<Record<string, unknown>> }>,
    close: async () => {
      await handle.close();
      await instance.close();
    },
  };
}

async function main() {
  const { handle, raw, close, loaded } = await open();
  const { db } = handle;
  const rss = rssSampler(50);
  let loadMs: number | null = null;
  let vacuumMs: number | null = null;
  if (!loaded) {
    let last = 0;
    const t0 = process.hrtime.bigint();
    const { loader } = await loadRegion(db, {
      teachers: N,
      onProgress: (done, total) => {
        if (done - last >= total / 10 || done === total) {
          last = done;
          process.stdout.write(
            `  loaded ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${fmt(ms(t0) / 1000)} s)\n`,
          );
        }
      },
    });
    loadMs = ms(t0);
    console.log(`loader: ${loader}`);
    const t1 = process.hrtime.bigint();
    await raw('VACUUM ANALYZE');
    vacuumMs = ms(t1);
  }
  const loadPeakRss = rss.stop();
  const size = await raw(`SELECT pg_size_pretty(pg_database_size(current_database())) AS db,
      pg_size_pretty(pg_total_relation_size('teachers')) AS teachers, (SELECT count(*) FROM teachers) AS n,
      (SELECT count(*) FROM orgs) AS orgs, (SELECT count(*) FROM orgs WHERE kind = 'school') AS schools`);
  const s = size.rows[0] ?? {};
  console.log(
    `\n${ENGINE}: ${Number(s.n).toLocaleString('en-US')} teachers, ${s.orgs} orgs (${s.schools} schools); ` +
      `database ${s.db}, teachers table + indexes ${s.teachers}`,
  );
  if (loadMs !== null) {
    console.log(
      `load (10,000-row transactions): ${fmt(loadMs / 1000)} s = ${fmt(N / (loadMs / 1000), 0)} teachers/s; ` +
        `VACUUM ANALYZE ${fmt((vacuumMs ?? 0) / 1000)} s; peak RSS during load ${loadPeakRss} MB`,
    );
  }

  // the system administrator created by loadDemoRegion, on the province
  const admin = await raw(`SELECT a.id, o.id AS org_id, o.path, o.name FROM accounts a
      JOIN role_grants g ON g.account_id = a.id JOIN orgs o ON o.id = g.org_id WHERE a.username = 'admin'`);
  const a = admin.rows[0];
  if (!a) throw new Error('no admin account');
  const province = { id: String(a.org_id), path: String(a.path), name: String(a.name) };
  const actor = systemAdmin(String(a.id), province);
  // the largest county (by teachers), and its city
  const big =
    await raw(`SELECT c.id, c.path, c.name, p.id AS city_id, p.path AS city_path, p.name AS city_name,
        (SELECT count(*) FROM teachers t WHERE t.county_id = c.id) AS n
      FROM orgs c JOIN orgs p ON p.id = c.parent_id WHERE c.kind = 'county' ORDER BY n DESC, c.id LIMIT 1`);
  const b = big.rows[0];
  if (!b) throw new Error('no county');
  const county = { id: String(b.id), path: String(b.path), name: String(b.name) };
  const city = { id: String(b.city_id), path: String(b.city_path), name: String(b.city_name) };
  const cityTeachers = await raw(
    `SELECT count(*) AS n FROM teachers WHERE org_path >= $1 AND org_path < $2`,
    subtreeRange(city.path),
  );
  console.log(
    `county: ${county.name} (${Number(b.n).toLocaleString('en-US')} teachers); city: ${city.name} ` +
      `(${Number(cityTeachers.rows[0]?.n).toLocaleString('en-US')} teachers); province: ${province.name}`,
  );

  const services = createServices(db, SETTINGS);
  const [cLo, cHi] = subtreeRange(county.path);
  const [pLo, pHi] = subtreeRange(province.path);

  const COUNT = `SELECT count(*) AS n FROM teachers t WHERE t.org_path >= $1 AND t.org_path < $2 AND t.status <> 'left'`;
  const PAGE = `SELECT t.county_id, t.id, t.id_number, t.name, t.gender, t.birth_date, t.phone, t.school_id, t.org_path,
      t.stage, t.subject, t.title, t.backbone, t.teaching_start_date, t.training_start_year, t.roles_held, t.status,
      s.name AS school_name, c.name AS county_name
    FROM teachers t JOIN orgs s ON s.id = t.school_id LEFT JOIN orgs c ON c.id = s.county_id
    WHERE t.org_path >= $1 AND t.org_path < $2 AND t.status <> 'left'
    ORDER BY t.org_path, t.name_pinyin, t.id LIMIT 20 OFFSET 0`;
  const SEARCH_WHERE = `t.org_path >= $1 AND t.org_path < $2 AND (t.name_pinyin LIKE $3 OR t.name_initials LIKE $3) AND t.status <> 'left'`;
  const SEARCH_COUNT = `SELECT count(*) AS n FROM teachers t WHERE ${SEARCH_WHERE}`;
  const SEARCH_PAGE = PAGE.replace(
    `t.org_path >= $1 AND t.org_path < $2 AND t.status <> 'left'`,
    SEARCH_WHERE,
  );
  const CHILDREN = `SELECT o.id, o.path FROM orgs o WHERE o.parent_id = $1 ORDER BY o.kind, o.code, o.name_pinyin`;
  const COUNTS = `SELECT n.id,
      (SELECT count(*) FROM teachers t WHERE t.org_path >= n.lo AND t.org_path < n.hi AND t.status <> 'left') AS teacher_count,
      (SELECT count(*) FROM orgs s WHERE s.path >= n.lo AND s.path < n.hi AND s.kind = 'school') AS school_count,
      (SELECT count(*) FROM orgs c WHERE c.parent_id = n.id) AS child_count
    FROM unnest($1::bigint[], $2::text[], $3::text[]) AS n(id, lo, hi)`;
  const childrenRaw = async (id: string) => {
    const kids = await raw(CHILDREN, [id]);
    const paths = kids.rows.map((k) => String(k.path));
    return raw(COUNTS, [
      kids.rows.map((k) => k.id),
      paths.map((p) => subtreeRange(p)[0]),
      paths.map((p) => subtreeRange(p)[1]),
    ]);
  };
  const provinceKids = await raw(CHILDREN, [province.id]);
  const cityKids = await raw(CHILDREN, [city.id]);

  const cases: Array<{
    name: string;
    service?: () => Promise<unknown>;
    sql: () => Promise<unknown>;
    explain?: [string, unknown[]];
  }> = [
    {
      name: 'SELECT 1',
      service: () => sql`SELECT 1`.execute(db),
      sql: () => raw('SELECT 1'),
    },
    {
      name: `count, county (${county.name})`,
      sql: () => raw(COUNT, [cLo, cHi]),
      explain: [COUNT, [cLo, cHi]],
    },
    {
      name: 'count, province',
      sql: () => raw(COUNT, [pLo, pHi]),
      explain: [COUNT, [pLo, pHi]],
    },
    {
      name: 'list page 1 (20) + total, county',
      service: () => services.people.list(actor, { orgId: county.id, page: 1, pageSize: 20 }),
      sql: () => Promise.all([raw(PAGE, [cLo, cHi]), raw(COUNT, [cLo, cHi])]),
      explain: [PAGE, [cLo, cHi]],
    },
    {
      name: 'list page 1 (20) + total, province',
      service: () => services.people.list(actor, { page: 1, pageSize: 20 }),
      sql: () => Promise.all([raw(PAGE, [pLo, pHi]), raw(COUNT, [pLo, pHi])]),
      explain: [PAGE, [pLo, pHi]],
    },
    {
      name: `orgs.children, province (${provinceKids.rows.length} children)`,
      service: () => services.orgs.children(actor, province.id),
      sql: () => childrenRaw(province.id),
      explain: [
        COUNTS,
        [
          provinceKids.rows.map((k) => k.id),
          provinceKids.rows.map((k) => subtreeRange(String(k.path))[0]),
          provinceKids.rows.map((k) => subtreeRange(String(k.path))[1]),
        ],
      ],
    },
    {
      name: `orgs.children, city (${cityKids.rows.length} children)`,
      service: () => services.orgs.children(actor, city.id),
      sql: () => childrenRaw(city.id),
    },
    {
      name: 'search q=zhang, province (page 1 + total)',
      service: () => services.people.list(actor, { q: 'zhang', page: 1, pageSize: 20 }),
      sql: () =>
        Promise.all([raw(SEARCH_PAGE, [pLo, pHi, 'zhang%']), raw(SEARCH_COUNT, [pLo, pHi, 'zhang%'])]),
      explain: [SEARCH_COUNT, [pLo, pHi, 'zhang%']],
    },
  ];

  const results: Array<Array<string>> = [];
  for (const c of cases) {
    const svc = c.service ? await measure(c.service, RUNS) : null;
    const bare = await measure(c.sql, RUNS);
    const worst = Math.max(svc?.p95 ?? 0, bare.p95);
    results.push([
      c.name,
      svc ? fmt(svc.median) : '–',
      svc ? fmt(svc.p95) : '–',
      fmt(bare.median),
      fmt(bare.p95),
      worst < 100 ? 'yes' : '**no**',
    ]);
  }
  const probe = await services.people.list(actor, { q: 'zhang', page: 1, pageSize: 20 });
  const provinceList = await services.people.list(actor, { page: 1, pageSize: 20 });
  console.log(
    `\n## Subtree reads, ${ENGINE}, ${N.toLocaleString('en-US')} teachers (warm; ${RUNS} runs after 3 warm-up; ms)\n`,
  );
  printTable(
    ['query', 'service median', 'service p95', 'bare SQL median', 'bare SQL p95', '< 100 ms'],
    results,
  );
  console.log(
    `\n(province total ${provinceList.total.toLocaleString('en-US')}; q=zhang total ${probe.total.toLocaleString('en-US')})`,
  );

  if (process.env.EXPLAIN) {
    for (const c of cases) {
      if (!c.explain) continue;
      const [text, params] = c.explain;
      const plan = await raw(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params);
      console.log(`\n### EXPLAIN (ANALYZE, BUFFERS): ${c.name}\n`);
      for (const r of plan.rows) console.log(`    ${String(Object.values(r)[0])}`);
    }
  }

  printMachine(await machineInfo(ENGINE === 'postgres' ? urlOf(DB_NAME) : undefined));
  if (ENGINE === 'pglite')
    console.log('  engine: PGlite (embedded, WASM), pg adapter, 1 connection; data dir on disk');
  await close();
}

await main();
