/**
 * `npm run test:uploads`: hostile uploads against the real server process.
 *
 * Starts apps/server/src/main.ts on a fresh temp DATA_DIR (embedded PGlite, a small demo region) with the default
 * upload limits, pings GET /api/health every 50 ms from the start to the end, and sends every hostile shape of
 * apps/server/src/test/fixtures/hostile-files.ts to the teachers importer and to an exam's score upload, one
 * after another and then several at once. Checks that each is refused with its 4xx and code, that a file of
 * 199,999 bad rows is validated with the first MAX_ERRORS_KEPT errors kept and the rest counted, that the server
 * never stopped answering (every health answer within HEALTH_MAX_MS) and is alive at the end. Prints each check,
 * the slowest health answer, the server's peak memory, and `N passed, N failed` as the last line.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { hostile } from '../apps/server/src/test/fixtures/hostile-files';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEALTH_MAX_MS = Number(process.env.HEALTH_MAX_MS ?? 1000);
const PASSWORD = 'Yanxun@2026';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let passed = 0;
let failed = 0;
function check(ok: boolean, what: string, detail = ''): void {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? '✓' : '✗'} ${what}${detail ? ` — ${detail}` : ''}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
}

interface Session {
  cookie: string;
  csrf: string;
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-uploads-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = path.join(tmp, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      DATA_DIR: path.join(tmp, 'data'),
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'yes',
      DEMO_TEACHERS: '300',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
  });
  let exited: string | number | null = null;
  server.on('exit', (code, signal) => {
    exited = signal ?? code;
  });
  const stop = async () => {
    if (exited === null) {
      server.kill('SIGTERM');
      for (let i = 0; i < 100 && exited === null; i++) await sleep(100);
      if (exited === null) server.kill('SIGKILL');
    }
    fs.closeSync(logFd);
  };

  try {
    const started = Date.now();
    while (Date.now() - started < 240_000 && exited === null) {
      const r = await fetch(`${base}/api/health`).catch(() => null);
      if (r?.ok) break;
      await sleep(300);
    }
    if (exited !== null || !(await fetch(`${base}/api/health`).catch(() => null))?.ok) {
      console.error(`the server did not start; its log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
      check(false, 'server started');
      return;
    }
    console.log(`server up in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${server.pid})`);

    async function login(username: string): Promise<Session> {
      const r = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: PASSWORD }),
      });
      if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
      const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
    }
    const county = await login('qingcheng');
    const city = await login('city');
    const headers = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

    async function postForm(s: Session, url: string, form: FormData) {
      const r = await fetch(`${base}${url}`, { method: 'POST', headers: headers(s), body: form });
      const text = await r.text();
      return { status: r.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
    }

    /** The import's refusal: at the upload, or the dry run's error when only reading shows it. */
    async function importFile(name: string, body: Buffer) {
      const form = new FormData();
      form.set('kind', 'teachers');
      form.set('file', new Blob([body]), name);
      const r = await postForm(county, '/api/v1/imports', form);
      if (r.status !== 202)
        return { status: r.status, code: (r.json().error as { code: string })?.code, size: r.text.length };
      const id = (r.json() as { id: string }).id;
      for (;;) {
        const j = (await (
          await fetch(`${base}/api/v1/imports/${id}`, { headers: headers(county) })
        ).json()) as {
          status: string;
          error?: { code: string };
          errorCount?: number;
          errorRows?: number;
          totalRows?: number;
        };
        if (j.status === 'failed') return { status: 422, code: j.error?.code, size: 0, job: j, id };
        if (j.status === 'validated') return { status: 202, code: 'VALIDATED', size: 0, job: j, id };
        await sleep(100);
      }
    }

    const exam = await fetch(`${base}/api/v1/exams`, {
      method: 'POST',
      headers: { ...headers(city), 'content-type': 'application/json' },
      body: JSON.stringify({
        name: '上传攻击演练',
        semester: '2026-2027-1',
        stage: 'junior',
        subject: 'math',
        grade: '七年级',
        fullMarks: 100,
        kind: 'routine',
        ownerOrgId: (
          (await (await fetch(`${base}/api/v1/auth/me`, { headers: headers(city) })).json()) as {
            grants: Array<{ orgId: string }>;
          }
        ).grants[0]?.orgId,
      }),
    });
    const examId = ((await exam.json()) as { id: string }).id;
    const ITEMS = 'item_id,max_score\nQ1,20\nQ2,20\nQ3,20\nQ4,20\nQ5,20\n';
    async function examFile(name: string, body: Buffer) {
      const form = new FormData();
      form.set('items', new Blob([ITEMS]), 'items.csv');
      form.set('scores', new Blob([body]), name);
      const r = await postForm(city, `/api/v1/exams/${examId}/uploads`, form);
      return {
        status: r.status,
        code: (r.json().error as { code: string } | undefined)?.code,
        size: r.text.length,
      };
    }

    console.log('building the hostile files…');
    const shapes: Array<[string, string, Buffer, string[]]> = [
      ['a 400 MiB cell (0.4 MB file)', 'bomb400.xlsx', await hostile.hugeCell(400), ['FILE_TOO_LARGE']],
      ['a 100 MiB cell', 'bomb100.xlsx', await hostile.hugeCell(100), ['FILE_TOO_LARGE']],
      [
        'a 200 MiB shared-strings table',
        'strings.xlsx',
        await hostile.sharedStrings(200),
        ['FILE_TOO_LARGE'],
      ],
      [
        'a sheet lying about its size (1 KB → 100 MiB)',
        'liar.xlsx',
        await hostile.lyingSize(100),
        ['FILE_UNREADABLE'],
      ],
      ['2,000 zip entries', 'entries.xlsx', await hostile.manyEntries(2_000), ['FILE_LIMIT_EXCEEDED']],
      ['a 2,000-character cell', 'cell.xlsx', await hostile.longCell(2_000), ['FILE_LIMIT_EXCEEDED']],
      ['250,000 rows', 'rows.xlsx', await hostile.manyRows(250_000), ['FILE_LIMIT_EXCEEDED']],
      ['a value in column XFD', 'wide.xlsx', await hostile.farColumn(), ['FILE_LIMIT_EXCEEDED']],
      ['a 20 MB CSV field', 'field.csv', hostile.csvHugeField(20_000_000), ['FILE_LIMIT_EXCEEDED']],
      ['a CSV of 250,000 lines', 'lines.csv', hostile.csvManyRows(250_000), ['FILE_LIMIT_EXCEEDED']],
      [
        'a CSV line of 100,000 fields',
        'fields.csv',
        hostile.csvManyColumns(100_000),
        ['FILE_LIMIT_EXCEEDED'],
      ],
      ['an empty file', 'empty.xlsx', Buffer.alloc(0), ['FILE_EMPTY']],
      ['random bytes named .xlsx', 'fake.xlsx', Buffer.from('不是工作簿'.repeat(1000)), ['FILE_UNREADABLE']],
    ];
    const badRows = await hostile.manyRows(199_999);

    // the probe, in a thread of its own (so that this script's work does not delay it): one health request at a
    // time, every 50 ms, from here to the end; each answer is attributed to what was being sent at the time
    const answers: Array<{ ms: number; ok: boolean; at: number }> = [];
    const phases: Array<{ name: string; from: number }> = [];
    const phase = (name: string) => phases.push({ name, from: Date.now() });
    const probe = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       let on = true;
       parentPort.on('message', () => { on = false; });
       (async () => {
         while (on) {
           const t0 = performance.now();
           const r = await fetch(workerData + '/api/health', { signal: AbortSignal.timeout(10000) }).catch(() => null);
           parentPort.postMessage({ ms: performance.now() - t0, ok: !!r && r.ok, at: Date.now() });
           await new Promise((res) => setTimeout(res, 50));
         }
         parentPort.close();
       })();`,
      { eval: true, workerData: base },
    );
    probe.on('message', (m: { ms: number; ok: boolean; at: number }) => answers.push(m));
    const probeDone = new Promise((r) => probe.once('exit', r));

    // the baseline: the same probe against the idle server
    phase('idle (baseline)');
    await sleep(2_000);

    for (const [what, name, body, codes] of shapes) {
      phase(`import: ${what}`);
      const i = await importFile(name, body);
      check(
        i.status >= 400 && i.status < 500 && codes.includes(i.code ?? ''),
        `import: ${what} refused`,
        `${i.status} ${i.code}`,
      );
      phase(`exam scores: ${what}`);
      const e = await examFile(name, body);
      check(
        e.status >= 400 && e.status < 500 && codes.includes(e.code ?? '') && e.size < 4000,
        `exam scores: ${what} refused`,
        `${e.status} ${e.code}, ${e.size} bytes`,
      );
    }

    phase('all at once');
    // all at once: every shape to both routes together; each refused or, beyond the queue, told to come back
    const together = await Promise.all(
      shapes.flatMap(([, name, body]) => [importFile(name, body), examFile(name, body)]),
    );
    const wrong = together.filter((r) => !(r.status >= 400 && r.status < 500) && r.code !== 'SERVER_BUSY');
    check(
      wrong.length === 0,
      `${together.length} hostile uploads at once: each refused (4xx) or 503 SERVER_BUSY`,
      `${together.filter((r) => r.code === 'SERVER_BUSY').length} busy`,
    );

    phase('199,999 bad rows');
    const t0 = Date.now();
    const big = await importFile('bad-rows.xlsx', badRows);
    const job = big.job as { errorCount?: number; errorRows?: number; totalRows?: number } | undefined;
    check(
      big.code === 'VALIDATED' &&
        job?.totalRows === 199_999 &&
        job?.errorRows === 199_999 &&
        (job?.errorCount ?? 0) >= 199_999,
      '199,999 bad rows: validated, every error counted',
      `${big.code}, ${job?.errorCount} errors, ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (big.id) {
      const errs = await fetch(`${base}/api/v1/imports/${big.id}/errors.xlsx`, { headers: headers(county) });
      const size = (await errs.arrayBuffer()).byteLength;
      check(
        errs.ok && size < 1_000_000,
        'its error workbook holds the first MAX_ERRORS_KEPT rows',
        `${size} bytes`,
      );
    }

    probe.postMessage('stop');
    await probeDone;
    const slowestIn = new Map<string, number>();
    for (const a of answers) {
      const p = phases.filter((x) => x.from <= a.at - a.ms).pop()?.name ?? 'start';
      slowestIn.set(p, Math.max(slowestIn.get(p) ?? 0, a.ms));
    }
    const slowest = Math.max(0, ...answers.map((a) => a.ms));
    check(exited === null, 'the server is alive after every upload');
    check(
      answers.every((a) => a.ok),
      'every health request answered',
      `${answers.length} requests`,
    );
    check(
      slowest < HEALTH_MAX_MS,
      `every health answer within ${HEALTH_MAX_MS} ms`,
      `slowest ${slowest.toFixed(0)} ms`,
    );
    const worst = [...slowestIn].sort((a, b) => b[1] - a[1]).slice(0, 5);
    for (const [p, ms] of worst) console.log(`slowest health answers: ${ms.toFixed(0)} ms during ${p}`);
    console.log(
      `slowest health answer while idle (baseline): ${(slowestIn.get('idle (baseline)') ?? 0).toFixed(0)} ms`,
    );
    console.log(`server peak memory (VmHWM): ${peakMb(server.pid ?? 0)} MB`);
  } finally {
    await stop();
    if (failed > 0) console.log(`server log (last lines):\n${fs.readFileSync(logFile, 'utf8').slice(-3000)}`);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main()
  .catch((err) => {
    failed++;
    console.error(err);
  })
  .finally(() => {
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });
