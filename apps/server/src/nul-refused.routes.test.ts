/**
 * A NUL (U+0000) anywhere in a request — path parameter, query value, JSON string or key — is refused with 400
 * VALIDATION_FAILED naming the field, before any route runs: PostgreSQL cannot store it in text, and such requests
 * used to end in a 500 (a login name, a teacher or school search, an integrity record's evidence; found by a
 * probe). Every GET route of the API is walked with a NUL in its query and in its path parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './db/database';
import { refuseNul } from './shared/nul-guard';
import { createTestDatabase } from './test/db';
import { buildTestApp, login, type Session, seedRegion, type TestApp } from './test/factories';

let h: DatabaseHandle;
let t: TestApp;
let qingcheng: Session;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 100); // the demo region's accounts, qingcheng among them
  t = await buildTestApp(h.db);
  qingcheng = await login(t.app, 'qingcheng');
});
afterAll(async () => {
  await t.app.close();
  await h.close();
});

function refusedField(res: { statusCode: number; json: () => unknown }): unknown {
  expect(res.statusCode).toBe(400);
  const e = (res.json() as { error: { code: string; message: string; details: { field: unknown } } }).error;
  expect(e.code).toBe('VALIDATION_FAILED');
  expect(e.message).toContain('空字符');
  return e.details.field;
}

describe('hardening: a NUL in a request is a 400 naming the field, never a 500', () => {
  it('the login name, without a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'qing\u0000cheng', password: 'x' },
    });
    expect(refusedField(res)).toBe('username');
  });

  it('a search of teachers and of schools; the same search without the NUL answers', async () => {
    const headers = qingcheng.headers;
    const q = encodeURIComponent('\u0000\u202e张');
    expect(refusedField(await t.app.inject({ url: `/api/v1/teachers?q=${q}`, headers }))).toBe('q');
    expect(refusedField(await t.app.inject({ url: '/api/v1/schools?q=%00', headers }))).toBe('q');
    expect(
      (await t.app.inject({ url: `/api/v1/teachers?q=${encodeURIComponent('张')}`, headers })).statusCode,
    ).toBe(200);
  });

  it("an integrity record's evidence, and a key of the body", async () => {
    const body = { teacherId: '1', kind: 'no_show', recordDate: '2021-09-05', evidence: 'abc\u0000' };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrity-records',
      headers: qingcheng.headers,
      payload: body,
    });
    expect(refusedField(res)).toBe('evidence');
    const key = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrity-records',
      headers: qingcheng.headers,
      payload: { ...body, evidence: 'abc', 'x\u0000': 1 },
    });
    expect(refusedField(key)).toBe('x\\u0000');
  });

  it('every GET route: a NUL in the query or in a path parameter is 400, none is a 500', async () => {
    const spec = (await t.app.inject({ url: '/api/docs/json' })).json() as { paths: Record<string, object> };
    const gets = Object.entries(spec.paths)
      .filter(([, ops]) => 'get' in ops)
      .map(([p]) => p);
    expect(gets.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const p of gets) {
      const inQuery = `${p.replace(/\{[^}]+\}/g, '1')}?probe=%00`;
      const res = await t.app.inject({
        url: `/api${inQuery.replace(/^\/api/, '')}`,
        headers: qingcheng.headers,
      });
      if (res.statusCode !== 400) failures.push(`${inQuery}: ${res.statusCode}`);
      if (p.includes('{')) {
        const inPath = p.replace(/\{[^}]+\}/g, '1%00');
        const r2 = await t.app.inject({ url: inPath, headers: qingcheng.headers });
        if (r2.statusCode !== 400 && r2.statusCode !== 404) failures.push(`${inPath}: ${r2.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuseNul names nested fields and lets a clean request through', () => {
    expect(() =>
      refuseNul({ params: { id: '1' }, query: { q: '张' }, body: { rows: [{ name: 'a' }] } }),
    ).not.toThrow();
    for (const [req, field] of [
      [{ body: { rows: [{ name: 'a' }, { name: 'b\u0000' }] } }, 'rows[1].name'],
      [{ query: { q: ['a', '\u0000'] } }, 'q[1]'],
      [{ params: { id: '1\u0000' } }, 'id'],
      [{ body: 'x\u0000' }, '(请求体)'],
    ] as const) {
      try {
        refuseNul(req);
        expect.unreachable(field);
      } catch (err) {
        expect((err as { details: { field: string } }).details.field).toBe(field);
      }
    }
    let issues: unknown;
    try {
      refuseNul({ body: { rows: [{ name: 'a' }, { name: 'b\u0000' }] } });
    } catch (err) {
      issues = (err as { details: { issues: unknown } }).details.issues;
    }
    expect(issues).toEqual([{ path: '/rows/1/name', message: expect.stringContaining('空字符') }]);
  });
});
