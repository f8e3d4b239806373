/**
 * Score uploads: core's CSV fast path gives the same dry run as the general path (results and
 * errors), and dry runs are stored in the database (migration 0011) so that a commit works on another service
 * instance (a restart, a second process), once only, before expiry, all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import { buildTestApp, login, orgByName, schoolIn, seedRegion, thrown } from '../../test/factories';
import { ITEMS_CSV, multipartFiles, scoresCsv } from '../../test/fixtures/exam-files';
import { encodeGbk } from '../../test/fixtures/import-files';
import { createAuditService } from '../audit';
import type { OrgRow } from '../org';
import { createExamsRepository, createExamsService, type ExamsService, type ExamsServiceDeps } from './index';
import { decodeStaged, encodeStaged, type StagedRows } from './upload/staging';
import { UPLOAD_RETAIN_MS, UPLOAD_TTL_MS, UPLOADS_LIVE_PER_EXAM } from './upload/upload-settings';

let h: DatabaseHandle;
let city: OrgRow;
let county: OrgRow;
let a: OrgRow;
let a2: OrgRow;
let b: OrgRow;
let now = new Date('2026-11-23T08:00:00Z');
const clock = () => now;

const actor = (role: Actor['grants'][number]['role'], org: OrgRow, accountId = '1'): Actor => ({
  accountId,
  username: `${role}@${org.id}`,
  displayName: role,
  teacherId: null,
  requestId: 'test',
  ip: null,
  grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
});

/** A service instance as a freshly started server process would build it (nothing in memory). */
const instance = (extra: Partial<ExamsServiceDeps> = {}): ExamsService =>
  createExamsService({
    db: h.db,
    repo: createExamsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    clock,
    ...extra,
  });

const boss = () => actor('bureau_admin', city);

async function newExam(svc: ExamsService, owner: OrgRow = city) {
  return svc.createExam(actor('bureau_admin', city), {
    name: '上传测试',
    semester: '2026-2027-1',
    stage: 'primary',
    subject: 'math',
    grade: '六年级',
    fullMarks: 100,
    kind: 'routine',
    ownerOrgId: owner.id,
  });
}

const files = (scores: string | Buffer, name = 'scores.csv', prior?: string) => ({
  scores: { name, buf: Buffer.isBuffer(scores) ? scores : Buffer.from(scores) },
  items: { name: 'items.csv', buf: Buffer.from(ITEMS_CSV) },
  ...(prior ? { prior: { name: 'prior.csv', buf: Buffer.from(prior) } } : {}),
});

async function stored(id: string) {
  return h.db.selectFrom('exam_uploads').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const plain = (s: StagedRows) => ({
  ...s,
  school: [...s.school],
  klass: [...s.klass],
  row: [...s.row],
  prior: [...s.prior].map((x) => (Number.isNaN(x) ? null : x)),
  scores: [...s.scores],
});

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  city = await orgByName(h.db, 'city', '清远');
  county = await orgByName(h.db, 'county', '清城');
  a = await schoolIn(h.db, '清城', 0);
  a2 = await schoolIn(h.db, '清城', 1);
  b = await schoolIn(h.db, '英德', 0);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('CSV fast path in the upload service = the general path', () => {
  const base = () =>
    scoresCsv([
      { key: a.name, count: 7, level: 0.8 },
      { key: b.code ?? b.name, count: 6, level: 0.4 },
      { key: a2.name, count: 5, level: 0.6 },
    ]);
  const header = 'student_id,school,class,Q1,Q2,Q3,Q4,Q5';
  const cases: Array<[string, () => string | Buffer, string?]> = [
    ['a plain sheet (schools by name and by 学校标识码)', base],
    [
      'CRLF line ends, half points, blank cells, an absent student',
      () =>
        `${header}\r\nX1,${a.name},1班,1.5,2,,4,5\r\nX2,${a.name},1班,,,,,\r\nX3,${b.name},2班,20,20,20,20,19.5\r\n`,
    ],
    ['with a prior sheet', base],
    ['a UTF-8 BOM', () => `\uFEFF${base()}`],
    ['GBK (as Excel on Chinese Windows saves it)', () => encodeGbk(base())],
    ['quoted cells', () => `${header}\n"X1","${a.name}",1班,1,2,3,4,5\nX2,${a.name},"1班",5,4,3,2,1\n`],
    [
      'a score above the maximum',
      () => `${header}\nX1,${a.name},1班,21,2,3,4,5\nX2,${a.name},1班,1,2,3,4,5\n`,
    ],
    [
      'a word and a negative number in score cells',
      () => `${header}\nX1,${a.name},1班,abc,2,3,4,5\nX2,${a.name},1班,-1,2,3,4,5\n`,
    ],
    ['缺考 marked in words', () => `${header}\nX1,${a.name},1班,缺考,,,,\nX2,${a.name},1班,1,2,3,4,5\n`],
    ['a duplicate student', () => `${header}\nX1,${a.name},1班,1,2,3,4,5\nX1,${a.name},1班,1,2,3,4,5\n`],
    [
      'an unknown school, and a school outside the exam’s county',
      () => `${header}\nX1,无此学校,1班,1,2,3,4,5\nX2,${b.name},1班,1,2,3,4,5\n`,
    ],
    [
      'a missing class and cells beyond the header',
      () => `${header}\nX1,${a.name},,1,2,3,4,5\nX2,${a.name},1班,1,2,3,4,5,6\n`,
    ],
    ['a header without an item', () => `student_id,school,class,Q1,Q2,Q3,Q4\nX1,${a.name},1班,1,2,3,4\n`],
    [
      'hardening: identifiers against their rules (a 900-character id, an emoji id, an emoji class)',
      () =>
        `${header}\n${'9'.repeat(900)},${a.name},1班,1,2,3,4,5\nX😀,${a.name},1班,1,2,3,4,5\nX3,${a.name},1班🎉,1,2,3,4,5\nX4,${a.name},1班,1,2,3,4,5\n`,
    ],
  ];
  for (const [name, make, prior] of cases) {
    it(name, async () => {
      const fast = instance();
      const general = instance({ scoreFastPath: false });
      // a county-owned exam, so that a school of another county is out of the exam's range
      const owner = name.includes('outside') ? county : city;
      const e = await newExam(fast, owner);
      const p =
        prior ?? (name.includes('prior') ? 'student_id,prior_score\nS0-0,71.5\nS1-2,40\n' : undefined);
      const u1 = await fast.upload(boss(), e.id, files(make(), 'scores.csv', p));
      const u2 = await general.upload(boss(), e.id, files(make(), 'scores.csv', p));
      const { id: _1, expiresAt: _e1, ...s1 } = u1;
      const { id: _2, expiresAt: _e2, ...s2 } = u2;
      expect(s1).toEqual(s2);
      const r1 = await stored(u1.id);
      const r2 = await stored(u2.id);
      expect(r1.errors).toEqual(r2.errors);
      expect(r1.items).toEqual(r2.items);
      expect(r1.payload === null).toBe(r2.payload === null);
      if (r1.payload && r2.payload)
        expect(plain(decodeStaged(r1.payload))).toEqual(plain(decodeStaged(r2.payload)));
      if (name.startsWith('a plain')) {
        expect(u1.ok).toBe(true);
        expect(u1.students).toBe(18);
        expect(u1.schools).toBe(3);
      }
      if (name.includes('prior')) expect(u1.withPrior).toBe(2);
      if (name.includes('above'))
        expect(u1.errors[0]).toMatchObject({ row: 2, column: 'Q1', rule: 'ABOVE_MAX' });
      if (name.includes('outside'))
        expect(u1.errors.map((x) => x.rule)).toEqual(['UNKNOWN_SCHOOL', 'SCHOOL_OUT_OF_SCOPE']);
      if (name.includes('identifiers'))
        expect(u1.errors.map((x) => [x.row, x.column, x.rule])).toEqual([
          [2, 'student_id', 'STUDENT_ID_FORMAT'],
          [3, 'student_id', 'STUDENT_ID_FORMAT'],
          [4, 'class', 'TEXT_FORMAT'],
        ]);
    });
  }

  it('an .xlsx sheet and the same CSV give the same rows', async () => {
    const svc = instance();
    const e = await newExam(svc);
    const text = base();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成绩');
    text
      .trimEnd()
      .split('\n')
      .forEach((line, r) => {
        ws.addRow(line.split(',').map((c, i) => (r > 0 && i >= 3 && c !== '' ? Number(c) : c)));
      });
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const u1 = await svc.upload(boss(), e.id, files(text));
    const u2 = await svc.upload(boss(), e.id, files(xlsx, 'scores.xlsx'));
    expect([u1.errors, u2.errors]).toEqual([[], []]);
    const p1 = (await stored(u1.id)).payload;
    const p2 = (await stored(u2.id)).payload;
    expect(plain(decodeStaged(p1 as Uint8Array))).toEqual(plain(decodeStaged(p2 as Uint8Array)));
  });
});

describe('stored dry runs (exam_uploads)', () => {
  it('a dry run made by one instance is committed by another (a restart), and the rows are the uploaded ones', async () => {
    const before = instance();
    const e = await newExam(before);
    const csv = scoresCsv(
      [
        { key: a.name, count: 9, level: 0.7 },
        { key: b.name, count: 8, level: 0.5 },
      ],
      'S',
      [`S9-0,${a.name},3班,,,,,`],
    );
    const u = await before.upload(
      boss(),
      e.id,
      files(csv, 'scores.csv', 'student_id,prior_score\nS0-1,66.5\n'),
    );
    expect(u).toMatchObject({ ok: true, students: 17, absent: 1, withPrior: 1, committed: false });
    expect(u.expiresAt).toBe(new Date(now.getTime() + UPLOAD_TTL_MS).toISOString());
    // keyed by the exam owner's region key (a city-level owner: the city)
    const row = await stored(u.id);
    expect(row.county_id).toBe(city.id);
    expect(row.payload_bytes).toBeGreaterThan(0);

    const after = instance(); // nothing of `before` survives
    const done = await after.commit(boss(), e.id, u.id);
    expect(done).toMatchObject({ ok: true, committed: true, students: 17, absent: 1 });
    const rows = await h.db
      .selectFrom('exam_students')
      .selectAll()
      .where('exam_id', '=', e.id)
      .orderBy('source_row')
      .execute();
    expect(rows).toHaveLength(18);
    const first = rows[0];
    expect(first).toMatchObject({
      county_id: a.county_id,
      student_id: 'S0-0',
      school_id: a.id,
      school_path: a.path,
      class_name: '1班',
      absent: false,
      source_row: 2,
    });
    const line = csv.split('\n')[1]?.split(',') ?? [];
    expect(first?.scores).toEqual(line.slice(3).map(Number));
    expect(first?.total).toBe(line.slice(3).reduce((x, y) => x + Number(y), 0));
    expect(rows.find((r) => r.student_id === 'S0-1')?.prior_score).toBe(66.5);
    const absent = rows.find((r) => r.student_id === 'S9-0');
    expect(absent).toMatchObject({ absent: true, total: null, scores: null, class_name: '3班' });
    expect(rows.filter((r) => r.school_id === b.id).every((r) => r.county_id === b.county_id)).toBe(true);
    // the payload is gone once written; the row stays to say so
    const after2 = await stored(u.id);
    expect(after2.payload).toBeNull();
    expect(after2.committed_at).not.toBeNull();
    expect((await after.report(boss(), e.id)).overall.n).toBe(17);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'exam.scores.commit')
      .where('entity_id', '=', e.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('writes decimal scores exactly (the float8[] literal round-trips every double)', async () => {
    const svc = instance();
    const e = await newExam(svc);
    const cells = ['0.1', '19.99', '3.333333333333333', '0.5', '7.000000000000001'];
    const csv = `student_id,school,class,Q1,Q2,Q3,Q4,Q5\nD1,${a.name},1班,${cells.join(',')}\nD2,${a.name},1班,20,0,0,0,0\n`;
    const u = await svc.upload(boss(), e.id, files(csv));
    await instance().commit(boss(), e.id, u.id);
    const rows = await h.db
      .selectFrom('exam_students')
      .select(['student_id', 'scores', 'total'])
      .where('exam_id', '=', e.id)
      .orderBy('student_id')
      .execute();
    expect(rows[0]?.scores).toEqual(cells.map(Number));
    expect(rows[0]?.total).toBe(cells.map(Number).reduce((x, y) => x + y, 0));
    expect(rows[1]?.scores).toEqual([20, 0, 0, 0, 0]);
  });

  it('refuses a second commit of the same dry run, on any instance, with a clear error', async () => {
    const s1 = instance();
    const e = await newExam(s1);
    const u = await s1.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 4, level: 0.5 }])));
    await s1.commit(boss(), e.id, u.id);
    for (const s of [s1, instance()]) {
      const err = await thrown(s.commit(boss(), e.id, u.id));
      expect(err.status).toBe(409);
      expect(err.message).toContain('不能重复写入');
      expect(err.details).toMatchObject({ reason: 'UPLOAD_COMMITTED' });
    }
  });

  it('two instances committing the same dry run at once write it once', async () => {
    const s0 = instance();
    const e = await newExam(s0);
    const u = await s0.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 30, level: 0.5 }])));
    const results = await Promise.allSettled([
      instance().commit(boss(), e.id, u.id),
      instance().commit(boss(), e.id, u.id),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.details).toMatchObject({ reason: 'UPLOAD_COMMITTED' });
    const n = await h.db
      .selectFrom('exam_students')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('exam_id', '=', e.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(30);
  });

  it('expires: commit works until the last millisecond and is refused after (TTL boundary both sides)', async () => {
    const svc = instance();
    const e = await newExam(svc);
    const t0 = now;
    const u1 = await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 3, level: 0.5 }])));
    const u2 = await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 5, level: 0.5 }])));
    try {
      now = new Date(t0.getTime() + UPLOAD_TTL_MS - 1);
      expect((await instance().commit(boss(), e.id, u1.id)).committed).toBe(true);
      now = new Date(t0.getTime() + UPLOAD_TTL_MS);
      const err = await thrown(instance().commit(boss(), e.id, u2.id));
      expect(err.status).toBe(409);
      expect(err.message).toContain('过期');
      expect(err.details).toMatchObject({ reason: 'UPLOAD_EXPIRED' });
      expect((await thrown(svc.uploadErrorsWorkbook(boss(), e.id, u2.id))).details).toMatchObject({
        reason: 'UPLOAD_EXPIRED',
      });
      // the data of the first commit stand
      expect((await svc.report(boss(), e.id)).overall.n).toBe(3);
    } finally {
      now = t0;
    }
  });

  it('a TTL can be configured; the cleanup drops expired payloads at once and the rows after the retention', async () => {
    const svc = instance({ uploadTtlMs: 60_000 });
    const e = await newExam(svc);
    const t0 = now;
    try {
      const old = await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 3, level: 0.5 }])));
      expect((await stored(old.id)).payload).not.toBeNull();
      now = new Date(t0.getTime() + 60_000); // expired; the next upload cleans up
      await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 2, level: 0.5 }])));
      const cleaned = await stored(old.id);
      expect(cleaned.payload).toBeNull();
      expect(cleaned.errors).toEqual([]);
      expect((await thrown(svc.commit(boss(), e.id, old.id))).details).toMatchObject({
        reason: 'UPLOAD_EXPIRED',
      });
      now = new Date(t0.getTime() + 60_000 + UPLOAD_RETAIN_MS - 1);
      await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 2, level: 0.5 }])));
      expect(
        await h.db.selectFrom('exam_uploads').select('id').where('id', '=', old.id).execute(),
      ).toHaveLength(1);
      now = new Date(t0.getTime() + 60_000 + UPLOAD_RETAIN_MS);
      await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 2, level: 0.5 }])));
      expect(
        await h.db.selectFrom('exam_uploads').select('id').where('id', '=', old.id).execute(),
      ).toHaveLength(0);
      // now unknown: 404
      expect((await thrown(svc.commit(boss(), e.id, old.id))).status).toBe(404);
    } finally {
      now = t0;
    }
  });

  it(`keeps at most ${UPLOADS_LIVE_PER_EXAM} uncommitted dry runs per exam: an older one is superseded`, async () => {
    const svc = instance();
    const e = await newExam(svc);
    const ids: string[] = [];
    for (let i = 0; i <= UPLOADS_LIVE_PER_EXAM; i++) {
      now = new Date(now.getTime() + 1000);
      ids.push(
        (await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 2, level: 0.5 }])))).id,
      );
    }
    const err = await thrown(svc.commit(boss(), e.id, ids[0] as string));
    expect(err.details).toMatchObject({ reason: 'UPLOAD_SUPERSEDED' });
    expect((await svc.commit(boss(), e.id, ids[1] as string)).committed).toBe(true);
  });

  it('all or nothing: a commit that fails half-way leaves the old rows and the dry run uncommitted', async () => {
    const svc = instance();
    const e = await newExam(svc);
    const u1 = await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 6, level: 0.5 }])));
    await svc.commit(boss(), e.id, u1.id);
    // a dry run whose last row cannot be written (a region key that is not a bigint): the INSERT fails after the
    // DELETE of the old rows, in the same transaction
    const u2 = await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 7, level: 0.9 }])));
    const s = decodeStaged((await stored(u2.id)).payload as Uint8Array);
    const broken: StagedRows = {
      ...s,
      schools: [...s.schools, { id: a.id, countyId: 'not-a-region', path: a.path }],
      school: s.school.map((k, i) => (i === 6 ? s.schools.length : k)),
    };
    await h.db
      .updateTable('exam_uploads')
      .set({ payload: encodeStaged(broken) })
      .where('id', '=', u2.id)
      .execute();
    await expect(svc.commit(boss(), e.id, u2.id)).rejects.toThrow();
    const rows = await h.db
      .selectFrom('exam_students')
      .select('student_id')
      .where('exam_id', '=', e.id)
      .execute();
    expect(rows).toHaveLength(6);
    expect((await stored(u2.id)).committed_at).toBeNull();
    expect((await svc.report(boss(), e.id)).overall.n).toBe(6);
  });

  it('a dry run belongs to its uploader and exam; a dry run with errors is refused and its errors kept', async () => {
    const svc = instance();
    const e = await newExam(svc, county);
    const other = await newExam(svc, county);
    const u = await svc.upload(boss(), e.id, files(scoresCsv([{ key: a.name, count: 3, level: 0.5 }])));
    expect((await stored(u.id)).county_id).toBe(county.id); // a county's exam: the county's region key
    expect((await thrown(instance().commit(actor('bureau_admin', city, '2'), e.id, u.id))).status).toBe(404);
    expect((await thrown(instance().commit(boss(), other.id, u.id))).status).toBe(404);
    expect((await thrown(instance().commit(boss(), e.id, 'no such id!'))).status).toBe(404);
    // another county's admin cannot reach the exam at all
    const yingde = await orgByName(h.db, 'county', '英德');
    expect((await thrown(instance().commit(actor('bureau_admin', yingde, '1'), e.id, u.id))).status).toBe(
      404,
    );
    const bad = await svc.upload(
      boss(),
      e.id,
      files(`student_id,school,class,Q1,Q2,Q3,Q4,Q5\nX1,${a.name},1班,99,2,3,4,5\n`),
    );
    expect((await stored(bad.id)).payload).toBeNull();
    expect((await thrown(instance().commit(boss(), e.id, bad.id))).code).toBe('IMPORT_HAS_ERRORS');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await instance().uploadErrorsWorkbook(boss(), e.id, bad.id)).body as unknown as ArrayBuffer,
    );
    // 文件 / 行号 / 列 / 值 / 问题 / 说明 / 规则代码: the rule in words, its code last
    expect(wb.worksheets[0]?.getRow(2).getCell(5).value).toBe('得分超过满分');
    expect(wb.worksheets[0]?.getRow(2).getCell(7).value).toBe('ABOVE_MAX');
  });
});

describe('routes: a dry run through one app, the commit through another (a second server process)', () => {
  it('commits on app B, refuses the second commit with 409 CONFLICT, and another county gets 404', async () => {
    const appA = await buildTestApp(h.db, clock);
    const appB = await buildTestApp(h.db, clock);
    const cityA = await login(appA.app, 'city');
    const yingde = await login(appB.app, 'yingde');
    const e = await newExam(appA.services.exams, county); // 清城's exam: 英德 is another county
    const { payload, contentType } = multipartFiles({
      scores: { name: 'scores.csv', body: scoresCsv([{ key: a.name, count: 11, level: 0.6 }]) },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    const up = await appA.app.inject({
      method: 'POST',
      url: `/api/v1/exams/${e.id}/uploads`,
      headers: { ...cityA.headers, 'content-type': contentType },
      payload,
    });
    expect(up.statusCode).toBe(200);
    const uploadId = (up.json() as { id: string }).id;
    const commitOn = (app: typeof appA, who: typeof cityA) =>
      app.app.inject({
        method: 'POST',
        url: `/api/v1/exams/${e.id}/uploads/${uploadId}/commit`,
        headers: who.headers,
      });
    // the session lives in the database too: the same cookie works on app B
    expect((await commitOn(appB, yingde)).statusCode).toBe(404);
    const ok = await commitOn(appB, cityA);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ committed: true, students: 11 });
    const again = await commitOn(appA, cityA);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: 'CONFLICT', details: { reason: 'UPLOAD_COMMITTED' } },
    });
    await appA.app.close();
    await appB.app.close();
  });
});

describe('exams.staging codec', () => {
  it('round-trips every field exactly (NaN = no prior; scores only for present rows)', () => {
    const s: StagedRows = {
      m: 3,
      present: 2,
      studentIds: ['甲1', 'b', 'c'],
      classNames: ['1班', '二班'],
      schools: [{ id: '7', countyId: '3', path: '/1/3/7/' }],
      school: Int32Array.from([0, 0, 0]),
      klass: Int32Array.from([0, 1, 1]),
      row: Int32Array.from([2, 3, 9]),
      prior: Float64Array.from([Number.NaN, 0.1, Number.NaN]),
      scores: Float64Array.from([0.1, 0.2, 1e-15, 5, 0, 123456789.125]),
    };
    const back = decodeStaged(encodeStaged(s));
    expect(plain(back)).toEqual(plain(s));
    // whole and half points (stored as u16 of twice the score), up to the u16 limit, and an odd row count
    for (const scores of [
      [0, 0.5, 1, 19.5, 32767.5, 3],
      [0, 0.5, 1, 19.5, 32768, 3], // one above: stored as f64
      [0, -0, 1, 2, 3, 4], // -0 kept as -0 (f64)
      [0, 0.25, 1, 2, 3, 4],
    ]) {
      const t = { ...s, scores: Float64Array.from(scores) };
      const r = decodeStaged(encodeStaged(t));
      expect(plain(r)).toEqual(plain(t));
      expect(Object.is(r.scores[1], scores[1])).toBe(true);
    }
    const halves = encodeStaged({ ...s, scores: Float64Array.from([1, 2, 3, 4, 5, 6]) });
    const f64 = encodeStaged({ ...s, scores: Float64Array.from([1, 2, 3, 4, 5, 6.1]) });
    expect(halves.length).toBeLessThanOrEqual(f64.length);
    expect(() => decodeStaged(new Uint8Array([1, 2, 3]))).toThrow();
  });
});
