/**
 * Voided xAPI statements (rule Y-HOURS-XAPI-VOID, xAPI 1.0.3 "Voided"): a statement with verb voided and a
 * StatementRef object cancels an earlier statement of the same platform. Its 学时 are reversed through the ledger
 * (a reversal entry with the reason, the posting kept), the voided statement stays stored, and the voiding
 * statement is taken once like any other. A void of an unknown statement, of another platform's, or of a voiding
 * statement is refused with a clear message; a batch is still all or nothing.
 */
import { randomUUID } from 'node:crypto';
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
let admin: Session;
let teacher: { id: string; idNumber: string };
const auth: Record<'a' | 'b', string> = { a: '', b: '' };

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

const credit = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', account: { homePage: 'https://basic.smartedu.cn', name: teacher.idNumber } },
  verb: { id: COMPLETED },
  object: { objectType: 'Activity', id: 'https://basic.smartedu.cn/course/42' },
  result: { duration: 'PT2H' },
  timestamp: '2026-11-03T20:30:00+08:00',
  ...over,
});

const voiding = (statementId: string, over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: 'mailto:lrs-admin@smartedu.cn' },
  verb: { id: VOIDED, display: { 'en-US': 'voided' } },
  object: { objectType: 'StatementRef', id: statementId },
  ...over,
});

const post = (body: unknown, platform: 'a' | 'b' = 'a') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/xapi/statements',
    headers: { authorization: auth[platform], 'x-experience-api-version': '1.0.3' },
    payload: body as Record<string, unknown>,
  });

/** The teacher's balance: every entry, postings and reversals, in tenths. */
const balance = async () => {
  const r = await h.db
    .selectFrom('hour_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_tenths'), eb.lit(0)).as('n'))
    .where('teacher_id', '=', teacher.id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
};
const entries = () =>
  h.db
    .selectFrom('hour_entries')
    .select(['id', 'amount_tenths', 'credit_key', 'reverses_id', 'reason'])
    .where('teacher_id', '=', teacher.id)
    .orderBy('id')
    .execute();
const statements = () => h.db.selectFrom('xapi_statements').select(['statement_id', 'verb']).execute();

async function register(name: string, orgId: string): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/hours/xapi-platforms',
    headers: admin.headers,
    payload: { name, system: 'smartedu', orgId },
  });
  expect(r.statusCode, r.body).toBe(200);
  const { id, token } = r.json();
  return `Basic ${Buffer.from(`${id}:${token}`).toString('base64')}`;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db);
  const county = await orgByName(h.db, 'county', '清城');
  teacher = await buildTeacher(h.db, await schoolIn(h.db, '清城', 0));
  const root = await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  await buildAccount(h.db, 'xv_sys', 'system_admin', root as OrgRow);
  admin = await login(t.app, 'xv_sys');
  auth.a = await register('国家中小学智慧教育平台', county.id);
  auth.b = await register('清城区研修网', county.id);
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('Y-HOURS-XAPI-VOID: voiding a statement', () => {
  it('reverses its 学时 (the teacher’s balance drops back), keeps both statements, and a replayed void counts once', async () => {
    const start = await balance();
    const st = credit();
    expect((await post(st)).statusCode).toBe(200);
    expect(await balance()).toBe(start + 20);

    const v = voiding(st.id);
    const r = await post(v);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual([v.id]);
    expect(await balance()).toBe(start);
    const mine = (await entries()).filter((e) => e.credit_key === `xapi:${st.id}`);
    expect(mine).toHaveLength(2);
    expect(mine[1]).toMatchObject({ amount_tenths: -20, reverses_id: mine[0]?.id });
    expect(mine[1]?.reason).toContain('作废');
    const stored = new Map((await statements()).map((s) => [s.statement_id, s.verb]));
    expect(stored.get(st.id)).toBe(COMPLETED);
    expect(stored.get(v.id)).toBe(VOIDED);

    // the same voiding statement again (twice at once too), and another void of the same statement: nothing more
    const again = await Promise.all([post(v), post(v)]);
    expect(again.map((x) => x.statusCode)).toEqual([200, 200]);
    expect((await post(voiding(st.id))).statusCode).toBe(200);
    expect(await balance()).toBe(start);
    expect((await entries()).filter((e) => e.credit_key === `xapi:${st.id}`)).toHaveLength(2);
    // the voided statement replayed does not come back
    expect((await post(st)).statusCode).toBe(200);
    expect(await balance()).toBe(start);
  });

  it('the voiding statement’s id used again to void another statement is a conflict (409)', async () => {
    const [one, two] = [credit(), credit()];
    expect((await post([one, two])).statusCode).toBe(200);
    const v = voiding(one.id);
    expect((await post(v)).statusCode).toBe(200);
    const before = await balance();
    const clash = await post({ ...v, object: { objectType: 'StatementRef', id: two.id } });
    expect(clash.statusCode).toBe(409);
    expect(await balance()).toBe(before);
  });

  it('an unknown statement, another platform’s, a voiding statement, or a malformed StatementRef: 400 with the reason, nothing written', async () => {
    const mine = credit();
    expect((await post(mine)).statusCode).toBe(200);
    const firstVoid = voiding(mine.id);
    expect((await post(firstVoid)).statusCode).toBe(200);
    const theirs = credit();
    expect((await post(theirs, 'b')).statusCode).toBe(200);
    const before = { balance: await balance(), statements: (await statements()).length };

    const cases: Array<[unknown, RegExp]> = [
      [voiding(randomUUID()), /要作废的语句 .* 未知/],
      [voiding(theirs.id), /要作废的语句 .* 未知/],
      [voiding(firstVoid.id), /本身是作废语句，不能再被作废/],
      [voiding(mine.id, { object: { objectType: 'Activity', id: mine.id } }), /StatementRef/],
      [voiding(mine.id, { object: { objectType: 'StatementRef', id: 'x' } }), /StatementRef/],
    ];
    for (const [body, message] of cases) {
      const r = await post(body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().error.message).toMatch(message);
      expect(r.json().error.details).toMatchObject({ statement: 0 });
    }
    expect({ balance: await balance(), statements: (await statements()).length }).toEqual(before);
  });

  it('a batch is all or nothing: a good credit, a good void and a bad statement write nothing', async () => {
    const standing = credit();
    expect((await post(standing)).statusCode).toBe(200);
    const before = { balance: await balance(), entries: await entries(), statements: await statements() };
    const fresh = credit();
    const r = await post([fresh, voiding(standing.id), credit({ result: { duration: 'two hours' } })]);
    expect(r.statusCode).toBe(400);
    // a bad void after good statements: the credit and the void before it are rolled back too
    const r2 = await post([fresh, voiding(standing.id), voiding(randomUUID())]);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.details).toMatchObject({ statement: 2 });
    expect({ balance: await balance(), entries: await entries(), statements: await statements() }).toEqual(
      before,
    );
    // a statement and its void in one batch: posted and reversed
    const both = credit();
    expect((await post([both, voiding(both.id)])).statusCode).toBe(200);
    expect(await balance()).toBe(before.balance);
  });
});
