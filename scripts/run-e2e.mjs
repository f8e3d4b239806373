#!/usr/bin/env node
/**
 * `npm run test:e2e`: the browser journeys against the real server.
 *
 * 1. builds the web app if apps/web/dist is missing or older than the web sources (the server serves it);
 * 2. starts apps/server/src/main.ts on a fresh temp DATA_DIR (embedded PGlite, a 2,000-teacher demo region)
 *    on a free loopback port, and waits until it answers;
 * 3. runs `playwright test -c e2e/playwright.config.ts` with BASE_URL (extra arguments pass through:
 *    `npm run test:e2e -- e2e/phone.spec.ts`);
 * 4. stops the server, removes the temp dir, and prints `N passed, N failed` as the last line.
 *
 * Exit code 1 if a journey failed or the server did not start. Failure screenshots and traces: test-results/.
 * YX_E2E_KEEP=1 keeps the temp dir (database and server log) for a look afterwards.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START_TIMEOUT_MS = 240_000;

function log(message) {
  console.log(`run-e2e: ${message}`);
}

function run(cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
    child.on('error', (err) => {
      console.error(`run-e2e: could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function tail(file, lines) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

function finish(summary, code) {
  console.log(summary);
  process.exit(code);
}

/** Why apps/web/dist must be (re)built, or null: it is missing, or a web source is newer than it. */
function webBuildStale() {
  const built = path.join(root, 'apps/web/dist/index.html');
  if (!fs.existsSync(built)) return 'apps/web/dist is missing';
  const builtAt = fs.statSync(built).mtimeMs;
  const sources = [
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'packages/contracts/src',
  ];
  const newer = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return null;
    if (st.isFile()) return st.mtimeMs > builtAt ? p : null;
    for (const e of fs.readdirSync(p)) {
      const hit = newer(path.join(p, e));
      if (hit) return hit;
    }
    return null;
  };
  for (const s of sources) {
    const hit = newer(path.join(root, s));
    if (hit) return `${path.relative(root, hit)} is newer than apps/web/dist`;
  }
  return null;
}

/** Counts from Playwright's JSON report; errors outside any test (a spec that does not load) count as failures. */
function countsOf(report) {
  const s = report.stats ?? {};
  const passed = (s.expected ?? 0) + (s.flaky ?? 0);
  let failed = s.unexpected ?? 0;
  const skipped = s.skipped ?? 0;
  if (failed === 0 && Array.isArray(report.errors)) failed += report.errors.length;
  return { passed, failed, skipped };
}

async function main() {
  const extra = process.argv.slice(2);

  const stale = webBuildStale();
  if (stale) {
    log(`${stale}; building the web app first (npm run build)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    if ((await run(npm, ['run', 'build'])) !== 0) {
      console.error('run-e2e: the web build failed');
      finish('0 passed, 1 failed', 1);
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-e2e-'));
  const dataDir = path.join(tmp, 'data');
  const serverLog = path.join(tmp, 'server.log');
  const jsonReport = path.join(tmp, 'playwright.json');
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  // node --import tsx: one process (no tsx wrapper in between), so the pid we hold is the server's.
  const logFd = fs.openSync(serverLog, 'a');
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'yes',
      DEMO_TEACHERS: process.env.DEMO_TEACHERS ?? '2000',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: '',
    },
  });
  let serverExit = null;
  server.on('exit', (code, signal) => {
    serverExit = signal ?? code;
  });

  const stopServer = async () => {
    if (serverExit === null) {
      server.kill('SIGTERM');
      for (let i = 0; i < 100 && serverExit === null; i++) await sleep(100);
      if (serverExit === null) server.kill('SIGKILL');
    }
    fs.closeSync(logFd);
  };
  const cleanUp = () => {
    if (process.env.YX_E2E_KEEP) log(`kept ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      if (serverExit === null) server.kill('SIGKILL');
      cleanUp();
      process.exit(130);
    });
  }

  log(`starting the server on ${baseUrl} (DATA_DIR=${dataDir}, log ${serverLog})`);
  const started = Date.now();
  let ready = false;
  while (Date.now() - started < START_TIMEOUT_MS && serverExit === null) {
    try {
      const res = await fetch(`${baseUrl}/api/v1/auth/me`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 401 || res.ok) {
        const page = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(2000) });
        if (page.ok) {
          ready = true;
          break;
        }
      }
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  if (!ready) {
    console.error(
      serverExit === null
        ? `run-e2e: the server did not answer within ${START_TIMEOUT_MS / 1000} s`
        : `run-e2e: the server exited (${serverExit}) before it answered`,
    );
    console.error(`--- last lines of ${serverLog} ---\n${tail(serverLog, 40)}`);
    await stopServer();
    cleanUp();
    finish('0 passed, 1 failed', 1);
  }
  log(`server ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const playwrightCli = path.join(root, 'node_modules', '@playwright', 'test', 'cli.js');
  const code = await run(
    process.execPath,
    [playwrightCli, 'test', '-c', 'e2e/playwright.config.ts', ...extra],
    { ...process.env, BASE_URL: baseUrl, YX_E2E_JSON: jsonReport },
  );

  await stopServer();
  if (code !== 0 || (serverExit !== null && serverExit !== 0 && serverExit !== 'SIGTERM')) {
    console.error(`--- last lines of the server log (${serverLog}) ---\n${tail(serverLog, 40)}`);
  }

  let counts = null;
  try {
    counts = countsOf(JSON.parse(fs.readFileSync(jsonReport, 'utf8')));
  } catch {
    counts = null;
  }
  cleanUp();
  if (!counts) {
    console.error(`run-e2e: Playwright wrote no JSON report (exit ${code})`);
    finish('0 passed, 1 failed', 1);
  }
  if (code !== 0 && counts.failed === 0) {
    console.error(`run-e2e: Playwright exited ${code} although no journey failed`);
    counts.failed = 1;
  }
  const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
  finish(`${counts.passed} passed, ${counts.failed} failed${skipped}`, counts.failed > 0 ? 1 : 0);
}

main().catch((err) => {
  console.error(`run-e2e: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  finish('0 passed, 1 failed', 1);
});
