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
import { errorOf } from '../../test/routes';
import type { OrgRow } from '../org';
import { createTeachersRepository } from './teachers/teachers.repository';

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
    expect(row.idNumberMasked).toMatch(/^\d{4}\*{13}[\dX]$/);
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

  it('another county’s teacher reads exactly as an unknown id, and is never loaded: the scope is in the query', async () => {
    const other = await t.app.inject({ url: `/api/v1/teachers/${teacherY.id}`, headers: qingcheng.headers });
    const unknown = await t.app.inject({ url: '/api/v1/teachers/987654321', headers: qingcheng.headers });
    expect({ status: other.statusCode, body: errorOf(other) }).toEqual({
      status: unknown.statusCode,
      body: errorOf(unknown),
    });
    // the same query for both: a teacher out of reach costs what an unknown id costs (no timing tells it exists)
    const repo = createTeachersRepository(h.db);
    const county = schoolQ.path.replace(/[^/]+\/$/, ''); // the school's county: '/1/5/80/106/' → '/1/5/80/'
    expect(await repo.findVisible(teacherY.id, [county], null)).toBeUndefined();
    expect((await repo.findVisible(teacherQ.id, [county], null))?.name).toBe('林清城');
    expect((await repo.findVisible(teacherY.id, [county], teacherY.id))?.name).toBe('黄英德'); // the teacher themself
    expect(await repo.findVisible(teacherQ.id, [], null)).toBeUndefined();
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

/** The error body without its request id: what an out-of-scope and a missing record must share. */

function auditRows(action: string, entityId: string) {
  return h.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();
}

describe('hardening: full ID numbers and phones only with teacher.reveal_id, every full value audited', () => {
  let tdc: Session;
  let r: { id: string; idNumber: string };
  const phone = '13725806149';

  beforeAll(async () => {
    tdc = await login(t.app, 'tdc');
    r = await buildTeacher(h.db, schoolQ, { name: '罗晓燕', phone, birthDate: '1990-07-21' });
  });

  it('the detail carries neither full number for any role; canRevealPhone follows the permission', async () => {
    for (const [who, canReveal] of [
      [qingcheng, true],
      [tdc, false],
    ] as const) {
      const res = await t.app.inject({ url: `/api/v1/teachers/${r.id}`, headers: who.headers });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(phone);
      expect(res.body).not.toContain(r.idNumber);
      expect(res.json()).toMatchObject({
        phoneMasked: '137****6149',
        canRevealIdNumber: canReveal,
        canRevealPhone: canReveal,
      });
    }
  });

  it('GET /teachers/:id/phone: the full phone with one audit entry; 403 for tdc staff; 404 out of scope as for an unknown id', async () => {
    const res = await t.app.inject({ url: `/api/v1/teachers/${r.id}/phone`, headers: qingcheng.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ phone });
    const audit = await auditRows('teacher.phone_read', r.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.org_id).toBe(schoolQ.id);

    const refused = await t.app.inject({ url: `/api/v1/teachers/${r.id}/phone`, headers: tdc.headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
    expect(refused.body).not.toContain(phone);

    const foreign = await t.app.inject({ url: `/api/v1/teachers/${r.id}/phone`, headers: yingde.headers });
    const unknown = await t.app.inject({ url: '/api/v1/teachers/987654321/phone', headers: yingde.headers });
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
    expect(await auditRows('teacher.phone_read', r.id)).toHaveLength(1);
  });

  it('search by a part of an ID number or phone is refused (400), whatever the role: no prefix, no tail', async () => {
    const parts = [
      r.idNumber.slice(-4), // the tail the masked value used to show
      r.idNumber.slice(0, 6), // a guessed prefix
      r.idNumber.slice(0, 14), // prefix + the visible birth date
      r.idNumber.slice(0, 17), // all but the check character
      phone.slice(-4),
      phone.slice(0, 7),
    ];
    for (const who of [qingcheng, tdc]) {
      for (const q of parts) {
        const res = await t.app.inject({
          url: `/api/v1/teachers?q=${encodeURIComponent(q)}`,
          headers: who.headers,
        });
        expect(res.statusCode, q).toBe(400);
        expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'q' } });
      }
    }
  });

  it('search by a whole ID number with a wrong check character is refused (400)', async () => {
    const last = r.idNumber.slice(-1);
    const wrong = r.idNumber.slice(0, 17) + (last === '0' ? '1' : '0');
    const res = await t.app.inject({ url: `/api/v1/teachers?q=${wrong}`, headers: qingcheng.headers });
    expect(res.statusCode).toBe(400);
  });

  it('the whole, valid ID number finds the teacher, masked, and the hit is audited; another county finds nothing', async () => {
    const res = await t.app.inject({ url: `/api/v1/teachers?q=${r.idNumber}`, headers: qingcheng.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect(res.body).not.toContain(r.idNumber);
    const audit = await auditRows('teacher.found_by_id_number', r.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'teacher', org_id: schoolQ.id, actor_name: 'qingcheng' });
    expect(JSON.stringify(audit[0]?.details)).not.toContain(r.idNumber);
    // out of scope: the same answer as a number nobody holds, and no hit to audit
    const foreign = await t.app.inject({ url: `/api/v1/teachers?q=${r.idNumber}`, headers: yingde.headers });
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toMatchObject({ items: [], total: 0 });
    expect(await auditRows('teacher.found_by_id_number', r.id)).toHaveLength(1);
  });

  it('the whole phone number finds the teacher and the hit is audited', async () => {
    const res = await t.app.inject({ url: `/api/v1/teachers?q=${phone}`, headers: qingcheng.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([r.id]);
    expect(res.body).not.toContain(phone);
    expect(await auditRows('teacher.found_by_phone', r.id)).toHaveLength(1);
  });

  it('tdc staff (may read, may not reveal) cannot search by a number at all (403, nothing audited); by name and pinyin as before', async () => {
    for (const q of [r.idNumber, phone]) {
      const res = await t.app.inject({ url: `/api/v1/teachers?q=${q}`, headers: tdc.headers });
      expect(res.statusCode, q).toBe(403);
      expect(res.json().error).toMatchObject({
        code: 'FORBIDDEN',
        details: { permission: 'teacher.reveal_id' },
      });
    }
    expect(await auditRows('teacher.found_by_id_number', r.id)).toHaveLength(1);
    expect(await auditRows('teacher.found_by_phone', r.id)).toHaveLength(1);
    for (const q of ['罗晓', 'luoxiao', 'lxy']) {
      const res = await t.app.inject({
        url: `/api/v1/teachers?q=${encodeURIComponent(q)}`,
        headers: tdc.headers,
      });
      expect(res.statusCode, q).toBe(200);
      expect(
        res.json().items.map((i: { id: string }) => i.id),
        q,
      ).toContain(r.id);
    }
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
