/** Shared helpers for the benchmarks: machine info, timing statistics, RSS sampling, tables, databases. */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import pg from 'pg';
import { connectPostgres, type DatabaseHandle } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import type { Actor } from '../apps/server/src/shared/actor';

export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:55433/bench';

export function baseUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_URL;
}

/** The URL of database `name` on the same server as `baseUrl()`. */
export function urlOf(name: string): string {
  const u = new URL(baseUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drop and re-create a database on the benchmark server, migrate it, and connect to it. */
export async function freshDatabase(name: string, poolSize = 10): Promise<DatabaseHandle> {
  const admin = new pg.Client({ connectionString: baseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const handle = connectPostgres(urlOf(name), poolSize);
  await migrateToLatest(handle.db);
  return handle;
}

export function ms(startNs: bigint): number {
  return Number(process.hrtime.bigint() - startNs) / 1e6;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: ms(t0), value };
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

/** Run `fn` `warmup` times unmeasured, then `runs` times; median and p95 in ms. */
export async function measure(
  fn: () => Promise<unknown>,
  runs = 30,
  warmup = 3,
): Promise<{ median: number; p95: number; min: number; max: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    min: times[0] ?? Number.NaN,
    max: times[times.length - 1] ?? Number.NaN,
  };
}

/** Samples process RSS every `everyMs` ms; `stop()` returns the peak in MB. */
export function rssSampler(everyMs = 50): { peakMb(): number; stop(): number; reset(): void } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  }, everyMs);
  timer.unref();
  const mb = () => Math.round(Math.max(peak, process.memoryUsage().rss) / 1048576);
  return {
    peakMb: mb,
    reset() {
      peak = process.memoryUsage().rss;
    },
    stop() {
      clearInterval(timer);
      return mb();
    },
  };
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '–';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Print a Markdown table (also readable on a terminal). */
export function printTable(headers: string[], rows: Array<Array<string | number>>): void {
  const cells = rows.map((r) => r.map((c) => String(c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of cells) console.log(line(r));
}

/** The machine and database the figures come from. */
export async function machineInfo(url?: string): Promise<Record<string, string>> {
  const cpu = os.cpus()[0]?.model ?? '?';
  const info: Record<string, string> = {
    date: new Date().toISOString(),
    nproc: String(os.availableParallelism()),
    cpu,
    ram: `${Math.round(os.totalmem() / 1024 ** 3)} GB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
  try {
    info.git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    /* not a checkout */
  }
  if (url) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const q = async (s: string) => String((await c.query(s)).rows[0]?.v ?? '');
    info.postgres = await q(`SELECT split_part(version(), ' on ', 1) AS v`);
    info.fsync = await q(`SELECT current_setting('fsync') AS v`);
    info.synchronous_commit = await q(`SELECT current_setting('synchronous_commit') AS v`);
    info.shared_buffers = await q(`SELECT current_setting('shared_buffers') AS v`);
    info.work_mem = await q(`SELECT current_setting('work_mem') AS v`);
    await c.end();
  }
  return info;
}

export function printMachine(info: Record<string, string>): void {
  console.log('\nmachine:');
  for (const [k, v] of Object.entries(info)) console.log(`  ${k}: ${v}`);
}

/** A system administrator acting on the whole province (grant on the root org). */
export function systemAdmin(accountId: string, province: { id: string; path: string; name: string }): Actor {
  return {
    accountId,
    username: 'bench',
    displayName: '基准测试',
    teacherId: null,
    grants: [
      {
        role: 'system_admin',
        orgId: province.id,
        orgPath: province.path,
        orgName: province.name,
        orgKind: 'province',
      },
    ],
    requestId: 'bench',
    ip: null,
  };
}

export const SETTINGS = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};
