import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassWorld } from '../../test/fixtures/class-world';
import { multipart } from '../../test/fixtures/import-files';
import { errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

/** The last day of the classes below, 09:00 in Shanghai: outcomes are open and completion may run. */
const CLOCK = () => new Date('2021-09-10T01:00:00Z');
const KEY = 'demonstration_lesson';

let classA: string; // city programme, provider 1: tq0, tq1 (清城) and ty (英德)
let classQ: string; // 清城's own programme: tq2
let subTq0: string;

type Json = Record<string, unknown>;
type World = Awaited<ReturnType<typeof buildClassWorld>>;
let h: World['h'];
let t: World['t'];
let s: World['s'];
let schoolQ: OrgRow;
let schoolY: OrgRow;
let provider: OrgRow;
let teacherQ: string[];
let teacherY: string;
let req: World['req'];
let select: World['select'];
let programme: World['programme'];
let openClass: World['openClass'];

const upload = (who: string, classId: string, body: Buffer, name = '示范课.pdf') => {
  const { payload, contentType } = multipart({}, { name, body });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/classes/${classId}/outcomes/${KEY}/file`,
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
};

beforeAll(async () => {
  ({ h, t, s, schoolQ, schoolY, provider, teacherQ, teacherY, req, select, programme, openClass } =
    await buildClassWorld(CLOCK, [['trainer1', 'trainer', 'provider']]));
  const cityProgramme = await programme('city', '市级乡村骨干教师培训');
  const countyProgramme = await programme('qingcheng', '清城区骨干教师培训');
  for (const id of [teacherQ[0], teacherQ[1]]) await select(cityProgramme, id ?? '', schoolQ);
  await select(cityProgramme, teacherY, schoolY);
  await select(countyProgramme, teacherQ[2] ?? '', schoolQ);
  classA = await openClass('city', cityProgramme, 'A 班', provider);
  classQ = await openClass('qingcheng', countyProgramme, '清城 1 班', provider);
  await req('POST', `/classes/${classA}/enrolments`, 'provider', {});
  await req('POST', `/classes/${classQ}/enrolments`, 'provider', {});
  await req('POST', `/classes/${classA}/attendance`, 'provider', { teacherId: teacherQ[0], slot: 'arrive' });
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('teacher side', () => {
  it('401 without a session; a trainee uploads a PDF (201); a teacher of another class is refused (403, R-004-16)', async () => {
    expect((await req('GET', '/me/training')).statusCode).toBe(401);
    const ok = await upload('tq0', classA, Buffer.from('%PDF-1.4 示范课'));
    expect(ok.statusCode).toBe(201);
    subTq0 = ok.json().id;
    const other = await upload('tq2', classA, Buffer.from('%PDF-1.4 x'));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.details.ruleId).toBe('R-004-16');
    expect(other.json().error.message).not.toContain('R-004-16');
    const bad = await upload('tq1', classA, Buffer.from('not a pdf'), 'x.pdf');
    expect(bad.statusCode).toBe(400);
    const link = await req('POST', `/classes/${classA}/outcomes/${KEY}/link`, 'ty', {
      link: 'http://x.cn/v',
    });
    expect(link.statusCode).toBe(400);
  });

  it("a teacher sees only their own outcomes: my training, no queue, no one else's file", async () => {
    const mine = await req('GET', '/me/training', 'tq0');
    expect(mine.statusCode).toBe(200);
    const body = mine.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0].requirements[0].current).toMatchObject({ id: subTq0, teacherId: teacherQ[0] });
    expect(body.items[0].attendance).toEqual({ sessions: 1, attended: 1, approvedLeave: 0 });
    const theirs = (await req('GET', '/me/training', 'tq1')).json();
    expect(theirs.items[0].requirements[0].current).toBeNull();
    expect((await req('GET', `/outcomes?classId=${classA}`, 'tq1')).statusCode).toBe(403);
    expect((await req('GET', `/outcomes/${subTq0}/file`, 'tq1')).statusCode).toBe(404);
    const own = await req('GET', `/outcomes/${subTq0}/file`, 'tq0');
    expect(own.statusCode).toBe(200);
    // downloads under the outcome's Chinese name (RFC 5987 filename*), never the requirement key
    const cd = String(own.headers['content-disposition']);
    const name = decodeURIComponent(cd.split("filename*=UTF-8''")[1] ?? '');
    expect(name).toMatch(/^.+-高质量示范课\.pdf$/);
    expect(cd).not.toContain(KEY);
  });
});

describe('review and completion scope', () => {
  it('the provider of another class gets 404 on the queue, review, completion and run', async () => {
    expect((await req('GET', `/outcomes?classId=${classA}`, 'provider2')).statusCode).toBe(404);
    expect(
      (await req('POST', `/outcomes/${subTq0}/review`, 'provider2', { action: 'accept', score: 90 }))
        .statusCode,
    ).toBe(404);
    expect((await req('GET', `/classes/${classA}/completion`, 'provider2')).statusCode).toBe(404);
    expect((await req('POST', `/classes/${classA}/completion/run`, 'provider2')).statusCode).toBe(404);
  });

  it('a county admin cannot review or run (403), and sees no class of another county (404)', async () => {
    expect(
      (await req('POST', `/outcomes/${subTq0}/review`, 'qingcheng', { action: 'accept', score: 90 }))
        .statusCode,
    ).toBe(403);
    expect((await req('POST', `/classes/${classA}/completion/run`, 'yingde')).statusCode).toBe(403);
    expect((await req('GET', `/classes/${classQ}/completion`, 'yingde')).statusCode).toBe(404);
    expect((await req('POST', `/classes/${classQ}/completion/run`, 'yingde')).statusCode).toBe(404);
  });

  it('the class trainer scores it (400 on a score over 100); the provider runs completion; counties see their own', async () => {
    expect(
      (await req('POST', `/outcomes/${subTq0}/review`, 'trainer1', { action: 'accept', score: 101 }))
        .statusCode,
    ).toBe(400);
    const ok = await req('POST', `/outcomes/${subTq0}/review`, 'trainer1', { action: 'accept', score: 90 });
    expect(ok.json()).toMatchObject({ status: 'accepted', score: 90 });
    const run = await req('POST', `/classes/${classA}/completion/run`, 'provider');
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ evaluated: 3, completed: 1, certificatesIssued: 1 });
    const q = (await req('GET', `/classes/${classA}/completion`, 'qingcheng')).json();
    expect(q.rows.map((r: Json) => r.teacherId).sort()).toEqual([teacherQ[0], teacherQ[1]].sort());
    const y = (await req('GET', `/classes/${classA}/completion`, 'yingde')).json();
    expect(y.rows.map((r: Json) => r.teacherId)).toEqual([teacherY]);
  });

  it("certificate: the teacher's own (HTML), not another teacher's; hours on the teacher record for staff in scope", async () => {
    const cert = await req('GET', `/classes/${classA}/completion/${teacherQ[0]}/certificate`, 'tq0');
    expect(cert.statusCode).toBe(200);
    expect(cert.headers['content-type']).toContain('text/html');
    expect(cert.body).toContain('结业证书');
    const pdf = await req('GET', `/classes/${classA}/completion/${teacherQ[0]}/certificate.pdf`, 'tq0');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.includes('NotoSansSC')).toBe(true); // the CJK font is embedded (subset)
    expect(
      (await req('GET', `/classes/${classA}/completion/${teacherQ[0]}/certificate.pdf`, 'tq1')).statusCode,
    ).toBe(404);
    expect(
      (await req('GET', `/classes/${classA}/completion/${teacherQ[0]}/certificate`, 'tq1')).statusCode,
    ).toBe(404);
    const hours = await req('GET', `/teachers/${teacherQ[0]}/hours`, 'qingcheng');
    expect(hours.json()).toMatchObject({ totalTenths: 1500 });
    expect((await req('GET', `/teachers/${teacherQ[0]}/hours`, 'yingde')).statusCode).toBe(404);
    // the teacher reads their own record (their profile's 学时 card), never to reverse; not a classmate's
    const own = await req('GET', `/teachers/${teacherQ[0]}/hours`, 'tq0');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ totalTenths: 1500, canReverse: false });
    expect((await req('GET', `/teachers/${teacherQ[0]}/hours`, 'tq1')).statusCode).toBe(403);
    const id = hours.json().entries[0].id;
    expect((await req('POST', `/hours/${id}/reverse`, 'yingde', { reason: '误登' })).statusCode).toBe(404);
    expect(
      (await req('POST', `/hours/${id}/reverse`, 'qingcheng', { reason: '误登记' })).json(),
    ).toMatchObject({
      totalTenths: 0,
    });
  });
});

describe('hardening: out of scope reads like not found (another county’s trainee in a city class)', () => {
  const UNKNOWN = '987654321';

  it('recording 未结业 for a trainee of another county: 404 exactly as for an unknown teacher, completed or not', async () => {
    const unknown = await req('POST', `/classes/${classA}/completion/${UNKNOWN}/integrity`, 'yingde', {});
    expect(unknown.statusCode).toBe(404);
    // tq0 has completed (结业), tq1 has not: neither answer may tell
    for (const id of [teacherQ[0], teacherQ[1]]) {
      const foreign = await req('POST', `/classes/${classA}/completion/${id}/integrity`, 'yingde', {});
      expect(foreign.statusCode, id).toBe(404);
      expect(errorOf(foreign), id).toEqual(errorOf(unknown));
    }
    const count = await h.db
      .selectFrom('integrity_records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("reviewing another county's trainee's outcome: 404 exactly as for an unknown outcome", async () => {
    const body = { action: 'return', comment: '请补充' };
    const unknown = await req('POST', `/outcomes/${UNKNOWN}/review`, 'yingde', body);
    const foreign = await req('POST', `/outcomes/${subTq0}/review`, 'yingde', body);
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
  });
});
