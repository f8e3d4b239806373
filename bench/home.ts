/**
 * The landing page (工作台, GET /api/v1/home) at province size: the demo region with TEACHERS teachers (1,000,000 by
 * default), its programme year and exams, and a province-sized year of PROGRAMMES more programmes
 * (bench/training-year.ts), on the demo's today (2026-11-23, 10:00 in Shanghai). Measured through the real app
 * (buildApp, `inject` with a signed-in session: the auth hook, the service, the response schema): the officer's
 * /home as the province, a county and the provider; all the requests the officer's page makes at once (/home,
 * /orgs/roots, the root's /children, /me/notifications); and the training overview alone. Baseline in the same run:
 * the overview's one figures statement as bare SQL through one pg.Client, and `SELECT 1`. Warm: 2 unmeasured runs,
 * then median and p95 of RUNS; the first (cold) /home is reported too.
 *
 *   bench/pg.sh start
 *   npx tsx bench/home.ts                               # 1,000,000 teachers on PostgreSQL (bench/pg.sh url)
 *   REUSE=1 npx tsx bench/home.ts                       # skip the load when bench_home already holds them
 *   TEACHERS=20000 PROGRAMMES=30 PROVINCIAL_TRAINEES=300 npx tsx bench/home.ts   # county-sized
 *   bench/pg.sh stop
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { connectPostgres, type DatabaseHandle } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import type { DB } from '../apps/server/src/db/types';
import { loadDemo } from '../apps/server/src/demo/load-demo';
import { DEMO_PASSWORD } from '../apps/server/src/demo/load-region';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createOverviewRepository } from '../apps/server/src/modules/reports';
import { createServices } from '../apps/server/src/services';
import {
  fmt,
  freshDatabase,
  machineInfo,
  measure,
  ms,
  printMachine,
  printTable,
  SETTINGS,
  urlOf,
} from './lib';
import { loadTrainingYear } from './training-year';

const N = Number(process.env.TEACHERS ?? 1_000_000);
const PROGRAMMES = Number(process.env.PROGRAMMES ?? 60);
const PROVINCIAL_TRAINEES = Number(process.env.PROVINCIAL_TRAINEES ?? 3000);
const RUNS = Number(process.env.RUNS ?? 10);
const DB_NAME = 'bench_home';
/** The demo as of 10:00 in Shanghai on a Monday of the city class's second week. */
const DEMO_TODAY = '2026-11-23';
const NOW = new Date(`${DEMO_TODAY}T02:00:00Z`);

async function open(): Promise<{ handle: DatabaseHandle; loaded: boolean }> {
  if (process.env.REUSE) {
    const handle = connectPostgres(urlOf(DB_NAME));
    const applied = await migrateToLatest(handle.db).catch(() => []);
    if (applied.length) await sql`ANALYZE`.execute(handle.db);
    const n = await sql<{ n: string; p: string }>`
      SELECT (SELECT count(*) FROM teachers)::text AS n, (SELECT count(*) FROM programmes)::text AS p`
      .execute(handle.db)
      .catch(() => null);
    if (Number(n?.rows[0]?.n) === N && Number(n?.rows[0]?.p) > PROGRAMMES) return { handle, loaded: true };
    await handle.close();
  }
  return { handle: await freshDatabase(DB_NAME), loaded: false };
}

const { handle, loaded } = await open();
const { db } = handle;
if (!loaded) {
  let t0 = process.hrtime.bigint();
  let last = 0;
  await syncBuiltinPacks(db);
  await loadDemo(db, {
    teachers: N,
    now: NOW,
    onProgress: (done, total) => {
      if (done - last >= total / 10 || done === total) {
        last = done;
        console.log(
          `  teachers ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${fmt(ms(t0) / 1000)} s)`,
        );
      }
    },
  });
  console.log(`demo region, programme year and exams: ${fmt(ms(t0) / 1000)} s`);
  t0 = process.hrtime.bigint();
  const y = await loadTrainingYear(
    db,
    { programmes: PROGRAMMES, provincialTrainees: PROVINCIAL_TRAINEES, year: 2026, today: DEMO_TODAY },
    (k) => {
      if (k % 10 === 0) console.log(`  programmes ${k} / ${PROGRAMMES} (${fmt(ms(t0) / 1000)} s)`);
    },
  );
  await sql`VACUUM ANALYZE`.execute(db);
  console.log(
    `training year: ${y.programmes} programmes, ${y.nominations} trainees: ${fmt(ms(t0) / 1000)} s`,
  );
}

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n,
  );
const sizes = {
  teachers: await count('teachers'),
  programmes: await count('programmes'),
  nominations: await count('nominations'),
  classes: await count('classes'),
  class_enrolments: await count('class_enrolments'),
  attendance: await count('attendance'),
  completion_results: await count('completion_results'),
  hour_entries: await count('hour_entries'),
  exam_students: await count('exam_students'),
};
console.log(sizes);

await syncBuiltinPacks(db);
const services = createServices(db, SETTINGS, () => NOW);
const app = await buildApp({ services, logLevel: 'silent' });
const sessions: Record<string, { cookie: string }> = {};
for (const u of ['province', 'qingcheng', 'provider']) {
  const r = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: u, password: DEMO_PASSWORD },
  });
  if (r.statusCode !== 200) throw new Error(`login ${u}: ${r.statusCode} ${r.body}`);
  const raw = r.headers['set-cookie'];
  sessions[u] = { cookie: String(Array.isArray(raw) ? raw[0] : raw).split(';')[0] ?? '' };
}
const get = async (who: string, url: string) => {
  const r = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers: sessions[who] });
  if (r.statusCode !== 200) throw new Error(`${who} ${url}: ${r.statusCode} ${r.body.slice(0, 300)}`);
  return r;
};

const t0 = process.hrtime.bigint();
const first = (await get('province', '/home')).json();
const cold = ms(t0);
console.log(
  `/home as the province: ${first.training.programmes} programmes of ${first.training.year}, ${first.training.enrolled} enrolled, ` +
    `${first.training.overdueDeadlines} overdue items, ${first.warnings?.total ?? 0} warnings, ${first.tasks.length} tasks`,
);
const roots = (await get('province', '/orgs/roots')).json() as Array<{ id: string }>;
const rootId = roots[0]?.id ?? '';
const rootPaths = (
  await db
    .selectFrom('orgs')
    .select('path')
    .where(
      'id',
      'in',
      roots.map((r) => r.id),
    )
    .execute()
).map((o) => o.path);
const page = () =>
  Promise.all([
    get('province', '/home'),
    get('province', '/orgs/roots'),
    get('province', `/orgs/${rootId}/children`),
    get('province', '/me/notifications'),
  ]);

// the bare SQL of the overview's figures statement, captured from the read model as it runs it
const captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
const pool = new pg.Pool({ connectionString: urlOf(DB_NAME), max: 1 });
const logging = new Kysely<DB>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => {
    if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters });
  },
});
const year = await db.selectFrom('programmes').select('id').where('year', '=', first.training.year).execute();
await createOverviewRepository(logging).overviewFigures(
  year.map((p) => p.id),
  rootPaths,
);
const figures = captured[0];
if (!figures) throw new Error('no statement captured');
await logging.destroy();
const client = new pg.Client({ connectionString: urlOf(DB_NAME) });
await client.connect();

const rows: string[][] = [];
const row = async (what: string, fn: () => Promise<unknown>) => {
  const m = await measure(fn, RUNS, 2);
  rows.push([what, fmt(m.median), fmt(m.p95), m.p95 < 500 ? 'yes' : '**no**']);
};
await row('GET /home as the province (工作台)', () => get('province', '/home'));
await row('the officer’s page: /home + /orgs/roots + /children + /me/notifications at once', page);
await row('GET /home as a county (清城区)', () => get('qingcheng', '/home'));
await row('GET /home as the provider', () => get('provider', '/home'));
await row('GET /reports/training-overview as the province (what /home reuses)', () =>
  get('province', '/reports/training-overview'),
);
await row('baseline: the overview’s figures statement, bare SQL (one pg.Client)', () =>
  client.query(figures.sql, [...figures.parameters]),
);
await row('baseline: SELECT 1 (one pg.Client)', () => client.query('SELECT 1'));

printMachine(await machineInfo(urlOf(DB_NAME)));
console.log(
  `\n${sizes.teachers.toLocaleString('en-US')} teachers, ${sizes.programmes} programmes, ` +
    `${sizes.nominations.toLocaleString('en-US')} nominations, ${sizes.class_enrolments.toLocaleString('en-US')} enrolments; ` +
    `first /home (cold): ${fmt(cold)} ms\n`,
);
printTable(['what', 'median ms', 'p95 ms', '< 500 ms'], rows);
await client.end();
await app.close();
await handle.close();
