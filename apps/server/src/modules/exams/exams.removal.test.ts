/**
 * A score upload must not wipe an exam by accident: a sheet with a header and no students is refused at the dry
 * run, and a commit that would remove more than the set share (20 % by default) of the exam's stored students
 * waits for a confirmation that names the number. Route tests through app.inject, on PGlite and PostgreSQL 15.
 */
import type { Exam, ExamUpload } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import type { DatabaseHandle } from '../../db/database';
import { ExcelJS } from '../../shared/exceljs';
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
  testActor,
  thrown,
} from '../../test/factories';
import { ITEMS_CSV, multipartFiles } from '../../test/fixtures/exam-files';
import { createAuditService } from '../audit';
import type { OrgRow } from '../org';
import { createExamsRepository, createExamsService } from './index';
import { checkRemoval } from './upload/removal';

let h: DatabaseHandle;
let t: TestApp;
let s: Session;
let city: OrgRow;
let school: OrgRow;

const HEADER = 'student_id,school,class,Q1,Q2,Q3,Q4,Q5';
/** A score sheet of the given student ids (present, 10 points an item) and absent ids. */
const sheet = (ids: string[], absent: string[] = []) =>
  [
    HEADER,
    ...ids.map((id, i) => `${id},${school.name},${1 + (i % 2)}班,10,10,10,10,10`),
    ...absent.map((id) => `${id},${school.name},1班,,,,,`),
  ].join('\n');
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `R${from + i}`);

async function newExam(): Promise<Exam> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/exams',
    headers: s.headers,
    payload: {
      name: '删除确认测试',
      semester: '2026-2027-1',
      stage: 'junior',
      subject: 'math',
      grade: '七年级',
      fullMarks: 100,
      kind: 'routine',
      ownerOrgId: city.id,
    },
  });
  if (r.statusCode !== 201) throw new Error(`exam: ${r.statusCode} ${r.body}`);
  return r.json() as Exam;
}

async function upload(examId: string, scores: string | Buffer, name = 'scores.csv') {
  const { payload, contentType } = multipartFiles({
    scores: { name, body: scores },
    items: { name: 'items.csv', body: ITEMS_CSV },
  });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/exams/${examId}/uploads`,
    headers: { ...s.headers, 'content-type': contentType },
    payload,
  });
}

const commit = (examId: string, uploadId: string, body?: Record<string, unknown>) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/exams/${examId}/uploads/${uploadId}/commit`,
    headers: s.headers,
    ...(body ? { payload: body } : {}),
  });

async function dryRun(examId: string, scores: string): Promise<ExamUpload> {
  const r = await upload(examId, scores);
  expect(r.statusCode).toBe(200);
  const u = r.json() as ExamUpload;
  expect(u.ok).toBe(true);
  return u;
}

async function studentsOf(examId: string): Promise<string[]> {
  const rows = await h.db
    .selectFrom('exam_students')
    .select('student_id')
    .where('exam_id', '=', examId)
    .orderBy('student_id')
    .execute();
  return rows.map((r) => r.student_id);
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db);
  city = await orgByName(h.db, 'city', '清远');
  school = await schoolIn(h.db, '清城', 0);
  await buildAccount(h.db, 'rm_city', 'bureau_admin', city);
  s = await login(t.app, 'rm_city');
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('hardening: a header-only score file cannot wipe an exam', () => {
  it('a header-only sheet (CSV, CSV with blank lines, .xlsx) is refused at the dry run; the 24 stored students stay', async () => {
    const exam = await newExam();
    const first = await dryRun(exam.id, sheet(ids(0, 24)));
    expect((await commit(exam.id, first.id)).statusCode).toBe(200);
    expect(await studentsOf(exam.id)).toHaveLength(24);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('成绩').addRow(HEADER.split(','));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const [body, name] of [
      [`${HEADER}\n`, 'scores.csv'],
      [`${HEADER}\r\n\r\n,,,,\r\n`, 'scores.csv'],
      [xlsx, 'scores.xlsx'],
    ] as const) {
      const r = await upload(exam.id, body, name);
      expect(r.statusCode).toBe(400);
      const e = r.json().error;
      expect(e.code).toBe('FILE_EMPTY');
      expect(e.message).toContain('成绩表只有表头');
      expect(e.details).toEqual({ file: 'scores', rule: 'NO_STUDENTS' });
      expect(typeof e.requestId).toBe('string');
    }
    // no dry run of it was stored, so nothing can be committed
    const stored = await h.db
      .selectFrom('exam_uploads')
      .select('id')
      .where('exam_id', '=', exam.id)
      .execute();
    expect(stored.map((u) => u.id)).toEqual([first.id]);
    expect(await studentsOf(exam.id)).toHaveLength(24);
    const e = (
      await t.app.inject({ method: 'GET', url: `/api/v1/exams/${exam.id}`, headers: s.headers })
    ).json();
    expect(e.students).toBe(24);
  });

  it('a sheet of absent students only is a sheet with students: its dry run passes', async () => {
    const exam = await newExam();
    const u = await dryRun(exam.id, sheet([], ['A1', 'A2']));
    expect(u).toMatchObject({ students: 0, absent: 2 });
  });
});

describe('hardening: a commit removing more than 20 % of the stored students asks for a confirmation naming the number', () => {
  it('exactly 20 % passes unconfirmed; one more is 409 CONFIRM_REMOVAL until confirmed with that exact number', async () => {
    const exam = await newExam();
    expect((await commit(exam.id, (await dryRun(exam.id, sheet(ids(0, 20)))).id)).statusCode).toBe(200);

    // 4 of 20 removed (R16…R19) = 20 %, 3 new: no confirmation needed
    const b = await dryRun(exam.id, sheet([...ids(0, 16), ...ids(100, 103)]));
    expect((await commit(exam.id, b.id)).statusCode).toBe(200);
    expect(await studentsOf(exam.id)).toHaveLength(19);

    // 4 of 19 removed = 21 %: refused, naming the number; an absent student in the upload is not removed
    const c = await dryRun(exam.id, sheet(ids(0, 14), ['R14'])); // R15, R100, R101, R102 go
    const r = await commit(exam.id, c.id);
    expect(r.statusCode).toBe(409);
    const err = r.json().error;
    expect(err.code).toBe('CONFIRM_REMOVAL');
    expect(err.message).toBe('将删除 4 名已有学生的成绩（现有 19 名），请确认后再写入');
    expect(err.details).toEqual({ removed: 4, current: 19, share: 0.2 });
    expect(typeof err.requestId).toBe('string');
    expect(await studentsOf(exam.id)).toHaveLength(19);

    // a confirmation of another number (or of nothing) does not pass
    for (const body of [{ confirmRemoval: 3 }, { confirmRemoval: 5 }, {}]) {
      const again = await commit(exam.id, c.id, body);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details.removed).toBe(4);
    }
    expect((await commit(exam.id, c.id, { confirmRemoval: -1 })).statusCode).toBe(400);

    const ok = await commit(exam.id, c.id, { confirmRemoval: 4 });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ committed: true, students: 14, absent: 1 });
    expect(await studentsOf(exam.id)).toHaveLength(15);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'exam.scores.commit')
      .where('entity_id', '=', exam.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ removed: 4, students: 14, absent: 1 });
  });

  it('an upload of other students only (every stored one removed) names them all', async () => {
    const exam = await newExam();
    expect((await commit(exam.id, (await dryRun(exam.id, sheet(ids(0, 24)))).id)).statusCode).toBe(200);
    const other = await dryRun(exam.id, sheet(['X1']));
    const r = await commit(exam.id, other.id);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('将删除 24 名已有学生的成绩（现有 24 名）');
    expect(await studentsOf(exam.id)).toHaveLength(24);
    expect((await commit(exam.id, other.id, { confirmRemoval: 24 })).statusCode).toBe(200);
    expect(await studentsOf(exam.id)).toEqual(['X1']);
  });

  it('the first upload of an exam and a re-upload of the same students need no confirmation', async () => {
    const exam = await newExam();
    for (let k = 0; k < 2; k++) {
      const u = await dryRun(exam.id, sheet(ids(0, 10)));
      expect((await commit(exam.id, u.id)).statusCode).toBe(200);
    }
  });

  it('the share is a deployment setting: 0 asks for any removal, 1 never asks', async () => {
    expect(loadConfig({}).examRemovalConfirmShare).toBe(0.2);
    expect(loadConfig({ EXAM_REMOVAL_CONFIRM_SHARE: '0.5' }).examRemovalConfirmShare).toBe(0.5);
    expect(() => loadConfig({ EXAM_REMOVAL_CONFIRM_SHARE: '1.5' })).toThrow(/EXAM_REMOVAL_CONFIRM_SHARE/);
    const counts = { current: 100, removed: 1 };
    expect((await thrown(Promise.resolve().then(() => checkRemoval(counts, 0, undefined)))).code).toBe(
      'CONFIRM_REMOVAL',
    );
    expect(() => checkRemoval(counts, 0, 1)).not.toThrow();
    expect(() => checkRemoval({ current: 100, removed: 100 }, 1, undefined)).not.toThrow();
    expect(() => checkRemoval({ current: 100, removed: 21 }, 0.2, undefined)).toThrow();
    expect(() => checkRemoval({ current: 100, removed: 20 }, 0.2, undefined)).not.toThrow();

    // a service built with share 0 refuses an unconfirmed removal of one student of ten
    const strict = createExamsService({
      db: h.db,
      repo: createExamsRepository(h.db),
      audit: createAuditService({ db: h.db }),
      removalConfirmShare: 0,
    });
    const actor = testActor('bureau_admin', city);
    const exam = await newExam();
    const first = await strict.upload(actor, exam.id, files(sheet(ids(0, 10))));
    await strict.commit(actor, exam.id, first.id);
    const next = await strict.upload(actor, exam.id, files(sheet(ids(0, 9))));
    const e = await thrown(strict.commit(actor, exam.id, next.id));
    expect(e.code).toBe('CONFIRM_REMOVAL');
    expect(e.details).toEqual({ removed: 1, current: 10, share: 0 });
    await strict.commit(actor, exam.id, next.id, { confirmRemoval: 1 });
    expect(await studentsOf(exam.id)).toHaveLength(9);
  });
});

const files = (scores: string) => ({
  scores: { name: 'scores.csv', buf: Buffer.from(scores) },
  items: { name: 'items.csv', buf: Buffer.from(ITEMS_CSV) },
});
