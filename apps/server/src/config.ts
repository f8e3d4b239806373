import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_TIME_ZONE, isTimeZone } from '@yanxun/core';
import { z } from 'zod';
import { DEFAULT_SHEET_LIMITS } from './shared/sheets/limits';
import type { SheetPoolOptions } from './shared/sheets/pool';

const MB = 1024 * 1024;

/** The `trustProxy` forms of Fastify that TRUST_PROXY can give. */
export type TrustProxy = boolean | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY → Fastify's `trustProxy`, or undefined when the value is not accepted. A hop count is not: it
 * cannot tell the proxy from a client that talks to the server directly, so Fastify 5 trusts no hop for it.
 */
export function parseTrustProxy(raw: string): TrustProxy | undefined {
  const s = raw.trim();
  if (s === '' || s === 'false') return false;
  if (s === 'true') return true;
  const list = s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const ok = list.every((x) => {
    if (NAMED_RANGES.has(x)) return true;
    const [addr = '', bits, extra] = x.split('/');
    const v = isIP(addr);
    if (!v || extra !== undefined) return false;
    if (bits === undefined) return true;
    if (!/^\d+$/.test(bits)) return false;
    return Number(bits) <= (v === 4 ? 32 : 128);
  });
  return ok && list.length > 0 ? list : undefined;
}

/**
 * Reading threads by default: one core stays with the event loop that answers every other request (on a 2-core
 * machine, one thread reads), at most 2.
 */
export const DEFAULT_UPLOAD_WORKERS = Math.max(1, Math.min(2, os.availableParallelism() - 1));

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** postgres://… → real PostgreSQL 15+. Unset → embedded PGlite in DATA_DIR/pglite. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('data'),
  /** Load the demo region when the database is empty (default: yes on the embedded database). */
  DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  DEMO_TEACHERS: z.coerce.number().int().min(100).max(2_000_000).default(20_000),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** failed logins for one username from one client address before that address waits (login-throttle.ts) */
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  /** the first wait in minutes; each further failure after a wait doubles it, up to 24 h */
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  /** failed logins from one address (any usernames) before it waits for usernames it never signed in to */
  LOGIN_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(50),
  /** failed logins for one username from addresses that never signed in to it, before those addresses wait */
  LOGIN_ACCOUNT_LIMIT: z.coerce.number().int().min(1).default(20),
  /**
   * The address people reach Yanxun at (https://yanxun.example.gov.cn), printed in the QR code and link of every
   * 学时证明 and certificate. Unset: the address the server listens on, as it prints it at start
   * (http://127.0.0.1:3000). Never the issuing request's Host header: the client chooses it, and a teacher could
   * have a genuine document printed with a link to a site of their own.
   */
  PUBLIC_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\/[^/?#]+\/?$/.test(u), 'http(s)://host[:port] without a path')
    .transform((u) => u.replace(/\/$/, ''))
    .optional(),
  /**
   * Which reverse proxies to believe about the client's address (X-Forwarded-For), in Fastify's `trustProxy`
   * forms: `false` (default: the socket's peer is the client), a comma-separated list of the proxies' addresses /
   * CIDR ranges (also `loopback`, `linklocal`, `uniquelocal`), or `true` (every hop: only when nothing but the
   * proxy can reach the server).
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((s, ctx) => {
      const v = parseTrustProxy(s);
      if (v === undefined)
        ctx.addIssue({
          code: 'custom',
          message:
            'false, true, or the proxies’ addresses / CIDR ranges separated by commas (a hop count cannot tell a proxy from a client)',
        });
      return v ?? false;
    }),
  /** The session cookie only over HTTPS; unset: when PUBLIC_URL is an https:// address. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(512).default(30),
  /** What one uploaded sheet may make the server hold (docs/OPERATIONS.md, upload limits). */
  MAX_UNZIPPED_MB: z.coerce.number().int().min(1).max(4096).default(256),
  MAX_ZIP_RATIO: z.coerce.number().min(2).max(10_000).default(100),
  MAX_ZIP_ENTRIES: z.coerce.number().int().min(10).max(100_000).default(1000),
  MAX_SHARED_STRINGS_MB: z.coerce.number().int().min(1).max(2048).default(64),
  MAX_CELL_CHARS: z.coerce.number().int().min(50).max(32_767).default(1000),
  MAX_SHEET_ROWS: z.coerce.number().int().min(10).max(10_000_000).default(200_000),
  MAX_SHEET_COLUMNS: z.coerce.number().int().min(10).max(16_384).default(300),
  MAX_ERRORS_KEPT: z.coerce.number().int().min(10).max(1_000_000).default(1000),
  UPLOAD_WORKERS: z.coerce.number().int().min(1).max(64).default(DEFAULT_UPLOAD_WORKERS),
  UPLOAD_QUEUE: z.coerce.number().int().min(0).max(10_000).default(8),
  UPLOAD_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(16_384).default(768),
  UPLOAD_PARSE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** A teachers or schools import may be committed this long after its dry run (then: upload again). */
  IMPORT_DRY_RUN_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(120),
  /** Largest stored file (a plan's sealed PDF, outcome files). */
  MAX_FILE_MB: z.coerce.number().int().min(1).max(512).default(20),
  /** Outcome uploads: accepted kinds, comma-separated from pdf, docx, mp4 (size: MAX_FILE_MB). */
  OUTCOME_FILE_TYPES: z
    .string()
    .default('pdf,docx,mp4')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(['pdf', 'docx', 'mp4'])).min(1)),
  /**
   * The one time zone of the deployment: "today" of every rule (deadlines, ages), every time the web shows and
   * every date in an export's file name. An IANA name; default Asia/Shanghai (the seeds' deadlines are Beijing time).
   */
  TIME_ZONE: z
    .string()
    .default(DEFAULT_TIME_ZONE)
    .refine(isTimeZone, { message: 'an IANA time zone such as Asia/Shanghai' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /** HMAC key of the rotating check-in codes; set the same on every server (unset: random per process). */
  CHECKIN_SECRET: z.string().min(16).optional(),
  /** HMAC key of the parents' exam access codes; set it in production, the same on every server. */
  EXAM_CODE_SECRET: z.string().min(16).optional(),
  /** A score commit removing more than this share of an exam's stored students asks for a confirmation. */
  EXAM_REMOVAL_CONFIRM_SHARE: z.coerce.number().min(0).max(1).default(0.2),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: 'auto' | 'yes' | 'no';
  demoTeachers: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  loginAddressLimit: number;
  loginAccountLimit: number;
  /** Where people reach Yanxun (QR codes and links of issued documents): PUBLIC_URL, or the listen address */
  publicUrl: string;
  /** whether PUBLIC_URL was set (unset and listening beyond loopback: the server warns at start) */
  publicUrlSet: boolean;
  /** Fastify's `trustProxy`: whom to believe about the client's address */
  trustProxy: TrustProxy;
  cookieSecure: boolean;
  maxUploadBytes: number;
  maxFileBytes: number;
  /** Uploaded sheets: what one may make the server hold, and the threads that read them. */
  uploads: UploadSettings;
  importDryRunMinutes: number;
  logLevel: string;
  /** IANA time zone of dates and shown times (TIME_ZONE). */
  timeZone: string;
  webDist: string | undefined;
  checkinSecret: string | undefined;
  /** Outcome upload kinds. */
  outcomeFileTypes: Array<'pdf' | 'docx' | 'mp4'>;
  /** HMAC key of the parents' access codes. */
  examCodeSecret?: string;
  /** Share (0…1) of an exam's stored students a score commit may remove without an explicit confirmation. */
  examRemovalConfirmShare: number;
}

export interface UploadSettings extends SheetPoolOptions {
  /** row errors kept per upload (the count of all of them is kept too) */
  maxErrorsKept: number;
}

export const DEFAULT_UPLOADS: UploadSettings = {
  limits: DEFAULT_SHEET_LIMITS,
  maxErrorsKept: 1000,
  workers: DEFAULT_UPLOAD_WORKERS,
  queue: 8,
  workerMemoryMb: 768,
  parseSeconds: 120,
};

/** The address the server announces at start: its host, or the loopback address when it listens on every one. */
export function listenUrl(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/** The printed address of a server built without a configuration (tests): the default listen address. */
export const DEFAULT_PUBLIC_URL = listenUrl('127.0.0.1', 3000);

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.DATA_DIR),
    demo: e.DEMO,
    demoTeachers: e.DEMO_TEACHERS,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    lockoutThreshold: e.LOCKOUT_THRESHOLD,
    lockoutMinutes: e.LOCKOUT_MINUTES,
    loginAddressLimit: e.LOGIN_ADDRESS_LIMIT,
    loginAccountLimit: e.LOGIN_ACCOUNT_LIMIT,
    publicUrl: e.PUBLIC_URL ?? listenUrl(e.HOST, e.PORT),
    publicUrlSet: e.PUBLIC_URL !== undefined,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : (e.PUBLIC_URL ?? '').startsWith('https://'),
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    maxFileBytes: e.MAX_FILE_MB * 1024 * 1024,
    uploads: {
      limits: {
        maxUnzippedBytes: e.MAX_UNZIPPED_MB * MB,
        maxZipRatio: e.MAX_ZIP_RATIO,
        maxZipEntries: e.MAX_ZIP_ENTRIES,
        maxSharedStringsBytes: e.MAX_SHARED_STRINGS_MB * MB,
        maxCellChars: e.MAX_CELL_CHARS,
        maxRows: e.MAX_SHEET_ROWS,
        maxColumns: e.MAX_SHEET_COLUMNS,
      },
      maxErrorsKept: e.MAX_ERRORS_KEPT,
      workers: e.UPLOAD_WORKERS,
      queue: e.UPLOAD_QUEUE,
      workerMemoryMb: e.UPLOAD_WORKER_MEMORY_MB,
      parseSeconds: e.UPLOAD_PARSE_SECONDS,
    },
    importDryRunMinutes: e.IMPORT_DRY_RUN_MINUTES,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TIME_ZONE,
    webDist: e.WEB_DIST,
    checkinSecret: e.CHECKIN_SECRET,
    outcomeFileTypes: e.OUTCOME_FILE_TYPES,
    examCodeSecret: e.EXAM_CODE_SECRET,
    examRemovalConfirmShare: e.EXAM_REMOVAL_CONFIRM_SHARE,
  };
}
