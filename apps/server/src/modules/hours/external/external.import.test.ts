/**
 * 学时 records of other platforms through HTTP (issue 12 item 4): dry run with every row's verdict, commit,
 * re-import idempotent, a changed record as a reversal plus revision + 1, two commits at the same moment posting
 * once (real concurrency on PostgreSQL 15 in CI), each conflict kind to the review queue and its resolution, and
 * a county's scope (another county's teachers read as unknown; its queue rows as unknown ids).
 */
import { makeIdNumber } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { createTestDatabase } from '../../../test/db';
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
} from '../../../test/factories';
import { multipart, workbook } from '../../../test/fixtures/import-files';
import { type OrgRow, regionKeyOf } from '../../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let school: OrgRow;
let a: { id: string; idNumber: string };
let b: { id: string; idNumber: string };
let c: { id: string; idNumber: string };
let yd: { id: string; idNumber: string };

const HEADER = ['身份证号', '姓名', '记录编号', '课程名称', '类别', '学时', '开始日期', '结束日期'];
type Line = [string, string, string, string, string, string, string, string];
const csv = (rows: Line[]) => Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\n'));

const api = (method: 'GET' | 'POST', url: string, who: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: s[who]?.headers,
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });

async function upload(who: string, body: Buffer, name = 'records.csv', system = 'smartedu') {
  const { payload, contentType } = multipart({ system }, { name, body });
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/hours/imports',
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
  return r;
}

async function entries(teacherId: string) {
  return h.db
    .selectFrom('hour_entries')
    .select([
      'amount_tenths',
      'credit_key',
      'revision',
      'reverses_id',
      'source',
      'provenance_system',
      'provenance_record',
      'days',
    ])
    .where('teacher_id', '=', teacherId)
    .orderBy('id')
    .execute();
}

const verdicts = (body: {
  rows: Array<{ row: number; verdict: string; problems: Array<{ rule: string }> }>;
}) => Object.fromEntries(body.rows.map((r) => [r.row, [r.verdict, ...r.problems.map((p) => p.rule)]]));

const unknownId = makeIdNumber('441802', '1980-01-01', '999');

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db);
  school = await schoolIn(h.db, '清城', 0);
  a = await buildTeacher(h.db, school);
  b = await buildTeacher(h.db, school);
  c = await buildTeacher(h.db, school);
  yd = await buildTeacher(h.db, await schoolIn(h.db, '英德', 0));
  await buildAccount(h.db, 'x_qc', 'bureau_admin', await orgByName(h.db, 'county', '清城'));
  await buildAccount(h.db, 'x_yd', 'bureau_admin', await orgByName(h.db, 'county', '英德'));
  await buildAccount(h.db, 'x_school', 'school_admin', school);
  for (const u of ['x_qc', 'x_yd', 'x_school']) s[u] = await login(t.app, u);
  // b already has a completion of Yanxun's own for 2026-10-12 … 2026-10-14 (集中培训, 3 days)
  await h.db.transaction().execute((trx) =>
    t.services.hours.postCredits(
      [
        {
          countyId: regionKeyOf(school),
          teacherId: b.id,
          orgPath: school.path,
          amountTenths: 240,
          days: 3,
          category: 'centralized',
          occurredOn: '2026-10-14',
          source: 'completion',
          creditKey: 'completion:777',
          ruleId: 'R-004-05',
          postedBy: null,
        },
      ],
      trx,
    ),
  );
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

let batchId: string;
const FILE: Line[] = [
  ['A', '甲', 'SE-1', '新课标解读', '网络研修', '12.5', '2026-10-01', '2026-10-05'],
  ['A', '甲', 'SE-2', '作业设计', '网络研修', '8', '2026-10-06', '2026-10-06'],
  ['A', '甲', 'SE-3', '整本书阅读', '网络研修', '30', '2026-10-07', '2026-10-07'],
  ['A', '甲', 'SE-4', '撤回的课', '网络研修', '0', '2026-10-08', '2026-10-08'],
  ['B', '乙', 'SE-5', '集中面授', '集中培训', '8', '2026-10-13', '2026-10-13'],
  ['U', '某', 'SE-6', '课程', '网络研修', '2', '2026-10-01', '2026-10-01'],
  ['Y', '英', 'SE-7', '课程', '网络研修', '2', '2026-10-01', '2026-10-01'],
  ['A', '甲', 'SE-8', '课程', '睡觉', 'abc', '2026-10-09', '2026-10-08'],
  ['A', '甲', 'SE-1', '新课标解读', '网络研修', '12.5', '2026-10-01', '2026-10-05'],
];
const fill = (rows: Line[]) =>
  rows.map((r) => {
    const id = { A: a.idNumber, B: b.idNumber, U: unknownId, Y: yd.idNumber }[r[0]] ?? r[0];
    return [id, ...r.slice(1)] as Line;
  });

describe('dry run and commit', () => {
  it('every row gets its verdict with row, column, value and rule; the dry run writes nothing (Y-HOURS-IMPORT-DAY, Y-HOURS-AMOUNT, Y-HOURS-IMPORT-OVERLAP, Y-HOURS-IMPORT-TEACHER)', async () => {
    const r = await upload('x_qc', csv(fill(FILE)));
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    batchId = body.id;
    expect(body.counts).toEqual({
      total: 9,
      new: 2,
      unchanged: 0,
      changed: 0,
      queued: 5,
      already_queued: 0,
      invalid: 2,
    });
    expect(verdicts(body)).toEqual({
      2: ['new'],
      3: ['new'],
      4: ['queued', 'Y-HOURS-IMPORT-DAY'],
      5: ['queued', 'Y-HOURS-AMOUNT'],
      6: ['queued', 'Y-HOURS-IMPORT-OVERLAP'],
      7: ['queued', 'Y-HOURS-IMPORT-TEACHER'],
      8: ['queued', 'Y-HOURS-IMPORT-TEACHER'],
      9: ['invalid', 'EXT.CATEGORY', 'EXT.HOURS_FORMAT', 'EXT.DATE_ORDER'],
      10: ['invalid', 'DUPLICATE_IN_FILE'],
    });
    const bad = body.rows.find((x: { row: number }) => x.row === 9);
    expect(bad.problems[0]).toEqual({
      column: '类别',
      value: '睡觉',
      rule: 'EXT.CATEGORY',
      message: expect.stringContaining('无法识别的类别“睡觉”'),
    });
    expect(body.rows[0].problems[0].message).toMatch(/[\u4e00-\u9fa5]/);
    // a conflict carries its code and values beside the Chinese sentence, for the web to word
    const codes = Object.fromEntries(
      body.rows
        .filter((x: { verdict: string }) => x.verdict === 'queued')
        .map((x: { row: number; problems: { code?: string; values?: object }[] }) => [
          x.row,
          [x.problems[0]?.code, x.problems[0]?.values],
        ]),
    );
    expect(codes).toMatchObject({
      4: ['EXT.OVER_DAY_CAP', { hours: '30', days: 1, startDate: '2026-10-07', endDate: '2026-10-07' }],
      5: ['EXT.NOT_POSITIVE', {}],
      6: ['EXT.OVERLAP', {}],
      7: ['EXT.UNKNOWN_TEACHER', { name: expect.any(String) }],
    });
    expect(await entries(a.id)).toEqual([]);
    expect(await h.db.selectFrom('hour_import_queue').select('id').execute()).toEqual([]);
  });

  it('a school admin may not import (403); another county cannot read the dry run (404)', async () => {
    expect((await upload('x_school', csv(fill(FILE)))).statusCode).toBe(403);
    expect((await api('GET', `/hours/imports/${batchId}`, 'x_yd')).statusCode).toBe(404);
    expect((await api('POST', `/hours/imports/${batchId}/commit`, 'x_yd')).statusCode).toBe(404);
  });

  it('commit posts the new records with provenance and queues the conflicts; a second commit of it is refused', async () => {
    const r = await api('POST', `/hours/imports/${batchId}/commit`, 'x_qc');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ posted: 2, reversed: 0, queued: 5 });
    expect(await entries(a.id)).toEqual([
      {
        amount_tenths: 125,
        credit_key: 'import:smartedu:SE-1',
        revision: 0,
        reverses_id: null,
        source: 'import',
        provenance_system: 'smartedu',
        provenance_record: 'SE-1',
        days: 5,
      },
      {
        amount_tenths: 80,
        credit_key: 'import:smartedu:SE-2',
        revision: 0,
        reverses_id: null,
        source: 'import',
        provenance_system: 'smartedu',
        provenance_record: 'SE-2',
        days: 1,
      },
    ]);
    expect((await api('POST', `/hours/imports/${batchId}/commit`, 'x_qc')).json().error.code).toBe(
      'CONFLICT',
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'hours.import')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('re-import and changed records', () => {
  it('re-importing the same file: nothing new (unchanged, already queued), the ledger and queue as they were', async () => {
    const r = await upload('x_qc', csv(fill(FILE)));
    expect(r.json().counts).toMatchObject({ new: 0, unchanged: 2, changed: 0, queued: 0, already_queued: 5 });
    const done = await api('POST', `/hours/imports/${r.json().id}/commit`, 'x_qc');
    expect(done.json()).toMatchObject({ posted: 0, reversed: 0, queued: 0 });
    expect(await entries(a.id)).toHaveLength(2);
    expect(await h.db.selectFrom('hour_import_queue').select('id').execute()).toHaveLength(5);
  });

  it('Y-HOURS-REVERSAL: a record whose hours changed becomes a reversal of the old posting and revision 1; the balance follows', async () => {
    const before = (await t.services.hours.hoursOf(a.id)).totalTenths;
    const changed = fill([['A', '甲', 'SE-1', '新课标解读', '网络研修', '15', '2026-10-01', '2026-10-05']]);
    const dry = await upload('x_qc', csv(changed));
    expect(verdicts(dry.json())).toEqual({ 2: ['changed', 'Y-HOURS-REVERSAL'] });
    expect((await api('POST', `/hours/imports/${dry.json().id}/commit`, 'x_qc')).json()).toMatchObject({
      posted: 1,
      reversed: 1,
    });
    const se1 = (await entries(a.id)).filter((e) => e.credit_key === 'import:smartedu:SE-1');
    expect(se1.map((e) => [e.amount_tenths, e.revision, e.reverses_id !== null])).toEqual([
      [125, 0, false],
      [-125, 0, true],
      [150, 1, false],
    ]);
    expect((await t.services.hours.hoursOf(a.id)).totalTenths).toBe(before - 125 + 150);
    // the same changed file again: nothing new
    const again = await upload('x_qc', csv(changed));
    expect(again.json().counts).toMatchObject({ unchanged: 1, changed: 0 });
  });

  it('two imports of the same file committed at the same moment post once', async () => {
    const file = csv(fill([['A', '甲', 'SE-20', '并发', '网络研修', '3', '2026-11-01', '2026-11-01']]));
    const [d1, d2] = [await upload('x_qc', file), await upload('x_qc', file)];
    const [r1, r2] = await Promise.all([
      api('POST', `/hours/imports/${d1.json().id}/commit`, 'x_qc'),
      api('POST', `/hours/imports/${d2.json().id}/commit`, 'x_qc'),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect(r1.json().posted + r2.json().posted).toBe(1);
    // and one dry run committed twice at once: one commit, one refusal
    const d3 = await upload(
      'x_qc',
      csv(fill([['A', '甲', 'SE-21', '并发', '网络研修', '3', '2026-11-02', '2026-11-02']])),
    );
    const both = await Promise.all([
      api('POST', `/hours/imports/${d3.json().id}/commit`, 'x_qc'),
      api('POST', `/hours/imports/${d3.json().id}/commit`, 'x_qc'),
    ]);
    expect(both.map((x) => x.statusCode).sort()).toEqual([200, 409]);
    const keys = (await entries(a.id)).map((e) => e.credit_key);
    expect(keys.filter((k) => k === 'import:smartedu:SE-20')).toHaveLength(1);
    expect(keys.filter((k) => k === 'import:smartedu:SE-21')).toHaveLength(1);
  });
});

describe('the review queue', () => {
  const queue = async (who: string) =>
    (await api('GET', '/hours/import-queue', who)).json() as Array<{
      id: string;
      recordId: string;
      kind: string;
      idNumberMasked: string;
    }>;
  const item = async (recordId: string) => (await queue('x_qc')).find((q) => q.recordId === recordId);

  it('lists each conflict kind under the county, ID numbers masked; another county sees none of them', async () => {
    const q = await queue('x_qc');
    expect(q.map((x) => [x.recordId, x.kind]).sort()).toEqual([
      ['SE-3', 'over_cap'],
      ['SE-4', 'over_cap'],
      ['SE-5', 'overlap'],
      ['SE-6', 'unknown_teacher'],
      ['SE-7', 'unknown_teacher'],
    ]);
    expect(q[0]?.idNumberMasked).toContain('*');
    expect(await queue('x_yd')).toEqual([]);
  });

  it('another county resolving a row reads it as unknown (404), the row stays open', async () => {
    const id = (await item('SE-3'))?.id;
    const r = await api('POST', `/hours/import-queue/${id}/resolve`, 'x_yd', { action: 'post' });
    expect(r.statusCode).toBe(404);
    expect(
      (await api('POST', '/hours/import-queue/99999999/resolve', 'x_qc', { action: 'post' })).statusCode,
    ).toBe(404);
    expect(await item('SE-3')).toBeDefined();
  });

  it('Y-HOURS-IMPORT-DAY: the officer posts a row over the cap: in the ledger, audited, gone from the queue', async () => {
    const id = (await item('SE-3'))?.id;
    const r = await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', { action: 'post' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().status).toBe('posted');
    expect(
      (await entries(a.id))
        .filter((e) => e.credit_key === 'import:smartedu:SE-3')
        .map((e) => e.amount_tenths),
    ).toEqual([300]);
    expect(await item('SE-3')).toBeUndefined();
    expect(
      (await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', { action: 'post' })).statusCode,
    ).toBe(409);
  });

  it('Y-HOURS-AMOUNT: a row of 0 学时 cannot be posted, only dismissed with a reason', async () => {
    const id = (await item('SE-4'))?.id;
    const n = (await entries(a.id)).length;
    expect(
      (await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', { action: 'post' })).statusCode,
    ).toBe(409);
    expect(
      (await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', { action: 'dismiss', reason: '' }))
        .statusCode,
    ).toBe(400);
    const r = await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', {
      action: 'dismiss',
      reason: '平台撤回的记录',
    });
    expect(r.json()).toMatchObject({ status: 'dismissed', reason: '平台撤回的记录' });
    expect((await entries(a.id)).length).toBe(n);
  });

  it('Y-HOURS-IMPORT-OVERLAP: dismissing an overlapping row leaves the completion alone; audited', async () => {
    const id = (await item('SE-5'))?.id;
    const r = await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', {
      action: 'dismiss',
      reason: '与本平台集中培训重复',
    });
    expect(r.statusCode).toBe(200);
    expect((await entries(b.id)).map((e) => e.credit_key)).toEqual(['completion:777']);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'like', 'hours.import.%')
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual([
      'hours.import.dismiss',
      'hours.import.dismiss',
      'hours.import.post',
    ]);
  });

  it('Y-HOURS-IMPORT-TEACHER: an unknown ID number cannot be posted (409); once the teacher is in the county it can', async () => {
    const id = (await item('SE-6'))?.id;
    expect(
      (await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', { action: 'post' })).statusCode,
    ).toBe(409);
    const newcomer = await buildTeacher(h.db, school, { idNumber: unknownId });
    expect(
      (await api('POST', `/hours/import-queue/${id}/resolve`, 'x_qc', { action: 'post' })).statusCode,
    ).toBe(200);
    expect((await entries(newcomer.id)).map((e) => e.credit_key)).toEqual(['import:smartedu:SE-6']);
    // 英德's teacher stays unknown to 清城
    const other = (await item('SE-7'))?.id;
    expect(
      (await api('POST', `/hours/import-queue/${other}/resolve`, 'x_qc', { action: 'post' })).statusCode,
    ).toBe(409);
    expect(await entries(yd.id)).toEqual([]);
  });
});

describe('a queued record replaced by the platform', () => {
  it('Y-HOURS-IMPORT-DAY: a corrected version is posted and the open queue row of the old version is dismissed', async () => {
    const wrong = csv(fill([['A', '甲', 'SE-30', '纠错', '网络研修', '30', '2026-11-05', '2026-11-05']]));
    const d1 = await upload('x_qc', wrong);
    expect((await api('POST', `/hours/imports/${d1.json().id}/commit`, 'x_qc')).json()).toMatchObject({
      queued: 1,
    });
    const right = csv(fill([['A', '甲', 'SE-30', '纠错', '网络研修', '3', '2026-11-05', '2026-11-05']]));
    const d2 = await upload('x_qc', right);
    expect((await api('POST', `/hours/imports/${d2.json().id}/commit`, 'x_qc')).json()).toMatchObject({
      posted: 1,
    });
    const rows = await h.db
      .selectFrom('hour_import_queue')
      .select(['status', 'reason'])
      .where('record_id', '=', 'SE-30')
      .execute();
    expect(rows).toEqual([{ status: 'dismissed', reason: expect.stringContaining('新版本') }]);
    expect(
      (await entries(a.id))
        .filter((e) => e.credit_key === 'import:smartedu:SE-30')
        .map((e) => e.amount_tenths),
    ).toEqual([30]);
  });

  it('401 without a session on the import and queue routes', async () => {
    const { payload, contentType } = multipart({ system: 'smartedu' }, { name: 'r.csv', body: csv([]) });
    const requests = [
      t.app.inject({
        method: 'POST',
        url: '/api/v1/hours/imports',
        payload,
        headers: { 'content-type': contentType },
      }),
      t.app.inject({ method: 'GET', url: `/api/v1/hours/imports/${batchId}` }),
      t.app.inject({ method: 'POST', url: `/api/v1/hours/imports/${batchId}/commit` }),
      t.app.inject({ method: 'GET', url: '/api/v1/hours/import-queue' }),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/hours/import-queue/1/resolve',
        payload: { action: 'post' },
      }),
    ];
    for (const r of await Promise.all(requests)) expect(r.statusCode).toBe(401);
  });
});

describe('bounded uploads', () => {
  it('a file without the columns is refused by name (HEADER_MISMATCH); an empty file (FILE_EMPTY)', async () => {
    const r = await upload('x_qc', Buffer.from('身份证号,姓名\n1,2\n'));
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({
      code: 'HEADER_MISMATCH',
      message: expect.stringContaining('记录编号'),
    });
    expect((await upload('x_qc', Buffer.alloc(0))).json().error.code).toBe('FILE_EMPTY');
  });

  it('a cell over the cell limit is refused by row and column (FILE_LIMIT_EXCEEDED, MAX_CELL_CHARS); nothing is stored', async () => {
    const max = t.services.sheets.limits.maxCellChars;
    const batches = await h.db.selectFrom('hour_import_batches').select('id').execute();
    const r = await upload(
      'x_qc',
      csv(fill([['A', '甲', 'SE-99', 'x'.repeat(max + 1), '网络研修', '1', '2026-10-01', '2026-10-01']])),
    );
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      code: 'FILE_LIMIT_EXCEEDED',
      details: { limit: 'maxCellChars', row: 2, column: 'D' },
    });
    expect(await h.db.selectFrom('hour_import_batches').select('id').execute()).toEqual(batches);
  });

  it('an .xlsx is read by the same bounded reader', async () => {
    const buf = await workbook(HEADER, [
      [c.idNumber, '丙', 'X-1', '课', '网络研修', 2, '2026-10-01', '2026-10-01'],
    ]);
    const r = await upload('x_qc', buf, 'r.xlsx', 'provincial_ce');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().counts).toMatchObject({ new: 1 });
  });
});
