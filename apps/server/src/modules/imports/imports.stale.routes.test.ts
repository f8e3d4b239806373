/**
 * A dry run is a promise about the records it will change: the commit writes only if every one of them is still
 * as the dry run saw it and still in the importer's scope, and a dry run expires (IMPORT_DRY_RUN_MINUTES).
 * Route tests on PGlite and, in CI, PostgreSQL 15.
 */
import type { ImportJob } from '@yanxun/contracts';
import { makeIdNumber } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { type Cell, TEACHER_HEADERS, teacherRow, workbook } from '../../test/fixtures/import-files';
import { postImport, postImportCommit, settledImport } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
let now = new Date('2026-12-07T02:00:00Z');
let schoolQ: OrgRow;
let schoolY: OrgRow;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, () => now);
  schoolQ = await schoolIn(h.db, '清城');
  schoolY = await schoolIn(h.db, '英德');
  await buildAccount(h.db, 'stale_city', 'bureau_admin', await orgByName(h.db, 'city', '清远'));
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

let seq = 0;
function row(school: OrgRow, cells: Partial<Record<string, Cell>> = {}): { idNumber: string; row: Cell[] } {
  seq++;
  const idNumber = (cells.idNumber as string | undefined) ?? makeIdNumber('110105', '1988-03-09', 500 + seq);
  return {
    idNumber,
    row: teacherRow({
      idNumber,
      name: '陈思远',
      schoolCode: school.code,
      stage: '小学',
      subject: '语文',
      title: '二级教师',
      teachingStartDate: '2011-09-01',
      ...cells,
    }),
  };
}

async function dryRun(session: Session, rows: Cell[][]): Promise<ImportJob> {
  const res = await postImport(t, session, 'teachers', '教师.xlsx', await workbook(TEACHER_HEADERS, rows));
  expect(res.statusCode, res.body).toBe(202);
  return settledImport(t, session, (res.json() as ImportJob).id);
}

async function committed(session: Session, id: string): Promise<ImportJob> {
  const res = await postImportCommit(t, session, id, 'valid');
  expect(res.statusCode, res.body).toBe(202);
  return settledImport(t, session, id);
}

const teacher = (idNumber: string) =>
  h.db
    .selectFrom('teachers')
    .select(['id', 'name', 'school_id', 'county_id'])
    .where('id_number', '=', idNumber)
    .executeTakeFirst();

describe('hardening: a stale dry run does not write over what changed since', () => {
  it('county B registers the teacher after county A’s dry run: A’s commit is refused and writes nothing', async () => {
    const qingcheng = await login(t.app, 'qingcheng');
    const yingde = await login(t.app, 'yingde');
    const a = row(schoolQ, { name: '林小雨' });
    const jobA = await dryRun(qingcheng, [a.row]);
    expect(jobA).toMatchObject({ status: 'validated', toCreate: 1, errorRows: 0 });
    expect(jobA.expiresAt).not.toBeNull();

    const b = row(schoolY, { idNumber: a.idNumber, name: '林晓宇' });
    const jobB = await dryRun(yingde, [b.row]);
    expect((await committed(yingde, jobB.id)).status).toBe('committed');
    const registered = await teacher(a.idNumber);
    expect(registered).toMatchObject({ name: '林晓宇', school_id: schoolY.id });

    const refused = await postImportCommit(t, qingcheng, jobA.id, 'valid');
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error as { code: string; message: string; details: { reason?: string } };
    expect(error.code).toBe('CONFLICT');
    // it does not confirm that another county holds the number
    expect(error.message).not.toMatch(/英德|林晓宇/);
    expect(await teacher(a.idNumber)).toEqual(registered);
    const job = await t.app.inject({ url: `/api/v1/imports/${jobA.id}`, headers: qingcheng.headers });
    expect((job.json() as ImportJob).status).toBe('failed');
  });

  it('the city transfers the teacher away after the dry run: the county’s commit is refused; the teacher stays moved', async () => {
    const qingcheng = await login(t.app, 'qingcheng');
    const city = await login(t.app, 'stale_city');
    const existing = await h.db
      .selectFrom('teachers')
      .select(['id', 'id_number', 'birth_date', 'name'])
      .where('school_id', '=', schoolQ.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const start = `${Number(existing.birth_date.slice(0, 4)) + 22}-09-01`;
    const rename = row(schoolQ, { idNumber: existing.id_number, name: '改名测试', teachingStartDate: start });
    const dry = await dryRun(qingcheng, [rename.row]);
    expect(dry).toMatchObject({ status: 'validated', toUpdate: 1, errorRows: 0 });

    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/teachers/${existing.id}/transfer`,
      headers: city.headers,
      payload: { schoolId: schoolY.id, date: '2026-12-07', reason: '工作调动' },
    });
    expect(moved.statusCode, moved.body).toBe(200);

    const refused = await postImportCommit(t, qingcheng, dry.id, 'valid');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('CONFLICT');
    expect(await teacher(existing.id_number)).toMatchObject({ name: existing.name, school_id: schoolY.id });
  });

  it('a teacher the county itself changed after the dry run: refused, naming the rows; an unchanged re-run commits', async () => {
    const qingcheng = await login(t.app, 'qingcheng');
    const a = row(schoolQ, { name: '周一' });
    const first = await dryRun(qingcheng, [a.row]);
    const second = await dryRun(qingcheng, [row(schoolQ, { idNumber: a.idNumber, name: '周二' }).row]);
    expect((await committed(qingcheng, second.id)).status).toBe('committed');
    const refused = await postImportCommit(t, qingcheng, first.id, 'valid');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'IMPORT_STALE', rows: [2] },
    });
    expect(refused.json().error.message).toContain('第 2 行');
    expect(await teacher(a.idNumber)).toMatchObject({ name: '周二' });
    // the same file uploaded again sees today's state and commits
    const again = await dryRun(qingcheng, [a.row]);
    expect(again).toMatchObject({ toUpdate: 1 });
    expect((await committed(qingcheng, again.id)).status).toBe('committed');
    expect(await teacher(a.idNumber)).toMatchObject({ name: '周一' });
  });

  it('a dry run expires after IMPORT_DRY_RUN_MINUTES (120): one minute before it commits, at the limit it is refused', async () => {
    const qingcheng = await login(t.app, 'qingcheng');
    const early = await dryRun(qingcheng, [row(schoolQ).row]);
    const late = row(schoolQ);
    const lateJob = await dryRun(qingcheng, [late.row]);
    const start = now;
    try {
      now = new Date(start.getTime() + 119 * 60_000);
      const s = await login(t.app, 'qingcheng');
      expect((await committed(s, early.id)).status).toBe('committed');
      now = new Date(start.getTime() + 120 * 60_000);
      const s2 = await login(t.app, 'qingcheng');
      const refused = await postImportCommit(t, s2, lateJob.id, 'valid');
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error).toMatchObject({ code: 'CONFLICT', details: { reason: 'IMPORT_EXPIRED' } });
      expect(refused.json().error.message).toMatch(/重新上传/);
      expect(await teacher(late.idNumber)).toBeUndefined();
    } finally {
      now = start;
    }
  });
});
