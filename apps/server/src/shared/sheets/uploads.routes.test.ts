/**
 * Every sheet upload route (teacher and school imports, an exam's score, item and prior sheets) against the
 * hostile shapes of test/fixtures/hostile-files.ts: each is refused with a 4xx naming its limit (at the upload
 * for what the zip directory shows, as the import job's error for what only reading shows), the answer stays
 * small, and the server keeps answering other requests while a file is read. Route tests on PGlite and, in CI,
 * PostgreSQL 15.
 */
import type { ExamUpload, ImportJob } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_UPLOADS, type UploadSettings } from '../../config';
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
import { ITEMS_CSV, scoresCsv } from '../../test/fixtures/exam-files';
import { hostile } from '../../test/fixtures/hostile-files';
import { importJob, postExam, postExamFiles, postImport } from '../../test/routes';

const ROWS = 20_000;

/** The default limits, with fewer rows so that the row limit is quick to reach. */
const UPLOADS: UploadSettings = {
  ...DEFAULT_UPLOADS,
  limits: { ...DEFAULT_UPLOADS.limits, maxRows: ROWS },
  workers: 1,
  queue: 1,
};

let h: DatabaseHandle;
let t: TestApp;
let county: Session;
let city: Session;
let cityId: string;
let schoolName: string;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db, undefined, { uploads: UPLOADS });
  const c = await orgByName(h.db, 'city', '清远');
  cityId = c.id;
  schoolName = (await schoolIn(h.db, '清城', 0)).name;
  await buildAccount(h.db, 'uploads_city', 'bureau_admin', c);
  county = await login(t.app, 'qingcheng');
  city = await login(t.app, 'uploads_city');
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

async function jobOf(id: string): Promise<ImportJob> {
  await t.services.imports.waitFor(id);
  return importJob(t, county, id);
}

let examSeq = 0;
async function newExam(): Promise<string> {
  examSeq++;
  const res = await postExam(t, city, cityId, { name: `上传限制 ${examSeq}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

interface Shape {
  name: string;
  file: () => Promise<Buffer> | Buffer;
  fileName: string;
  code: string;
  /** the limit's setting named in the message, when a limit refused it (one of these, where two limits apply) */
  setting?: string | string[];
}

/** Each file is built once and sent to both routes. */
function once(make: () => Promise<Buffer> | Buffer): () => Promise<Buffer> {
  let built: Promise<Buffer> | undefined;
  return () => {
    built ??= Promise.resolve(make());
    return built;
  };
}

const SHAPES: Shape[] = [
  {
    name: 'a 400 MiB cell in a 0.4 MB workbook',
    file: () => hostile.hugeCell(400),
    fileName: 'bomb.xlsx',
    code: 'FILE_TOO_LARGE',
    setting: 'MAX_UNZIPPED_MB',
  },
  {
    name: 'a 100 MiB cell in a 0.1 MB workbook',
    file: () => hostile.hugeCell(100),
    fileName: 'bomb100.xlsx',
    code: 'FILE_TOO_LARGE',
    setting: 'MAX_ZIP_RATIO',
  },
  {
    name: 'a 100 MiB shared-strings table',
    file: () => hostile.sharedStrings(100),
    fileName: 'strings.xlsx',
    code: 'FILE_TOO_LARGE',
    setting: ['MAX_ZIP_RATIO', 'MAX_SHARED_STRINGS_MB'],
  },
  {
    name: 'more zip entries than MAX_ZIP_ENTRIES',
    file: () => hostile.manyEntries(1_000),
    fileName: 'entries.xlsx',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_ZIP_ENTRIES',
  },
  {
    name: 'a sheet that declares 1 KB and inflates to 20 MiB',
    file: () => hostile.lyingSize(20),
    fileName: 'liar.xlsx',
    code: 'FILE_UNREADABLE',
  },
  {
    name: 'a cell one character over MAX_CELL_CHARS',
    file: () => hostile.longCell(1_001),
    fileName: 'cell.xlsx',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_CELL_CHARS',
  },
  {
    name: 'one row more than MAX_SHEET_ROWS',
    file: () => hostile.manyRows(ROWS),
    fileName: 'rows.xlsx',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_SHEET_ROWS',
  },
  {
    name: 'a value in column XFD',
    file: () => hostile.farColumn(),
    fileName: 'wide.xlsx',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_SHEET_COLUMNS',
  },
  {
    name: 'a CSV field of 5 million characters',
    file: () => hostile.csvHugeField(5_000_000),
    fileName: 'field.csv',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_CELL_CHARS',
  },
  {
    name: 'a CSV of one line more than MAX_SHEET_ROWS',
    file: () => hostile.csvManyRows(ROWS),
    fileName: 'lines.csv',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_SHEET_ROWS',
  },
  {
    name: 'a CSV line of 100,000 fields',
    file: () => hostile.csvManyColumns(100_000),
    fileName: 'fields.csv',
    code: 'FILE_LIMIT_EXCEEDED',
    setting: 'MAX_SHEET_COLUMNS',
  },
  { name: 'an empty file', file: () => Buffer.alloc(0), fileName: 'empty.xlsx', code: 'FILE_EMPTY' },
  {
    name: 'random bytes named .xlsx',
    file: () => Buffer.from('这不是一个工作簿'.repeat(100)),
    fileName: 'fake.xlsx',
    code: 'FILE_UNREADABLE',
  },
];

function expectSetting(message: string, setting: Shape['setting']) {
  if (setting === undefined) return;
  const names = typeof setting === 'string' ? [setting] : setting;
  expect(
    names.some((n) => message.includes(n)),
    message,
  ).toBe(true);
}

for (const shape of SHAPES) shape.file = once(shape.file);

const STATUS: Record<string, number> = {
  FILE_TOO_LARGE: 413,
  FILE_LIMIT_EXCEEDED: 422,
  FILE_UNREADABLE: 400,
  FILE_EMPTY: 400,
};

describe('hardening: every sheet upload is held to the upload limits', () => {
  for (const shape of SHAPES) {
    it(`teachers import: ${shape.name} is refused (${shape.code} ${shape.setting ?? ''}); nothing is written`, async () => {
      const before = await h.db
        .selectFrom('teachers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await postImport(t, county, 'teachers', shape.fileName, await shape.file());
      let error: { code: string; message: string };
      if (res.statusCode === 202) {
        // what only reading the content shows ends the dry run, with the same error
        const job = await jobOf((res.json() as ImportJob).id);
        expect(job.status).toBe('failed');
        expect(job.error).toBeDefined();
        error = job.error as { code: string; message: string };
      } else {
        expect(res.statusCode, res.body).toBe(STATUS[shape.code]);
        expect(res.body.length).toBeLessThan(2_000);
        error = res.json().error;
      }
      expect(error.code).toBe(shape.code);
      expectSetting(error.message, shape.setting);
      expect(error.message.length).toBeLessThan(500);
      const after = await h.db
        .selectFrom('teachers')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(after.n).toBe(before.n);
    }, 60_000);
  }

  it('what the zip directory shows (ratio, entries, empty, not a workbook) is refused by the upload itself', async () => {
    for (const [file, name] of [
      [await hostile.hugeCell(400), 'bomb.xlsx'],
      [await hostile.manyEntries(1_000), 'entries.xlsx'],
      [Buffer.alloc(0), 'empty.csv'],
    ] as const) {
      const res = await postImport(t, county, 'teachers', name, file);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
    }
  });

  for (const shape of SHAPES) {
    it(`exam score sheet: ${shape.name} is refused (${shape.code}); the exam keeps no upload`, async () => {
      const examId = await newExam();
      const res = await postExamFiles(t, city, examId, {
        scores: { name: shape.fileName, body: await shape.file() },
        items: { name: 'items.csv', body: ITEMS_CSV },
      });
      expect(res.statusCode, res.body).toBe(STATUS[shape.code]);
      expect(res.body.length).toBeLessThan(2_000);
      const error = res.json().error as { code: string; message: string };
      expect(error.code).toBe(shape.code);
      expectSetting(error.message, shape.setting);
      const staged = await h.db
        .selectFrom('exam_uploads')
        .select('id')
        .where('exam_id', '=', examId)
        .execute();
      expect(staged).toEqual([]);
    }, 60_000);
  }

  it('the item and prior sheets are held to the same limits, naming the file', async () => {
    const examId = await newExam();
    const scores = 'student_id,school,class,Q1,Q2,Q3,Q4,Q5\n';
    const items = await postExamFiles(t, city, examId, {
      scores: { name: 'scores.csv', body: scores },
      items: { name: 'items.xlsx', body: await hostile.hugeCell(400) },
    });
    expect(items.statusCode).toBe(413);
    expect(items.json().error.message).toContain('items.xlsx');
    const prior = await postExamFiles(t, city, examId, {
      scores: { name: 'scores.csv', body: scores },
      items: { name: 'items.csv', body: ITEMS_CSV },
      prior: { name: 'prior.csv', body: hostile.csvHugeField(5_000) },
    });
    expect(prior.statusCode).toBe(422);
    expect(prior.json().error.message).toContain('prior.csv');
  });

  it('while a large file is read, the server answers other requests; the import completes its dry run after', async () => {
    const res = await postImport(t, county, 'teachers', 'large.xlsx', await hostile.manyRows(ROWS - 1));
    expect(res.statusCode, res.body).toBe(202);
    const id = (res.json() as ImportJob).id;
    const health = await t.app.inject({ url: '/api/health' });
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: county.headers });
    const during = t.services.imports.waitFor(id).then(() => 'done');
    // both answered while the dry run was still reading its file
    expect(await Promise.race([during, Promise.resolve('still reading')])).toBe('still reading');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ ok: true });
    expect(me.statusCode).toBe(200);
    const job = await jobOf(id);
    expect(job.status).toBe('validated');
    expect(job.totalRows).toBe(ROWS - 1);
    // every row is wrong (one cell each): the count is kept whole, the rows listed are the first MAX_ERRORS_KEPT
    expect(job.errorCount).toBeGreaterThan(DEFAULT_UPLOADS.maxErrorsKept);
    const errors = await t.app.inject({
      url: `/api/v1/imports/${id}/errors?pageSize=200&page=1`,
      headers: county.headers,
    });
    expect(errors.json().total).toBe(DEFAULT_UPLOADS.maxErrorsKept);
  }, 60_000);
});

describe('hardening: a full upload queue is refused at once, not queued without end', () => {
  it('with the one reading thread busy and no queue, an exam upload is 503 SERVER_BUSY; after, it is read', async () => {
    const busy = await buildTestApp(h.db, undefined, { uploads: { ...UPLOADS, workers: 1, queue: 0 } });
    try {
      const s = await login(busy.app, 'qingcheng');
      const c = await login(busy.app, 'uploads_city');
      const started = await postImport(busy, s, 'teachers', 'large.xlsx', await hostile.manyRows(ROWS - 1));
      expect(started.statusCode).toBe(202);
      const examId = await newExam();
      const files = {
        scores: { name: 'scores.csv', body: scoresCsv([{ key: schoolName, count: 12, level: 0.6 }]) },
        items: { name: 'items.csv', body: ITEMS_CSV },
      };
      const send = () => postExamFiles(busy, c, examId, files);
      const refused = await send();
      expect(refused.statusCode, refused.body).toBe(503);
      expect(refused.json().error.code).toBe('SERVER_BUSY');
      await busy.services.imports.waitFor((started.json() as ImportJob).id);
      const read = await send();
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json() as ExamUpload).toMatchObject({ ok: true, students: 12 });
    } finally {
      await busy.app.close();
    }
  }, 60_000);
});
