import path from 'node:path';
import { z } from 'zod';

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
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(512).default(30),
  /** Largest stored file (a plan's sealed PDF, outcome files). */
  MAX_FILE_MB: z.coerce.number().int().min(1).max(512).default(20),
  /** Outcome uploads (issue 3 item 7): accepted kinds, comma-separated from pdf, docx, mp4 (size: MAX_FILE_MB). */
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
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST: z.string().optional(),
  /** HMAC key of the rotating check-in codes; set the same on every server (unset: random per process). */
  CHECKIN_SECRET: z.string().min(16).optional(),
  // ---- examaud ----
  /** HMAC key of the parents' exam access codes (issue 4); set it in production, the same on every server. */
  EXAM_CODE_SECRET: z.string().min(16).optional(),
  // ---- end examaud ----
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
  cookieSecure: boolean;
  maxUploadBytes: number;
  maxFileBytes: number;
  logLevel: string;
  webDist: string | undefined;
  checkinSecret: string | undefined;
  /** Outcome upload kinds (issue 3 item 7). */
  outcomeFileTypes: Array<'pdf' | 'docx' | 'mp4'>;
  /** examaud: HMAC key of the parents' access codes (issue 4). */
  examCodeSecret?: string;
  /** Share (0…1) of an exam's stored students a score commit may remove without an explicit confirmation. */
  examRemovalConfirmShare: number;
}

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
    cookieSecure: e.COOKIE_SECURE === 'true',
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    maxFileBytes: e.MAX_FILE_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    webDist: e.WEB_DIST,
    checkinSecret: e.CHECKIN_SECRET,
    outcomeFileTypes: e.OUTCOME_FILE_TYPES,
    examCodeSecret: e.EXAM_CODE_SECRET,
    examRemovalConfirmShare: e.EXAM_REMOVAL_CONFIRM_SHARE,
  };
}
