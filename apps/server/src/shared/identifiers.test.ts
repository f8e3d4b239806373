/**
 * The identifier and name rules: core's table (packages/core/src/identifiers.ts, used by the sheet readers) and
 * the zod schemas of JSON bodies (packages/contracts/src/identifiers.ts) accept and refuse the same values, and
 * the routes refuse what a user must not bring in — 5,000-character or emoji student numbers in a score sheet,
 * emoji or control characters in names typed in a form — naming row, column, value and rule (sheets) or the
 * field (JSON). Route tests on PGlite and PostgreSQL 15.
 */
import type { ExamUpload } from '@yanxun/contracts';
import { NAME_LIMITS, plainTextSchema, studentIdSchema } from '@yanxun/contracts';
import { type IdentifierRule, isValidIdentifier, IDENTIFIER_RULES as R } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../test/factories';
import { ITEMS_CSV } from '../test/fixtures/exam-files';
import { postExam, postExamFiles } from '../test/routes';

/** Values on both sides of every rule. */
const CORPUS = [
  '',
  ' ',
  'a',
  'ab',
  'S0-1',
  'G440101200901011234',
  'a_b-c',
  'a.b',
  's 1',
  'Ｓ1',
  '学生1',
  '七年级（3）班',
  '阿依古丽·买买提',
  '100℃ 实验',
  '𠈌'.repeat(20),
  '𠈌'.repeat(21),
  '1班🎉',
  '👍🏽',
  '🇨🇳',
  '1\u0007班',
  '1班\n2班',
  '\u202e班',
  '班\u200b',
  '\ue000',
  'x'.repeat(8),
  'x'.repeat(9),
  'x'.repeat(20),
  'x'.repeat(21),
  'x'.repeat(32),
  'x'.repeat(33),
  '名'.repeat(50),
  '名'.repeat(51),
  '名'.repeat(100),
  '名'.repeat(101),
  '名'.repeat(200),
  '名'.repeat(201),
  '9'.repeat(5000),
];

const accepts = (schema: { safeParse(v: unknown): { success: boolean } }, v: string) =>
  schema.safeParse(v).success;
const core = (rule: IdentifierRule, v: string) => isValidIdentifier(rule, v.trim());

describe('hardening: one set of identifier rules for sheets (core) and JSON bodies (contracts)', () => {
  it('student ids: contracts’ studentIdSchema = core’s rule on every value', () => {
    for (const v of CORPUS) expect([v, accepts(studentIdSchema, v)]).toEqual([v, core(R.studentId, v)]);
  });

  it('names: plainTextSchema(max) = core’s text rule of the same length, on every value', () => {
    const pairs: Array<[ReturnType<typeof plainTextSchema>, IdentifierRule]> = [
      [plainTextSchema(NAME_LIMITS.name), R.name],
      [plainTextSchema(NAME_LIMITS.title), R.title],
      [plainTextSchema(NAME_LIMITS.person), R.personName],
      [plainTextSchema(NAME_LIMITS.org), R.orgName],
      [plainTextSchema(20), R.itemId],
      [plainTextSchema(30), R.className],
    ];
    for (const [schema, rule] of pairs) {
      expect(rule.max).toBeGreaterThan(0);
      for (const v of CORPUS) expect([rule.max, v, accepts(schema, v)]).toEqual([rule.max, v, core(rule, v)]);
    }
  });
});

let h: DatabaseHandle;
let t: TestApp;
let s: Session;
let schoolName: string;
let cityId: string;

const exam = (body: Record<string, unknown>) => postExam(t, s, cityId, body);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db);
  const city = await orgByName(h.db, 'city', '清远');
  cityId = city.id;
  schoolName = (await schoolIn(h.db, '清城', 0)).name;
  await buildAccount(h.db, 'id_city', 'bureau_admin', city);
  s = await login(t.app, 'id_city');
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('hardening: identifiers users upload have length and charset rules', () => {
  it('a score sheet with a 900-character, an emoji and a 33-character student id: each refused by row, column, cut value and rule', async () => {
    const created = await exam({});
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const sheet = [
      'student_id,school,class,Q1,Q2,Q3,Q4,Q5',
      `${'9'.repeat(900)},${schoolName},1班,1,1,1,1,1`,
      `学生😀,${schoolName},1班,1,1,1,1,1`,
      `${'A'.repeat(33)},${schoolName},1班,1,1,1,1,1`,
      `${'A'.repeat(32)},${schoolName},1班🎉,1,1,1,1,1`,
      `ok-1,${schoolName},七年级（3）班,1,1,1,1,1`,
    ].join('\n');
    const r = await postExamFiles(t, s, id, {
      scores: { name: 'scores.csv', body: sheet },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    expect(r.statusCode).toBe(200);
    const u = r.json() as ExamUpload;
    expect(u.ok).toBe(false);
    expect(u.errors.map((e) => [e.file, e.row, e.column, e.rule])).toEqual([
      ['scores', 2, 'student_id', 'STUDENT_ID_FORMAT'],
      ['scores', 3, 'student_id', 'STUDENT_ID_FORMAT'],
      ['scores', 4, 'student_id', 'STUDENT_ID_FORMAT'],
      ['scores', 5, 'class', 'TEXT_FORMAT'],
    ]);
    expect(u.errors[0]?.value).toBe(`${'9'.repeat(40)}…（共 900 个字符）`);
    expect(u.errors[0]?.message).toContain('应为 1–32 个英文字母、数字');
    expect(u.errors[1]?.value).toBe('学生😀');
    // the whole answer stays small: nothing echoes the 900 characters
    expect(r.body.length).toBeLessThan(4000);

    // a cell longer than MAX_CELL_CHARS refuses the whole file, naming row, column and the setting
    const refused = await postExamFiles(t, s, id, {
      scores: {
        name: 'scores.csv',
        body: `student_id,school,class,Q1,Q2,Q3,Q4,Q5\n${'9'.repeat(5000)},${schoolName},1班,1,1,1,1,1`,
      },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    expect(refused.statusCode).toBe(422);
    const error = refused.json().error as { code: string; message: string };
    expect(error.code).toBe('FILE_LIMIT_EXCEEDED');
    expect(error.message).toContain('第 2 行 A 列');
    expect(error.message).toContain('MAX_CELL_CHARS');
    expect(refused.body.length).toBeLessThan(2000);
  });

  it('names typed in a form: emoji, control characters and over-long names are 400 naming the field', async () => {
    for (const [field, value] of [
      ['name', '期末😀'],
      ['name', '期末\u0000'],
      ['name', '名'.repeat(101)],
      ['grade', '七年\n级'],
      ['semester', '\u202e2026'],
    ] as const) {
      const r = await exam({ [field]: value });
      expect(r.statusCode).toBe(400);
      const e = r.json().error;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.issues[0].path).toBe(`/${field}`);
    }
    expect((await exam({ name: '名'.repeat(100), grade: '七年级（实验班）' })).statusCode).toBe(201);
  });

  it('an uploaded file’s name is kept cleaned: no directories, no bidi override or emoji, at most 100 characters', async () => {
    const boundary = '----yx-id-test';
    const name = `..\\..\\名单\u202eslx😀${'长'.repeat(200)}.csv`;
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nteachers\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        `Content-Type: text/csv\r\n\r\n身份证号,姓名\r\n--${boundary}--\r\n`,
      'utf8',
    );
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { ...s.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(r.statusCode).toBe(202);
    const fileName = r.json().fileName as string;
    expect(fileName.startsWith('名单_slx_长')).toBe(true);
    expect(fileName.endsWith('.csv')).toBe(true);
    expect([...fileName]).toHaveLength(100);
  });

  it('the parents’ look-up takes only a well-formed student id (same rule as the sheets)', async () => {
    for (const studentId of ['9'.repeat(5000), 'a😀', 'a b']) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/parent/results',
        payload: { studentId, code: 'ABCD-2345' },
      });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
