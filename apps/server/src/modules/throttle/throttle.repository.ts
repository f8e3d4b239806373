/**
 * The throttle counters (migration 0015): one row per key hash. Every write is one atomic statement, so the
 * counts of several server processes on one database add up instead of each process keeping its own.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database';

export interface CounterRow {
  key_hash: string;
  failures: number;
  blocked_until: Date | null;
  forget_at: Date;
}

export interface FailureWrite {
  keyHash: string;
  scope: string;
  subjectHash: string | null;
  /** the limit-th failure of a streak starts a wait */
  limit: number;
  /** the first wait; each further failure of the streak doubles it … */
  blockMs: number;
  /** … up to this */
  maxBlockMs: number;
  /** a streak is forgotten this long after its last failure or the end of its wait, whichever is later */
  windowMs: number;
}

/** Doublings beyond this cannot matter (2^30 × any wait ≫ any cap) and would overflow the float. */
const MAX_DOUBLINGS = 30;

export function createThrottleRepository(db: Database) {
  return {
    /** The rows of these keys (forgotten ones included: the caller compares `forget_at` with its clock). */
    async read(keyHashes: string[]): Promise<CounterRow[]> {
      if (keyHashes.length === 0) return [];
      return db
        .selectFrom('throttle_counters')
        .select(['key_hash', 'failures', 'blocked_until', 'forget_at'])
        .where('key_hash', '=', sql<string>`ANY(${keyHashes}::text[])`)
        .execute();
    },

    /**
     * One more failure of a key, in one statement: a new row, or the stored streak + 1 (or a fresh streak when
     * the stored one is forgotten at `at`). From the limit-th failure on, the key waits
     * `blockMs × 2^(failures − limit)` (capped) from `at`. Returns the new count and wait — or undefined, counting
     * nothing, when the key is already waiting at `at`: concurrent attempts queue on the row, so once the
     * limit-th one has counted, every later one sees the wait.
     */
    async fail(
      w: FailureWrite,
      at: Date,
    ): Promise<{ failures: number; blocked_until: Date | null } | undefined> {
      const firstBlock = w.limit <= 1 ? new Date(at.getTime() + Math.min(w.blockMs, w.maxBlockMs)) : null;
      const firstForget = new Date(Math.max(at.getTime(), firstBlock?.getTime() ?? 0) + w.windowMs);
      const stale = sql<boolean>`(c.forget_at <= ${at}::timestamptz)`;
      const n = sql<number>`(CASE WHEN ${stale} THEN 1 ELSE c.failures + 1 END)`;
      const waitMs = sql<number>`LEAST(${w.blockMs}::float8 * power(2, LEAST(${n} - ${w.limit}, ${MAX_DOUBLINGS})), ${w.maxBlockMs}::float8)`;
      const blocked = sql<Date | null>`(CASE
        WHEN ${n} >= ${w.limit} THEN ${at}::timestamptz + ${waitMs} * interval '1 millisecond'
        WHEN ${stale} THEN NULL
        ELSE c.blocked_until END)`;
      const r = await sql<{ failures: number; blocked_until: Date | null }>`
        INSERT INTO throttle_counters AS c
          (key_hash, scope, subject_hash, failures, window_start, last_failure_at, blocked_until, forget_at)
        VALUES (${w.keyHash}, ${w.scope}, ${w.subjectHash}, 1, ${at}, ${at}, ${firstBlock}, ${firstForget})
        ON CONFLICT (key_hash) DO UPDATE SET
          failures = ${n},
          window_start = CASE WHEN ${stale} THEN ${at}::timestamptz ELSE c.window_start END,
          last_failure_at = ${at},
          blocked_until = ${blocked},
          forget_at = GREATEST(${at}::timestamptz, COALESCE(${blocked}, ${at}::timestamptz))
            + ${w.windowMs}::float8 * interval '1 millisecond'
        WHERE c.blocked_until IS NULL OR c.blocked_until <= ${at}::timestamptz
        RETURNING failures, blocked_until`.execute(db);
      return r.rows[0];
    },

    /**
     * Take back one failure counted by `fail` for an attempt that turned out right (the count of a shared key,
     * e.g. an address's, must hold failures only); a wait that only this attempt started ends with it.
     */
    async refund(keyHash: string, limit: number): Promise<void> {
      await sql`
        UPDATE throttle_counters SET
          failures = GREATEST(failures - 1, 0),
          blocked_until = CASE WHEN failures - 1 < ${limit} THEN NULL ELSE blocked_until END
        WHERE key_hash = ${keyHash} AND failures > 0`.execute(db);
    },

    /** Record a success of a key with no failures (a known address), remembered until `forgetAt`. */
    async remember(keyHash: string, scope: string, at: Date, forgetAt: Date): Promise<void> {
      await db
        .insertInto('throttle_counters')
        .values({ key_hash: keyHash, scope, failures: 0, window_start: at, forget_at: forgetAt })
        .onConflict((oc) => oc.column('key_hash').doUpdateSet({ forget_at: forgetAt }))
        .execute();
    },

    async clear(keyHashes: string[]): Promise<void> {
      if (keyHashes.length === 0) return;
      await db
        .deleteFrom('throttle_counters')
        .where('key_hash', '=', sql<string>`ANY(${keyHashes}::text[])`)
        .execute();
    },

    async clearSubjects(subjectHashes: string[]): Promise<void> {
      if (subjectHashes.length === 0) return;
      await db
        .deleteFrom('throttle_counters')
        .where('subject_hash', '=', sql<string>`ANY(${subjectHashes}::text[])`)
        .execute();
    },

    /** Forgotten rows: nothing reads them any more. */
    async prune(at: Date): Promise<number> {
      const r = await db.deleteFrom('throttle_counters').where('forget_at', '<=', at).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type ThrottleRepository = ReturnType<typeof createThrottleRepository>;
