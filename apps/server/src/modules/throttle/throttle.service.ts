/**
 * Failure throttles shared by every server process (table throttle_counters): a key — a scope and its parts, such
 * as (username, client address) — counts failed attempts in a streak; from the rule's limit on, the key must wait,
 * and each further failure doubles the wait up to a cap. A caller starts an `attempt` on the keys that apply
 * before it looks at a password or a code (refused while any key waits; otherwise counted as a failure at once),
 * and calls `succeed` when the answer was right (the narrow key is cleared, the shared ones get the count back).
 *
 * A "known" key records a success (e.g. this address has signed in to this account) for `KNOWN_DAYS`: callers use
 * it to spare the owner's usual address from limits that a stranger's failures elsewhere can fill.
 */
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { ThrottleRepository } from './throttle.repository';

export interface ThrottleRule {
  /** names the rule in the table (`scope` column) and in the key hash */
  scope: string;
  /** the limit-th failure of a streak starts a wait */
  limit: number;
  /** the first wait; each further failure of the streak (possible only after a wait ends) doubles it … */
  blockMs: number;
  /** … up to this */
  maxBlockMs: number;
  /** a streak is forgotten this long after its last failure or the end of its wait, whichever is later */
  windowMs: number;
}

export interface ThrottleKey {
  rule: ThrottleRule;
  hash: string;
  /** the subject's hash, to clear every key about one subject at once (`clearSubjects`) */
  subject: string | null;
}

/** Where one key stands at a moment: no row, or a forgotten one, is zero failures and no wait. */
export interface KeyState {
  /** a live row exists: for a known-key, the success it records still counts */
  seen: boolean;
  failures: number;
  blockedUntil: Date | null;
}

/** An attempt started by `attempt`: refused, or counted as a failure until `succeed` says otherwise. */
export interface Attempt {
  keys: ThrottleKey[];
  /** the attempt was refused, nothing counted: the latest running wait */
  refusedUntil: Date | null;
  /** the keys' states with this attempt counted as a failure, in the order given (empty when refused) */
  counted: KeyState[];
}

const writeOf = (k: ThrottleKey) => ({
  keyHash: k.hash,
  scope: k.rule.scope,
  subjectHash: k.subject,
  limit: k.rule.limit,
  blockMs: k.rule.blockMs,
  maxBlockMs: k.rule.maxBlockMs,
  windowMs: k.rule.windowMs,
});

/** How long an address stays "known" after its last success. */
export const KNOWN_DAYS = 90;
const KNOWN_MS = KNOWN_DAYS * 24 * 3_600_000;
const PRUNE_EVERY_MS = 60_000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The hash a subject is cleared by (`clearSubjects`), e.g. subjectHash('parent.student', studentId). */
export function subjectHash(kind: string, id: string): string {
  return sha256(`${kind}\u0000${id}`);
}

export function throttleKey(rule: ThrottleRule, parts: string[], subject: string | null = null): ThrottleKey {
  return { rule, hash: sha256([rule.scope, ...parts].join('\u0000')), subject };
}

/** A key that records successes only (see `remember`). */
export function knownKey(scope: string, parts: string[]): ThrottleKey {
  return throttleKey({ scope, limit: 0, blockMs: 0, maxBlockMs: 0, windowMs: KNOWN_MS }, parts);
}

/**
 * The client address as the throttles count it: an IPv4 address as is (also when IPv4-mapped), an IPv6 address
 * by its /64 prefix — one subscriber usually holds a whole /64, so counting single IPv6 addresses would give a
 * stranger 2^64 fresh budgets. No address (cannot happen behind Fastify) counts as one shared "unknown".
 */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.split('%')[0]?.split('::') ?? [];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  // an embedded IPv4 tail (::1.2.3.4 forms) takes two groups; only the first four groups matter here
  const groups = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':')}::/64`;
}

/** Seconds until `until`, at least 1 (for Retry-After). */
export function secondsUntil(until: Date, at: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - at.getTime()) / 1000));
}

/** A wait in plain Chinese: "15 分钟", "2 小时", "1 小时 30 分钟". */
export function waitText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  if (minutes < 60) return `${minutes} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

export function createThrottleService(deps: { repo: ThrottleRepository }) {
  const { repo } = deps;
  let lastPrune = 0;

  /** Forgotten rows go now and then, on the writes (so a flood of failures cleans up after itself). */
  async function maybePrune(at: Date) {
    if (at.getTime() - lastPrune < PRUNE_EVERY_MS && at.getTime() >= lastPrune) return;
    lastPrune = at.getTime();
    await repo.prune(at);
  }

  /** The state of each key at `at`, in the order given (one statement). */
  async function state(keys: ThrottleKey[], at: Date): Promise<KeyState[]> {
    const rows = await repo.read([...new Set(keys.map((k) => k.hash))]);
    const live = new Map(rows.filter((r) => r.forget_at > at).map((r) => [r.key_hash, r]));
    return keys.map((k) => {
      const r = live.get(k.hash);
      return { seen: !!r, failures: r?.failures ?? 0, blockedUntil: r?.blocked_until ?? null };
    });
  }

  return {
    state,

    /**
     * Start an attempt on these keys: refused (nothing counted) when any key is waiting; otherwise the attempt is
     * counted as a failure on every key at once — before the caller looks at the password or code, so concurrent
     * attempts cannot all slip through one check — and `succeed` gives it back if it turns out right.
     */
    async attempt(keys: ThrottleKey[], at: Date): Promise<Attempt> {
      const waiting = blockedUntil(await state(keys, at), at);
      if (waiting) return { keys, refusedUntil: waiting, counted: [] };
      // one key after the other, the narrowest first: a refused attempt leaves the wider counts alone
      const rows: Array<{ failures: number; blocked_until: Date | null }> = [];
      for (const k of keys) {
        const r = await repo.fail(writeOf(k), at);
        if (r) {
          rows.push(r);
          continue;
        }
        // a concurrent attempt started a wait meanwhile: this one did not happen
        for (const done of keys.slice(0, rows.length)) await repo.refund(done.hash, done.rule.limit);
        const until = blockedUntil(await state(keys, at), at);
        return { keys, refusedUntil: until ?? new Date(at.getTime() + 1000), counted: [] };
      }
      await maybePrune(at);
      return {
        keys,
        refusedUntil: null,
        counted: rows.map((r) => ({ seen: true, failures: r.failures, blockedUntil: r.blocked_until })),
      };
    },

    /** The attempt was right: `clear` keys start afresh, the others get back the failure it counted. */
    async succeed(attempt: Attempt, clear: ThrottleKey[]): Promise<void> {
      const cleared = new Set(clear.map((k) => k.hash));
      await Promise.all([
        repo.clear([...cleared]),
        ...attempt.keys.filter((k) => !cleared.has(k.hash)).map((k) => repo.refund(k.hash, k.rule.limit)),
      ]);
    },

    /** These keys start afresh. */
    async clear(keys: ThrottleKey[]): Promise<void> {
      await repo.clear(keys.map((k) => k.hash));
    },

    /** Every key about these subjects starts afresh (e.g. a student's reissued access code). */
    async clearSubjects(subjects: string[]): Promise<void> {
      await repo.clearSubjects([...new Set(subjects)]);
    },

    /** Record a success on a known-key (`knownKey`), remembered for `KNOWN_DAYS` from `at`. */
    async remember(key: ThrottleKey, at: Date): Promise<void> {
      await repo.remember(key.hash, key.rule.scope, at, new Date(at.getTime() + key.rule.windowMs));
      await maybePrune(at);
    },
  };
}

export type ThrottleService = ReturnType<typeof createThrottleService>;

/** The latest wait among these states that is still running at `at`, or null. */
export function blockedUntil(states: KeyState[], at: Date): Date | null {
  let until: Date | null = null;
  for (const s of states)
    if (s.blockedUntil && s.blockedUntil > at && (!until || s.blockedUntil > until)) until = s.blockedUntil;
  return until;
}
