/**
 * The growth archive (教师成长档案, R3-T09) through HTTP: who reads it (the teacher, staff the people module lets
 * read the teacher; out of scope reads exactly like an unknown id), that its sections carry the rows the other
 * modules hold (a completed programme with attendance, posted 学时, an accepted outcome, a certificate with its
 * code, an issued 学时证明, an integrity record), that the sections Yanxun does not record yet are empty, that no
 * full ID number or phone leaves in the JSON or the PDF, and that every PDF export is audited.
 */
import type { TeacherArchive } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, login, orgByName } from '../../test/factories';
import { buildClassWorld } from '../../test/fixtures/class-world';
import { multipart } from '../../test/fixtures/import-files';
import { pdfText } from '../../test/pdf-text';
import { errorOf } from '../../test/routes';
import { createOrgRepository, type OrgRow } from '../org';

/** The last day of the class, 09:00 in Shanghai: completion may run. */
const CLOCK = () => new Date('2021-09-10T01:00:00Z');
const KEY = 'demonstration_lesson';
const TITLE = '市级乡村骨干教师培训';
const OTHER = '县级班主任能力提升培训';

type World = Awaited<ReturnType<typeof buildClassWorld>>;
let w: World;
let tq0: string;
let classA: string;
let certCode = '';
let transcriptCode = '';
let person: { name: string; id_number: string; phone: string | null; school: string };

/** Another school under the same parent (the small demo region of the class world has one per county). */
async function siblingOf(school: OrgRow): Promise<OrgRow> {
  const parentPath = school.path.slice(0, school.path.slice(0, -1).lastIndexOf('/') + 1);
  await w.h.db.transaction().execute((trx) =>
    createOrgRepository(w.h.db).insertSchools(
      [
        {
          code: '2999999999',
          name: '档案测试兄弟学校',
          namePinyin: 'dangan',
          parentId: String(school.parent_id),
          parentPath,
          depth: school.depth,
          provinceId: school.province_id,
          cityId: school.city_id,
          countyId: String(school.county_id),
          stages: [],
          schoolType: null,
          locationType: null,
          groupName: null,
        },
      ],
      trx,
    ),
  );
  return (await w.h.db
    .selectFrom('orgs')
    .selectAll()
    .where('code', '=', '2999999999')
    .executeTakeFirstOrThrow()) as unknown as OrgRow;
}

beforeAll(async () => {
  w = await buildClassWorld(CLOCK);
  const { teacherQ, schoolQ, provider, req, select, programme, openClass } = w;
  tq0 = teacherQ[0] ?? '';
  // a school admin of tq0's school and one of the next school of the same county
  await buildAccount(w.h.db, 'a_school', 'school_admin', schoolQ);
  await buildAccount(w.h.db, 'a_sibling', 'school_admin', await siblingOf(schoolQ));
  // 教师发展中心 staff of the county: read teachers, may not reveal their numbers
  await buildAccount(w.h.db, 'a_tdc', 'tdc_staff', await orgByName(w.h.db, 'county', '清城'));
  for (const u of ['a_school', 'a_sibling', 'a_tdc']) w.s[u] = await login(w.t.app, u);

  // a programme from nomination to completion: attendance, an accepted outcome, 结业 with a certificate and 学时
  const p = await programme('city', TITLE);
  await select(p, tq0, schoolQ);
  classA = await openClass('city', p, 'A 班', provider);
  await req('POST', `/classes/${classA}/enrolments`, 'provider', {});
  await req('POST', `/classes/${classA}/attendance`, 'provider', { teacherId: tq0, slot: 'arrive' });
  const { payload, contentType } = multipart(
    {},
    { name: '示范课.pdf', body: Buffer.from('%PDF-1.4 示范课') },
  );
  const up = await w.t.app.inject({
    method: 'POST',
    url: `/api/v1/classes/${classA}/outcomes/${KEY}/file`,
    headers: { ...w.s.tq0?.headers, 'content-type': contentType },
    payload,
  });
  await req('POST', `/outcomes/${up.json().id}/review`, 'provider', { action: 'accept', score: 90 });
  const run = await req('POST', `/classes/${classA}/completion/run`, 'provider');
  if (run.json().completed !== 1) throw new Error(`completion: ${run.body}`);
  // the certificate's code is made on its first print; a 学时证明 issued by the county
  const cert = await req('GET', `/classes/${classA}/completion/${tq0}/certificate.pdf`, 'tq0');
  certCode = /验证码：([0-9A-Z-]{24})/.exec(pdfText(cert.rawPayload))?.[1] ?? '';
  const tr = await req('POST', `/teachers/${tq0}/transcripts`, 'qingcheng');
  transcriptCode = String(tr.headers['x-verification-code']);

  // a second programme the teacher did not attend: an integrity record (无特殊情况未参训) against it
  const q = await programme('city', OTHER);
  await select(q, tq0, schoolQ);
  const rec = await req('POST', '/integrity-records', 'qingcheng', {
    teacherId: tq0,
    kind: 'no_show',
    recordDate: '2021-09-05',
    programmeId: q,
    evidence: '电话 13900001111 联系未到',
  });
  if (rec.statusCode !== 201) throw new Error(`integrity: ${rec.statusCode} ${rec.body}`);

  person = await w.h.db
    .selectFrom('teachers')
    .innerJoin('orgs', 'orgs.id', 'teachers.school_id')
    .select(['teachers.name', 'teachers.id_number', 'teachers.phone', 'orgs.name as school'])
    .where('teachers.id', '=', tq0)
    .executeTakeFirstOrThrow();
}, 120_000);

afterAll(async () => {
  await w?.t.app.close();
  await w?.h.close();
});

describe('R3-T09: who reads a teacher’s growth archive', () => {
  it('401 without a session', async () => {
    expect((await w.req('GET', `/teachers/${tq0}/archive`)).statusCode).toBe(401);
    expect((await w.req('GET', '/me/archive')).statusCode).toBe(401);
  });

  it('R3-T09: the teacher reads their own, at /me/archive and under their id, the same', async () => {
    const mine = await w.req('GET', '/me/archive', 'tq0');
    expect(mine.statusCode).toBe(200);
    const byId = await w.req('GET', `/teachers/${tq0}/archive`, 'tq0');
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(mine.json());
    expect((mine.json() as TeacherArchive).teacher.name).toBe(person.name);
  });

  it('R3-T09: a school admin of the teacher’s school and the county read it', async () => {
    for (const who of ['a_school', 'qingcheng', 'city']) {
      const r = await w.req('GET', `/teachers/${tq0}/archive`, who);
      expect(r.statusCode, who).toBe(200);
      expect((r.json() as TeacherArchive).teacher.id).toBe(tq0);
    }
  });

  it('R3-T09: another county’s officer, a sibling school and another teacher get 404, the same as an unknown id', async () => {
    const unknown = await w.req('GET', '/teachers/987654321/archive', 'yingde');
    expect(unknown.statusCode).toBe(404);
    for (const who of ['yingde', 'a_sibling', 'tq1', 'provider']) {
      for (const url of [`/teachers/${tq0}/archive`, `/teachers/${tq0}/archive.pdf`]) {
        const r = await w.req('GET', url, who);
        expect(r.statusCode, `${who} ${url}`).toBe(404);
        expect(errorOf(r), `${who} ${url}`).toEqual(errorOf(unknown));
      }
    }
  });

  it('/me/archive is the teacher’s own: a staff account without a teacher gets 403', async () => {
    expect((await w.req('GET', '/me/archive', 'qingcheng')).statusCode).toBe(403);
    expect((await w.req('GET', '/me/archive.pdf', 'qingcheng')).statusCode).toBe(403);
  });
});

describe('R3-T09: the sections carry what the other modules hold', () => {
  it('programmes (nomination, class, attendance, 结业), hours by year and category, the outcome, certificate, 学时证明, integrity record', async () => {
    const a = (await w.req('GET', `/teachers/${tq0}/archive`, 'a_school')).json() as TeacherArchive;
    const done = a.programmes.find((p) => p.programmeTitle === TITLE);
    expect(done).toMatchObject({
      nomination: 'selected',
      classId: classA,
      className: 'A 班',
      year: 2021,
      attendance: { attended: expect.any(Number), sessions: expect.any(Number) },
      completion: { completed: true, hoursTenths: expect.any(Number) },
    });
    expect(done?.completion?.hoursTenths).toBeGreaterThan(0);
    // nominated, never in a class
    expect(a.programmes.find((p) => p.programmeTitle === OTHER)).toMatchObject({
      nomination: 'selected',
      classId: null,
      completion: null,
    });
    // the ledger's evaluation, through the hours module: the completion's hours in 2021-2022, 集中培训
    expect(a.hours.totalTenths).toBe(done?.completion?.hoursTenths);
    const year = a.hours.standing.years.find((y) => y.schoolYear === '2021-2022');
    expect(year?.categories).toContainEqual(
      expect.objectContaining({ category: 'centralized', countedTenths: a.hours.totalTenths }),
    );
    expect(a.outcomes).toEqual([
      expect.objectContaining({ programmeTitle: TITLE, className: 'A 班', status: 'accepted', score: 90 }),
    ]);
    expect(a.certificates).toEqual([
      expect.objectContaining({ programmeTitle: TITLE, revoked: false, verificationCode: certCode }),
    ]);
    expect(certCode).not.toBe('');
    expect(a.documents).toEqual([
      expect.objectContaining({ kind: 'transcript', code: transcriptCode, revokedAt: null }),
    ]);
    expect(a.integrity).toEqual([
      expect.objectContaining({
        kind: 'no_show',
        programmeTitle: OTHER,
        standing: true,
        appealStatus: 'none',
      }),
    ]);
    expect(a.postings.length).toBeGreaterThan(0);
    expect(a.teacher.schoolName).toBe(person.school);
  });

  it('studio and workshop roles, trainer roles, honours and evaluations are empty: not recorded yet (issues 13, 14)', async () => {
    const a = (await w.req('GET', '/me/archive', 'tq0')).json() as TeacherArchive;
    expect(a.studioRoles).toEqual([]);
    expect(a.trainerRoles).toEqual([]);
    expect(a.honours).toEqual([]);
    expect(a.evaluations).toEqual([]);
  });
});

describe('R3-T09: no full ID number or phone; the PDF export', () => {
  it('the JSON holds the last four of the ID number only, never the number, the phone or the integrity evidence', async () => {
    const body = (await w.req('GET', `/teachers/${tq0}/archive`, 'qingcheng')).body;
    expect(body).toContain(`**************${person.id_number.slice(-4)}`);
    expect(body).not.toContain(person.id_number);
    expect(body).not.toContain(person.id_number.slice(0, 6));
    expect(person.phone).toBeTruthy();
    expect(body).not.toContain(person.phone ?? 'phone');
    expect(body).not.toContain('13900001111');
  });

  it('hardening: a role that may not reveal the number gets the list mask, not the last four (its birth date would give the number back)', async () => {
    const mine = (await w.req('GET', '/me/archive', 'tq0')).json() as TeacherArchive;
    expect(mine.teacher.idMasked).toBe(`**************${person.id_number.slice(-4)}`);
    const res = await w.req('GET', `/teachers/${tq0}/archive`, 'a_tdc');
    expect(res.statusCode).toBe(200);
    const a = res.json() as TeacherArchive;
    expect(a.teacher.idMasked).toBe(
      `${person.id_number.slice(0, 4)}${'*'.repeat(13)}${person.id_number.slice(-1)}`,
    );
    expect(res.body).not.toContain(person.id_number.slice(-4));
    const detail = (await w.req('GET', `/teachers/${tq0}`, 'a_tdc')).json();
    expect(detail.canRevealIdNumber).toBe(false);
    expect(detail.idNumberMasked).toBe(a.teacher.idMasked);
  });

  it('the PDF reads back the sections and "暂无记录" for the empty ones, without the ID number or phone; each export audited', async () => {
    const before = await w.h.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'teacher.archive_export')
      .execute();
    for (const [who, url] of [
      ['tq0', '/me/archive.pdf'],
      ['a_school', `/teachers/${tq0}/archive.pdf`],
    ] as const) {
      const res = await w.req('GET', url, who);
      expect(res.statusCode, who).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(String(res.headers['content-disposition'])).toContain('filename*=');
      const text = pdfText(res.rawPayload);
      for (const fact of [
        '教师成长档案',
        person.name,
        `**************${person.id_number.slice(-4)}`,
        person.school,
        TITLE,
        OTHER,
        '已结业',
        '集中培训',
        '2021—2022 学年',
        '已通过',
        certCode,
        transcriptCode,
        '无特殊情况未参训',
        '暂无记录',
        '工作室模块',
      ])
        expect(text, fact).toContain(fact);
      expect(text).toMatch(/继续教育周期 \d{4}—\d{4} 至 \d{4}—\d{4} 学年：/);
      expect(text).not.toMatch(/\b20\d{2}-20\d{2}\b/);
      expect(text).not.toContain(person.id_number);
      expect(text).not.toContain(person.phone ?? 'phone');
      expect(text).not.toContain('13900001111');
    }
    const after = await w.h.db
      .selectFrom('audit_log')
      .select(['actor_name', 'entity_id', 'details'])
      .where('action', '=', 'teacher.archive_export')
      .orderBy('id')
      .execute();
    expect(after.length - before.length).toBe(2);
    expect(after.slice(-2).map((r) => [r.actor_name, r.entity_id])).toEqual([
      ['tq0', tq0],
      ['a_school', tq0],
    ]);
    expect(JSON.stringify(after.at(-1)?.details)).toContain('R3-T09');
  });
});
