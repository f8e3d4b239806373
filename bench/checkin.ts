/**
 * Check-in surge: teachers checking in with the rotating QR token through the real server
 * (buildApp + createServices: session cookie, CSRF, token check, one INSERT … ON CONFLICT DO NOTHING) on
 * durable PostgreSQL 15, the server in its own process listening on loopback, the load from this process.
 *
 *   A. one class: 2,000 enrolled teachers checking in (注册) at 200 concurrent phones;
 *   B. a province-wide opening morning: 50,000 teachers in 25 classes checking in (报到) at 1,000 concurrent
 *      connections.
 *
 * Baselines in the same run: a bare Fastify route (no database, same body, same load as B), and pgbench inserting
 * the same attendance rows with the same statement straight into PostgreSQL at 1,000 clients (and at the
 * server's pool size).
 *
 *   BENCH_PG_OPTS="-c max_connections=1100" bench/pg.sh start
 *   DATABASE_URL=$(bench/pg.sh url) npx tsx bench/checkin.ts
 *   bench/pg.sh stop
 *
 * Knobs: POOL (server's pg pool, 20), CONCURRENCY (1000), CLASSES (25), PER_CLASS (2000), PGBENCH_SECONDS (20),
 * LEVELS (lower concurrency points for B, '100,200'), LEVEL_REQUESTS (10,000), RATES (open-loop arrival rates for C,
 * '500,1000,2000,3000,4000' per s, each for PACED_SECONDS = 5 s over up to CONCURRENCY connections), CLIENT (raw | http:
 * the load generator, see `connector`), FRESH_SESSIONS=1, PROFILE=1.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { addDays, findProjectType, HENAN_2021_PACK, todayInShanghai } from '@yanxun/core';
import Fastify from 'fastify';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import '../apps/server/src/db/database'; // its side effect: the `date` type parser the app relies on
import type { DB } from '../apps/server/src/db/types';
import { loadDemoRegion } from '../apps/server/src/demo/load-region';
import { makeToken } from '../apps/server/src/modules/classes/checkin/checkin-token';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import {
  fmt,
  freshDatabase,
  machineInfo,
  printMachine,
  printTable,
  quantile,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';

const DB_NAME = 'bench_checkin';
const POOL = Number(process.env.POOL ?? 20);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 1000);
const CLASSES = Number(process.env.CLASSES ?? 25);
const PER_CLASS = Number(process.env.PER_CLASS ?? 2000);
const PGBENCH_SECONDS = Number(process.env.PGBENCH_SECONDS ?? 20);
const SECRET = 'bench-checkin-secret-0123456789abcdef';
const RATES = (process.env.RATES ?? '500,1000,2000,3000,4000').split(',').filter(Boolean).map(Number);
const PACED_SECONDS = Number(process.env.PACED_SECONDS ?? 5);
/** Sessions seen just now (the auth hook does not touch them, one write fewer per check-in) instead of a minute ago. */
const FRESH_SESSIONS = process.env.FRESH_SESSIONS === '1';
/** Lower closed-loop concurrency points for B (each LEVEL_REQUESTS arrivals, rows and session touches reset after). */
const LEVELS = (process.env.LEVELS ?? '100,200').split(',').filter(Boolean).map(Number);
const LEVEL_REQUESTS = Number(process.env.LEVEL_REQUESTS ?? 10_000);
const ROTATION = 30; // the Henan pack's Y-004-QR-ROTATE

// ───────────── child processes: the real server, and the bare Fastify baseline ─────────────

async function runServer(): Promise<void> {
  // the same pool connectPostgres builds, kept here to count check-outs: Kysely checks a connection out of the
  // pool for each statement outside a transaction, so check-outs = database round trips of the request path
  const pool = new pg.Pool({ connectionString: urlOf(DB_NAME), max: POOL });
  let acquires = 0;
  pool.on('acquire', () => {
    acquires++;
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const services = createServices(db, { ...SETTINGS, checkinSecret: SECRET });
  const app = await buildApp({ services, logLevel: 'silent' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('SIGTERM', () => process.exit(0)); // exit normally so --cpu-prof (PROFILE=1) writes its file
  process.on('message', (m) => {
    if (m !== 'stats') return;
    const cpu = process.cpuUsage();
    process.send?.({ stats: { cpuMs: (cpu.user + cpu.system) / 1000, acquires } });
  });
  process.send?.({ port: (app.server.address() as AddressInfo).port });
}

async function runBare(): Promise<void> {
  const app = Fastify({ logger: false });
  app.post('/api/v1/checkin', async (req) => {
    const body = req.body as { t?: string };
    return {
      status: 'checked_in',
      classId: '1',
      className: 'bare',
      slot: 'arrive',
      slotLabel: '报到',
      checkedAt: new Date().toISOString(),
      message: String(body.t?.length ?? 0),
    };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('message', (m) => {
    if (m !== 'stats') return;
    const cpu = process.cpuUsage();
    process.send?.({ stats: { cpuMs: (cpu.user + cpu.system) / 1000, acquires: 0 } });
  });
  process.send?.({ port: (app.server.address() as AddressInfo).port });
}

interface ServerStats {
  cpuMs: number;
  acquires: number;
}

interface Child {
  port: number;
  stop: () => void;
  stats: () => Promise<ServerStats>;
}

function startChild(mode: 'server' | 'bare'): Promise<Child> {
  return new Promise((resolve, reject) => {
    const execArgv =
      process.env.PROFILE && mode === 'server'
        ? [...process.execArgv, '--cpu-prof', '--cpu-prof-dir=bench/out']
        : process.execArgv;
    const child = fork(fileURLToPath(import.meta.url), [`--${mode}`], { stdio: 'inherit', execArgv });
    child.once('message', (m) =>
      resolve({
        port: (m as { port: number }).port,
        stop: () => child.kill('SIGTERM'),
        stats: () =>
          new Promise((ok) => {
            const on = (x: unknown) => {
              const st = (x as { stats?: ServerStats }).stats;
              if (!st) return;
              child.off('message', on);
              ok(st);
            };
            child.on('message', on);
            child.send('stats');
          }),
      }),
    );
    child.once('exit', (code) => reject(new Error(`${mode} exited ${code}`)));
  });
}

// ───────────── the load: closed loop, `concurrency` keep-alive connections ─────────────

interface Shot {
  cookie: string;
  csrf: string;
  classId: string;
  slot: string;
}

interface LoadResult {
  n: number;
  ok: number;
  statuses: Record<string, number>;
  seconds: number;
  rate: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** One keep-alive connection of the load generator: sends a check-in body, resolves with status and body. */
interface Connection {
  send(shot: Shot, body: string): Promise<[number, string]>;
  close(): void;
}

/**
 * The load generator: `CLIENT=raw` (default), plain keep-alive TCP sockets, each writing one request and reading
 * its response (status line, Content-Length, body) before the next; or `CLIENT=http`, node:http's Agent (what runs
 * before checkinbatch used). node:http's client costs several times the CPU of the server's side of a request; on
 * 2 shared cores that CPU is taken from the server under test, so the lean client measures the server.
 */
const CLIENT = process.env.CLIENT ?? 'raw';

function connector(port: number, concurrency: number): { open(): Promise<Connection>; destroy(): void } {
  if (CLIENT === 'http') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
    const send = (s: Shot, body: string): Promise<[number, string]> =>
      new Promise((resolve, reject) => {
        const r = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/v1/checkin',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              cookie: `yx_session=${s.cookie}`,
              'x-csrf-token': s.csrf,
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => resolve([res.statusCode ?? 0, text]));
          },
        );
        r.on('error', reject);
        r.end(body);
      });
    return { open: async () => ({ send, close: () => {} }), destroy: () => agent.destroy() };
  }
  const CRLF2 = Buffer.from('\r\n\r\n');
  const open = (): Promise<Connection> =>
    new Promise((resolveConn, rejectConn) => {
      const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
      let buf = Buffer.alloc(0);
      let pending: ((r: [number, string]) => void) | null = null;
      socket.on('data', (chunk) => {
        buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
        const end = buf.indexOf(CRLF2);
        if (end < 0) return;
        const head = buf.toString('latin1', 0, end);
        const len = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + len) return;
        const body = buf.toString('utf8', end + 4, end + 4 + len);
        buf = buf.subarray(end + 4 + len);
        const done = pending;
        pending = null;
        done?.([Number(head.slice(9, 12)), body]);
      });
      socket.once('error', rejectConn);
      socket.once('connect', () =>
        resolveConn({
          send: (s, body) =>
            new Promise((resolve) => {
              pending = resolve;
              socket.write(
                `POST /api/v1/checkin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
                  `Content-Length: ${Buffer.byteLength(body)}\r\nCookie: yx_session=${s.cookie}\r\n` +
                  `X-CSRF-Token: ${s.csrf}\r\nConnection: keep-alive\r\n\r\n${body}`,
              );
            }),
          close: () => socket.end(),
        }),
      );
    });
  return { open, destroy: () => {} };
}

/**
 * Closed loop (`rate` undefined): `concurrency` connections each send the next request as soon as the last
 * answered. Open loop (`rate` per second): request i is due at i / rate s; latency counts from when it was due
 * (a late start is the server's delay too: no coordinated omission). Each request carries a token made for the
 * current 30-second window.
 */
async function fire(port: number, shots: Shot[], concurrency: number, rate?: number): Promise<LoadResult> {
  const secret = Buffer.from(SECRET, 'utf8');
  const client = connector(port, concurrency);
  const latencies: number[] = new Array(shots.length);
  const statuses: Record<string, number> = {};
  let next = 0;
  let ok = 0;
  let sample = '';
  const t0 = process.hrtime.bigint();
  const worker = async () => {
    const conn = await client.open();
    while (next < shots.length) {
      const i = next++;
      const shot = shots[i];
      if (!shot) break;
      let a = process.hrtime.bigint();
      if (rate) {
        const due = t0 + BigInt(Math.round((i / rate) * 1e9));
        if (due > a) await new Promise((r) => setTimeout(r, Number(due - a) / 1e6));
        a = due;
      }
      const window = Math.floor(Date.now() / 1000 / ROTATION);
      const body = JSON.stringify({
        t: makeToken(secret, { classId: shot.classId, slot: shot.slot, window }),
      });
      const [status, text] = await conn.send(shot, body);
      latencies[i] = Number(process.hrtime.bigint() - a) / 1e6;
      const key =
        status === 200 ? (text.includes('"checked_in"') ? '200 checked_in' : '200 already') : String(status);
      statuses[key] = (statuses[key] ?? 0) + 1;
      if (status === 200) ok++;
      else if (!sample) sample = text.slice(0, 300);
    }
    conn.close();
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, shots.length) }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  client.destroy();
  if (sample) console.log(`  first non-200 body: ${sample}`);
  const sorted = latencies.filter((x) => x !== undefined).sort((a, b) => a - b);
  return {
    n: shots.length,
    ok,
    statuses,
    seconds,
    rate: shots.length / seconds,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

// ───────────── pgbench with the same INSERT … SELECT … ON CONFLICT DO NOTHING ─────────────

function pgbench(
  url: string,
  clients: number,
  seconds: number,
  teacherRange: [string, string],
): { tps: number; latencyAvg: number } {
  const u = new URL(url);
  const script = '/tmp/yx-bench-checkin.pgbench.sql';
  // a distinct slot per transaction (random 1 … 2·10⁹): every statement writes a row, as a first check-in does
  execFileSync('bash', [
    '-c',
    `cat > ${script} <<'EOF'
\\set t random(${teacherRange[0]}, ${teacherRange[1]})
\\set r random(1, 2000000000)
INSERT INTO attendance (county_id, class_id, slot, teacher_id, method) SELECT county_id, class_id, 'b' || :r, teacher_id, 'qr' FROM class_enrolments WHERE teacher_id = :t ON CONFLICT DO NOTHING;
EOF`,
  ]);
  const out = execFileSync(
    '/usr/lib/postgresql/15/bin/pgbench',
    [
      '-h',
      u.hostname,
      '-p',
      u.port,
      '-U',
      'postgres',
      '-n',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-f',
      script,
      DB_NAME,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  const tps = Number(
    /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ??
      /tps = ([\d.]+)/.exec(out)?.[1] ??
      Number.NaN,
  );
  const latencyAvg = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1] ?? Number.NaN);
  return { tps, latencyAvg };
}

// ───────────── cost per check-in: CPU of the server process and of PostgreSQL, database round trips ─────────────

/** CPU ms used so far by the bench cluster (postmaster and its children: backends, walwriter, …), from /proc. */
function pgCpuMs(): number {
  const state = process.env.BENCH_PG_STATE;
  if (!state || !fs.existsSync(state)) return Number.NaN;
  const dataDir = `${fs.readFileSync(state, 'utf8').trim()}/data`;
  const postmaster = Number(fs.readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const hz = 100; // USER_HZ on Linux
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(f[1]);
    if (Number(pid) !== postmaster && ppid !== postmaster) continue;
    ticks += Number(f[11]) + Number(f[12]); // utime + stime
  }
  return (ticks / hz) * 1000;
}

interface Cost {
  /** the load generator (this process) */
  clientCpuMs: number;
  serverCpuMs: number;
  pgCpuMs: number;
  roundTrips: number;
}

/** Runs `work` and returns what it cost per request: server CPU ms, PostgreSQL CPU ms, database round trips. */
async function costOf<T extends { n: number }>(server: Child, work: () => Promise<T>): Promise<[T, Cost]> {
  const s0 = await server.stats();
  const p0 = pgCpuMs();
  const c0 = process.cpuUsage();
  const r = await work();
  const c1 = process.cpuUsage(c0);
  const s1 = await server.stats();
  const p1 = pgCpuMs();
  return [
    r,
    {
      clientCpuMs: (c1.user + c1.system) / 1000 / r.n,
      serverCpuMs: (s1.cpuMs - s0.cpuMs) / r.n,
      pgCpuMs: (p1 - p0) / r.n,
      roundTrips: (s1.acquires - s0.acquires) / r.n,
    },
  ];
}

// ───────────── the benchmark ─────────────

async function main(): Promise<void> {
  const info = await machineInfo(urlOf('postgres'));
  const total = CLASSES * PER_CLASS;
  console.log(
    `check-in surge: ${CLASSES} classes × ${PER_CLASS} teachers = ${total}; server pool ${POOL}; ${CONCURRENCY} concurrent; load client ${CLIENT}`,
  );

  // seed: the demo region with enough teachers, the Henan pack, a provincial programme running today
  const handle = await freshDatabase(DB_NAME, 10);
  const db = handle.db;
  let t0 = Date.now();
  await loadDemoRegion(db, { teachers: total + 500 });
  await syncBuiltinPacks(db);
  const province = await db
    .selectFrom('orgs')
    .select(['id', 'path', 'name'])
    .where('kind', '=', 'province')
    .executeTakeFirstOrThrow();
  const provider = await db
    .selectFrom('orgs')
    .select('id')
    .where('kind', '=', 'provider')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const today = todayInShanghai(new Date());
  const type = findProjectType(HENAN_2021_PACK, 'rural_backbone');
  const programme = await db
    .insertInto('programmes')
    .values({
      pack_id: 'henan-2021',
      project_type_code: 'rural_backbone',
      track_code: type?.tracks[0]?.code ?? 'rural_backbone',
      level: 'provincial',
      year: 2021,
      owner_org_id: province.id,
      owner_path: province.path,
      title: '基准测试：开班日报到',
      selection_deadline: today,
      start_date: addDays(today, -1),
      end_date: addDays(today, 30),
      total_seats: total,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO nominations (county_id, programme_id, teacher_id, school_id, org_path, quota_region_id, quota_org_id, status, eligibility)
    SELECT county_id, ${programme.id}::bigint, id, school_id, org_path, county_id, school_id, 'selected', '{}'
    FROM teachers ORDER BY id LIMIT ${total}`.execute(db);
  const services = createServices(db, { ...SETTINGS, checkinSecret: SECRET });
  const admin = systemAdmin('1', province);
  const teacherIds = (
    await db
      .selectFrom('nominations')
      .select('teacher_id')
      .where('programme_id', '=', programme.id)
      .orderBy('teacher_id')
      .execute()
  ).map((r) => r.teacher_id);
  const classIds: string[] = [];
  for (let c = 0; c < CLASSES; c++) {
    const k = await services.classes.create(admin, {
      programmeId: programme.id,
      name: `第 ${c + 1} 班`,
      startDate: today,
      endDate: addDays(today, 4),
      venue: `会场 ${c + 1}`,
      providerOrgId: provider.id,
    });
    const r = await services.classes.enrol(admin, k.id, {
      teacherIds: teacherIds.slice(c * PER_CLASS, (c + 1) * PER_CLASS),
    });
    if (r.enrolled !== PER_CLASS) throw new Error(`class ${k.id}: enrolled ${r.enrolled}`);
    classIds.push(k.id);
  }
  // one logged-in session per teacher (as after a login on the phone an hour earlier: the first request touches it)
  await sql`
    INSERT INTO accounts (username, display_name, password_hash, teacher_id)
    SELECT 'bt' || e.teacher_id, 'bench', 'x', e.teacher_id FROM class_enrolments e`.execute(db);
  await sql`
    INSERT INTO role_grants (account_id, role, org_id)
    SELECT a.id, 'teacher', t.school_id FROM accounts a JOIN teachers t ON t.id = a.teacher_id WHERE a.username LIKE 'bt%'`.execute(
    db,
  );
  await sql`
    INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
    SELECT encode(sha256(convert_to('tok-' || a.id, 'UTF8')), 'hex'), a.id, 'csrf-' || a.id,
           now() - interval '1 hour', now() - ${FRESH_SESSIONS ? sql`interval '0'` : sql`interval '1 minute'`}, now() + interval '11 hours'
    FROM accounts a WHERE a.username LIKE 'bt%'`.execute(db);
  await sql`VACUUM ANALYZE`.execute(db);
  const shotsRows = await sql<{ account_id: string; class_id: string }>`
    SELECT a.id AS account_id, e.class_id FROM accounts a JOIN class_enrolments e ON e.teacher_id = a.teacher_id
    WHERE a.username LIKE 'bt%' ORDER BY e.class_id, a.id`.execute(db);
  const shotOf = (r: { account_id: string; class_id: string }, slot: string): Shot => ({
    cookie: `tok-${r.account_id}`,
    csrf: `csrf-${r.account_id}`,
    classId: String(r.class_id),
    slot,
  });
  console.log(`seeded in ${fmt((Date.now() - t0) / 1000)} s`);

  // A. one class of 2,000 registering at 200 concurrent phones
  const server = await startChild('server');
  const first = shotsRows.rows
    .filter((r) => String(r.class_id) === classIds[0])
    .map((r) => shotOf(r, 'register'));
  await fire(server.port, first.slice(0, 50), 50); // warm-up: 50 registrations (not counted below)
  const a = await fire(server.port, first.slice(50), 200);
  const aAgain = await fire(server.port, first.slice(50, 550), 200); // double check-in: idempotent

  // B. the opening morning: 50,000 arrivals across the classes, interleaved, at 1,000 concurrent connections
  t0 = Date.now();
  const all = shotsRows.rows.map((r) => shotOf(r, 'arrive'));
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor((((i * 2654435761) % 4294967296) / 4294967296) * (i + 1));
    [all[i], all[j]] = [all[j] as Shot, all[i] as Shot];
  }
  // B at lower concurrency first (where a p99 aim is meaningful on 2 cores); each point starts from the same state
  const resetArrivals = async () => {
    await sql`DELETE FROM attendance WHERE slot = 'arrive'`.execute(db);
    await sql`UPDATE sessions SET last_seen_at = now() - ${FRESH_SESSIONS ? sql`interval '0'` : sql`interval '1 minute'`}`.execute(
      db,
    );
    await sql`VACUUM ANALYZE attendance, sessions`.execute(db);
  };
  const levels: Array<[number, LoadResult, Cost]> = [];
  for (const c of LEVELS) {
    const [r, cost] = await costOf(server, () => fire(server.port, all.slice(0, LEVEL_REQUESTS), c));
    levels.push([c, r, cost]);
    await resetArrivals();
  }
  const [b, bCost] = await costOf(server, () => fire(server.port, all, CONCURRENCY));
  // C. the same morning at steady arrival rates (open loop, up to CONCURRENCY connections): which rate keeps p99 < 100 ms
  const paced: Array<[number, LoadResult]> = [];
  const sessionSlots = shotsRows.rows.map((r) => shotOf(r, 'register')).slice(PER_CLASS); // not yet registered
  const firstClass = first[0]?.classId ?? '0';
  for (const r of RATES) {
    // every rate starts from the same state: no registrations yet outside the first class (run A's)
    await sql`DELETE FROM attendance WHERE slot = 'register' AND class_id <> ${firstClass}::bigint`.execute(
      db,
    );
    const n = Math.min(r * PACED_SECONDS, sessionSlots.length);
    if (n <= 0) break;
    paced.push([r, await fire(server.port, sessionSlots.slice(0, n), CONCURRENCY, r)]);
  }
  await server.stop();
  const written = await db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('slot', '=', 'arrive')
    .executeTakeFirstOrThrow();

  // baseline 1: bare Fastify, same body and load as B
  const bare = await startChild('bare');
  await fire(bare.port, all.slice(0, 1000), 100);
  const [bb, bareCost] = await costOf(bare, () => fire(bare.port, all, CONCURRENCY));
  await bare.stop();

  // baseline 2: pgbench, the same statement straight into PostgreSQL
  const range: [string, string] = [teacherIds[0] ?? '1', teacherIds[teacherIds.length - 1] ?? '1'];
  const pgAtC = pgbench(urlOf(DB_NAME), CONCURRENCY, PGBENCH_SECONDS, range);
  const pgAtPool = pgbench(urlOf(DB_NAME), POOL, PGBENCH_SECONDS, range);

  console.log('\n### Check-in surge\n');
  printTable(
    [
      'run',
      'requests',
      'concurrent',
      'outcome',
      'seconds',
      'check-ins/s',
      'p50 ms',
      'p90 ms',
      'p99 ms',
      'max ms',
    ],
    [
      [
        'A. one class, 注册',
        a.n,
        200,
        JSON.stringify(a.statuses),
        fmt(a.seconds, 2),
        fmt(a.rate, 0),
        fmt(a.p50),
        fmt(a.p90),
        fmt(a.p99),
        fmt(a.max),
      ],
      [
        'A′. same again (已签到)',
        aAgain.n,
        200,
        JSON.stringify(aAgain.statuses),
        fmt(aAgain.seconds, 2),
        fmt(aAgain.rate, 0),
        fmt(aAgain.p50),
        fmt(aAgain.p90),
        fmt(aAgain.p99),
        fmt(aAgain.max),
      ],
      [
        `B. ${CLASSES} classes, 报到`,
        b.n,
        CONCURRENCY,
        JSON.stringify(b.statuses),
        fmt(b.seconds, 2),
        fmt(b.rate, 0),
        fmt(b.p50),
        fmt(b.p90),
        fmt(b.p99),
        fmt(b.max),
      ],
      [
        'bare Fastify (no DB)',
        bb.n,
        CONCURRENCY,
        JSON.stringify(bb.statuses),
        fmt(bb.seconds, 2),
        fmt(bb.rate, 0),
        fmt(bb.p50),
        fmt(bb.p90),
        fmt(bb.p99),
        fmt(bb.max),
      ],
    ],
  );
  console.log(`\nrows written by B: ${written.n} of ${b.n}`);
  console.log('\n### B at lower concurrency (closed loop, 报到, each from the same starting state)\n');
  printTable(
    ['concurrent', 'requests', 'outcome', 'check-ins/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
    levels.map(([c, x]) => [
      c,
      x.n,
      JSON.stringify(x.statuses),
      fmt(x.rate, 0),
      fmt(x.p50),
      fmt(x.p90),
      fmt(x.p99),
      fmt(x.max),
    ]),
  );
  console.log('\n### Cost per check-in (less sensitive to other load than the rates above)\n');
  printTable(
    ['run', 'server CPU ms', 'PostgreSQL CPU ms', 'DB round trips', `load client (${CLIENT}) CPU ms`],
    [
      ...levels.map(([c, , k]) => [
        `B at ${c}`,
        fmt(k.serverCpuMs, 3),
        fmt(k.pgCpuMs, 3),
        fmt(k.roundTrips, 2),
        fmt(k.clientCpuMs, 3),
      ]),
      [
        `B at ${CONCURRENCY}`,
        fmt(bCost.serverCpuMs, 3),
        fmt(bCost.pgCpuMs, 3),
        fmt(bCost.roundTrips, 2),
        fmt(bCost.clientCpuMs, 3),
      ],
      [
        `bare Fastify at ${CONCURRENCY}`,
        fmt(bareCost.serverCpuMs, 3),
        '–',
        '–',
        fmt(bareCost.clientCpuMs, 3),
      ],
    ],
  );
  console.log('\n### Steady arrival rates (open loop, 注册 of the other classes)\n');
  printTable(
    ['offered /s', 'requests', 'outcome', 'achieved /s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'],
    paced.map(([r, x]) => [
      r,
      x.n,
      JSON.stringify(x.statuses),
      fmt(x.rate, 0),
      fmt(x.p50),
      fmt(x.p90),
      fmt(x.p99),
      fmt(x.max),
    ]),
  );
  console.log('\n### pgbench: INSERT … SELECT FROM class_enrolments … ON CONFLICT DO NOTHING\n');
  printTable(
    ['clients', 'seconds', 'inserts/s (tps)', 'latency avg ms'],
    [
      [CONCURRENCY, PGBENCH_SECONDS, fmt(pgAtC.tps, 0), fmt(pgAtC.latencyAvg)],
      [POOL, PGBENCH_SECONDS, fmt(pgAtPool.tps, 0), fmt(pgAtPool.latencyAvg)],
    ],
  );
  console.log(
    `\nB / pgbench at ${CONCURRENCY} clients: ${fmt((b.rate / pgAtC.tps) * 100, 0)} %; B / pgbench at ${POOL}: ${fmt((b.rate / pgAtPool.tps) * 100, 0)} %`,
  );
  printMachine(info);
  await handle.close();
}

if (process.argv[2] === '--server') {
  await runServer();
} else if (process.argv[2] === '--bare') {
  await runBare();
} else {
  await main();
}
