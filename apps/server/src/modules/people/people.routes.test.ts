import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildTeacher,
  buildTestApp,
  login,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
let qingcheng: Session;
let yingde: Session;
let schoolQ: OrgRow;
let schoolY: OrgRow;
let teacherQ: { id: string; idNumber: string };
let teacherY: { id: string; idNumber: string };

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  t = await buildTestApp(h.db);
  schoolQ = await schoolIn(h.db, '清城');
  schoolY = await schoolIn(h.db, '英德');
  teacherQ = await buildTeacher(h.db, schoolQ, { name: '林清城' });
  teacherY = await buildTeacher(h.db, schoolY, { name: '黄英德' });
  qingcheng = await login(t.app, 'qingcheng');
  yingde = await login(t.app, 'yingde');
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('GET /api/v1/teachers', () => {
  it('401 without a session', async () => {
    const res = await t.app.inject({ url: '/api/v1/teachers' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.json().error.requestId).toBeTruthy();
  });

  it('400 on a bad query', async () => {
    const res = await t.app.inject({ url: '/api/v1/teachers?pageSize=100000', headers: qingcheng.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('200 lists only the county’s own teachers, with masked ID numbers', async () => {
    const res = await t.app.inject({ url: '/api/v1/teachers?pageSize=200', headers: qingcheng.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    const names: string[] = body.items.map((i: { name: string }) => i.name);
    expect(body.items.every((i: { countyName: string }) => i.countyName === '清城区')).toBe(true);
    expect(names).not.toContain('黄英德');
    const all = await t.app.inject({ url: '/api/v1/teachers?q=林清城', headers: qingcheng.headers });
    const row = all.json().items[0];
    expect(row.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(JSON.stringify(all.json())).not.toContain(teacherQ.idNumber);
  });

  it('403 when filtering by another county’s org node', async () => {
    const res = await t.app.inject({
      url: `/api/v1/teachers?orgId=${schoolY.id}`,
      headers: qingcheng.headers,
    });
    expect([403, 404]).toContain(res.statusCode);
  });
});

describe('GET /api/v1/teachers/:id', () => {
  it('200 for a teacher in scope, with postings', async () => {
    const res = await t.app.inject({ url: `/api/v1/teachers/${teacherQ.id}`, headers: qingcheng.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().name).toBe('林清城');
    expect(res.json().postings).toHaveLength(1);
    expect(res.json().canRevealIdNumber).toBe(true);
  });

  it('404 for another county’s teacher (not even confirmed to exist)', async () => {
    const res = await t.app.inject({ url: `/api/v1/teachers/${teacherY.id}`, headers: qingcheng.headers });
    expect(res.statusCode).toBe(404);
    const own = await t.app.inject({ url: `/api/v1/teachers/${teacherY.id}`, headers: yingde.headers });
    expect(own.statusCode).toBe(200);
  });
});

describe('GET /api/v1/teachers/:id/id-number', () => {
  it('returns the full number and writes the audit log', async () => {
    const res = await t.app.inject({
      url: `/api/v1/teachers/${teacherQ.id}/id-number`,
      headers: qingcheng.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().idNumber).toBe(teacherQ.idNumber);
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'teacher.id_number_read')
      .where('entity_id', '=', teacherQ.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('404 for another county', async () => {
    const res = await t.app.inject({
      url: `/api/v1/teachers/${teacherY.id}/id-number`,
      headers: qingcheng.headers,
    });
    expect(res.statusCode).toBe(404);
  });

  it('403 for a role that may read teachers but not full ID numbers (tdc staff)', async () => {
    const tdc = await login(t.app, 'tdc');
    const res = await t.app.inject({
      url: `/api/v1/teachers/${teacherQ.id}/id-number`,
      headers: tdc.headers,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('POST /api/v1/teachers/:id/transfer', () => {
  it('403 without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${teacherQ.id}/transfer`,
      headers: { cookie: qingcheng.cookie },
      payload: { schoolId: schoolQ.id, date: '2026-09-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
  });

  it('400 on a malformed date', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${teacherQ.id}/transfer`,
      headers: qingcheng.headers,
      payload: { schoolId: schoolQ.id, date: '2026/9/1' },
    });
    expect(res.statusCode).toBe(400);
  });

  it('refuses to move a teacher into another county’s school', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${teacherQ.id}/transfer`,
      headers: qingcheng.headers,
      payload: { schoolId: schoolY.id, date: '2026-09-01' },
    });
    expect([403, 404]).toContain(res.statusCode);
  });

  it('moves within the county and keeps the history', async () => {
    const other = await schoolIn(h.db, '清城', 1);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${teacherQ.id}/transfer`,
      headers: qingcheng.headers,
      payload: { schoolId: other.id, date: '2026-09-01', reason: '交流轮岗' },
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.schoolId).toBe(other.id);
    expect(d.postings).toHaveLength(2);
    expect(d.postings[0]).toMatchObject({ schoolId: other.id, toDate: null, reason: '交流轮岗' });
    expect(d.postings[1]).toMatchObject({ schoolId: schoolQ.id, toDate: '2026-09-01' });
  });

  it('a city admin moves a teacher across counties; the row follows its new region key', async () => {
    const city = await login(t.app, 'city');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${teacherY.id}/transfer`,
      headers: city.headers,
      payload: { schoolId: schoolQ.id, date: '2026-10-01' },
    });
    expect(res.statusCode).toBe(200);
    const row = await h.db
      .selectFrom('teachers')
      .select(['county_id', 'school_id'])
      .where('id', '=', teacherY.id)
      .execute();
    expect(row).toEqual([{ county_id: schoolQ.county_id, school_id: schoolQ.id }]);
    // now the Qingcheng admin sees them, and Yingde does not
    expect(
      (await t.app.inject({ url: `/api/v1/teachers/${teacherY.id}`, headers: qingcheng.headers })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/v1/teachers/${teacherY.id}`, headers: yingde.headers })).statusCode,
    ).toBe(404);
  });
});
