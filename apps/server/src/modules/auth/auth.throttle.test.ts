/**
 * Failed logins and failed old-password checks wait per (account, address), per address and per account from
 * new addresses (login-throttle.ts), in the database, so a stranger cannot lock the owner out and cannot tell
 * which usernames exist; the client address honours TRUST_PROXY and nothing else.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import type { DatabaseHandle } from '../../db/database';
import { DEMO_PASSWORD } from '../../demo/load-region';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  seedRegion,
  TEST_SETTINGS,
  type TestApp,
} from '../../test/factories';
import type { OrgRow } from '../org';

const MINUTE = 60_000;
const WAIT_S = TEST_SETTINGS.lockoutMinutes * 60;
const THRESHOLD = TEST_SETTINGS.lockoutThreshold;
const GOOD = 'Qing-Cheng-2027!';

let h: DatabaseHandle;
let t: TestApp;
let county: OrgRow;
let nowMs = Date.parse('2026-03-02T09:00:00+08:00');
const clock = () => new Date(nowMs);
let seq = 0;

async function freshAccount() {
  seq++;
  return buildAccount(h.db, `thr${seq}`, 'bureau_admin', county);
}

function loginFrom(
  ip: string,
  username: string,
  password: string,
  opts: { app?: TestApp['app']; headers?: Record<string, string> } = {},
) {
  return (opts.app ?? t.app).inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: ip,
    headers: opts.headers,
  });
}

function changePasswordFrom(ip: string, s: Session, oldPassword: string, newPassword: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: s.headers,
    payload: { oldPassword, newPassword },
    remoteAddress: ip,
  });
}

/** What a client can see of an answer, apart from the request id. */
function seen(r: LightMyRequestResponse) {
  const body = r.json() as { error: Record<string, unknown> };
  return {
    status: r.statusCode,
    retryAfter: r.headers['retry-after'],
    cookie: r.headers['set-cookie'],
    error: { ...body.error, requestId: undefined },
  };
}

async function auditActions(accountId: string): Promise<string[]> {
  const rows = await h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity', '=', 'account')
    .where('entity_id', '=', accountId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 50);
  t = await buildTestApp(h.db, clock);
  county = await orgByName(h.db, 'county', '清城');
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('hardening: a stranger cannot lock an account (login waits per account and address)', () => {
  it('the admin signs in from their own address after a stranger failed 50 times from another', async () => {
    const stranger = await Promise.all(
      Array.from({ length: 50 }, (_, i) => i).map(async (i) => {
        const r = await loginFrom('198.51.100.66', 'admin', `Guess-${i}-x`);
        return r.statusCode;
      }),
    );
    // 50 at once: exactly threshold − 1 guesses were judged, every other one waits (counted before the check)
    expect(stranger.filter((s) => s === 401)).toHaveLength(THRESHOLD - 1);
    expect(stranger.filter((s) => s === 429)).toHaveLength(50 - THRESHOLD + 1);
    const owner = await loginFrom('203.0.113.5', 'admin', DEMO_PASSWORD);
    expect(owner.statusCode).toBe(200);
    expect(owner.headers['set-cookie']).toBeDefined();
  });

  it(`boundary: ${THRESHOLD - 1} failures answer 401; the ${THRESHOLD}th answers 429 with Retry-After and a Chinese message; the right password waits at that address only`, async () => {
    const a = await freshAccount();
    for (let i = 1; i < THRESHOLD; i++) {
      const r = await loginFrom('198.51.100.1', a.username, 'Wrong-1-pass');
      expect(r.statusCode, `failure ${i}`).toBe(401);
      expect(r.headers['retry-after']).toBeUndefined();
    }
    const fifth = await loginFrom('198.51.100.1', a.username, 'Wrong-1-pass');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe(String(WAIT_S));
    const err = fifth.json().error;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toBe(`登录失败次数过多，为保护账号安全，请 ${WAIT_S / 60} 分钟后再试`);
    expect(err.details).toEqual({
      retryAfterSeconds: WAIT_S,
      retryAt: new Date(nowMs + WAIT_S * 1000).toISOString(),
    });
    const same = await loginFrom('198.51.100.1', a.username, DEMO_PASSWORD);
    expect(same.statusCode).toBe(429);
    expect(same.headers['set-cookie']).toBeUndefined();
    expect((await loginFrom('198.51.100.2', a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(a.id)).toEqual([
      ...Array(THRESHOLD).fill('auth.login_failed'),
      'auth.throttled',
      'auth.login',
    ]);
  });

  it('backoff: each failure after a wait doubles it (15 → 30 → 60 min); 1 s before the end it still waits', async () => {
    const a = await freshAccount();
    const ip = '198.51.100.3';
    for (let i = 0; i < THRESHOLD; i++) await loginFrom(ip, a.username, 'Wrong-1-pass');
    for (const wait of [WAIT_S, 2 * WAIT_S, 4 * WAIT_S]) {
      nowMs += wait * 1000 - 1000;
      const early = await loginFrom(ip, a.username, DEMO_PASSWORD);
      expect(early.statusCode).toBe(429);
      expect(early.headers['retry-after']).toBe('1');
      nowMs += 1000;
      const next = await loginFrom(ip, a.username, 'Wrong-1-pass');
      expect(next.statusCode).toBe(429);
      expect(next.headers['retry-after']).toBe(String(2 * wait));
    }
    nowMs += 8 * WAIT_S * 1000;
    expect((await loginFrom(ip, a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    // the success cleared the streak: threshold − 1 failures are plain 401s again
    for (let i = 1; i < THRESHOLD; i++)
      expect((await loginFrom(ip, a.username, 'Wrong-1-pass')).statusCode).toBe(401);
  });

  it('an attack spread over 20 new addresses makes new addresses wait, but never the address the owner signs in from', async () => {
    const a = await freshAccount();
    expect((await loginFrom('203.0.113.20', a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 1; i < 20; i++)
      expect((await loginFrom(`192.0.2.${100 + i}`, a.username, 'Wrong-1-pass')).statusCode).toBe(401);
    expect((await loginFrom('192.0.2.120', a.username, 'Wrong-1-pass')).statusCode).toBe(429);
    // a 21st new address waits even with the right password …
    expect((await loginFrom('192.0.2.121', a.username, DEMO_PASSWORD)).statusCode).toBe(429);
    // … the owner's own address does not, and its typos are plain 401s
    expect((await loginFrom('203.0.113.20', a.username, 'Wrong-1-pass')).statusCode).toBe(401);
    expect((await loginFrom('203.0.113.20', a.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('one address trying 50 usernames waits for usernames it never signed in to, not for its own account', async () => {
    const own = await freshAccount();
    const other = await freshAccount();
    const ip = '198.51.100.50';
    expect((await loginFrom(ip, own.username, DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 1; i < 50; i++)
      expect((await loginFrom(ip, `spray-${i}`, 'Wrong-1-pass')).statusCode, `try ${i}`).toBe(401);
    expect((await loginFrom(ip, 'spray-50', 'Wrong-1-pass')).statusCode).toBe(429);
    expect((await loginFrom(ip, other.username, DEMO_PASSWORD)).statusCode).toBe(429);
    expect((await loginFrom(ip, own.username, DEMO_PASSWORD)).statusCode).toBe(200);
    // and another address is not touched by it
    expect((await loginFrom('198.51.100.51', other.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('an IPv6 client is counted by its /64: fresh addresses in the same /64 share one count', async () => {
    const a = await freshAccount();
    for (let i = 1; i < THRESHOLD; i++)
      expect((await loginFrom(`2001:db8:1:2::${i}`, a.username, 'Wrong-1-pass')).statusCode).toBe(401);
    expect((await loginFrom('2001:db8:1:2:ffff::9', a.username, 'Wrong-1-pass')).statusCode).toBe(429);
    expect((await loginFrom('2001:db8:1:3::1', a.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('hardening: an unknown username answers exactly like a real one (login throttle)', () => {
  it('6 wrong tries: the same status, code, message, details and Retry-After for a real and an unknown username', async () => {
    const real = await freshAccount();
    const answers: Array<[ReturnType<typeof seen>, ReturnType<typeof seen>]> = [];
    for (let i = 0; i < THRESHOLD + 1; i++) {
      const a = await loginFrom('198.51.100.70', real.username, 'Wrong-1-pass');
      const b = await loginFrom('198.51.100.71', 'no-such-user-70', 'Wrong-1-pass');
      answers.push([seen(a), seen(b)]);
    }
    expect(answers.map(([a]) => a.status)).toEqual([401, 401, 401, 401, 429, 429]);
    for (const [a, b] of answers) expect(b).toEqual(a);
    // still the same with the (right) demo password: the real account waits, so nothing tells them apart
    const a = await loginFrom('198.51.100.70', real.username, DEMO_PASSWORD);
    const b = await loginFrom('198.51.100.71', 'no-such-user-70', DEMO_PASSWORD);
    expect(seen(b)).toEqual(seen(a));
  });

  it('an unknown username costs an argon2 verify like a real one (time within a factor of 3)', async () => {
    const real = await freshAccount();
    const time = async (username: string, ip: string) => {
      const t0 = performance.now();
      await loginFrom(ip, username, 'Wrong-1-pass');
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(real.username, `198.51.100.${80 + i}`));
      unknown.push(await time('no-such-user-80', `198.51.100.${90 + i}`));
    }
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it('a throttled unknown username leaves one audit row without the username; a real one names its account', async () => {
    for (let i = 0; i < THRESHOLD; i++) await loginFrom('198.51.100.72', 'ghost-72', 'Wrong-1-pass');
    const rows = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity', 'details'])
      .where('action', '=', 'auth.throttled')
      .where('entity', '=', 'address')
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('ghost-72');
    expect(rows.some((r) => (r.details as { ip?: string }).ip === '198.51.100.72')).toBe(true);
  });
});

describe('hardening: the old-password check of a password change waits per account and address', () => {
  it(`${THRESHOLD - 1} wrong old passwords answer 401, the ${THRESHOLD}th 429 with Retry-After; audited; another address may still change it`, async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    for (let i = 1; i < THRESHOLD; i++) {
      const r = await changePasswordFrom('198.51.100.90', s, 'Not-the-old-1', GOOD);
      expect(r.statusCode, `try ${i}`).toBe(401);
      expect(r.json().error.code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await changePasswordFrom('198.51.100.90', s, 'Not-the-old-1', GOOD);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe(String(WAIT_S));
    expect(fifth.json().error.message).toBe(`原密码输错次数过多，请 ${WAIT_S / 60} 分钟后再试`);
    // the right old password waits too at that address: 7 tries, no 8th guess
    const right = await changePasswordFrom('198.51.100.90', s, DEMO_PASSWORD, GOOD);
    expect(right.statusCode).toBe(429);
    expect((await loginFrom('198.51.100.91', a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await auditActions(a.id)).filter((x) => x !== 'auth.login')).toEqual([
      ...Array(THRESHOLD).fill('auth.password_change_failed'),
      'auth.throttled',
    ]);
    expect((await changePasswordFrom('198.51.100.92', s, DEMO_PASSWORD, GOOD)).statusCode).toBe(204);
  });
});

describe('hardening: the login counts are kept in the database, shared by every server', () => {
  it('failures spread over two servers add up; both make the address wait; the owner elsewhere signs in on either', async () => {
    const other = await buildTestApp(h.db, clock);
    try {
      const a = await freshAccount();
      for (let i = 1; i <= THRESHOLD; i++) {
        const app = i % 2 ? t.app : other.app;
        const r = await loginFrom('198.51.100.100', a.username, 'Wrong-1-pass', { app });
        expect(r.statusCode, `failure ${i}`).toBe(i < THRESHOLD ? 401 : 429);
      }
      for (const app of [t.app, other.app]) {
        expect((await loginFrom('198.51.100.100', a.username, DEMO_PASSWORD, { app })).statusCode).toBe(429);
        expect((await loginFrom('198.51.100.101', a.username, DEMO_PASSWORD, { app })).statusCode).toBe(200);
      }
    } finally {
      await other.app.close();
    }
  });

  it('rows of forgotten streaks are deleted on a later write', async () => {
    const a = await freshAccount();
    await loginFrom('198.51.100.110', a.username, 'Wrong-1-pass');
    const count = async () =>
      Number(
        (
          await h.db
            .selectFrom('throttle_counters')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('forget_at', '<=', new Date(nowMs))
            .executeTakeFirstOrThrow()
        ).n,
      );
    nowMs += 2 * 24 * 60 * MINUTE;
    expect(await count()).toBeGreaterThan(0);
    await loginFrom('198.51.100.111', a.username, 'Wrong-1-pass');
    expect(await count()).toBe(0);
  });
});

describe('hardening: the client address is X-Forwarded-For only behind a trusted proxy (TRUST_PROXY)', () => {
  it('without TRUST_PROXY the header is ignored: a stranger cannot buy fresh tries by changing it', async () => {
    const a = await freshAccount();
    for (let i = 1; i <= THRESHOLD; i++) {
      const r = await loginFrom('198.51.100.120', a.username, 'Wrong-1-pass', {
        headers: { 'x-forwarded-for': `10.9.9.${i}` },
      });
      expect(r.statusCode).toBe(i < THRESHOLD ? 401 : 429);
    }
    const row = await h.db
      .selectFrom('audit_log')
      .select('ip')
      .where('action', '=', 'auth.login_failed')
      .where('entity_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.ip).toBe('198.51.100.120');
  });

  it('behind a trusted proxy two users are told apart by X-Forwarded-For; the audit log has the client address; an untrusted peer cannot spoof it', async () => {
    const proxied = await buildApp({ services: t.services, logLevel: 'silent', trustProxy: ['10.0.0.1'] });
    try {
      const a = await freshAccount();
      const via = (client: string, password: string, peer = '10.0.0.1') =>
        loginFrom(peer, a.username, password, {
          app: proxied,
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 1; i <= THRESHOLD; i++)
        expect((await via('100.64.1.1', 'Wrong-1-pass')).statusCode).toBe(i < THRESHOLD ? 401 : 429);
      expect((await via('100.64.1.1', DEMO_PASSWORD)).statusCode).toBe(429);
      // the owner behind the same proxy is another client
      expect((await via('100.64.2.2', DEMO_PASSWORD)).statusCode).toBe(200);
      const ips = await h.db
        .selectFrom('audit_log')
        .select(['action', 'ip'])
        .where('entity_id', '=', a.id)
        .orderBy('id')
        .execute();
      expect(ips.at(0)).toEqual({ action: 'auth.login_failed', ip: '100.64.1.1' });
      expect(ips.at(-1)).toEqual({ action: 'auth.login', ip: '100.64.2.2' });
      // a peer that is not the proxy is itself the client, whatever header it sends
      for (let i = 1; i <= THRESHOLD; i++) await via(`100.64.3.${i}`, 'Wrong-1-pass', '198.51.100.130');
      expect((await via('100.64.3.99', DEMO_PASSWORD, '198.51.100.130')).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('TRUST_PROXY takes false (default), true, or addresses / CIDR ranges; a hop count or a bad range is refused', () => {
    const cfg = (v?: string) => loadConfig(v === undefined ? {} : { TRUST_PROXY: v }).trustProxy;
    expect(cfg()).toBe(false);
    expect(cfg('false')).toBe(false);
    expect(cfg('true')).toBe(true);
    expect(cfg('10.0.0.1, 192.168.0.0/16,loopback, fd00::/8')).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      'loopback',
      'fd00::/8',
    ]);
    for (const bad of ['1', '2', '10.0.0.0/33', 'proxy.local', '10.0.0.1/8/2'])
      expect(() => cfg(bad), bad).toThrow(/TRUST_PROXY/);
  });
});
