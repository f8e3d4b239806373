/**
 * The shared failure throttle on the database: atomic counting under concurrency (several requests, several
 * servers), doubling waits with a cap, forgetting, refunds of right attempts, pruning, and how addresses count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import { createThrottleRepository } from './throttle.repository';
import {
  addressKey,
  blockedUntil,
  createThrottleService,
  subjectHash,
  type ThrottleRule,
  throttleKey,
  waitText,
} from './throttle.service';

const MIN = 60_000;
let h: DatabaseHandle;
const t0 = Date.parse('2027-03-01T00:00:00Z');
const at = (ms: number) => new Date(t0 + ms);

const RULE: ThrottleRule = {
  scope: 'test.rule',
  limit: 3,
  blockMs: 5 * MIN,
  maxBlockMs: 30 * MIN,
  windowMs: 10 * MIN,
};
const SHARED: ThrottleRule = { ...RULE, scope: 'test.shared', limit: 4 };

const service = () => createThrottleService({ repo: createThrottleRepository(h.db) });

beforeAll(async () => {
  h = await createTestDatabase();
});

afterAll(async () => {
  await h?.close();
});

describe('hardening: throttle counts are atomic and shared (throttle_counters)', () => {
  it('20 concurrent attempts on a key with limit 3 (two services, one database): exactly 3 are counted, 17 refused', async () => {
    const a = service();
    const b = service();
    const key = throttleKey(RULE, ['concurrent']);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).attempt([key], at(0))),
    );
    expect(results.filter((r) => r.refusedUntil === null)).toHaveLength(3);
    expect(results.filter((r) => r.refusedUntil !== null)).toHaveLength(17);
    const [s] = await a.state([key], at(0));
    expect(s).toEqual({ seen: true, failures: 3, blockedUntil: at(5 * MIN) });
  });

  it('waits double with each failure after a wait, up to the cap; 1 ms before the end still waiting', async () => {
    const svc = service();
    const key = throttleKey(RULE, ['backoff']);
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await svc.attempt([key], at(now));
      expect(r.refusedUntil).toBeNull();
      const until = blockedUntil(r.counted, at(now));
      if (until) {
        const wait = until.getTime() - at(now).getTime();
        waits.push(wait);
        expect((await svc.attempt([key], at(now + wait - 1))).refusedUntil).toEqual(until);
        now += wait;
      }
    }
    expect(waits).toEqual([5 * MIN, 10 * MIN, 20 * MIN, 30 * MIN, 30 * MIN]);
  });

  it('a streak is forgotten after the window of quiet that follows its last failure or wait, not before', async () => {
    const svc = service();
    const key = throttleKey(RULE, ['forget']);
    await svc.attempt([key], at(0));
    await svc.attempt([key], at(MIN));
    expect((await svc.state([key], at(11 * MIN - 1)))[0]?.failures).toBe(2);
    expect((await svc.state([key], at(11 * MIN)))[0]).toEqual({
      seen: false,
      failures: 0,
      blockedUntil: null,
    });
    // a failure after the window starts a fresh streak (1, not 3: no wait)
    const r = await svc.attempt([key], at(11 * MIN));
    expect(r.counted[0]).toMatchObject({ failures: 1, blockedUntil: null });
  });

  it('a right attempt clears the narrow key and gives back its count on the shared one; a wait only it started ends', async () => {
    const svc = service();
    const shared = throttleKey(SHARED, ['shared']);
    for (let i = 0; i < 3; i++) await svc.attempt([throttleKey(RULE, [`n${i}`]), shared], at(0));
    const narrow = throttleKey(RULE, ['n-right']);
    const fourth = await svc.attempt([narrow, shared], at(0));
    expect(fourth.counted[1]).toMatchObject({ failures: 4, blockedUntil: at(5 * MIN) });
    await svc.succeed(fourth, [narrow]);
    const [n, s] = await svc.state([narrow, shared], at(0));
    expect(n?.seen).toBe(false);
    expect(s).toMatchObject({ failures: 3, blockedUntil: null });
  });

  it('a refused attempt counts on no key (the wider keys are left alone)', async () => {
    const svc = service();
    const narrow = throttleKey(RULE, ['refused']);
    const shared = throttleKey(SHARED, ['refused-shared']);
    for (let i = 0; i < 3; i++) await svc.attempt([narrow], at(0));
    const r = await svc.attempt([narrow, shared], at(MIN));
    expect(r.refusedUntil).toEqual(at(5 * MIN));
    expect((await svc.state([shared], at(MIN)))[0]?.seen).toBe(false);
  });

  it('clearSubjects ends every key about a subject; forgotten rows are pruned on a later write', async () => {
    const svc = service();
    const subject = subjectHash('test.student', 'S-1');
    const k1 = throttleKey(RULE, ['S-1', 'a'], subject);
    const k2 = throttleKey(RULE, ['S-1', 'b'], subject);
    const other = throttleKey(RULE, ['S-2', 'a'], subjectHash('test.student', 'S-2'));
    for (const k of [k1, k2, other]) await svc.attempt([k], at(0));
    await svc.clearSubjects([subject]);
    expect((await svc.state([k1, k2, other], at(0))).map((s) => s.seen)).toEqual([false, false, true]);

    const rows = () => h.db.selectFrom('throttle_counters').select('key_hash').execute();
    expect((await rows()).length).toBeGreaterThan(1);
    await svc.attempt([throttleKey(RULE, ['later'])], at(24 * 60 * MIN));
    expect(await rows()).toHaveLength(1);
  });
});

describe('how addresses and waits are counted and told', () => {
  it('IPv4 as is (also IPv4-mapped); IPv6 by its /64; nothing as "unknown"', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::5')).toBe('2001:db8:1:3::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey(null)).toBe('unknown');
  });

  it('waits read in plain Chinese minutes and hours', () => {
    expect(waitText(1)).toBe('1 分钟');
    expect(waitText(900)).toBe('15 分钟');
    expect(waitText(3540)).toBe('59 分钟');
    expect(waitText(3599)).toBe('1 小时');
    expect(waitText(3600)).toBe('1 小时');
    expect(waitText(5400)).toBe('1 小时 30 分钟');
    expect(waitText(86_400)).toBe('24 小时');
  });
});
