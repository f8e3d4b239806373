import { randomBytes } from 'node:crypto';
import type { ImportJob, ImportKind, ImportRowError } from '@yanxun/contracts';
import { IMPORT_COLUMNS, lookupCode, makeIdNumber, type TeacherColumnKey } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import {
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import {
  type Cell,
  csvText,
  encodeGbk,
  multipart,
  readRows,
  SCHOOL_HEADERS,
  schoolRow,
  TEACHER_HEADERS,
  teacherRow,
  workbook,
} from '../../test/fixtures/import-files';
import { commitImport, dryRun, importJob, postImport, postImportCommit } from '../../test/routes';
import type { OrgRow } from '../org';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let h: DatabaseHandle;
let t: TestApp;
let qingcheng: Session;
let yingde: Session;
let countyQ: OrgRow;
let countyY: OrgRow;
let schoolQ: OrgRow;
let schoolQ2: OrgRow;
let schoolY: OrgRow;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  t = await buildTestApp(h.db);
  countyQ = await orgByName(h.db, 'county', '清城');
  countyY = await orgByName(h.db, 'county', '英德');
  schoolQ = await schoolIn(h.db, '清城');
  schoolQ2 = await schoolIn(h.db, '清城', 1);
  schoolY = await schoolIn(h.db, '英德');
  qingcheng = await login(t.app, 'qingcheng');
  yingde = await login(t.app, 'yingde');
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

// ---------- helpers ----------

let idSeq = 0;
/** A valid ID number that no demo teacher holds (the demo region's people are all born in 广东). */
function newIdNumber(birthDate = '1986-05-12'): string {
  idSeq++;
  return makeIdNumber('110105', birthDate, idSeq);
}

const genderOf = (idNumber: string) => (Number(idNumber[16]) % 2 === 1 ? '男' : '女');

/** Excel's 1900-system serial of a date (from 1900-03-01 on). */
function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

const toFullWidth = (s: string) =>
  s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function code(table: Parameters<typeof lookupCode>[0], name: string): string {
  const entry = lookupCode(table, name);
  if (!entry) throw new Error(`no ${table} code for ${name}`);
  return entry.code;
}

/** A complete, valid teacher row at `school`, in template column order. */
function goodTeacher(
  school: OrgRow,
  overrides: Partial<Record<TeacherColumnKey, Cell>> = {},
): { idNumber: string; row: Cell[] } {
  const idNumber = typeof overrides.idNumber === 'string' ? overrides.idNumber : newIdNumber();
  return {
    idNumber,
    row: teacherRow({
      idNumber,
      name: '周晓梅',
      schoolCode: school.code,
      stage: '小学',
      subject: '数学',
      title: '一级教师',
      teachingStartDate: '2008-09-01',
      ...overrides,
    }),
  };
}

async function rowErrors(session: Session, id: string): Promise<ImportRowError[]> {
  const res = await t.app.inject({
    url: `/api/v1/imports/${id}/errors?pageSize=200`,
    headers: session.headers,
  });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: ImportRowError[] }).items;
}

function teachersByIdNumber(idNumbers: string[]) {
  return h.db
    .selectFrom('teachers')
    .selectAll()
    .where('id_number', 'in', idNumbers)
    .orderBy('id_number')
    .execute();
}

async function countRows(table: 'teachers' | 'orgs' | 'import_jobs' | 'teacher_postings'): Promise<number> {
  const r = await h.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function template(kind: ImportKind): Promise<Buffer> {
  const res = await t.app.inject({ url: `/api/v1/imports/templates/${kind}`, headers: qingcheng.headers });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

// ---------- template round trip ----------

describe('teachers: template round trip and re-import', () => {
  const names = ['周晓梅', '吴建国', '郑丽'];
  let file: Buffer;
  let idNumbers: string[];

  it('GET /imports/templates/teachers: an .xlsx whose first row is the template headers', async () => {
    const res = await t.app.inject({ url: '/api/v1/imports/templates/teachers', headers: qingcheng.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('教师导入模板.xlsx'));
    const rows = await readRows(res.rawPayload);
    expect(rows[0]).toEqual(TEACHER_HEADERS);
  });

  it('a filled-in template dry-runs to toCreate = 3 with no errors; commit all writes teachers, postings and the audit log', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template('teachers')) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('教师');
    if (!sheet) throw new Error('template has no 教师 sheet');
    idNumbers = names.map((_, i) => newIdNumber(`198${i}-0${i + 3}-1${i}`));
    names.forEach((name, i) => {
      const id = idNumbers[i] ?? '';
      sheet.getRow(2 + i).values = teacherRow({
        idNumber: id,
        name,
        gender: genderOf(id),
        birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
        phone: `1380000000${i}`,
        schoolCode: schoolQ.code,
        stage: '小学',
        subject: '数学',
        title: '一级教师',
        backbone: i === 0 ? '县级骨干教师' : null,
        teachingStartDate: '2008-09-01',
        trainingStartYear: i === 0 ? '2018' : null,
        roles: i === 0 ? '班主任、教研组长' : null,
        status: '在职',
      });
    });
    file = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await countRows('teachers');

    const job = await dryRun(t, qingcheng, 'teachers', '教师名单.xlsx', file);
    expect(job).toMatchObject({
      kind: 'teachers',
      fileName: '教师名单.xlsx',
      status: 'validated',
      totalRows: 3,
      validRows: 3,
      errorRows: 0,
      toCreate: 3,
      toUpdate: 0,
      unchanged: 0,
      error: null,
    });
    // a dry run writes no teacher
    expect(await countRows('teachers')).toBe(before);

    const done = await commitImport(t, qingcheng, job.id, 'all');
    expect(done).toMatchObject({ status: 'committed', committedRows: 3, commitMode: 'all', progress: 100 });
    expect(done.finishedAt).not.toBeNull();
    expect(await countRows('teachers')).toBe(before + 3);

    const rows = await teachersByIdNumber(idNumbers);
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
    const first = rows.find((r) => r.id_number === idNumbers[0]);
    expect(first).toMatchObject({
      school_id: schoolQ.id,
      county_id: countyQ.id,
      org_path: schoolQ.path,
      stage: code('stages', '小学'),
      subject: code('subjects', '数学'),
      title: code('titles', '一级教师'),
      backbone: code('backboneLevels', '县级骨干教师'),
      teaching_start_date: '2008-09-01',
      training_start_year: 2018,
      phone: '13800000000',
      status: 'active',
    });
    expect([...(first?.roles_held ?? [])].sort()).toEqual(
      [code('roles', '班主任'), code('roles', '教研组长')].sort(),
    );
    const postings = await h.db
      .selectFrom('teacher_postings')
      .selectAll()
      .where(
        'teacher_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(postings).toHaveLength(3);
    for (const p of postings) {
      expect(p).toMatchObject({
        school_id: schoolQ.id,
        to_date: null,
        from_date: '2008-09-01',
        reason: '导入',
      });
    }
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import.teachers.commit')
      .where('entity_id', '=', job.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor_name).toBe('qingcheng');
    expect(audit[0]?.details).toMatchObject({ mode: 'all', created: 3, updated: 0 });
  });

  it('re-importing the same file: unchanged = 3, toCreate 0, toUpdate 0; the commit changes nothing', async () => {
    const before = await teachersByIdNumber(idNumbers);
    const teachers = await countRows('teachers');
    const postings = await countRows('teacher_postings');

    const job = await dryRun(t, qingcheng, 'teachers', '教师名单.xlsx', file);
    expect(job).toMatchObject({ status: 'validated', errorRows: 0, toCreate: 0, toUpdate: 0, unchanged: 3 });
    const done = await commitImport(t, qingcheng, job.id, 'all');
    expect(done.status).toBe('committed');

    expect(await countRows('teachers')).toBe(teachers);
    expect(await countRows('teacher_postings')).toBe(postings);
    const after = await teachersByIdNumber(idNumbers);
    expect(after.map((r) => r.updated_at.toISOString())).toEqual(
      before.map((r) => r.updated_at.toISOString()),
    );
  });

  it('changing one 职称 cell and re-importing: toUpdate = 1; the commit updates only that teacher', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const titleCol = IMPORT_COLUMNS.teachers.findIndex((c) => c.key === 'title') + 1;
    sheet.getRow(3).getCell(titleCol).value = '高级教师'; // the second teacher, 吴建国
    const changed = Buffer.from(await wb.xlsx.writeBuffer());
    const before = await teachersByIdNumber(idNumbers);

    const job = await dryRun(t, qingcheng, 'teachers', '教师名单（改）.xlsx', changed);
    expect(job).toMatchObject({ errorRows: 0, toCreate: 0, toUpdate: 1, unchanged: 2 });
    await commitImport(t, qingcheng, job.id, 'all');

    const after = await teachersByIdNumber(idNumbers);
    for (const a of after) {
      const b = before.find((x) => x.id === a.id);
      if (a.id_number === idNumbers[1]) {
        expect(a.title).toBe(code('titles', '高级教师'));
        expect(a.updated_at.getTime()).toBeGreaterThan(b?.updated_at.getTime() ?? Number.POSITIVE_INFINITY);
      } else {
        expect(a.title).toBe(code('titles', '一级教师'));
        expect(a.updated_at.toISOString()).toBe(b?.updated_at.toISOString());
      }
    }
  });
});

describe('teachers: updates that move people, and concurrent jobs', () => {
  it('a changed 学校标识码 moves the teacher: the open posting is closed and a new one opened at the new school', async () => {
    const a = goodTeacher(schoolQ, { name: '调动甲' });
    const first = await dryRun(t, qingcheng, 'teachers', 'a.xlsx', await workbook(TEACHER_HEADERS, [a.row]));
    await commitImport(t, qingcheng, first.id, 'all');

    const moved = goodTeacher(schoolQ2, { idNumber: a.idNumber, name: '调动甲' });
    const job = await dryRun(
      t,
      qingcheng,
      'teachers',
      'b.xlsx',
      await workbook(TEACHER_HEADERS, [moved.row]),
    );
    expect(job).toMatchObject({ errorRows: 0, toCreate: 0, toUpdate: 1, unchanged: 0 });
    await commitImport(t, qingcheng, job.id, 'all');

    const [teacher] = await teachersByIdNumber([a.idNumber]);
    expect(teacher).toMatchObject({ school_id: schoolQ2.id, org_path: schoolQ2.path });
    const postings = await h.db
      .selectFrom('teacher_postings')
      .selectAll()
      .where('teacher_id', '=', teacher?.id ?? '')
      .orderBy('id')
      .execute();
    expect(postings.map((p) => [p.school_id, p.to_date === null])).toEqual([
      [schoolQ.id, false],
      [schoolQ2.id, true],
    ]);
  });

  it('two dry runs of one file committed one after the other: the teacher is created once, the second commit finds them', async () => {
    const a = goodTeacher(schoolQ, { name: '并发甲' });
    const body = await workbook(TEACHER_HEADERS, [a.row]);
    const j1 = await dryRun(t, qingcheng, 'teachers', 'same.xlsx', body);
    const j2 = await dryRun(t, qingcheng, 'teachers', 'same.xlsx', body);
    expect([j1.toCreate, j2.toCreate]).toEqual([1, 1]);
    const teachers = await countRows('teachers');
    expect((await commitImport(t, qingcheng, j1.id, 'all')).status).toBe('committed');
    const second = await commitImport(t, qingcheng, j2.id, 'all');
    expect(second.error).toBeNull();
    expect(second.status).toBe('committed');
    expect(await countRows('teachers')).toBe(teachers + 1);
    const identities = await h.db
      .selectFrom('teacher_identities')
      .select('teacher_id')
      .where('id_number', '=', a.idNumber)
      .execute();
    expect(identities).toHaveLength(1);
  });
});

// ---------- header aliases and cell noise ----------

describe('hardening: the importer does not tell that an ID number exists in another county', () => {
  it('an ID number registered in another county reads like an unknown one; the commit refuses it without saying so', async () => {
    const other = await h.db
      .selectFrom('teachers')
      .select(['id_number', 'birth_date', 'school_id'])
      .where('school_id', '=', schoolY.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const start = `${Number(other.birth_date.slice(0, 4)) + 22}-09-01`;
    const row = goodTeacher(schoolQ, { idNumber: other.id_number, teachingStartDate: start }).row;
    const job = await dryRun(t, qingcheng, 'teachers', 'poach.xlsx', await workbook(TEACHER_HEADERS, [row]));
    // the dry run of a number nobody holds, for comparison
    const fresh = goodTeacher(schoolQ, { teachingStartDate: start }).row;
    const control = await dryRun(
      t,
      qingcheng,
      'teachers',
      'fresh.xlsx',
      await workbook(TEACHER_HEADERS, [fresh]),
    );
    const summary = (j: ImportJob) => ({
      status: j.status,
      totalRows: j.totalRows,
      validRows: j.validRows,
      errorRows: j.errorRows,
      toCreate: j.toCreate,
      toUpdate: j.toUpdate,
      unchanged: j.unchanged,
    });
    expect(summary(job)).toEqual(summary(control));
    expect(summary(job)).toMatchObject({ errorRows: 0, toCreate: 1 });
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);

    const teachers = await countRows('teachers');
    const refused = await postImportCommit(t, qingcheng, job.id, 'valid');
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error as { code: string; message: string };
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('第 2 行的身份证号不能由您导入');
    expect(error.message).not.toMatch(/英德|已登记|已存在|任职|管辖范围以外/);
    const done = await importJob(t, qingcheng, job.id);
    expect(done.status).toBe('failed');
    expect(done.error?.message).toBe(error.message);
    expect((await teachersByIdNumber([other.id_number]))[0]?.school_id).toBe(schoolY.id);
    expect(await countRows('teachers')).toBe(teachers);
  });
});

describe('teachers: header aliases and cell noise', () => {
  it('aliases (身份证号码, " 姓 名 ", * 学校代码（必填）…), full-width digits, stray spaces, date serials, JS Dates and 2020年9月1日 are accepted', async () => {
    const header = [
      '身份证号码',
      ' 姓 名 ',
      '出生年月日',
      '手机号码',
      '* 学校代码（必填）',
      '学段',
      '主要任教学科',
      '专业技术职务',
      '参加工作时间',
    ];
    const a = newIdNumber('1985-04-02');
    const b = newIdNumber('1987-07-01');
    const c = newIdNumber('1990-03-04');
    const rows = [
      // full-width ID and phone, padded text, date serials for both dates
      [
        toFullWidth(a),
        ' 王 小 明 ',
        excelSerial('1985-04-02'),
        '１３８１２３４５６７８',
        ` ${schoolQ.code} `,
        ' 小学 ',
        '数学 ',
        ' 一级教师',
        excelSerial('2009-09-01'),
      ],
      // JS Dates, a spaced-out phone, the school code typed as a number
      [
        `${b.slice(0, 6)} ${b.slice(6, 14)} ${b.slice(14)}`,
        '李四',
        new Date(Date.UTC(1987, 6, 1)),
        '138 1234 5679',
        Number(schoolQ.code),
        '初中',
        '  英语',
        '二级教师',
        new Date(Date.UTC(2011, 8, 1)),
      ],
      // Chinese date text
      [
        c,
        '赵六',
        '1990年3月4日',
        '+86 13812345670',
        schoolQ.code,
        '小学',
        '语文',
        '三级教师',
        '2020年9月1日',
      ],
    ];
    const job = await dryRun(t, qingcheng, 'teachers', 'aliases.xlsx', await workbook(header, rows));
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', totalRows: 3, errorRows: 0, toCreate: 3 });
    await commitImport(t, qingcheng, job.id, 'all');

    const stored = await teachersByIdNumber([a, b, c]);
    const byId = new Map(stored.map((r) => [r.id_number, r]));
    expect(byId.get(a)).toMatchObject({
      name: '王小明',
      birth_date: '1985-04-02',
      phone: '13812345678',
      school_id: schoolQ.id,
      stage: code('stages', '小学'),
      subject: code('subjects', '数学'),
      title: code('titles', '一级教师'),
      teaching_start_date: '2009-09-01',
    });
    expect(byId.get(b)).toMatchObject({
      name: '李四',
      phone: '13812345679',
      subject: code('subjects', '英语'),
      teaching_start_date: '2011-09-01',
    });
    expect(byId.get(c)).toMatchObject({
      name: '赵六',
      phone: '13812345670',
      teaching_start_date: '2020-09-01',
    });
  });

  it('English headers (ID Number, Name, School code, …) are accepted', async () => {
    const header = [
      'ID Number',
      'Name',
      'Gender',
      'Date of birth',
      'Mobile',
      'School code',
      'Teaching stage',
      'Subject',
      'Title',
      'Teaching start date',
    ];
    const id = newIdNumber('1984-11-30');
    const row = [
      id,
      'Alice',
      genderOf(id),
      '1984-11-30',
      '13912345678',
      schoolQ.code,
      '小学',
      '美术',
      '未定职级',
      '2006-09-01',
    ];
    const job = await dryRun(t, qingcheng, 'teachers', 'english.xlsx', await workbook(header, [row]));
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', errorRows: 0, toCreate: 1 });
  });
});

// ---------- row errors ----------

describe('teachers: row errors, commit modes and the error report', () => {
  let jobId: string;
  let goodA: string;
  let goodB: string;
  let badIds: string[];
  let badChecksum: string;

  it('names the row, column and rule: GB11643.CHECKSUM, SCHOOL_CODE.NOT_FOUND, SCOPE.SCHOOL, DUPLICATE_IN_FILE (both rows), CODE.UNKNOWN_SUBJECT', async () => {
    const a = goodTeacher(schoolQ, { name: '好甲' });
    const valid = newIdNumber();
    const check = valid.at(-1) === '0' ? '1' : '0';
    badChecksum = valid.slice(0, 17) + check;
    const checksum = goodTeacher(schoolQ, { idNumber: badChecksum, name: '校验错' });
    const unknownSchool = goodTeacher(schoolQ, { name: '无此校', schoolCode: '2999999901' });
    const otherCounty = goodTeacher(schoolY, { name: '外县人' });
    const dupId = newIdNumber();
    const dup1 = goodTeacher(schoolQ, { idNumber: dupId, name: '重复一' });
    const dup2 = goodTeacher(schoolQ2, { idNumber: dupId, name: '重复二' });
    const subject = goodTeacher(schoolQ, { name: '炼丹师', subject: '炼丹' });
    const b = goodTeacher(schoolQ2, { name: '好乙' });
    goodA = a.idNumber;
    goodB = b.idNumber;
    badIds = [valid, badChecksum, unknownSchool.idNumber, otherCounty.idNumber, dupId, subject.idNumber];
    const rows = [a, checksum, unknownSchool, otherCounty, dup1, dup2, subject, b].map((r) => r.row);

    const job = await dryRun(t, qingcheng, 'teachers', 'errors.xlsx', await workbook(TEACHER_HEADERS, rows));
    jobId = job.id;
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: 8,
      errorRows: 6,
      validRows: 2,
      toCreate: 2,
      toUpdate: 0,
      unchanged: 0,
    });
    const errors = await rowErrors(qingcheng, job.id);
    expect(errors.map((e) => [e.row, e.column, e.rule])).toEqual([
      [3, '身份证号', 'GB11643.CHECKSUM'],
      [4, '学校标识码', 'SCHOOL_CODE.NOT_FOUND'],
      [5, '学校标识码', 'SCOPE.SCHOOL'],
      [6, '身份证号', 'DUPLICATE_IN_FILE'],
      [7, '身份证号', 'DUPLICATE_IN_FILE'],
      [8, '任教学科', 'CODE.UNKNOWN_SUBJECT'],
    ]);
    expect(errors[0]).toMatchObject({ value: badChecksum, message: expect.stringContaining('校验位') });
    expect(errors[1]?.value).toBe('2999999901');
    expect(errors[2]?.value).toBe(schoolY.code);
    expect(errors[3]).toMatchObject({ value: dupId, message: expect.stringContaining('第 6、7 行') });
    expect(errors[5]).toMatchObject({ value: '炼丹', message: expect.stringContaining('炼丹') });
    for (const e of errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('commit {mode: all} is refused with 409 IMPORT_HAS_ERRORS and writes nothing', async () => {
    const teachers = await countRows('teachers');
    const res = await postImportCommit(t, qingcheng, jobId, 'all');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'IMPORT_HAS_ERRORS', details: { errorRows: 6 } });
    expect(res.json().error.message).toContain('6 行');
    await t.services.imports.waitFor(jobId);
    expect(await countRows('teachers')).toBe(teachers);
    expect(await teachersByIdNumber([goodA, goodB, ...badIds])).toEqual([]);
    expect((await importJob(t, qingcheng, jobId)).status).toBe('validated');
  });

  it('commit {mode: valid} writes exactly the two good rows', async () => {
    const teachers = await countRows('teachers');
    const done = await commitImport(t, qingcheng, jobId, 'valid');
    expect(done).toMatchObject({ status: 'committed', commitMode: 'valid', committedRows: 2 });
    expect(await countRows('teachers')).toBe(teachers + 2);
    const written = await teachersByIdNumber([goodA, goodB, ...badIds]);
    expect(written.map((r) => [r.id_number, r.name, r.school_id]).sort()).toEqual(
      [
        [goodA, '好甲', schoolQ.id],
        [goodB, '好乙', schoolQ2.id],
      ].sort(),
    );
  });

  it('a committed job cannot be committed again (409 IMPORT_NOT_READY)', async () => {
    const res = await postImportCommit(t, qingcheng, jobId, 'valid');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IMPORT_NOT_READY');
  });

  it('GET /imports/:id/errors.xlsx: an xlsx listing row, column, value, the problem in words, message and rule code', async () => {
    const res = await t.app.inject({
      url: `/api/v1/imports/${jobId}/errors.xlsx`,
      headers: qingcheng.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('导入错误报告-errors.xlsx'));
    const rows = await readRows(res.rawPayload);
    expect(rows[0]).toEqual(['行号', '列', '值', '问题', '说明', '规则代码']);
    expect(rows).toHaveLength(7);
    expect(rows[1]?.slice(0, 4)).toEqual([3, '身份证号', badChecksum, '身份证号校验位不正确']);
    expect(String(rows[1]?.[4])).toContain('校验位');
    expect(rows[1]?.[5]).toBe('GB11643.CHECKSUM');
    expect(rows.slice(1).map((r) => r[3])).toEqual([
      '身份证号校验位不正确',
      '系统中没有这所学校',
      '学校不在您的管辖范围内',
      '文件中重复',
      '文件中重复',
      '学科无法识别',
    ]);
    expect(rows.slice(1).map((r) => r[5])).toEqual([
      'GB11643.CHECKSUM',
      'SCHOOL_CODE.NOT_FOUND',
      'SCOPE.SCHOOL',
      'DUPLICATE_IN_FILE',
      'DUPLICATE_IN_FILE',
      'CODE.UNKNOWN_SUBJECT',
    ]);
  });
});

// ---------- CSV ----------

describe('teachers: CSV files', () => {
  it('a GBK CSV (as Excel on Chinese Windows saves it) is decoded and imported', async () => {
    const a = goodTeacher(schoolQ, { name: '欧阳娜娜', subject: '语文', title: '二级教师' });
    const b = goodTeacher(schoolQ, { name: '司马光', subject: '道德与法治', roles: '班主任，年级组长' });
    const body = encodeGbk(csvText(TEACHER_HEADERS, [a.row, b.row]));
    // the fixture really is GBK, not UTF-8
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(body)).toThrow();

    const job = await dryRun(t, qingcheng, 'teachers', '教师.csv', body);
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', totalRows: 2, errorRows: 0, toCreate: 2 });
    await commitImport(t, qingcheng, job.id, 'all');
    const stored = await teachersByIdNumber([a.idNumber, b.idNumber]);
    expect(stored.map((r) => r.name).sort()).toEqual(['司马光', '欧阳娜娜'].sort());
    expect(stored.find((r) => r.name === '司马光')).toMatchObject({
      subject: code('subjects', '道德与法治'),
      roles_held: [code('roles', '班主任'), code('roles', '年级组长')],
    });
  });

  it('a UTF-8 CSV with a BOM is imported (the BOM does not spoil the first header)', async () => {
    const a = goodTeacher(schoolQ, { name: '钱多多' });
    const body = Buffer.from(`\ufeff${csvText(TEACHER_HEADERS, [a.row])}`, 'utf8');
    const job = await dryRun(t, qingcheng, 'teachers', 'teachers-utf8.csv', body);
    expect(job).toMatchObject({ status: 'validated', errorRows: 0, toCreate: 1 });
    await commitImport(t, qingcheng, job.id, 'all');
    expect((await teachersByIdNumber([a.idNumber]))[0]?.name).toBe('钱多多');
  });
});

// ---------- unreadable files ----------

describe('teachers: files that cannot be imported', () => {
  /** The dry run's failure, as a failed job (what reading shows). */
  async function failed(name: string, body: Buffer, kind: ImportKind = 'teachers') {
    const job = await dryRun(t, qingcheng, kind, name, body);
    expect(job.status).toBe('failed');
    expect(job.finishedAt).not.toBeNull();
    expect(job.error?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);
    return job;
  }

  /** Refused by the upload itself (what the file's envelope shows): 400, and no job is created. */
  async function refused(name: string, body: Buffer) {
    const jobs = await countRows('import_jobs');
    const res = await postImport(t, qingcheng, 'teachers', name, body);
    expect(res.statusCode, res.body).toBe(400);
    const error = res.json().error as { code: string; message: string };
    expect(error.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await countRows('import_jobs')).toBe(jobs);
    return { error };
  }

  it('a truncated .xlsx (the first half of a real one) → FILE_UNREADABLE', async () => {
    const rows = Array.from({ length: 50 }, () => goodTeacher(schoolQ).row);
    const whole = await workbook(TEACHER_HEADERS, rows);
    const job = await refused('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    expect(job.error?.code).toBe('FILE_UNREADABLE');
  });

  it('random bytes named .xlsx → FILE_UNREADABLE', async () => {
    const bytes = randomBytes(4096);
    bytes[0] = 0x00; // never a ZIP or OLE signature
    const job = await refused('random.xlsx', bytes);
    expect(job.error?.code).toBe('FILE_UNREADABLE');
  });

  it('an old .xls (OLE header) → FILE_UNREADABLE, saying to save it as .xlsx', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(1024),
    ]);
    const job = await refused('教师.xls', ole);
    expect(job.error?.code).toBe('FILE_UNREADABLE');
    expect(job.error?.message).toContain('.xlsx');
    expect(job.error?.message).toContain('另存为');
  });

  it('an empty file (0 bytes) → FILE_EMPTY', async () => {
    const job = await refused('empty.xlsx', Buffer.alloc(0));
    expect(job.error?.code).toBe('FILE_EMPTY');
  });

  it('a header row and no data → FILE_EMPTY', async () => {
    const job = await failed('header-only.xlsx', await workbook(TEACHER_HEADERS, []));
    expect(job.error?.code).toBe('FILE_EMPTY');
    const csv = await failed('header-only.csv', Buffer.from(csvText(TEACHER_HEADERS, [])));
    expect(csv.error?.code).toBe('FILE_EMPTY');
  });

  it('hardening: a header-only schools file → FILE_EMPTY too (no import can run on an empty sheet)', async () => {
    const xlsx = await failed('schools-header-only.xlsx', await workbook(SCHOOL_HEADERS, []), 'schools');
    expect(xlsx.error).toMatchObject({ code: 'FILE_EMPTY', message: '文件只有表头，没有数据行' });
    const csv = await failed('schools-header-only.csv', Buffer.from(csvText(SCHOOL_HEADERS, [])), 'schools');
    expect(csv.error?.code).toBe('FILE_EMPTY');
  });

  it('a schools file uploaded as teachers → HEADER_MISMATCH naming the missing columns', async () => {
    const schools = await workbook(SCHOOL_HEADERS, [
      schoolRow({
        schoolCode: '2441802701',
        name: '某小学',
        countyCode: '441802',
        schoolType: '小学',
        stages: '小学',
        locationType: '城区',
      }),
    ]);
    const job = await failed('学校.xlsx', schools);
    expect(job.error?.code).toBe('HEADER_MISMATCH');
    for (const missing of ['身份证号', '姓名', '任教学科', '职称', '任教起始日期']) {
      expect(job.error?.message).toContain(missing);
    }
  });

  it('a failed job cannot be committed (409 IMPORT_NOT_READY)', async () => {
    const job = await failed('header-only.csv', Buffer.from(csvText(TEACHER_HEADERS, [])));
    const res = await postImportCommit(t, qingcheng, job.id, 'valid');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IMPORT_NOT_READY');
  });

  it('a file over the upload limit (5 MB in tests) → 413 FILE_TOO_LARGE; no job is created and the server answers the next request', async () => {
    const jobs = await countRows('import_jobs');
    const res = await postImport(t, qingcheng, 'teachers', 'huge.csv', Buffer.alloc(6 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toMatchObject({ code: 'FILE_TOO_LARGE', requestId: expect.any(String) });
    expect(body.error.message).toContain('5 MB');
    expect(await countRows('import_jobs')).toBe(jobs);

    const next = await t.app.inject({ url: '/api/v1/imports', headers: qingcheng.headers });
    expect(next.statusCode).toBe(200);
  });
});

// ---------- who may do what ----------

describe('imports: sessions, roles and ownership', () => {
  let ownJobId: string;

  beforeAll(async () => {
    const job = await dryRun(
      t,
      qingcheng,
      'teachers',
      'own.xlsx',
      await workbook(TEACHER_HEADERS, [goodTeacher(schoolQ).row]),
    );
    ownJobId = job.id;
  });

  it('401 UNAUTHENTICATED without a session on every imports route', async () => {
    const { payload, contentType } = multipart(
      { kind: 'teachers' },
      { name: 'x.csv', body: Buffer.from(csvText(TEACHER_HEADERS, [])) },
    );
    const requests = [
      { method: 'GET' as const, url: '/api/v1/imports' },
      { method: 'POST' as const, url: '/api/v1/imports', payload, headers: { 'content-type': contentType } },
      { method: 'GET' as const, url: `/api/v1/imports/${ownJobId}` },
      { method: 'GET' as const, url: `/api/v1/imports/${ownJobId}/errors` },
      { method: 'GET' as const, url: `/api/v1/imports/${ownJobId}/errors.xlsx` },
      { method: 'POST' as const, url: `/api/v1/imports/${ownJobId}/commit`, payload: { mode: 'valid' } },
      { method: 'GET' as const, url: '/api/v1/imports/templates/teachers' },
      { method: 'GET' as const, url: `/api/v1/exports/teachers?orgId=${schoolQ.id}` },
    ];
    for (const r of requests) {
      const res = await t.app.inject(r);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    expect((await importJob(t, qingcheng, ownJobId)).status).toBe('validated');
  });

  it('403 FORBIDDEN for tdc staff (may read teachers, may not import), and no job is created', async () => {
    const tdc = await login(t.app, 'tdc');
    const jobs = await countRows('import_jobs');
    const res = await postImport(
      t,
      tdc,
      'teachers',
      't.xlsx',
      await workbook(TEACHER_HEADERS, [goodTeacher(schoolQ).row]),
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(await countRows('import_jobs')).toBe(jobs);
  });

  it('another user’s job is 404 on status, errors, error report and commit, and missing from their list', async () => {
    for (const url of [
      `/api/v1/imports/${ownJobId}`,
      `/api/v1/imports/${ownJobId}/errors`,
      `/api/v1/imports/${ownJobId}/errors.xlsx`,
    ]) {
      const res = await t.app.inject({ url, headers: yingde.headers });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const res = await postImportCommit(t, yingde, ownJobId, 'valid');
    expect(res.statusCode).toBe(404);
    const list = await t.app.inject({ url: '/api/v1/imports', headers: yingde.headers });
    expect((list.json() as { items: ImportJob[] }).items.map((j) => j.id)).not.toContain(ownJobId);
    const mine = await t.app.inject({ url: '/api/v1/imports?pageSize=200', headers: qingcheng.headers });
    expect((mine.json() as { items: ImportJob[] }).items.map((j) => j.id)).toContain(ownJobId);
    expect((await importJob(t, qingcheng, ownJobId)).status).toBe('validated');
  });

  it('403 CSRF_FAILED on POST /imports and POST …/commit without x-csrf-token', async () => {
    const jobs = await countRows('import_jobs');
    const { payload, contentType } = multipart(
      { kind: 'teachers' },
      { name: 't.xlsx', body: await workbook(TEACHER_HEADERS, [goodTeacher(schoolQ).row]) },
    );
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      headers: { cookie: qingcheng.cookie, 'content-type': contentType },
      payload,
    });
    expect(up.statusCode).toBe(403);
    expect(up.json().error.code).toBe('CSRF_FAILED');
    expect(await countRows('import_jobs')).toBe(jobs);

    const c = await t.app.inject({
      method: 'POST',
      url: `/api/v1/imports/${ownJobId}/commit`,
      headers: { cookie: qingcheng.cookie },
      payload: { mode: 'all' },
    });
    expect(c.statusCode).toBe(403);
    expect(c.json().error.code).toBe('CSRF_FAILED');
    expect((await importJob(t, qingcheng, ownJobId)).status).toBe('validated');
  });

  it('400 VALIDATION_FAILED for an unknown kind', async () => {
    const res = await postImport(
      t,
      qingcheng,
      'courses',
      'x.xlsx',
      await workbook(TEACHER_HEADERS, [goodTeacher(schoolQ).row]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'kind' } });
  });
});

// ---------- schools ----------

describe('schools import', () => {
  const codeA = '2441802701';
  const codeB = '2441802702';
  let townA: OrgRow;
  let townB: OrgRow;
  let file: Buffer;

  beforeAll(async () => {
    const towns = (await h.db
      .selectFrom('orgs')
      .selectAll()
      .where('kind', '=', 'township')
      .where('county_id', '=', countyQ.id)
      .orderBy('code')
      .execute()) as unknown as OrgRow[];
    const town = towns.find((x) => x.name.endsWith('镇'));
    const other = towns.find((x) => x !== town);
    if (!town || !other) throw new Error('清城区 needs a 镇 and one more township in the demo region');
    townA = town;
    townB = other;
  });

  it('new schools under a 乡镇 given by name and by 9-digit code; COUNTY_CODE.NOT_FOUND and SCOPE.COUNTY rows are left out', async () => {
    const taken = await h.db
      .selectFrom('orgs')
      .select('id')
      .where('code', 'in', [codeA, codeB, '2441899701', '2441881701'])
      .execute();
    expect(taken).toEqual([]);
    const good = [
      schoolRow({
        schoolCode: codeA,
        name: '清城区测试实验小学',
        countyCode: countyQ.code,
        township: townA.name,
        schoolType: '小学',
        stages: '小学',
        locationType: '镇区',
      }),
      schoolRow({
        schoolCode: codeB,
        name: '清城区测试第二中学',
        countyCode: countyQ.code,
        township: townB.code,
        schoolType: '九年一贯制学校',
        stages: '小学、初中',
        locationType: '乡村',
        group: '清城区测试教育集团',
      }),
    ];
    const bad = [
      schoolRow({
        schoolCode: '2441899701',
        name: '不存在区县的学校',
        countyCode: '441899',
        schoolType: '小学',
        stages: '小学',
        locationType: '城区',
      }),
      schoolRow({
        schoolCode: '2441881701',
        name: '英德测试小学',
        countyCode: countyY.code,
        schoolType: '小学',
        stages: '小学',
        locationType: '城区',
      }),
    ];
    file = await workbook(SCHOOL_HEADERS, good);
    const job = await dryRun(
      t,
      qingcheng,
      'schools',
      '学校.xlsx',
      await workbook(SCHOOL_HEADERS, [...good, ...bad]),
    );
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ status: 'validated', totalRows: 4, errorRows: 2, toCreate: 2 });
    const errors = await rowErrors(qingcheng, job.id);
    expect(errors.map((e) => [e.row, e.column, e.value, e.rule])).toEqual([
      [4, '所属区县代码', '441899', 'COUNTY_CODE.NOT_FOUND'],
      [5, '所属区县代码', countyY.code, 'SCOPE.COUNTY'],
    ]);

    const orgs = await countRows('orgs');
    const refused = await postImportCommit(t, qingcheng, job.id, 'all');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect(await countRows('orgs')).toBe(orgs);

    const done = await commitImport(t, qingcheng, job.id, 'valid');
    expect(done).toMatchObject({ status: 'committed', committedRows: 2 });
    expect(await countRows('orgs')).toBe(orgs + 2);
    const made = await h.db
      .selectFrom('orgs')
      .selectAll()
      .where('code', 'in', [codeA, codeB])
      .orderBy('code')
      .execute();
    expect(made).toHaveLength(2);
    expect(made[0]).toMatchObject({
      kind: 'school',
      name: '清城区测试实验小学',
      parent_id: townA.id,
      county_id: countyQ.id,
      city_id: countyQ.city_id,
      path: `${townA.path}${made[0]?.id}/`,
      depth: townA.depth + 1,
      stages: [code('stages', '小学')],
      school_type: code('schoolTypes', '小学'),
      location_type: code('locationTypes', '镇区'),
      group_name: null,
    });
    expect(made[1]).toMatchObject({
      parent_id: townB.id,
      path: `${townB.path}${made[1]?.id}/`,
      stages: [code('stages', '小学'), code('stages', '初中')],
      school_type: code('schoolTypes', '九年一贯制学校'),
      location_type: code('locationTypes', '乡村'),
      group_name: '清城区测试教育集团',
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'import.schools.commit')
      .where('entity_id', '=', job.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('re-importing the same schools: unchanged = 2, nothing to create or update', async () => {
    const job = await dryRun(t, qingcheng, 'schools', '学校.xlsx', file);
    expect(job).toMatchObject({ status: 'validated', errorRows: 0, toCreate: 0, toUpdate: 0, unchanged: 2 });
  });

  it('a new school takes teachers right away; moving it to another 乡镇 moves its teachers’ org paths too', async () => {
    const a = goodTeacher({ ...schoolQ, code: codeA }, { name: '新校师' });
    const job = await dryRun(t, qingcheng, 'teachers', 't.xlsx', await workbook(TEACHER_HEADERS, [a.row]));
    expect(job).toMatchObject({ errorRows: 0, toCreate: 1 });
    await commitImport(t, qingcheng, job.id, 'all');

    const moved = await workbook(SCHOOL_HEADERS, [
      schoolRow({
        schoolCode: codeA,
        name: '清城区测试实验小学',
        countyCode: countyQ.code,
        township: townB.name,
        schoolType: '小学',
        stages: '小学',
        locationType: '镇区',
      }),
    ]);
    const move = await dryRun(t, qingcheng, 'schools', 'move.xlsx', moved);
    expect(move).toMatchObject({ errorRows: 0, toCreate: 0, toUpdate: 1, unchanged: 0 });
    await commitImport(t, qingcheng, move.id, 'all');

    const school = await h.db
      .selectFrom('orgs')
      .selectAll()
      .where('code', '=', codeA)
      .executeTakeFirstOrThrow();
    expect(school).toMatchObject({ parent_id: townB.id, path: `${townB.path}${school.id}/` });
    const [teacher] = await teachersByIdNumber([a.idNumber]);
    expect(teacher).toMatchObject({ school_id: school.id, org_path: school.path });
  });
});

describe('imports: after a restart', () => {
  it('a validated job whose dry run is no longer in memory must be uploaded again (409 IMPORT_NOT_READY), nothing written', async () => {
    const a = goodTeacher(schoolQ, { name: '重启甲' });
    const job = await dryRun(
      t,
      qingcheng,
      'teachers',
      'restart.xlsx',
      await workbook(TEACHER_HEADERS, [a.row]),
    );
    expect(job.status).toBe('validated');
    const restarted = await buildTestApp(h.db);
    try {
      const seen = await restarted.app.inject({
        url: `/api/v1/imports/${job.id}`,
        headers: qingcheng.headers,
      });
      expect(seen.json()).toMatchObject({ status: 'validated', toCreate: 1 });
      const res = await restarted.app.inject({
        method: 'POST',
        url: `/api/v1/imports/${job.id}/commit`,
        headers: qingcheng.headers,
        payload: { mode: 'all' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('IMPORT_NOT_READY');
      expect(res.json().error.message).toContain('重新上传');
      expect(await teachersByIdNumber([a.idNumber])).toEqual([]);
    } finally {
      await restarted.app.close();
    }
  });
});

// ---------- export ----------

describe('GET /api/v1/exports/teachers', () => {
  it('exports a school in the template format; re-importing the export changes nothing', async () => {
    const res = await t.app.inject({
      url: `/api/v1/exports/teachers?orgId=${schoolQ.id}`,
      headers: qingcheng.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = await readRows(res.rawPayload);
    const templateRows = await readRows(await template('teachers'));
    expect(rows[0]).toEqual(templateRows[0]);
    const inSchool = await h.db
      .selectFrom('teachers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('school_id', '=', schoolQ.id)
      .executeTakeFirstOrThrow();
    const n = Number(inSchool.n);
    expect(n).toBeGreaterThan(3);
    expect(rows).toHaveLength(n + 1);

    const job = await dryRun(t, qingcheng, 'teachers', 'export.xlsx', res.rawPayload);
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: n,
      errorRows: 0,
      toCreate: 0,
      toUpdate: 0,
      unchanged: n,
    });
  });

  it('404 for another county’s school', async () => {
    const res = await t.app.inject({
      url: `/api/v1/exports/teachers?orgId=${schoolY.id}`,
      headers: qingcheng.headers,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/v1/exports/schools', () => {
  it('exports a county’s schools in the template format; re-importing the export changes nothing', async () => {
    const res = await t.app.inject({
      url: `/api/v1/exports/schools?orgId=${countyQ.id}`,
      headers: qingcheng.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const rows = await readRows(res.rawPayload);
    expect(rows[0]).toEqual(SCHOOL_HEADERS);
    const schools = await h.db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'school')
      .where('county_id', '=', countyQ.id)
      .executeTakeFirstOrThrow();
    const n = Number(schools.n);
    expect(rows).toHaveLength(n + 1);

    const job = await dryRun(t, qingcheng, 'schools', 'schools-export.xlsx', res.rawPayload);
    expect(await rowErrors(qingcheng, job.id)).toEqual([]);
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: n,
      errorRows: 0,
      toCreate: 0,
      toUpdate: 0,
      unchanged: n,
    });
  });
});
