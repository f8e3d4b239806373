import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import { buildTeacher, buildTestApp, login, schoolIn, seedRegion, type TestApp } from '../../test/factories';

let h: DatabaseHandle;
let t: TestApp;
let teacherQ: { id: string };
let teacherY: { id: string };

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  t = await buildTestApp(h.db);
  teacherQ = await buildTeacher(h.db, await schoolIn(h.db, '清城'));
  teacherY = await buildTeacher(h.db, await schoolIn(h.db, '英德'));
  // one sensitive read in each county, to be found in the log
  const q = await login(t.app, 'qingcheng');
  const y = await login(t.app, 'yingde');
  await t.app.inject({ url: `/api/v1/teachers/${teacherQ.id}/id-number`, headers: q.headers });
  await t.app.inject({ url: `/api/v1/teachers/${teacherY.id}/id-number`, headers: y.headers });
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('GET /api/v1/audit', () => {
  it('401 without a session', async () => {
    expect((await t.app.inject({ url: '/api/v1/audit' })).statusCode).toBe(401);
  });

  it('403 for roles without audit.read (school admin, teacher)', async () => {
    for (const u of ['school', 'teacher']) {
      const s = await login(t.app, u);
      const res = await t.app.inject({ url: '/api/v1/audit', headers: s.headers });
      expect(res.statusCode).toBe(403);
    }
  });

  it('400 on a bad page size', async () => {
    const s = await login(t.app, 'qingcheng');
    expect((await t.app.inject({ url: '/api/v1/audit?pageSize=0', headers: s.headers })).statusCode).toBe(
      400,
    );
  });

  it('a county admin reads its own county’s entries and not another county’s', async () => {
    const s = await login(t.app, 'qingcheng');
    const res = await t.app.inject({
      url: '/api/v1/audit?action=teacher.id_number_read',
      headers: s.headers,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((i: { entityId: string }) => i.entityId);
    expect(ids).toContain(teacherQ.id);
    expect(ids).not.toContain(teacherY.id);
  });

  it('the system admin reads everything, including logins', async () => {
    const s = await login(t.app, 'admin');
    const reads = await t.app.inject({
      url: '/api/v1/audit?action=teacher.id_number_read',
      headers: s.headers,
    });
    const ids = reads.json().items.map((i: { entityId: string }) => i.entityId);
    expect(ids).toEqual(expect.arrayContaining([teacherQ.id, teacherY.id]));
    const logins = await t.app.inject({ url: '/api/v1/audit?action=auth.login', headers: s.headers });
    expect(logins.json().total).toBeGreaterThanOrEqual(3);
  });
});
