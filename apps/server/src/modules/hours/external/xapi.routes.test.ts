/**
 * xAPI statements (issue 12 item 4, rule Y-HOURS-XAPI): a platform registered by a system administrator posts
 * statements with HTTP Basic (platform id, token); the teacher is actor.account.name = 身份证号; completed and
 * attended count at their recorded duration; a replayed statement counts once; an unknown actor, a malformed
 * duration, an unknown verb or a bad credential is refused with a clear message and the ledger untouched.
 */
import { randomUUID } from 'node:crypto';
import { makeIdNumber } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { createTestDatabase } from '../../../test/db';
import {
  buildAccount,
  buildTeacher,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../../test/factories';
import type { OrgRow } from '../../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let county: OrgRow;
let teacher: { id: string; idNumber: string };
let outsider: { id: string; idNumber: string };
let auth: string;

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const ATTENDED = 'http://adlnet.gov/expapi/verbs/attended';

const statement = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', account: { homePage: 'https://basic.smartedu.cn', name: teacher.idNumber } },
  verb: { id: COMPLETED, display: { 'zh-CN': '完成' } },
  object: { objectType: 'Activity', id: 'https://basic.smartedu.cn/course/42' },
  result: { completion: true, duration: 'PT1H30M' },
  timestamp: '2026-11-03T20:30:00+08:00',
  ...over,
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/xapi/statements',
    headers: { authorization: auth, 'x-experience-api-version': '1.0.3', ...headers },
    payload: body as Record<string, unknown>,
  });

const ledger = () =>
  h.db
    .selectFrom('hour_entries')
    .select([
      'teacher_id',
      'amount_tenths',
      'category',
      'source',
      'credit_key',
      'rule_id',
      'occurred_on',
      'provenance_system',
    ])
    .where('source', '=', 'xapi')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db);
  county = await orgByName(h.db, 'county', '清城');
  teacher = await buildTeacher(h.db, await schoolIn(h.db, '清城', 0));
  outsider = await buildTeacher(h.db, await schoolIn(h.db, '英德', 0));
  const root = await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  await buildAccount(h.db, 'xa_sys', 'system_admin', root as OrgRow);
  await buildAccount(h.db, 'xa_qc', 'bureau_admin', county);
  for (const u of ['xa_sys', 'xa_qc']) s[u] = await login(t.app, u);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('registering a platform', () => {
  it('only a system administrator registers one (403 for a county); the token is shown once and stored as its sha256', async () => {
    const body = { name: '国家中小学智慧教育平台', system: 'smartedu', orgId: county.id };
    const no = await t.app.inject({
      method: 'POST',
      url: '/api/v1/hours/xapi-platforms',
      headers: s.xa_qc?.headers,
      payload: body,
    });
    expect(no.statusCode).toBe(403);
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/hours/xapi-platforms',
      headers: s.xa_sys?.headers,
      payload: body,
    });
    expect(r.statusCode, r.body).toBe(200);
    const { id, token } = r.json();
    expect(token.length).toBeGreaterThan(30);
    const row = await h.db
      .selectFrom('xapi_platforms')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.token_sha256).not.toContain(token);
    expect(row.token_sha256).toMatch(/^[0-9a-f]{64}$/);
    auth = `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}`;
  });
});

describe('POST /xapi/statements', () => {
  it('Y-HOURS-XAPI: a completed statement of 1 h 30 min is 1.5 学时 of 网络研修 on its day in Asia/Shanghai', async () => {
    const st = statement();
    const r = await post(st);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual([st.id]);
    expect(r.headers['x-experience-api-version']).toBe('1.0.3');
    expect(await ledger()).toEqual([
      {
        teacher_id: teacher.id,
        amount_tenths: 15,
        category: 'online',
        source: 'xapi',
        credit_key: `xapi:${st.id}`,
        rule_id: 'Y-HOURS-XAPI',
        occurred_on: '2026-11-03',
        provenance_system: 'smartedu',
      },
    ]);
  });

  it('Y-HOURS-XAPI: a statement replayed (also twice at once, and in an array with a new one) counts once', async () => {
    const st = statement({ verb: { id: ATTENDED }, result: { duration: 'PT45M' } });
    const [a, b] = await Promise.all([post(st), post(st)]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const fresh = statement({ result: { duration: 'PT2H' } });
    const c = await post([st, fresh]);
    expect(c.json()).toEqual([st.id, fresh.id]);
    const rows = (await ledger()).filter((e) => e.credit_key === `xapi:${st.id}`);
    expect(rows.map((e) => e.amount_tenths)).toEqual([7]);
    expect((await ledger()).map((e) => e.amount_tenths)).toEqual([15, 7, 20]);
    // the same id with other content is a conflict, as the xAPI spec says
    const clash = await post({ ...st, result: { duration: 'PT3H' } });
    expect(clash.statusCode).toBe(409);
  });

  it('bad input: unknown actor, malformed duration, unknown verb, mbox, missing id — 400 with the reason, the ledger untouched', async () => {
    const before = await ledger();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [
        { actor: { account: { homePage: 'https://x', name: makeIdNumber('441802', '1970-01-01', '997') } } },
        /学习者未知/,
      ],
      [{ actor: { account: { homePage: 'https://x', name: outsider.idNumber } } }, /学习者未知/],
      [{ actor: { account: { homePage: 'https://x', name: '12345' } } }, /学习者未知.*身份证号/],
      [{ actor: { mbox: 'mailto:t@example.com' } }, /mbox/],
      [{ result: { duration: '90 minutes' } }, /不是 ISO 8601 时长/],
      [{ result: { duration: 'PT' } }, /不是 ISO 8601 时长/],
      [{ result: {} }, /result.duration/],
      [{ result: { duration: 'PT5M' } }, /不足 0.1 学时/],
      [{ result: { duration: 'PT25H' } }, /上限/],
      [{ verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } }, /不计学时/],
      [{ id: 'not-a-uuid' }, /语句 id/],
    ];
    for (const [over, message] of cases) {
      const r = await post(statement(over));
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(r.json().error.message).toMatch(message);
    }
    // one bad statement in a batch: none of it is taken
    const good = statement();
    expect((await post([good, statement({ result: { duration: 'x' } })])).statusCode).toBe(400);
    expect(await ledger()).toEqual(before);
    expect((await post(good)).statusCode).toBe(200);
  });

  it('a wrong token, no credentials or no X-Experience-API-Version header: refused, nothing posted', async () => {
    const before = await ledger();
    const [id] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    expect(
      (await post(statement(), { authorization: `Basic ${Buffer.from(`${id}:wrong`).toString('base64')}` }))
        .statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/xapi/statements', payload: statement() }))
        .statusCode,
    ).toBe(401);
    const noVersion = await t.app.inject({
      method: 'POST',
      url: '/api/v1/xapi/statements',
      headers: { authorization: auth },
      payload: statement(),
    });
    expect(noVersion.statusCode).toBe(400);
    expect(await ledger()).toEqual(before);
  });
});

describe('listing and revoking a platform', () => {
  const as = (who: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: s[who]?.headers,
      ...(payload ? { payload } : {}),
    });

  it('lists the platforms with what they sent and never a token; a county may not list them', async () => {
    const r = await as('xa_sys', 'GET', '/hours/xapi-platforms');
    expect(r.statusCode).toBe(200);
    const [id] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    const p = r.json().items.find((x: { id: string }) => x.id === id);
    expect(p).toMatchObject({
      system: 'smartedu',
      unitName: county.name,
      revokedAt: null,
      revokedReason: null,
    });
    expect(p.statements).toBeGreaterThan(0);
    expect(p.lastStatementAt).not.toBeNull();
    expect(r.body).not.toMatch(/token/i);
    expect((await as('xa_qc', 'GET', '/hours/xapi-platforms')).statusCode).toBe(403);
  });

  it('Y-HOURS-XAPI: a revoked platform’s token is refused from then on; what it posted stays; twice is a conflict', async () => {
    const [id] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    const before = await ledger();
    expect(
      (await as('xa_qc', 'POST', `/hours/xapi-platforms/${id}/revoke`, { reason: '合同到期' })).statusCode,
    ).toBe(403);
    expect(
      (await as('xa_sys', 'POST', `/hours/xapi-platforms/${id}/revoke`, { reason: 'x' })).statusCode,
    ).toBe(400);
    const r = await as('xa_sys', 'POST', `/hours/xapi-platforms/${id}/revoke`, {
      reason: '合同到期，停止对接',
    });
    expect(r.statusCode, r.body).toBe(200);
    const revoked = r.json().items.find((x: { id: string }) => x.id === id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revokedReason).toBe('合同到期，停止对接');
    expect((await post(statement())).statusCode).toBe(401);
    expect(await ledger()).toEqual(before);
    expect(
      (await as('xa_sys', 'POST', `/hours/xapi-platforms/${id}/revoke`, { reason: '再次停用' })).statusCode,
    ).toBe(409);
    expect(
      (await as('xa_sys', 'POST', '/hours/xapi-platforms/987654321/revoke', { reason: '不存在' })).statusCode,
    ).toBe(404);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'hours.platform.revoke')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).toContain('合同到期');
  });
});
