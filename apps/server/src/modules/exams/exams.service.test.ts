import { EXAM_REPORT_POLICY } from '@yanxun/core/exams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import { orgByName, schoolIn, seedRegion } from '../../test/factories';
import { ITEMS_CSV, scoresCsv } from '../../test/fixtures/exam-files';
import { createAuditService } from '../audit';
import type { OrgRow } from '../org';
import { warningMessage } from './cycles/warnings.service';
import { createExamsRepository, createExamsService, type ExamsService } from './index';

let h: DatabaseHandle;
let svc: ExamsService;
let city: OrgRow;
let county: OrgRow;
let a: OrgRow;
let b: OrgRow;

const actor = (role: Actor['grants'][number]['role'], org: OrgRow, accountId = '1'): Actor => ({
  accountId,
  username: `${role}@${org.id}`,
  displayName: role,
  teacherId: null,
  requestId: 'test',
  ip: null,
  grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
});

async function thrown(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

const files = (scores: string) => ({
  scores: { name: 'scores.csv', buf: Buffer.from(scores) },
  items: { name: 'items.csv', buf: Buffer.from(ITEMS_CSV) },
});

async function newExam(kind: 'routine' | 'monitoring' = 'routine', cycleId?: string) {
  return svc.createExam(actor('bureau_admin', city), {
    name: '测试卷',
    semester: '2026-2027-1',
    stage: 'primary',
    subject: 'math',
    grade: '六年级',
    fullMarks: 100,
    kind,
    ownerOrgId: city.id,
    ...(cycleId ? { cycleId } : {}),
  });
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  svc = createExamsService({
    db: h.db,
    repo: createExamsRepository(h.db),
    audit: createAuditService({ db: h.db }),
  });
  city = await orgByName(h.db, 'city', '清远');
  county = await orgByName(h.db, 'county', '清城');
  a = await schoolIn(h.db, '清城', 0);
  b = await schoolIn(h.db, '英德', 0);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('exams service', () => {
  it('recomputes the cached analysis when new data is committed (all or nothing replaces the old rows)', async () => {
    const e = await newExam();
    const boss = actor('bureau_admin', city);
    const u1 = await svc.upload(boss, e.id, files(scoresCsv([{ key: a.name, count: 12, level: 0.9 }])));
    await svc.commit(boss, e.id, u1.id);
    const r1 = await svc.report(boss, e.id);
    expect(r1.overall.n).toBe(12);
    const u2 = await svc.upload(
      boss,
      e.id,
      files(
        scoresCsv([
          { key: a.name, count: 10, level: 0.4 },
          { key: b.name, count: 11, level: 0.6 },
        ]),
      ),
    );
    await svc.commit(boss, e.id, u2.id);
    const r2 = await svc.report(boss, e.id);
    expect(r2.overall.n).toBe(21);
    expect(r2.overall.totals?.mean).toBeLessThan(r1.overall.totals?.mean ?? 0);
    const rows = await h.db
      .selectFrom('exam_students')
      .select('student_id')
      .where('exam_id', '=', e.id)
      .execute();
    expect(rows).toHaveLength(21);
    // committing the same upload twice is refused (exams.upload.test.ts); a failed upload cannot be committed
    expect((await thrown(svc.commit(boss, e.id, u2.id))).details).toMatchObject({
      reason: 'UPLOAD_COMMITTED',
    });
    const bad = await svc.upload(boss, e.id, files(scoresCsv([{ key: '无此学校', count: 1, level: 0.5 }])));
    expect((await thrown(svc.commit(boss, e.id, bad.id))).code).toBe('IMPORT_HAS_ERRORS');
    expect((await svc.report(boss, e.id)).overall.n).toBe(21);
  });

  it('reads .xlsx score sheets through the same validation', async () => {
    const e = await newExam();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成绩');
    ws.addRow(['考号', '学校', '班级', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5']);
    for (let i = 0; i < 10; i++) ws.addRow([`X${i}`, a.name, '1班', 10, 12, 14, 16, i]);
    ws.addRow(['X99', a.name, '1班', 25, 0, 0, 0, 0]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const u = await svc.upload(actor('bureau_admin', city), e.id, {
      scores: { name: 'scores.xlsx', buf },
      items: { name: 'items.csv', buf: Buffer.from(ITEMS_CSV) },
    });
    expect(u.errors).toEqual([expect.objectContaining({ row: 12, column: 'Q1', rule: 'ABOVE_MAX' })]);
  });

  it('refuses an item sheet whose max scores do not add up to the exam’s full marks', async () => {
    const e = await newExam();
    const u = await svc.upload(actor('bureau_admin', city), e.id, {
      scores: { name: 's.csv', buf: Buffer.from(scoresCsv([{ key: a.name, count: 2, level: 0.5 }])) },
      items: { name: 'i.csv', buf: Buffer.from('item_id,max_score\nQ1,20\n') },
    });
    expect(u.errors[0]).toMatchObject({ file: 'items', rule: 'FULL_MARKS_MISMATCH', value: '20' });
  });

  it('keeps a dry run to its uploader: another account cannot commit or download it', async () => {
    const e = await newExam();
    const u = await svc.upload(
      actor('bureau_admin', city, '1'),
      e.id,
      files(scoresCsv([{ key: a.name, count: 3, level: 0.5 }])),
    );
    expect((await thrown(svc.commit(actor('bureau_admin', city, '2'), e.id, u.id))).status).toBe(404);
    expect(
      (await thrown(svc.uploadErrorsWorkbook(actor('bureau_admin', city, '2'), e.id, u.id))).status,
    ).toBe(404);
  });

  it('a TDC (教师发展中心) holds exam.diagnose: full diagnostics of its county; a school admin cannot upload', async () => {
    const e = await newExam();
    const boss = actor('bureau_admin', city);
    const u = await svc.upload(
      boss,
      e.id,
      files(
        scoresCsv([
          { key: a.name, count: 12, level: 0.7 },
          { key: b.name, count: 12, level: 0.6 },
        ]),
      ),
    );
    await svc.commit(boss, e.id, u.id);
    const tdc = await svc.report(actor('tdc_staff', county), e.id);
    expect(tdc.audience).toBe('monitoring');
    expect(tdc.schools.map((s) => s.schoolId)).toEqual([a.id]);
    expect((await thrown(svc.upload(actor('school_admin', a), e.id, files('x')))).status).toBe(403);
  });

  it('a sampled cycle analyses only the sampled schools', async () => {
    const c = await svc.createCycle(actor('bureau_admin', city), {
      name: '抽样监测',
      semester: '2026',
      ownerOrgId: city.id,
    });
    const e = await newExam('monitoring', c.id);
    const boss = actor('bureau_admin', city);
    const u = await svc.upload(
      boss,
      e.id,
      files(
        scoresCsv([
          { key: a.name, count: 12, level: 0.7 },
          { key: b.name, count: 12, level: 0.6 },
        ]),
      ),
    );
    await svc.commit(boss, e.id, u.id);
    expect((await svc.report(boss, e.id)).overall.n).toBe(24);
    const drawn = await svc.drawSample(boss, c.id, { seed: 's', schools: 1 });
    const chosen = drawn.sample?.strata.flatMap((s) => s.selected) ?? [];
    expect(chosen).toHaveLength(1);
    const r = await svc.report(boss, e.id);
    const inSample = [a.id, b.id].filter((id) => chosen.includes(id)).length;
    expect(r.overall.n).toBe(inSample * 12);
    if (inSample === 0) expect(r.policy.notes.some((n) => n.startsWith('按抽样监测：'))).toBe(true);
  });

  it('words warnings with rounded values (exact values stay in value/reference)', () => {
    expect(warningMessage('某校', 'EW-BELOW', 'score_rate', 0.42134, 0.5, 0.05)).toBe(
      '某校得分率 42.1%，低于预警线 50.0%',
    );
    expect(warningMessage('某校', 'EW-DROP', 'pass_rate', 0.3, 0.6, 0.05)).toContain('从 60.0% 降到 30.0%');
    expect(EXAM_REPORT_POLICY.warning.below).toBe(0.5);
  });
});
