/**
 * The exams module on durable PostgreSQL 15 through the real app: a city's score sheet of
 * 100,000 students × 40 items with prior scores → upload dry run (HTTP multipart: parse, validate, match schools,
 * store the dry run in exam_uploads) → commit on a SECOND app instance with its own pool (as another server process
 * would; the same session cookie) → first report (analysis with value-added, cached) → second report (cached).
 * Requests go through buildApp + createServices with app.inject (auth hook, CSRF, multipart, zod, services),
 * no socket.
 *
 * Baselines in the same run, on the same rows:
 *   - the bare insert: `INSERT … SELECT FROM unnest` of the same rows, 5,000 a statement, one transaction,
 *     through a plain pg client into a copy of exam_students (the column arrays built before the clock starts);
 *   - the bare payload write: one INSERT of the stored dry run's bytes;
 *   - in-process core analysis of the same files (decode, core CSV fast path, prior, analyzeExam, valueAdded);
 *   - the two ways of keeping a dry run (docs/PERFORMANCE.md section 8): encode + deflate the parsed matrix
 *     (what the app stores) vs. deflate the original CSV and parse it again on commit.
 *
 *   export BENCH_PG_PORT=55441 BENCH_PG_STATE=/tmp/yx-bench-exam-upload.state
 *   bench/pg.sh start
 *   DATABASE_URL=$(bench/pg.sh url) npx tsx bench/exam-server-pg.ts       # STUDENTS=100000 ITEMS=40 RUNS=3
 *   bench/pg.sh stop
 *
 * CPU columns: this Node process (user + sys, process.cpuUsage) and the PostgreSQL server (user + sys of the
 * postmaster, its live children and its reaped children, from /proc; needs BENCH_PG_STATE to find the cluster).
 */
import fs from 'node:fs';
import os from 'node:os';
import { deflateRawSync } from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { connectPostgres } from '../apps/server/src/db/database';
import { loadDemoRegion } from '../apps/server/src/demo/load-region';
import { decodeStaged, encodeStaged } from '../apps/server/src/modules/exams/upload/staging';
import { createServices } from '../apps/server/src/services';
import { decodeText } from '../apps/server/src/shared/sheet-cells';
import { multipartFiles } from '../apps/server/src/test/fixtures/exam-files';
import {
  analyzeExam,
  float64Scores,
  parseCsv,
  readItemSheet,
  readPriorSheet,
  readScoreCsvFast,
  studentTotals,
  valueAdded,
} from '../packages/core/src/exams';
import {
  baseUrl,
  fmt,
  freshDatabase,
  machineInfo,
  printMachine,
  printTable,
  quantile,
  SETTINGS,
  urlOf,
} from './lib';

const N = Number(process.env.STUDENTS ?? 100_000);
const M = Number(process.env.ITEMS ?? 40);
const RUNS = Number(process.env.RUNS ?? 3);
const DB_NAME = 'bench_exam_server';
const CHUNK = 5000;

// ───────────── CPU of this process and of the PostgreSQL server ─────────────

const TICK_MS = 10; // USER_HZ = 100 on Linux
function postmasterPid(): number | null {
  const state = process.env.BENCH_PG_STATE;
  if (!state || !fs.existsSync(state)) return null;
  const dir = fs.readFileSync(state, 'utf8').trim();
  const pidFile = `${dir}/data/postmaster.pid`;
  return fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : null;
}
const PM = postmasterPid();

function statOf(pid: string): { ppid: number; self: number; children: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' '); // fields from #3 (state) on
    const n = (i: number) => Number(f[i - 3]);
    return { ppid: n(4), self: n(14) + n(15), children: n(16) + n(17) };
  } catch {
    return null;
  }
}

/** CPU ms of the PostgreSQL cluster so far: the postmaster (+ its reaped children) and its live children. */
function pgCpuMs(): number {
  if (PM === null) return Number.NaN;
  let ticks = 0;
  const pm = statOf(String(PM));
  if (pm) ticks += pm.self + pm.children;
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const st = statOf(d);
    if (st && st.ppid === PM) ticks += st.self;
  }
  return ticks * TICK_MS;
}

interface Sample {
  wall: number;
  cpu: number;
  pgCpu: number;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ value: T; s: Sample }> {
  const c0 = process.cpuUsage();
  const p0 = pgCpuMs();
  const t0 = process.hrtime.bigint();
  const value = await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { value, s: { wall, cpu: (c.user + c.system) / 1000, pgCpu: pgCpuMs() - p0 } };
}

// ───────────── the data: a city's paper over the demo region's schools ─────────────

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface School {
  id: string;
  code: string | null;
  name: string;
  path: string;
  county_id: string | null;
}

function generate(schools: School[]) {
  const rnd = mulberry32(20261123);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const maxes = Array.from({ length: M }, (_, j) =>
    j < (M * 5) / 8 ? (j % 5 === 0 ? 3 : 2) : 6 + (j % 3) * 2,
  );
  const diffs = Array.from({ length: M }, () => normal() * 0.8);
  const items = [
    'item_id,max_score,type,knowledge_point,ability_level',
    ...maxes.map(
      (mx, j) =>
        `Q${j + 1},${mx},${j < (M * 5) / 8 ? 'objective' : 'subjective'},知识点${(j % 8) + 1},${['识记', '理解', '应用', '综合'][j % 4]}`,
    ),
  ].join('\n');
  const scoreLines = [`student_id,school,class,${maxes.map((_, j) => `Q${j + 1}`).join(',')}`];
  const priorLines = ['student_id,prior_score'];
  // the rows the app will write, for the bare-insert baseline (present students first, then the absent ones)
  const present: Array<{ id: string; school: School; cls: string; scores: number[]; row: number }> = [];
  const absent: Array<{ id: string; school: School; cls: string; row: number }> = [];
  const prior = new Map<string, number>();
  let i = 0;
  let s = 0;
  while (i < N) {
    const school = schools[s % schools.length] as School;
    s++;
    const size = Math.min(N - i, 150 + Math.floor(rnd() * 750));
    const classes = Math.max(1, Math.round(size / 50));
    const effect = normal() * 0.5;
    for (let k = 0; k < size; k++, i++) {
      const id = `2026${String(i).padStart(7, '0')}`;
      const cls = `${1 + (k % classes)}班`;
      const ability = normal();
      const theta = ability + effect;
      const isAbsent = rnd() < 0.01;
      const sc = maxes.map((mx, j) => {
        const p = 1 / (1 + Math.exp(-(theta - (diffs[j] ?? 0))));
        let v = 0;
        for (let u = 0; u < mx; u++) if (rnd() < p) v++;
        return v;
      });
      scoreLines.push(
        `${id},${school.code ?? school.name},${cls},${isAbsent ? ','.repeat(M - 1) : sc.join(',')}`,
      );
      const row = i + 2;
      if (isAbsent) absent.push({ id, school, cls, row });
      else present.push({ id, school, cls, scores: sc, row });
      if (rnd() < 0.97) {
        const pv = Number((500 + 100 * (0.8 * ability + 0.6 * normal())).toFixed(1));
        priorLines.push(`${id},${pv}`);
        prior.set(id, pv);
      }
    }
  }
  return {
    scores: Buffer.from(`${scoreLines.join('\n')}\n`),
    items: Buffer.from(`${items}\n`),
    prior: Buffer.from(`${priorLines.join('\n')}\n`),
    fullMarks: maxes.reduce((x, y) => x + y, 0),
    present,
    absent,
    priorOf: prior,
    schoolsUsed: Math.min(s, schools.length),
  };
}

function stats(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: quantile(s, 0.5), min: s[0] ?? Number.NaN, max: s[s.length - 1] ?? Number.NaN };
}

function loadAvg(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

async function main() {
  const url = urlOf(DB_NAME);
  const info = await machineInfo(baseUrl());
  const loads: string[] = [`start ${loadAvg()}`];
  console.log(`exams on PostgreSQL 15 through the app: ${N} students × ${M} items, ${RUNS} runs`);
  const h = await freshDatabase(DB_NAME);
  const tSeed = Date.now();
  await loadDemoRegion(h.db, { teachers: 5000 });
  const schools = (await h.db
    .selectFrom('orgs')
    .select(['id', 'code', 'name', 'path', 'county_id'])
    .where('kind', '=', 'school')
    .orderBy('id')
    .execute()) as School[];
  const city = await h.db
    .selectFrom('orgs')
    .select(['id'])
    .where('kind', '=', 'city')
    .executeTakeFirstOrThrow();
  const data = generate(schools);
  console.log(
    `seeded demo region (${schools.length} schools) and generated the sheet in ${fmt((Date.now() - tSeed) / 1000)} s: ` +
      `scores.csv ${fmt(data.scores.length / 1e6)} MB, prior.csv ${fmt(data.prior.length / 1e6)} MB, ` +
      `${data.present.length} present + ${data.absent.length} absent in ${data.schoolsUsed} schools`,
  );

  // ── app instance A (dry runs) and app instance B (commits, reports), each with its own pool ──
  const servicesA = createServices(h.db, SETTINGS);
  const appA = await buildApp({ services: servicesA, logLevel: 'silent', maxUploadBytes: 64 * 1024 * 1024 });
  const hB = connectPostgres(url, 10);
  const servicesB = createServices(hB.db, SETTINGS);
  const appB = await buildApp({ services: servicesB, logLevel: 'silent', maxUploadBytes: 64 * 1024 * 1024 });
  const login = await appA.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'city', password: 'Yanxun@2026' },
  });
  if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
  const setCookie = login.headers['set-cookie'];
  const cookie = ((Array.isArray(setCookie) ? setCookie[0] : setCookie) ?? '').split(';')[0] ?? '';
  const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
  const created = await appA.inject({
    method: 'POST',
    url: '/api/v1/exams',
    headers,
    payload: {
      name: '清远市六年级数学质量监测（基准）',
      semester: '2026-2027-1',
      stage: 'primary',
      subject: 'math',
      grade: '六年级',
      fullMarks: data.fullMarks,
      kind: 'monitoring',
      ownerOrgId: city.id,
    },
  });
  if (created.statusCode !== 201) throw new Error(`create exam: ${created.statusCode} ${created.body}`);
  const examId = (created.json() as { id: string }).id;
  const body = multipartFiles({
    scores: { name: 'scores.csv', body: data.scores },
    items: { name: 'items.csv', body: data.items },
    prior: { name: 'prior.csv', body: data.prior },
  });

  // ── the bare-insert baseline: the same rows as column arrays, built before the clock starts ──
  await sql`CREATE TABLE bench_raw (LIKE exam_students INCLUDING ALL)`.execute(h.db);
  await sql`CREATE TABLE bench_blob (id int PRIMARY KEY, payload bytea)`.execute(h.db);
  await sql`ALTER TABLE bench_blob ALTER COLUMN payload SET STORAGE EXTERNAL`.execute(h.db);
  const rawChunks: unknown[][] = [];
  const all = [
    ...data.present.map((p) => ({ ...p, absent: false })),
    ...data.absent.map((a) => ({ ...a, scores: null as number[] | null, absent: true })),
  ];
  for (let i = 0; i < all.length; i += CHUNK) {
    const part = all.slice(i, i + CHUNK);
    rawChunks.push([
      part.map((r) => r.school.county_id ?? r.school.id),
      part.map((r) => r.id),
      part.map((r) => r.school.id),
      part.map((r) => r.school.path),
      part.map((r) => r.cls),
      part.map((r) => r.absent),
      part.map((r) => (r.scores ? r.scores.reduce((x, y) => x + y, 0) : null)),
      part.map((r) => (r.scores ? `{${r.scores.join(',')}}` : null)),
      part.map((r) => (r.absent ? null : (data.priorOf.get(r.id) ?? null))),
      part.map((r) => r.row),
    ]);
  }
  const raw = new pg.Client({ connectionString: url });
  await raw.connect();
  const rawInsert = async () => {
    await raw.query('BEGIN');
    await raw.query('DELETE FROM bench_raw');
    for (const c of rawChunks)
      await raw.query(
        `INSERT INTO bench_raw (county_id, exam_id, student_id, school_id, school_path, class_name, absent, total,
           scores, prior_score, source_row)
         SELECT t.county_id, 1, t.student_id, t.school_id, t.school_path, t.class_name, t.absent, t.total,
           t.scores::float8[], t.prior, t.source_row
         FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], $7::float8[],
           $8::text[], $9::float8[], $10::int[])
           AS t(county_id, student_id, school_id, school_path, class_name, absent, total, scores, prior, source_row)`,
        c,
      );
    await raw.query('COMMIT');
  };

  // ── in-process core analysis of the same files (no database, no HTTP) ──
  const coreAnalysis = () => {
    const items = readItemSheet({ records: parseCsv(decodeText(data.items)) }).items;
    const exam = readScoreCsvFast(decodeText(data.scores), items);
    if (!exam) throw new Error('core fast path declined the bench sheet');
    const prior = readPriorSheet({ records: parseCsv(decodeText(data.prior)) }).prior;
    const analysis = analyzeExam(exam, { classes: false });
    const va = valueAdded(studentTotals(exam), exam.studentIds, exam.school, exam.schools, prior);
    return { n: analysis.students, va: va.ok };
  };

  const rows: Record<string, Sample[]> = {};
  const add = (k: string, s: Sample) => {
    rows[k] = rows[k] ?? [];
    rows[k].push(s);
  };
  const extra: Record<string, number[]> = {};
  const note = (k: string, v: number) => {
    extra[k] = extra[k] ?? [];
    extra[k].push(v);
  };

  for (let r = 0; r < RUNS + 1; r++) {
    const warm = r === 0; // run 0 warms the JIT, the pools and the caches: not counted
    const keep = (k: string, s: Sample) => {
      if (!warm) add(k, s);
    };
    const dry = await timed(() =>
      appA.inject({
        method: 'POST',
        url: `/api/v1/exams/${examId}/uploads`,
        headers: { ...headers, 'content-type': body.contentType },
        payload: body.payload,
      }),
    );
    const u = dry.value.json() as {
      id: string;
      ok: boolean;
      students: number;
      errorCount: number;
      errors: unknown[];
    };
    if (dry.value.statusCode !== 200 || !u.ok)
      throw new Error(
        `dry run: ${dry.value.statusCode} ${JSON.stringify(u.errors?.slice(0, 3) ?? dry.value.body)}`,
      );
    keep('1. dry run (POST …/uploads, instance A)', dry.s);
    const com = await timed(() =>
      appB.inject({ method: 'POST', url: `/api/v1/exams/${examId}/uploads/${u.id}/commit`, headers }),
    );
    if (com.value.statusCode !== 200) throw new Error(`commit: ${com.value.statusCode} ${com.value.body}`);
    keep('2. commit (POST …/commit, instance B)', com.s);
    const rep1 = await timed(() =>
      appB.inject({ method: 'GET', url: `/api/v1/exams/${examId}/report`, headers }),
    );
    if (rep1.value.statusCode !== 200) throw new Error(`report: ${rep1.value.statusCode} ${rep1.value.body}`);
    keep('3. first report (analysis + value-added, cached)', rep1.s);
    const rep2 = await timed(() =>
      appB.inject({ method: 'GET', url: `/api/v1/exams/${examId}/report`, headers }),
    );
    keep('4. second report (from the cache)', rep2.s);
    const again = await appB.inject({
      method: 'POST',
      url: `/api/v1/exams/${examId}/uploads/${u.id}/commit`,
      headers,
    });
    if (again.statusCode !== 409) throw new Error(`second commit: ${again.statusCode}`);

    // baselines, same rows
    keep('baseline: bare INSERT … SELECT FROM unnest (pg client)', (await timed(rawInsert)).s);
    const stored = await h.db
      .selectFrom('exam_uploads')
      .select(['payload_bytes'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    keep('baseline: core analysis in-process (fast path + analyse + VA)', (await timed(coreAnalysis)).s);

    // the two ways to keep a dry run: the parsed matrix (encoded + deflated) or the original CSV (deflated)
    const items = readItemSheet({ records: parseCsv(decodeText(data.items)) }).items;
    const exam = readScoreCsvFast(decodeText(data.scores), items);
    if (!exam) throw new Error('declined');
    const enc = await timed(() =>
      encodeStaged({
        m: M,
        present: exam.studentIds.length,
        studentIds: [...exam.studentIds, ...exam.absent.map((a) => a.studentId)],
        classNames: exam.classes.map((c) => c.name),
        schools: exam.schools.map((id) => ({ id, countyId: id, path: id })),
        school: new Int32Array(exam.studentIds.length + exam.absent.length),
        klass: new Int32Array(exam.studentIds.length + exam.absent.length),
        row: new Int32Array(exam.studentIds.length + exam.absent.length),
        prior: new Float64Array(exam.studentIds.length + exam.absent.length),
        scores: float64Scores(exam.scores, exam.scores.length),
      }),
    );
    keep('storage A: encode + deflate the parsed matrix', enc.s);
    const dec = await timed(() => decodeStaged(enc.value));
    keep('storage A: inflate + decode (on commit)', dec.s);
    const blobWrite = async (b: Uint8Array) => {
      await raw.query('DELETE FROM bench_blob');
      await raw.query('INSERT INTO bench_blob VALUES (1, $1)', [b]);
    };
    keep('storage A: write the payload alone (pg client)', (await timed(() => blobWrite(enc.value))).s);
    const z = await timed(() => deflateRawSync(data.scores, { level: 1 }));
    keep('storage B: deflate the original CSV', z.s);
    keep('storage B: write the deflated CSV alone (pg client)', (await timed(() => blobWrite(z.value))).s);
    keep(
      'storage B: parse the CSV again on commit (fast path)',
      (await timed(() => readScoreCsvFast(decodeText(data.scores), items))).s,
    );
    if (!warm) {
      note('payload bytes (app, with prior)', stored.payload_bytes);
      note('storage A bytes', enc.value.length);
      note('storage B bytes', z.value.length);
    }
    loads.push(`run ${r}${warm ? ' (warm-up)' : ''} ${loadAvg()}`);
    console.log(`run ${r}${warm ? ' (warm-up)' : ''} done, load ${loadAvg()}`);
  }

  const size = await sql<{
    v: string;
  }>`SELECT pg_size_pretty(pg_total_relation_size('exam_students')) AS v`.execute(h.db);
  await raw.end();
  await appA.close();
  await appB.close();
  await hB.close();
  await h.close();

  console.log(`\nmedian of ${RUNS} runs (min–max), ms`);
  printTable(
    ['step', 'wall median', 'wall min', 'wall max', 'Node CPU median', 'PG CPU median'],
    Object.entries(rows).map(([k, v]) => {
      const w = stats(v.map((x) => x.wall));
      return [
        k,
        fmt(w.median, 0),
        fmt(w.min, 0),
        fmt(w.max, 0),
        fmt(stats(v.map((x) => x.cpu)).median, 0),
        fmt(stats(v.map((x) => x.pgCpu)).median, 0),
      ];
    }),
  );
  console.log('');
  for (const [k, v] of Object.entries(extra)) console.log(`${k}: ${fmt(stats(v).median / 1e6, 2)} MB`);
  console.log(
    `exam_students after the runs (incl. indexes, dead rows of earlier commits): ${size.rows[0]?.v}`,
  );
  console.log(`load average (1, 5, 15 min): ${loads.join('; ')}`);
  printMachine(info);
}

await main();
