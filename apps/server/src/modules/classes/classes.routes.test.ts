import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
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
} from '../../test/factories';
import { type OrgRow, regionKeyOf } from '../org';

/** The first day of the classes below, 09:00 in Shanghai (check-in is open). */
const CLOCK = () => new Date('2021-09-06T01:00:00Z');

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let schoolQ: OrgRow;
let schoolY: OrgRow;
let provider: OrgRow;
let provider2: OrgRow;
let cityProgramme: string;
let countyProgramme: string;
let classA: string; // city programme, provider 1, teachers of 清城 and 英德
let classB: string; // city programme, provider 2
let classQ: string; // 清城's own programme
const teacherQ: string[] = [];
let teacherY: string;

type Json = Record<string, unknown>;
const req = (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(who ? { headers: s[who]?.headers } : {}),
    ...(payload !== undefined ? { payload: payload as Json } : {}),
  });

async function select(programmeId: string, teacherId: string, school: OrgRow) {
  await h.db
    .insertInto('nominations')
    .values({
      county_id: regionKeyOf(school),
      programme_id: programmeId,
      teacher_id: teacherId,
      school_id: school.id,
      org_path: school.path,
      quota_region_id: regionKeyOf(school),
      quota_org_id: school.id,
      status: 'selected',
      eligibility: '{}',
    })
    .execute();
}

async function programme(who: string, title: string): Promise<string> {
  const r = await req('POST', '/programmes', who, {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    title,
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-30',
    totalSeats: 50,
  });
  if (r.statusCode !== 201) throw new Error(`programme: ${r.statusCode} ${r.body}`);
  return r.json().id as string;
}

async function openClass(
  who: string,
  programmeId: string,
  name: string,
  providerOrg: OrgRow,
): Promise<string> {
  const r = await req('POST', '/classes', who, {
    programmeId,
    name,
    startDate: '2021-09-06',
    endDate: '2021-09-10',
    venue: '报告厅',
    providerOrgId: providerOrg.id,
  });
  if (r.statusCode !== 201) throw new Error(`class: ${r.statusCode} ${r.body}`);
  return r.json().id as string;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, CLOCK);
  schoolQ = await schoolIn(h.db, '清城');
  schoolY = await schoolIn(h.db, '英德');
  provider = await orgByName(h.db, 'provider', '');
  provider2 = await orgByName(h.db, 'provider', '第二师范');
  for (let i = 0; i < 3; i++) {
    const id = (await buildTeacher(h.db, schoolQ)).id;
    teacherQ.push(id);
    await buildAccount(h.db, `tq${i}`, 'teacher', schoolQ, id);
  }
  teacherY = (await buildTeacher(h.db, schoolY)).id;
  await buildAccount(h.db, 'ty', 'teacher', schoolY, teacherY);
  await buildAccount(h.db, 'provider2', 'provider_staff', provider2);
  for (const u of [
    'city',
    'qingcheng',
    'yingde',
    'provider',
    'provider2',
    'tq0',
    'tq1',
    'tq2',
    'ty',
    'school',
  ])
    s[u] = await login(t.app, u);

  cityProgramme = await programme('city', '市级乡村骨干教师培训');
  countyProgramme = await programme('qingcheng', '清城区校本研修骨干');
  for (const id of teacherQ) await select(cityProgramme, id, schoolQ);
  await select(cityProgramme, teacherY, schoolY);
  await select(countyProgramme, teacherQ[2] ?? '', schoolQ);
  classA = await openClass('city', cityProgramme, 'A 班', provider);
  classB = await openClass('city', cityProgramme, 'B 班', provider2);
  classQ = await openClass('qingcheng', countyProgramme, '清城 1 班', provider);
  const e = await req('POST', `/classes/${classA}/enrolments`, 'provider', {
    teacherIds: [teacherQ[0], teacherQ[1], teacherY],
  });
  expect(e.json()).toMatchObject({ enrolled: 3 });
  await req('POST', `/classes/${classB}/enrolments`, 'provider2', {});
  await req('POST', `/classes/${classQ}/enrolments`, 'provider', {});
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('scope', () => {
  it('401 without a session; the provider of another class gets 404 on read, display and live board', async () => {
    expect((await req('GET', `/classes/${classA}`)).statusCode).toBe(401);
    expect((await req('GET', `/classes/${classA}`, 'provider2')).statusCode).toBe(404);
    expect((await req('GET', `/classes/${classA}/checkin-display?slot=arrive`, 'provider2')).statusCode).toBe(
      404,
    );
    expect((await req('GET', `/classes/${classA}/live?slot=arrive`, 'provider2')).statusCode).toBe(404);
    expect(
      (
        await req('POST', `/classes/${classA}/sessions`, 'provider2', {
          date: '2021-09-06',
          startsAt: '09:00',
          endsAt: '10:00',
          title: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const list = (await req('GET', '/classes', 'provider2')).json() as Array<{ id: string }>;
    expect(list.map((c) => c.id)).toEqual([classB]);
  });

  it("a county admin of another county gets 404 on that county's own class", async () => {
    expect((await req('GET', `/classes/${classQ}`, 'yingde')).statusCode).toBe(404);
    expect((await req('GET', `/classes/${classQ}/enrolments`, 'yingde')).statusCode).toBe(404);
    expect((await req('GET', `/classes/${classQ}`, 'qingcheng')).statusCode).toBe(200);
  });

  it("in the city's class, a county sees only its own trainees and cannot manage (403)", async () => {
    const mine = (await req('GET', `/classes/${classA}/enrolments`, 'yingde')).json() as Array<{
      teacherId: string;
    }>;
    expect(mine.map((e) => e.teacherId)).toEqual([teacherY]);
    const all = (await req('GET', `/classes/${classA}/enrolments`, 'provider')).json() as unknown[];
    expect(all).toHaveLength(3);
    expect((await req('GET', `/classes/${classA}/checkin-display?slot=arrive`, 'yingde')).statusCode).toBe(
      403,
    );
    expect(
      (
        await req('POST', `/classes/${classA}/documents`, 'yingde', {
          kind: 'bulletin',
          submittedOn: '2021-09-06',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await req('POST', '/classes', 'yingde', {
          programmeId: cityProgramme,
          name: 'x',
          startDate: '2021-09-06',
          endDate: '2021-09-07',
          providerOrgId: provider.id,
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a teacher cannot read class staff pages (403) nor display codes', async () => {
    expect((await req('GET', `/classes/${classA}`, 'tq0')).statusCode).toBe(403);
    expect((await req('GET', `/classes/${classA}/checkin-display?slot=arrive`, 'tq0')).statusCode).toBe(403);
  });
});

describe('check-in over HTTP', () => {
  it('display → teacher checks in by token → again: 已签到 (200, same time); CSRF is required', async () => {
    const d = (await req('GET', `/classes/${classA}/checkin-display?slot=arrive`, 'provider')).json() as {
      token: string;
      path: string;
      shortCode: string;
    };
    expect(d.path).toMatch(/^\/checkin\?t=/);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/v1/checkin',
      headers: { cookie: s.tq0?.cookie ?? '' },
      payload: { t: d.token },
    });
    expect(noCsrf.statusCode).toBe(403);
    const first = await req('POST', '/checkin', 'tq0', { t: d.token });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'checked_in', className: 'A 班' });
    const again = await req('POST', '/checkin', 'tq0', { t: d.token });
    expect(again.json()).toMatchObject({ status: 'already', checkedAt: first.json().checkedAt });
    expect(again.json().message).toContain('已签到');
  });

  it("a teacher cannot check in with another class's code (403 naming R-004-12) nor for a class they are not in", async () => {
    const b = (await req('GET', `/classes/${classB}/checkin-display?slot=arrive`, 'provider2')).json() as {
      token: string;
    };
    const r = await req('POST', '/checkin', 'tq1', { t: b.token });
    expect(r.statusCode).toBe(403);
    expect(r.json().error.details).toMatchObject({ reason: 'other_class', ruleId: 'R-004-12' });
    expect(r.json().error.message).toContain('B 班');
    const q = (await req('GET', `/classes/${classQ}/checkin-display?slot=arrive`, 'provider')).json() as {
      token: string;
    };
    const y = await req('POST', '/checkin', 'ty', { t: q.token });
    expect(y.statusCode).toBe(403);
  });

  it('short code from the phone; bad bodies are 400', async () => {
    const d = (await req('GET', `/classes/${classA}/checkin-display?slot=register`, 'provider')).json() as {
      shortCode: string;
    };
    const r = await req('POST', '/checkin', 'ty', { code: d.shortCode });
    expect(r.json()).toMatchObject({ status: 'checked_in', slot: 'register', slotLabel: '注册' });
    expect((await req('POST', '/checkin', 'ty', {})).statusCode).toBe(400);
    expect((await req('POST', '/checkin', 'ty', { code: '12ab56' })).statusCode).toBe(400);
    expect((await req('POST', '/checkin', 'ty', { t: 'not-a-token' })).json().error.details).toMatchObject({
      reason: 'invalid',
    });
  });

  it('the live board and my classes', async () => {
    const live = (await req('GET', `/classes/${classA}/live?slot=arrive`, 'provider')).json();
    expect(live).toMatchObject({ total: 3, checkedIn: 1 });
    expect(live.notYet).toHaveLength(2);
    const mine = (await req('GET', '/my/classes', 'tq0')).json() as Array<{
      classId: string;
      arrivedAt: string | null;
    }>;
    expect(mine).toEqual([expect.objectContaining({ classId: classA, arrivedAt: expect.any(String) })]);
  });

  it('class alerts are scoped: the other provider sees only its class', async () => {
    const alerts = (await req('GET', '/class-alerts', 'provider2')).json() as Array<{
      classId: string;
      ruleId: string;
    }>;
    expect(new Set(alerts.map((a) => a.classId))).toEqual(new Set([classB]));
    expect(alerts.some((a) => a.ruleId === 'R-004-10')).toBe(true);
  });
});

// ── authperf: the provider choice of the 开班 form ──
describe('GET /api/v1/class-providers', () => {
  it('401 without a session; 403 for provider staff and teachers (they cannot open a class); 200 lists every provider for a bureau', async () => {
    expect((await req('GET', '/class-providers')).statusCode).toBe(401);
    expect((await req('GET', '/class-providers', 'provider')).statusCode).toBe(403);
    expect((await req('GET', '/class-providers', 'tq0')).statusCode).toBe(403);
    for (const who of ['city', 'qingcheng']) {
      const res = await req('GET', '/class-providers', who);
      expect(res.statusCode).toBe(200);
      expect(res.json().map((p: Json) => p.id)).toEqual(expect.arrayContaining([provider.id, provider2.id]));
    }
  });
});
