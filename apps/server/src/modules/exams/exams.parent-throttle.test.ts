/**
 * The parent page's wrong-code limits (Y-EXAM-PARENT-CODE, parents/parent-results.service.ts): per (student,
 * address) and per address, with doubling waits, kept in the database — so a stranger cannot lock a chosen child
 * for its parent, several servers agree, and the client address honours TRUST_PROXY only.
 */
import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { appSecret } from '../../db/app-secrets';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import { buildTestApp, seedRegion, type TestApp } from '../../test/factories';
import type { OrgRow } from '../org';

const RULE = 'Y-EXAM-PARENT-CODE';
const WAIT_S = 30 * 60;
const WRONG = 'AAAA-AAAA';

let h: DatabaseHandle;
let t: TestApp;
let school: OrgRow;
let nowMs = Date.parse('2027-01-20T02:00:00Z');
const clock = () => new Date(nowMs);
/** student id → its code */
const codes = new Map<string, string>();

async function giveCodes(ids: string[]) {
  const key = await appSecret(h.db, 'exam-code');
  const county = school.county_id ?? school.id;
  for (const [i, id] of ids.entries()) {
    const code = `BCDE${String(2222 + i * 7).replace(/[01]/g, '9')}`.slice(0, 8);
    codes.set(id, code);
    await h.db
      .insertInto('exam_access_codes')
      .values({
        county_id: county,
        student_id: id,
        school_id: school.id,
        school_path: school.path,
        // as the school's issue stores it: HMAC-SHA256 of exam-code|county|student|code
        code_hash: createHmac('sha256', key).update(`exam-code|${county}|${id}|${code}`).digest('hex'),
      })
      .execute();
  }
}

function ask(
  ip: string,
  studentId: string,
  code: string,
  opts: { app?: TestApp['app']; headers?: Record<string, string> } = {},
) {
  return (opts.app ?? t.app).inject({
    method: 'POST',
    url: '/api/v1/parent/results',
    payload: { studentId, code },
    remoteAddress: ip,
    headers: opts.headers,
  });
}

const right = (ip: string, id: string, opts?: Parameters<typeof ask>[3]) =>
  ask(ip, id, codes.get(id) ?? '', opts);

function seen(r: LightMyRequestResponse) {
  const body = r.json() as { error: Record<string, unknown> };
  return {
    status: r.statusCode,
    retryAfter: r.headers['retry-after'],
    error: { ...body.error, requestId: undefined },
  };
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 50);
  t = await buildTestApp(h.db, clock);
  school = (await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'school')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow()) as unknown as OrgRow;
  await giveCodes([
    'S-A',
    'S-B',
    ...Array.from({ length: 6 }, (_, i) => `S-00${i + 1}`),
    'S-K',
    'S-M',
    'S-U',
    'S-P',
    'S-Q',
    'S-2A',
    'S-2B',
  ]);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('hardening: a stranger cannot lock a child for its parent (parent page waits per student and address)', () => {
  it("the parent of child A from address X still gets in after a stranger's 100 wrong codes for child A from address Y", async () => {
    const stranger: number[] = [];
    for (let i = 0; i < 100; i++) stranger.push((await ask('198.51.100.7', 'S-A', WRONG)).statusCode);
    expect(stranger.filter((s) => s === 401)).toHaveLength(4);
    expect(stranger.filter((s) => s === 429)).toHaveLength(96);
    const parent = await right('203.0.113.7', 'S-A');
    expect(parent.statusCode).toBe(200);
    expect(parent.json().studentId).toBe('S-A');
  });

  it('sequential student ids: a stranger sweeping 6 children × 5 wrong codes from one address locks none of them for their parents', async () => {
    for (let i = 1; i <= 6; i++) for (let k = 0; k < 5; k++) await ask('198.51.100.8', `S-00${i}`, WRONG);
    expect((await right('198.51.100.8', 'S-001')).statusCode).toBe(429);
    for (let i = 1; i <= 6; i++)
      expect((await right(`203.0.113.${10 + i}`, `S-00${i}`)).statusCode, `S-00${i}`).toBe(200);
  });

  it('boundary and backoff: 4 wrong codes answer 401 with tries left, the 5th 429 with Retry-After 1800 and a Chinese message; 29 min on it still waits; the next wrong code doubles it', async () => {
    const ip = '198.51.100.9';
    for (let i = 1; i <= 4; i++) {
      const r = await ask(ip, 'S-B', WRONG);
      expect(r.statusCode).toBe(401);
      expect(r.json().error.details.attemptsLeft).toBe(5 - i);
      expect(r.headers['retry-after']).toBeUndefined();
    }
    const fifth = await ask(ip, 'S-B', WRONG);
    expect(fifth.statusCode).toBe(429);
    expect(fifth.headers['retry-after']).toBe(String(WAIT_S));
    const err = fifth.json().error;
    expect(err.code).toBe('RATE_LIMITED');
    expect(err.message).toBe('访问码输错次数过多，请 30 分钟后再试；如访问码遗失，请联系学校重新发放');
    expect(err.details).toMatchObject({ ruleId: RULE, retryAfterSeconds: WAIT_S });
    nowMs += 29 * 60_000;
    expect((await right(ip, 'S-B')).statusCode).toBe(429);
    nowMs += 60_000;
    const sixth = await ask(ip, 'S-B', WRONG);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.headers['retry-after']).toBe(String(2 * WAIT_S));
    nowMs += 2 * WAIT_S * 1000;
    expect((await right(ip, 'S-B')).statusCode).toBe(200);
  });

  it('one address guessing 30 student ids waits for ids it never opened, but not for the child it opened before', async () => {
    const ip = '198.51.100.10';
    expect((await right(ip, 'S-K')).statusCode).toBe(200);
    for (let i = 1; i < 30; i++) expect((await ask(ip, `X-${i}`, WRONG)).statusCode, `id ${i}`).toBe(401);
    const last = await ask(ip, 'X-30', WRONG);
    expect(last.statusCode).toBe(429);
    expect(last.headers['retry-after']).toBe(String(WAIT_S));
    expect((await right(ip, 'S-M')).statusCode).toBe(429);
    expect((await right(ip, 'S-K')).statusCode).toBe(200);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'exam.parent_address_throttled')
      .execute();
    expect(audit.map((a) => (a.details as { ip?: string }).ip)).toContain(ip);
    expect((await right('198.51.100.11', 'S-M')).statusCode).toBe(200);
  });

  it('an unknown student id answers exactly like a real one with a wrong code, the 429 and its Retry-After included', async () => {
    for (let i = 0; i < 6; i++) {
      const real = await ask('198.51.100.12', 'S-U', WRONG);
      const unknown = await ask('198.51.100.13', 'S-NOBODY', WRONG);
      expect(seen(unknown), `try ${i + 1}`).toEqual(seen(real));
      expect(real.statusCode).toBe(i < 4 ? 401 : 429);
    }
  });
});

describe('hardening: the parent page counts are kept in the database, shared by every server', () => {
  it('wrong codes spread over two servers add up: per student and address, and per address', async () => {
    const other = await buildTestApp(h.db, clock);
    try {
      for (let i = 1; i <= 5; i++) {
        const app = i % 2 ? t.app : other.app;
        expect((await ask('198.51.100.20', 'S-2A', WRONG, { app })).statusCode).toBe(i < 5 ? 401 : 429);
      }
      for (const app of [t.app, other.app])
        expect((await right('198.51.100.20', 'S-2A', { app })).statusCode).toBe(429);
      // 30 wrong codes for 30 ids, alternating servers: the address waits on both
      for (let i = 1; i <= 30; i++) {
        const app = i % 2 ? t.app : other.app;
        const r = await ask('198.51.100.21', `Y-${i}`, WRONG, { app });
        expect(r.statusCode, `id ${i}`).toBe(i < 30 ? 401 : 429);
      }
      for (const app of [t.app, other.app])
        expect((await right('198.51.100.21', 'S-2B', { app })).statusCode).toBe(429);
      expect((await right('198.51.100.22', 'S-2B', { app: other.app })).statusCode).toBe(200);
    } finally {
      await other.app.close();
    }
  });
});

describe('hardening: parents behind one proxy are told apart only when TRUST_PROXY names it', () => {
  it('behind a trusted proxy a stranger and the parent are two clients; the read is audited with the parent’s address', async () => {
    const proxied = await buildApp({ services: t.services, logLevel: 'silent', trustProxy: ['10.0.0.1'] });
    try {
      const via = (client: string, code: string) =>
        ask('10.0.0.1', 'S-P', code, { app: proxied, headers: { 'x-forwarded-for': client } });
      for (let i = 1; i <= 5; i++)
        expect((await via('100.64.9.9', WRONG)).statusCode).toBe(i < 5 ? 401 : 429);
      expect((await via('100.64.9.9', codes.get('S-P') ?? '')).statusCode).toBe(429);
      expect((await via('100.64.7.7', codes.get('S-P') ?? '')).statusCode).toBe(200);
      const read = await h.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'exam.parent_read')
        .where('entity_id', 'like', '%:S-P')
        .executeTakeFirstOrThrow();
      expect((read.details as { ip?: string }).ip).toBe('100.64.7.7');
    } finally {
      await proxied.close();
    }
  });

  it('without TRUST_PROXY the header is ignored: changing it buys no fresh tries', async () => {
    for (let i = 1; i <= 5; i++) {
      const r = await ask('10.0.0.2', 'S-Q', WRONG, { headers: { 'x-forwarded-for': `100.64.8.${i}` } });
      expect(r.statusCode).toBe(i < 5 ? 401 : 429);
    }
    const r = await right('10.0.0.2', 'S-Q', { headers: { 'x-forwarded-for': '100.64.8.99' } });
    expect(r.statusCode).toBe(429);
  });
});
