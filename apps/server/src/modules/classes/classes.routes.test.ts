import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassWorld } from '../../test/fixtures/class-world';
import type { OrgRow } from '../org';

/** The first day of the classes below, 09:00 in Shanghai (check-in is open). */
const CLOCK = () => new Date('2021-09-06T01:00:00Z');

let cityProgramme: string;
let countyProgramme: string;
let classA: string; // city programme, provider 1, teachers of 清城 and 英德
let classB: string; // city programme, provider 2
let classQ: string; // 清城's own programme

type Json = Record<string, unknown>;
type World = Awaited<ReturnType<typeof buildClassWorld>>;
let h: World['h'];
let t: World['t'];
let s: World['s'];
let schoolQ: OrgRow;
let schoolY: OrgRow;
let provider: OrgRow;
let provider2: OrgRow;
let teacherQ: string[];
let teacherY: string;
let req: World['req'];
let select: World['select'];
let programme: World['programme'];
let openClass: World['openClass'];

beforeAll(async () => {
  ({ h, t, s, schoolQ, schoolY, provider, provider2, teacherQ, teacherY, req, select, programme, openClass } =
    await buildClassWorld(CLOCK));

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
      open: boolean;
      opensOn: string;
      closesOn: string;
    };
    expect(d.path).toMatch(/^\/checkin\?t=/);
    // Y-004-CHECKIN-OPEN: the screen also says from when to when check-in is open (one day before the start)
    expect(d).toMatchObject({ open: true, opensOn: '2021-09-05', closesOn: '2021-09-10' });
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
