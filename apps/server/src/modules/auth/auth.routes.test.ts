import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { DEMO_PASSWORD } from '../../demo/load-region';
import { createServices } from '../../services';
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
import { createAuthRepository } from './auth.repository';
import { DEFAULT_TOUCH_SECONDS } from './auth.service';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let h: DatabaseHandle;
let t: TestApp;
let county: OrgRow;
// A mutable clock: tests move it forward to cross idle, absolute and lockout deadlines. It only ever advances,
// so one test's sessions and locks cannot be revived by another's.
let nowMs = Date.parse('2026-03-02T09:00:00+08:00');
const clock = () => new Date(nowMs);
const advance = (ms: number) => {
  nowMs += ms;
};
let accountSeq = 0;

/** A fresh bureau admin of 清城区, so lockout counters and sessions never leak between tests. */
async function freshAccount(prefix = 'acct') {
  accountSeq++;
  return buildAccount(h.db, `${prefix}${accountSeq}`, 'bureau_admin', county);
}

function postLogin(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
}

function me(s: Pick<Session, 'cookie'>) {
  return t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
}

function changePassword(s: Session, oldPassword: string, newPassword: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: s.headers,
    payload: { oldPassword, newPassword },
  });
}

async function accountRow(username: string) {
  return h.db
    .selectFrom('accounts')
    .select(['id', 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
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

describe('POST /api/v1/auth/login', () => {
  it('200 sets an httpOnly SameSite=Strict session cookie and returns Me with grants and a CSRF token', async () => {
    const res = await postLogin('qingcheng', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const raw = res.headers['set-cookie'];
    const cookie = Array.isArray(raw) ? raw[0] : raw;
    expect(cookie).toMatch(/^yx_session=[^;]{20,};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    const body = res.json();
    expect(body).toMatchObject({
      username: 'qingcheng',
      displayName: '清城区教育局',
      teacherId: null,
      mustChangePassword: false,
      grants: [{ role: 'bureau_admin', orgId: county.id, orgName: '清城区', orgKind: 'county' }],
    });
    expect(body.grants).toHaveLength(1);
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    // the database holds only a hash of the cookie's token
    const token = (cookie ?? '').split(';')[0]?.split('=')[1] ?? '';
    const stored = await h.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
  });

  it('the returned cookie and CSRF token work on the next request', async () => {
    const s = await login(t.app, 'qingcheng');
    const res = await me(s);
    expect(res.statusCode).toBe(200);
    expect(res.json().username).toBe('qingcheng');
    expect(res.json().csrfToken).toBe(s.csrf);
  });

  it('400 on a malformed body', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: '', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('401 INVALID_CREDENTIALS on a wrong password, and the same answer for an unknown user', async () => {
    const wrong = await postLogin('qingcheng', 'Wrong-password-1');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await postLogin('nobody-here', 'Wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    const a = wrong.json().error;
    const b = unknown.json().error;
    expect(a.code).toBe('INVALID_CREDENTIALS');
    // no user enumeration: nothing in the answer tells the two apart
    expect({ ...b, requestId: undefined }).toEqual({ ...a, requestId: undefined });
    await postLogin('qingcheng', DEMO_PASSWORD); // reset the demo account's counter
  });

  it('stores passwords as argon2id hashes, never in plain', async () => {
    const a = await freshAccount();
    const row = await accountRow(a.username);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(DEMO_PASSWORD);
  });

  it('leaves an audit row for a login and for a failed login', async () => {
    const a = await freshAccount();
    expect((await postLogin(a.username, 'Wrong-password-1')).statusCode).toBe(401);
    expect((await postLogin(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(a.id)).toEqual(['auth.login_failed', 'auth.login']);
    const failed = await h.db
      .selectFrom('audit_log')
      .select(['actor_id', 'actor_name'])
      .where('action', '=', 'auth.login_failed')
      .where('entity_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(failed).toEqual({ actor_id: a.id, actor_name: a.username });
  });
});

describe('lockout (now a wait per account and address: auth.throttle.test.ts)', () => {
  const threshold = TEST_SETTINGS.lockoutThreshold;
  const from = (ip: string) => (username: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it(`the ${threshold}th failure answers 429 RATE_LIMITED for that address, and even the right password waits there; another address signs in`, async () => {
    const a = await freshAccount('lock');
    const here = from('192.0.2.10');
    for (let i = 1; i < threshold; i++) {
      const res = await here(a.username, `Wrong-password-${i}`);
      expect(res.statusCode, `failure ${i}`).toBe(401);
    }
    const waiting = await here(a.username, 'Wrong-password-x');
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error.code).toBe('RATE_LIMITED');
    const retryAt = waiting.json().error.details.retryAt;
    expect(Date.parse(retryAt)).toBe(nowMs + TEST_SETTINGS.lockoutMinutes * MINUTE);
    expect(waiting.headers['retry-after']).toBe(String(TEST_SETTINGS.lockoutMinutes * 60));

    const right = await here(a.username, DEMO_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.details.retryAt).toBe(retryAt);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect(await auditActions(a.id)).toContain('auth.throttled');

    advance(TEST_SETTINGS.lockoutMinutes * MINUTE - 1000);
    expect((await here(a.username, DEMO_PASSWORD)).statusCode).toBe(429);
    expect((await from('192.0.2.11')(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('after the wait the right password signs in and the failure count starts again from zero', async () => {
    const a = await freshAccount('lock');
    const here = from('192.0.2.12');
    for (let i = 0; i < threshold; i++) await here(a.username, 'Wrong-password-1');
    expect((await here(a.username, DEMO_PASSWORD)).statusCode).toBe(429);

    advance(TEST_SETTINGS.lockoutMinutes * MINUTE + 1000);
    expect((await here(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    // a fresh count: threshold − 1 new failures do not make the address wait
    for (let i = 1; i < threshold; i++) {
      expect((await here(a.username, 'Wrong-password-1')).statusCode).toBe(401);
    }
    expect((await here(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('threshold − 1 failures then a success resets the count (boundary: no wait)', async () => {
    const a = await freshAccount('lock');
    const here = from('192.0.2.13');
    for (let i = 1; i < threshold; i++) {
      expect((await here(a.username, 'Wrong-password-1')).statusCode).toBe(401);
    }
    expect((await here(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
    // had the count not been reset, the next failure would make the address wait
    const next = await here(a.username, 'Wrong-password-1');
    expect(next.statusCode).toBe(401);
    expect(next.headers['retry-after']).toBeUndefined();
  });
});

describe('session expiry', () => {
  it(`idle: still valid at ${TEST_SETTINGS.sessionIdleMinutes - 1} min, each request extends it, expired after ${TEST_SETTINGS.sessionIdleMinutes} min + 1 s`, async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    advance((TEST_SETTINGS.sessionIdleMinutes - 1) * MINUTE);
    expect((await me(s)).statusCode).toBe(200);
    // touched at 29 min: another 29 min later (58 min after login) it still works
    advance((TEST_SETTINGS.sessionIdleMinutes - 1) * MINUTE);
    expect((await me(s)).statusCode).toBe(200);

    advance(TEST_SETTINGS.sessionIdleMinutes * MINUTE + 1000);
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    // the expired session is gone, not merely refused
    const again = await me(s);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('UNAUTHENTICATED');
  });

  it(`absolute: expires ${TEST_SETTINGS.sessionAbsoluteHours} h after login even with constant activity`, async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const deadline = nowMs + TEST_SETTINGS.sessionAbsoluteHours * HOUR;
    while (nowMs + 25 * MINUTE < deadline) {
      advance(25 * MINUTE);
      expect((await me(s)).statusCode).toBe(200);
    }
    advance(deadline - nowMs - 1000);
    expect((await me(s)).statusCode).toBe(200);
    advance(1000);
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('403 without the CSRF token (the session survives)', async () => {
    const s = await login(t.app, 'qingcheng');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((await me(s)).statusCode).toBe(200);
  });

  it('204 deletes the session: the old cookie then gets 401', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const before = await h.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(Number(before.n)).toBe(1);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: s.headers });
    expect(res.statusCode).toBe(204);
    const raw = res.headers['set-cookie'];
    expect(Array.isArray(raw) ? raw[0] : raw).toMatch(/^yx_session=;/);
    const after = await h.db
      .selectFrom('sessions')
      .select('token_hash')
      .where('account_id', '=', a.id)
      .execute();
    expect(after).toHaveLength(0);
    const old = await me(s);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('UNAUTHENTICATED');
    expect(await auditActions(a.id)).toContain('auth.logout');
  });
});

describe('GET /api/v1/auth/me', () => {
  it('401 without a session, and with a made-up cookie', async () => {
    expect((await t.app.inject({ url: '/api/v1/auth/me' })).statusCode).toBe(401);
    const res = await me({ cookie: 'yx_session=not-a-real-token' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('POST /api/v1/auth/password', () => {
  const GOOD = 'Qing-Cheng-2027!';

  it('403 CSRF_FAILED without the header, with a wrong token, and with another session’s token', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const other = await login(t.app, a.username);
    const payload = { oldPassword: DEMO_PASSWORD, newPassword: GOOD };
    for (const headers of [
      { cookie: s.cookie },
      { cookie: s.cookie, 'x-csrf-token': 'wrong' },
      { cookie: s.cookie, 'x-csrf-token': other.csrf },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_FAILED');
    }
    // nothing changed: the old password still logs in
    expect((await postLogin(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('401 without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { oldPassword: DEMO_PASSWORD, newPassword: GOOD },
    });
    expect(res.statusCode).toBe(401);
  });

  it('401 INVALID_CREDENTIALS on a wrong old password', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const res = await changePassword(s, 'Not-the-old-one-1', GOOD);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_CREDENTIALS');
    expect((await me(s)).statusCode).toBe(200);
  });

  it('400 PASSWORD_POLICY names each broken rule', async () => {
    const a = await freshAccount('pwuser');
    const s = await login(t.app, a.username);
    const cases: Array<[string, string[]]> = [
      ['Ab1!xyz', ['PASSWORD.TOO_SHORT']],
      ['onlylowercaseletters', ['PASSWORD.TOO_FEW_CLASSES']],
      [`X9!${a.username.toUpperCase()}-abc`, ['PASSWORD.CONTAINS_USERNAME']],
      ['short', ['PASSWORD.TOO_SHORT', 'PASSWORD.TOO_FEW_CLASSES']],
      [DEMO_PASSWORD, ['PASSWORD.SAME_AS_OLD']],
    ];
    for (const [pw, rules] of cases) {
      const res = await changePassword(s, DEMO_PASSWORD, pw);
      expect(res.statusCode, pw).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('PASSWORD_POLICY');
      expect(err.details.violations.map((v: { rule: string }) => v.rule).sort(), pw).toEqual(rules.sort());
      expect(err.details.violations.every((v: { message: string }) => v.message.length > 0)).toBe(true);
    }
    expect((await postLogin(a.username, DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('204 on a good one: other sessions are logged out, this one lives, the new password logs in', async () => {
    const a = await freshAccount();
    const current = await login(t.app, a.username);
    const other = await login(t.app, a.username);
    const bystander = await login(t.app, 'qingcheng');
    const before = (await accountRow(a.username)).password_hash;

    const res = await changePassword(current, DEMO_PASSWORD, GOOD);
    expect(res.statusCode).toBe(204);

    expect((await me(current)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(bystander)).statusCode).toBe(200);
    const row = await accountRow(a.username);
    expect(row.password_hash).not.toBe(before);
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(GOOD);
    expect((await postLogin(a.username, DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await postLogin(a.username, GOOD)).statusCode).toBe(200);
    expect(await auditActions(a.id)).toContain('auth.password_changed');
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// authperf: the request path resolves session + account + grants in one statement and touches last_seen_at at
// most once per DEFAULT_TOUCH_SECONDS; expiry, revocation and CSRF stay as strict as before.

async function lastSeen(s: Pick<Session, 'cookie'>): Promise<number> {
  const token = s.cookie.split('=')[1] ?? '';
  const row = await h.db
    .selectFrom('sessions')
    .select('last_seen_at')
    .where('token_hash', '=', createHash('sha256').update(token).digest('hex'))
    .executeTakeFirstOrThrow();
  return row.last_seen_at.getTime();
}

describe('authenticated request path (one statement, throttled touch)', () => {
  const SECOND = 1000;
  const touch = DEFAULT_TOUCH_SECONDS * SECOND;

  it('one database statement per authenticated request, whether it touches last_seen_at or not', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const statements: string[] = [];
    const counting = h.db.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const auth = createServices(counting, TEST_SETTINGS, clock).auth;
    const token = s.cookie.split('=')[1] ?? '';
    const client = { ip: null, userAgent: null, requestId: 'r1' };
    await auth.authenticate(token, client); // fresh: no touch
    expect(statements).toHaveLength(1);
    advance(touch + SECOND);
    const before = await lastSeen(s);
    await auth.authenticate(token, client); // stale: touched in the same statement
    expect(statements).toHaveLength(2);
    expect(await lastSeen(s)).toBe(nowMs);
    expect(await lastSeen(s)).toBeGreaterThan(before);
  });

  it(`touches at most once per ${DEFAULT_TOUCH_SECONDS} s: not at ${DEFAULT_TOUCH_SECONDS} s − 1 s, yes at ${DEFAULT_TOUCH_SECONDS} s`, async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const loggedIn = nowMs;
    advance(touch - SECOND);
    expect((await me(s)).statusCode).toBe(200);
    expect(await lastSeen(s)).toBe(loggedIn);
    advance(SECOND);
    expect((await me(s)).statusCode).toBe(200);
    expect(await lastSeen(s)).toBe(nowMs);
  });

  it('idle expiry is still enforced with throttled touches: expires idle minutes after the last stored touch, at most one touch interval early, never late', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    // busy for two idle windows with a request every 50 s: never expires
    const end = nowMs + 2 * TEST_SETTINGS.sessionIdleMinutes * MINUTE;
    while (nowMs < end) {
      advance(50 * SECOND);
      expect((await me(s)).statusCode).toBe(200);
    }
    const stored = await lastSeen(s);
    const lastRequest = nowMs;
    expect(lastRequest - stored).toBeLessThan(touch); // the stored value lags the last request by < one interval
    // idle: still valid 1 s before idle minutes after the stored touch …
    advance(stored + TEST_SETTINGS.sessionIdleMinutes * MINUTE - SECOND - nowMs);
    // (this request touches again; start the idle wait over from it)
    expect((await me(s)).statusCode).toBe(200);
    const touchedAt = await lastSeen(s);
    expect(touchedAt).toBe(nowMs);
    // … and expired exactly idle minutes after it (never later than idle minutes after the last request)
    advance(TEST_SETTINGS.sessionIdleMinutes * MINUTE);
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('an untouched request does not extend idle expiry: last request at 59 s, expired idle minutes after login', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const loggedIn = nowMs;
    advance(touch - SECOND);
    expect((await me(s)).statusCode).toBe(200); // not touched
    advance(loggedIn + TEST_SETTINGS.sessionIdleMinutes * MINUTE - nowMs);
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('an expired session is never revived by the touch (absolute expiry with a stale last_seen_at)', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const deadline = nowMs + TEST_SETTINGS.sessionAbsoluteHours * HOUR;
    while (nowMs + 25 * MINUTE < deadline) {
      advance(25 * MINUTE);
      expect((await me(s)).statusCode).toBe(200);
    }
    advance(deadline - nowMs);
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    expect((await me(s)).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('a revoked grant applies to the very next request (no cached grants)', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const first = await t.app.inject({ url: '/api/v1/orgs/roots', headers: { cookie: s.cookie } });
    expect(first.statusCode).toBe(200);
    expect((await me(s)).json().grants).toHaveLength(1);
    await h.db.deleteFrom('role_grants').where('account_id', '=', a.id).execute();
    expect((await me(s)).json().grants).toEqual([]);
    const res = await t.app.inject({ url: '/api/v1/orgs/roots', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    // and a grant added is seen at once too
    await h.db
      .insertInto('role_grants')
      .values({ account_id: a.id, role: 'bureau_admin', org_id: county.id })
      .execute();
    expect((await me(s)).json().grants).toEqual([
      { role: 'bureau_admin', orgId: county.id, orgName: county.name, orgKind: 'county' },
    ]);
  });

  it('a disabled account is refused on the very next request; a deleted session too', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const s2 = await login(t.app, a.username);
    expect((await me(s)).statusCode).toBe(200);
    await h.db.updateTable('accounts').set({ disabled: true }).where('id', '=', a.id).execute();
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    await h.db.updateTable('accounts').set({ disabled: false }).where('id', '=', a.id).execute();
    expect((await me(s2)).statusCode).toBe(200);
    await h.db.deleteFrom('sessions').where('account_id', '=', a.id).execute();
    expect((await me(s2)).statusCode).toBe(401);
  });

  it('CSRF unchanged: a mutating request with the session but without its token is 403 CSRF_FAILED', async () => {
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
      payload: { oldPassword: 'x', newPassword: 'y' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('concurrent requests share one statement, and each still gets its own answer: two accounts, a stale session touched, an unknown token, a disabled account', async () => {
    const a = await freshAccount();
    const b = await freshAccount();
    const c = await freshAccount();
    const sa = await login(t.app, a.username);
    const sc = await login(t.app, c.username);
    advance(touch + SECOND); // sa and sc are now stale: due a touch
    const sb = await login(t.app, b.username); // fresh
    await h.db.updateTable('accounts').set({ disabled: true }).where('id', '=', c.id).execute();
    const statements: string[] = [];
    const counting = h.db.withPlugin({
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const auth = createServices(counting, TEST_SETTINGS, clock).auth;
    const client = { ip: null, userAgent: null, requestId: 'r' };
    const tokenOf = (s: Session) => s.cookie.split('=')[1] ?? '';
    const before = await lastSeen(sb);
    const results = await Promise.allSettled([
      auth.authenticate(tokenOf(sa), client),
      auth.authenticate(tokenOf(sb), client),
      auth.authenticate('not-a-session-token', client),
      auth.authenticate(tokenOf(sc), client),
      auth.authenticate(tokenOf(sa), client),
    ]);
    expect(statements).toEqual(['RawNode']); // five requests, one statement
    const who = results.map((r) => (r.status === 'fulfilled' ? r.value.actor.username : 'refused'));
    expect(who).toEqual([a.username, b.username, 'refused', 'refused', a.username]);
    const refused = results[2];
    expect(refused?.status === 'rejected' && (refused.reason as { code: string }).code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await lastSeen(sa)).toBe(nowMs); // stale: touched by the shared statement
    expect(await lastSeen(sb)).toBe(before); // fresh: left alone
    await h.db.updateTable('accounts').set({ disabled: false }).where('id', '=', c.id).execute();
  });

  it('the touch interval is capped at a quarter of the idle window', async () => {
    const short = createServices(h.db, { ...TEST_SETTINGS, sessionIdleMinutes: 2 }, clock).auth;
    const a = await freshAccount();
    const s = await login(t.app, a.username);
    const token = s.cookie.split('=')[1] ?? '';
    advance(30 * SECOND); // a quarter of 2 min: touched although DEFAULT_TOUCH_SECONDS is 60
    await short.authenticate(token, { ip: null, userAgent: null, requestId: 'r' });
    expect(await lastSeen(s)).toBe(nowMs);
  });
});

describe('display names of many accounts (what lists of raters and editors show)', () => {
  it('one read for all: repeated ids once, unknown and malformed ids left out', async () => {
    const a = await freshAccount('names');
    const b = await freshAccount('names');
    const names = await createAuthRepository(h.db).displayNamesOf([
      a.id,
      b.id,
      a.id,
      '999999999',
      'x; DROP TABLE accounts',
      '',
      '12345678901234567890123',
    ]);
    expect(names).toEqual(
      new Map([
        [a.id, a.username],
        [b.id, b.username],
      ]),
    );
    expect(await createAuthRepository(h.db).displayNamesOf([])).toEqual(new Map());
  });
});
