#!/usr/bin/env node
/**
 * Runs the benchmarks of bench/ one after another (docs/PERFORMANCE.md has what each one measures), streaming
 * each one's output as it goes, then prints a summary. Exits 1 when a benchmark fails.
 *
 *   npm run bench                          the full run (each benchmark's own default sizes)
 *   npm run bench -- --scale county        a small run: county-sized data, fewer repetitions (minutes)
 *   npm run bench -- --pg                  also the benchmarks that need PostgreSQL 15
 *   npm run bench -- --only exam,subtree   just these (names as in --list)
 *   npm run bench -- --list                the benchmarks, what they need and their knobs at each scale
 *
 * PostgreSQL: without --pg the benchmarks that need it are skipped with a line saying so (bench/subtree.ts then
 * runs on embedded PGlite). With --pg they run against DATABASE_URL when it is set, else against a throwaway
 * durable cluster that this script starts with bench/pg.sh (port BENCH_PG_PORT, 55433) and stops at the end;
 * without PostgreSQL 15 binaries (PG_BIN, /usr/lib/postgresql/15/bin) they are reported as skipped and the run
 * exits 1, since they were asked for.
 *
 * A knob already set in the environment (RUNS=1, TEACHERS=…) wins over the scale's value.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Each benchmark: its file, whether it needs PostgreSQL ('pg'), can use it ('either') or never does (null),
 * and its environment and arguments at each scale. `full` is the benchmark's own defaults.
 */
const BENCHMARKS = [
  {
    name: 'exam',
    file: 'bench/exam.ts',
    what: 'exam analysis in process and through the CLI, with the R and numpy baselines when installed',
    pg: null,
    county: { env: { STUDENTS: '20000', ITEMS: '30', RUNS: '2' } },
    full: {},
  },
  {
    name: 'exam-server',
    file: 'bench/exam-server.ts',
    what: 'exams module upload, commit and report on PGlite',
    pg: null,
    county: { args: ['20000'] },
    full: {},
  },
  {
    name: 'subtree',
    file: 'bench/subtree.ts',
    what: 'subtree counts, teacher list, org tree and search at region scale',
    pg: 'either',
    county: { env: { TEACHERS: '20000', RUNS: '10' } },
    full: {},
  },
  {
    name: 'import-teachers',
    file: 'bench/import-teachers.ts',
    what: 'teacher import (dry run, commit, unchanged re-import) with COPY and unnest baselines',
    pg: 'pg',
    county: { env: { TEACHERS: '20000' } },
    full: {},
  },
  {
    name: 'eligibility',
    file: 'bench/eligibility.ts',
    what: 'what-if eligibility preview through the programs service, GROUP BY baseline',
    pg: 'pg',
    county: { env: { TEACHERS: '20000', RUNS: '3' } },
    full: {},
  },
  {
    name: 'hours',
    file: 'bench/hours.ts',
    what: "one teacher's 学时 record (1M teachers × 30 entries) through the hours service, bare indexed SELECT baseline",
    pg: 'pg',
    county: { env: { TEACHERS: '20000', PER: '30', RUNS: '100' } },
    full: {},
  },
  {
    name: 'overview',
    file: 'bench/overview.ts',
    what: '培训总览 over many programmes, N+1 programmeKpis baseline',
    pg: 'pg',
    county: { env: { TEACHERS: '20000', COPIES: '9', RUNS: '3' } },
    full: {},
  },
  {
    name: 'home',
    file: 'bench/home.ts',
    what: '工作台 (GET /home) at province size through the app, bare figures SQL baseline',
    pg: 'pg',
    county: { env: { TEACHERS: '20000', PROGRAMMES: '30', PROVINCIAL_TRAINEES: '300', RUNS: '3' } },
    full: {},
  },
  {
    name: 'communities-review',
    file: 'bench/communities-review.ts',
    what: "the monthly review of a province's 5,000 workshops (R3-G17), bare attendance count baseline",
    pg: 'either',
    county: { env: { WORKSHOPS: '500', RUNS: '3' } },
    full: {},
  },
  {
    name: 'evaluation-campaign',
    file: 'bench/evaluation-campaign.ts',
    what: 'a campaign of 2,000 schools × 3 raters: ranking, every scorecard, a sheet saved; bare SQL mean baseline',
    pg: 'either',
    county: { env: { SCHOOLS: '200', RUNS: '3' } },
    full: {},
  },
  {
    name: 'exam-server-pg',
    file: 'bench/exam-server-pg.ts',
    what: 'exams module through two app instances on PostgreSQL, bare-insert and core baselines',
    pg: 'pg',
    county: { env: { STUDENTS: '20000', RUNS: '1' } },
    full: {},
  },
  {
    name: 'checkin',
    file: 'bench/checkin.ts',
    what: 'check-in surge through the real server, bare Fastify and pgbench baselines',
    pg: 'pg',
    county: {
      env: {
        CLASSES: '2',
        PER_CLASS: '500',
        CONCURRENCY: '100',
        PGBENCH_SECONDS: '3',
        LEVELS: '50',
        LEVEL_REQUESTS: '1000',
        RATES: '200,400',
        PACED_SECONDS: '2',
      },
    },
    full: {},
  },
];

const SCALES = ['county', 'full'];

function usage(message) {
  if (message) console.error(`bench: ${message}`);
  console.error('usage: npm run bench -- [--scale county|full] [--pg] [--only a,b] [--list]');
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      scale: { type: 'string', default: 'full' },
      pg: { type: 'boolean', default: false },
      only: { type: 'string' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  usage(err instanceof Error ? err.message : String(err));
}
const opts = parsed.values;
if (opts.help) usage();
if (!SCALES.includes(opts.scale)) usage(`unknown scale ${opts.scale} (county or full)`);

const knobs = (b, scale) => {
  const s = b[scale];
  const env = Object.entries(s.env ?? {}).map(([k, v]) => `${k}=${v}`);
  return [...env, ...(s.args ?? [])].join(' ') || '(its defaults)';
};

if (opts.list) {
  for (const b of BENCHMARKS) {
    const needs =
      b.pg === 'pg'
        ? 'needs --pg'
        : b.pg === 'either'
          ? 'PGlite, or PostgreSQL with --pg'
          : 'no database server';
    console.log(`${b.name.padEnd(16)} ${b.file}  (${needs})\n${' '.repeat(17)}${b.what}`);
    for (const scale of SCALES) console.log(`${' '.repeat(17)}${scale}: ${knobs(b, scale)}`);
  }
  process.exit(0);
}

let selected = BENCHMARKS;
if (opts.only) {
  const names = opts.only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
  if (unknown.length > 0) usage(`unknown benchmark ${unknown.join(', ')} (see --list)`);
  selected = BENCHMARKS.filter((b) => names.includes(b.name));
}

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const PG_PORT = process.env.BENCH_PG_PORT ?? '55433';
const PG_STATE = process.env.BENCH_PG_STATE ?? `/tmp/yanxun-bench-pg-${PG_PORT}.dir`;

/** The PostgreSQL the run uses: { url, state, started } or { missing: why }. */
function startPostgres() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, state: process.env.BENCH_PG_STATE };
  const bins = ['initdb', 'pg_ctl', 'psql'].filter((b) => !fs.existsSync(path.join(PG_BIN, b)));
  if (bins.length > 0) {
    return {
      missing: `no PostgreSQL 15 binaries (${bins.join(', ')}) in ${PG_BIN}; install postgresql-15 or set DATABASE_URL`,
    };
  }
  const env = {
    ...process.env,
    BENCH_PG_PORT: PG_PORT,
    BENCH_PG_STATE: PG_STATE,
    // checkin's full run opens 1,000 client connections
    BENCH_PG_OPTS: process.env.BENCH_PG_OPTS ?? '-c max_connections=1100',
  };
  const already = fs.existsSync(PG_STATE);
  console.log(`\n== PostgreSQL: bench/pg.sh start (port ${PG_PORT})`);
  const r = spawnSync('bash', ['bench/pg.sh', 'start'], { cwd: ROOT, env, stdio: 'inherit' });
  if (r.status !== 0) return { missing: `bench/pg.sh start failed (exit ${r.status})` };
  const url = spawnSync('bash', ['bench/pg.sh', 'url'], { cwd: ROOT, env, encoding: 'utf8' }).stdout.trim();
  return { url, state: PG_STATE, started: !already, env };
}

function stopPostgres(pg) {
  if (!pg?.started) return;
  console.log('\n== PostgreSQL: bench/pg.sh stop');
  spawnSync('bash', ['bench/pg.sh', 'stop'], { cwd: ROOT, env: pg.env, stdio: 'inherit' });
}

let current;
let pgInfo;
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    interrupted = true;
    current?.kill(sig);
  });
}

/** Run one benchmark with its output on ours; resolves to its exit code (or the signal's name). */
function run(b, env, args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', b.file, ...args], {
      cwd: ROOT,
      env,
      stdio: 'inherit',
    });
    current = child;
    child.on('error', (err) => resolve(`spawn error: ${err.message}`));
    child.on('exit', (code, signal) => {
      current = undefined;
      resolve(signal ?? code);
    });
  });
}

const fmtTime = (ms) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};

const results = [];
const t0 = Date.now();
console.log(
  `bench: ${selected.length} benchmark(s) at scale ${opts.scale}${opts.pg ? ', with PostgreSQL' : ', without PostgreSQL (--pg adds it)'}`,
);
if (opts.pg && selected.some((b) => b.pg !== null)) {
  pgInfo = startPostgres();
  if (pgInfo.missing) console.log(`bench: PostgreSQL not available: ${pgInfo.missing}`);
}

try {
  for (const b of selected) {
    if (interrupted) {
      results.push({ b, status: 'not run (interrupted)', ok: false });
      continue;
    }
    const usePg = b.pg === 'pg' || (b.pg === 'either' && opts.pg);
    if (b.pg === 'pg' && !opts.pg) {
      const why = 'needs PostgreSQL 15: run with --pg';
      console.log(`\n== ${b.name} (${b.file}): skipped, ${why}`);
      results.push({ b, status: `skipped (${why})`, ok: true });
      continue;
    }
    if (usePg && pgInfo?.missing) {
      console.log(`\n== ${b.name} (${b.file}): skipped, PostgreSQL not available`);
      results.push({ b, status: 'skipped (--pg given, PostgreSQL not available)', ok: false });
      continue;
    }
    const scaled = b[opts.scale];
    const env = { ...scaled.env, ...process.env };
    if (b.pg === 'either') env.ENGINE = usePg ? 'postgres' : 'pglite';
    if (usePg && pgInfo) {
      env.DATABASE_URL = pgInfo.url;
      if (pgInfo.state) env.BENCH_PG_STATE = pgInfo.state;
    }
    const args = scaled.args ?? [];
    const shown = [
      ...Object.keys(scaled.env ?? {}).map((k) => `${k}=${env[k]}`),
      ...(b.pg === 'either' ? [`ENGINE=${env.ENGINE}`] : []),
    ];
    console.log(`\n== ${b.name}: ${[...shown, 'node --import tsx', b.file, ...args].join(' ')}\n`);
    const started = Date.now();
    const code = await run(b, env, args);
    const ms = Date.now() - started;
    const ok = code === 0;
    console.log(
      `\n== ${b.name}: ${ok ? 'ok' : `FAILED (${typeof code === 'number' ? `exit ${code}` : code})`} in ${fmtTime(ms)}`,
    );
    results.push({ b, status: ok ? 'ok' : `FAILED (${code})`, ok, ms });
  }
} finally {
  stopPostgres(pgInfo);
}

console.log(`\n## Summary (scale ${opts.scale}, ${fmtTime(Date.now() - t0)} in all)\n`);
const width = Math.max(...results.map((r) => r.b.name.length), 'benchmark'.length);
console.log(`| ${'benchmark'.padEnd(width)} | ${'time'.padStart(12)} | result`);
console.log(`|${'-'.repeat(width + 2)}|${'-'.repeat(14)}|--------`);
for (const r of results) {
  console.log(
    `| ${r.b.name.padEnd(width)} | ${(r.ms === undefined ? '–' : fmtTime(r.ms)).padStart(12)} | ${r.status}`,
  );
}
const failed = results.filter((r) => !r.ok);
console.log(
  failed.length === 0 ? '\nall benchmarks that ran passed' : `\n${failed.length} failed or could not run`,
);
process.exit(failed.length === 0 && !interrupted ? 0 : 1);
