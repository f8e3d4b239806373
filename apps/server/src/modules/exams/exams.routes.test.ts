import type { Exam, ExamCycle, ExamReport, ExamUpload, ExamWarning, SchoolTrend } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
} from '../../test/factories';
import { ITEMS_CSV, multipartFiles, scoresCsv } from '../../test/fixtures/exam-files';
import { pdfText } from '../../test/pdf-text';
import { apiClient, errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let city: OrgRow;
let qingcheng: OrgRow;
let q0: OrgRow; // 清城 school with 12 students
let q1: OrgRow; // 清城 school with 9 students (suppressed)
let q2: OrgRow; // 清城 school with exactly 10 students (shown)
let y0: OrgRow; // 英德 school
let examId: string;

type Json = Record<string, unknown>;
const { req } = apiClient(() => t, s);

async function upload(who: string, id: string, files: Record<string, { name: string; body: string }>) {
  const { payload, contentType } = multipartFiles(files);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/exams/${id}/uploads`,
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
}

async function createExam(who: string, body: Partial<Json> = {}): Promise<Exam> {
  const r = await req('POST', '/exams', who, {
    name: '2026 秋季七年级数学期末',
    semester: '2026-2027-1',
    stage: 'junior',
    subject: 'math',
    grade: '七年级',
    fullMarks: 100,
    kind: 'routine',
    examDate: '2027-01-10',
    ownerOrgId: city.id,
    ...body,
  });
  if (r.statusCode !== 201) throw new Error(`exam: ${r.statusCode} ${r.body}`);
  return r.json() as Exam;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 2500); // one school per 50 teachers: ~50 schools to sample from
  t = await buildTestApp(h.db);
  city = await orgByName(h.db, 'city', '清远');
  qingcheng = await orgByName(h.db, 'county', '清城');
  q0 = await schoolIn(h.db, '清城', 0);
  q1 = await schoolIn(h.db, '清城', 1);
  q2 = await schoolIn(h.db, '清城', 2);
  y0 = await schoolIn(h.db, '英德', 0);
  await buildAccount(h.db, 'x_city', 'bureau_admin', city);
  await buildAccount(h.db, 'x_qc', 'bureau_admin', qingcheng);
  await buildAccount(h.db, 'x_yd', 'bureau_admin', await orgByName(h.db, 'county', '英德'));
  await buildAccount(h.db, 'x_q0', 'school_admin', q0);
  await buildAccount(h.db, 'x_y0', 'school_admin', y0);
  for (const u of ['x_city', 'x_qc', 'x_yd', 'x_q0', 'x_y0']) s[u] = await login(t.app, u);
  examId = (await createExam('x_city')).id;
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('exam upload: dry run with row errors, all-or-nothing commit', () => {
  it('reports every bad cell by file, row, column, value and rule; the commit is refused', async () => {
    const bad = scoresCsv([{ key: q0.name, count: 3, level: 0.8 }], 'B', [
      `B9,${q0.name},1班,21,0,0,0,0`, // row 5: above max
      `B10,不存在的学校,1班,1,1,1,1,1`, // row 6: unknown school
      `B11,${q0.name},1班,x,1,1,1,1`, // row 7: not a number
      `B0-0,${q0.name},1班,1,1,1,1,1`, // row 8: duplicate student
    ]);
    const r = await upload('x_city', examId, {
      scores: { name: 'scores.csv', body: bad },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    expect(r.statusCode).toBe(200);
    const u = r.json() as ExamUpload;
    expect(u.ok).toBe(false);
    const byRule = Object.fromEntries(u.errors.map((e) => [e.rule, e]));
    expect(byRule.ABOVE_MAX).toMatchObject({ file: 'scores', row: 5, column: 'Q1', value: '21' });
    expect(byRule.NOT_A_NUMBER).toMatchObject({ row: 7, column: 'Q1', value: 'x' });
    expect(byRule.DUPLICATE_STUDENT).toMatchObject({ row: 8, column: 'student_id' });
    expect(byRule.UNKNOWN_SCHOOL).toMatchObject({ row: 6, column: 'school', value: '不存在的学校' });

    const x = await req('GET', `/exams/${examId}/uploads/${u.id}/errors.xlsx`, 'x_city');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('错误明细')?.rowCount).toBe(u.errorCount + 1);

    const c = await req('POST', `/exams/${examId}/uploads/${u.id}/commit`, 'x_city');
    expect(c.statusCode).toBe(409);
    expect(c.json().error.code).toBe('IMPORT_HAS_ERRORS');
    const e = await req('GET', `/exams/${examId}`, 'x_city');
    expect(e.json().students).toBe(0);
  });

  it('a county cannot upload scores of a school outside its county (error names the row)', async () => {
    const countyExam = await createExam('x_qc', { ownerOrgId: qingcheng.id, name: '清城区七年级数学' });
    const r = await upload('x_qc', countyExam.id, {
      scores: {
        name: 'scores.csv',
        body: scoresCsv([
          { key: q0.name, count: 2, level: 0.5 },
          { key: y0.name, count: 1, level: 0.5 },
        ]),
      },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    const u = r.json() as ExamUpload;
    expect(u.ok).toBe(false);
    expect(u.errors).toEqual([
      expect.objectContaining({ row: 4, column: 'school', value: y0.name, rule: 'SCHOOL_OUT_OF_SCOPE' }),
    ]);
    // and a county cannot even see the city's upload endpoint as a manager
    const other = await upload('x_yd', countyExam.id, {
      scores: { name: 's.csv', body: scoresCsv([{ key: y0.name, count: 1, level: 0.5 }]) },
      items: { name: 'i.csv', body: ITEMS_CSV },
    });
    expect(other.statusCode).toBe(404);
  });

  it('commits a clean file (absent students kept apart) and the analysis follows new data', async () => {
    const body = scoresCsv(
      [
        { key: q0.code ?? q0.name, count: 12, level: 0.9 },
        { key: q1.name, count: 9, level: 0.5 },
        { key: q2.name, count: 10, level: 0.6 },
        { key: y0.name, count: 15, level: 0.7 },
      ],
      'S',
      [`A1,${q0.name},1班,缺考,,,,`],
    );
    const r = await upload('x_city', examId, {
      scores: { name: 'scores.csv', body },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    const u = r.json() as ExamUpload;
    expect(u).toMatchObject({ ok: true, students: 46, absent: 1, items: 5, schools: 4, errorCount: 0 });
    const c = await req('POST', `/exams/${examId}/uploads/${u.id}/commit`, 'x_city');
    expect(c.statusCode).toBe(200);
    expect(c.json().committed).toBe(true);
    const e = (await req('GET', `/exams/${examId}`, 'x_city')).json();
    expect(e).toMatchObject({ students: 46, absent: 1, items: 5, hasData: true });
    const rows = await h.db.selectFrom('exam_students').selectAll().where('exam_id', '=', examId).execute();
    expect(rows).toHaveLength(47);
    expect(rows.find((x) => x.student_id === 'A1')).toMatchObject({
      absent: true,
      total: null,
      scores: null,
    });
    expect(rows.find((x) => x.student_id === 'S0-0')?.county_id).toBe(qingcheng.id);
  });
});

describe('reports by audience (SZ-12, R-002-58, suppression)', () => {
  it('the city monitoring office sees full diagnostics of every school, with ranks and items', async () => {
    const r = (await req('GET', `/exams/${examId}/report`, 'x_city')).json() as ExamReport;
    expect(r.audience).toBe('monitoring');
    expect(r.mode).toBe('full');
    expect(r.policy.ranks).toBe(true);
    expect(r.items).toHaveLength(5);
    expect(r.overall.totals?.n).toBe(46);
    expect(r.overall.absent).toBe(1);
    expect(r.schools.map((x) => x.schoolId).sort()).toEqual([q0.id, q1.id, q2.id, y0.id].sort());
    expect(r.schools.find((x) => x.schoolId === q0.id)?.rank).toBe(1);
    expect(r.bands?.reduce((a, b) => a + b.count, 0)).toBe(46);
  });

  it('suppresses a school of n = 9 and shows one of n = 10 (minGroupN 10)', async () => {
    const r = (await req('GET', `/exams/${examId}/report`, 'x_city')).json() as ExamReport;
    const nine = r.schools.find((x) => x.schoolId === q1.id);
    const ten = r.schools.find((x) => x.schoolId === q2.id);
    expect(nine).toMatchObject({ suppressed: true, n: null, totals: null, grades: null, rank: null });
    expect(ten?.suppressed).toBe(false);
    expect(ten?.n).toBe(10);
    expect(ten?.totals?.mean).toBeTypeOf('number');
  });

  it('a county sees its own schools only; another county’s exam is out of reach', async () => {
    const r = (await req('GET', `/exams/${examId}/report`, 'x_qc')).json() as ExamReport;
    expect(r.audience).toBe('monitoring');
    expect(r.schools.map((x) => x.schoolId).sort()).toEqual([q0.id, q1.id, q2.id].sort());
    const yd = (await req('GET', `/exams/${examId}/report`, 'x_yd')).json() as ExamReport;
    expect(yd.schools.map((x) => x.schoolId)).toEqual([y0.id]);
    // 清城's own exam: 英德 gets 404
    const own = await createExam('x_qc', { ownerOrgId: qingcheng.id, name: '清城区自测' });
    expect((await req('GET', `/exams/${own.id}/report`, 'x_yd')).statusCode).toBe(404);
    expect((await req('GET', `/exams/${own.id}`, 'x_yd')).statusCode).toBe(404);
    const list = (await req('GET', '/exams', 'x_yd')).json() as Exam[];
    expect(list.map((x) => x.id)).toContain(examId);
    expect(list.map((x) => x.id)).not.toContain(own.id);
  });

  it('SZ-12/R-002-58: a school admin gets grade bands of its own school only, never ranks or scores', async () => {
    const res = await req('GET', `/exams/${examId}/report`, 'x_q0');
    expect(res.statusCode).toBe(200);
    const r = res.json() as ExamReport;
    expect(r.audience).toBe('school');
    expect(r.mode).toBe('grades');
    expect(r.policy.ranks).toBe(false);
    expect(r.items).toBeNull();
    expect(r.bands).toBeNull();
    expect(r.warnings).toBeNull();
    expect(r.overall.totals).toBeNull();
    expect(r.schools).toHaveLength(1);
    const own = r.schools[0];
    expect(own?.schoolId).toBe(q0.id);
    expect(own?.rank).toBeNull();
    expect(own?.totals).toBeNull();
    expect(own?.grades?.reduce((a, g) => a + g.count, 0)).toBe(12);
    expect(JSON.stringify(r)).not.toContain(y0.name);
    // the overall figures are the city's, and say so (全市), so the school never reads them as its own
    expect(r.region).toEqual({ orgId: city.id, name: city.name, scope: 'city' });
    // the export carries exactly the same: no rank column, no score columns
    const x = await req('GET', `/exams/${examId}/report.xlsx`, 'x_q0');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const header = ((wb.getWorksheet('学校')?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
    expect(header).not.toContain('名次');
    expect(header).not.toContain('平均分');
    expect(wb.getWorksheet('学校')?.rowCount).toBe(2);
    expect(wb.getWorksheet('小题')).toBeUndefined();
    const facts = new Map(
      (wb.getWorksheet('概况')?.getSheetValues() ?? []).flatMap((row) =>
        Array.isArray(row) ? [[String(row[1]), String(row[2])] as const] : [],
      ),
    );
    expect(facts.get('统计范围')).toBe(`全市（${city.name}）`);
    expect(facts.get('等级划分')).toBe('A ≥ 85%，B ≥ 70%，C ≥ 60%，D < 60%');
  });

  it('a school sees its own scores (still no ranks) for a monitoring exam; other schools never', async () => {
    const m = await createExam('x_city', { kind: 'monitoring', name: '监测卷' });
    const u = (
      await upload('x_city', m.id, {
        scores: {
          name: 's.csv',
          body: scoresCsv([
            { key: q0.name, count: 11, level: 0.7 },
            { key: y0.name, count: 11, level: 0.6 },
          ]),
        },
        items: { name: 'i.csv', body: ITEMS_CSV },
      })
    ).json() as ExamUpload;
    await req('POST', `/exams/${m.id}/uploads/${u.id}/commit`, 'x_city');
    const r = (await req('GET', `/exams/${m.id}/report`, 'x_y0')).json() as ExamReport;
    expect(r.mode).toBe('scores');
    expect(r.schools.map((x) => x.schoolId)).toEqual([y0.id]);
    expect(r.schools[0]?.totals?.n).toBe(11);
    expect(r.schools[0]?.rank).toBeNull();
    expect(r.schools[0]?.standardised).toBeNull();
    expect(r.items).toBeNull();
  });

  it('grade cut-offs are settings: changing them recomputes the cached grades', async () => {
    const before = (await req('GET', `/exams/${examId}/report`, 'x_city')).json() as ExamReport;
    const bad = await req('PUT', `/exams/${examId}/report-settings`, 'x_city', {
      gradeCuts: [
        { grade: '优', from: 0.5 },
        { grade: '良', from: 0.6 },
        { grade: '差', from: 0 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const ok = await req('PUT', `/exams/${examId}/report-settings`, 'x_city', {
      gradeCuts: [
        { grade: '优', from: 0.5 },
        { grade: '待提高', from: 0 },
      ],
      minGroupN: 9,
    });
    expect(ok.statusCode).toBe(200);
    expect((await req('PUT', `/exams/${examId}/report-settings`, 'x_q0', { minGroupN: 1 })).statusCode).toBe(
      403,
    );
    const after = (await req('GET', `/exams/${examId}/report`, 'x_city')).json() as ExamReport;
    expect(after.overall.grades.map((g) => g.grade)).toEqual(['优', '待提高']);
    expect(after.schools.find((x) => x.schoolId === q1.id)?.suppressed).toBe(false);
    expect(before.overall.grades.map((g) => g.grade)).toEqual(['A', 'B', 'C', 'D']);
    await req('PUT', `/exams/${examId}/report-settings`, 'x_city', {});
  });
});

describe('report PDF: the same audience-filtered report (SZ-12, R-002-58, suppression)', () => {
  const pdf = (id: string, who?: string) => req('GET', `/exams/${id}/report.pdf`, who);

  it('401 without a session', async () => {
    expect((await pdf(examId)).statusCode).toBe(401);
  });

  it('the city monitoring office: A4 PDF, font embedded, every school, ranks, items, n = 9 suppressed', async () => {
    const res = await pdf(examId, 'x_city');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.includes('NotoSansSC')).toBe(true);
    const text = pdfText(res.rawPayload);
    for (const x of [q0, q1, q2, y0]) expect(text).toContain(x.name);
    expect(text).toContain('名次');
    expect(text).toContain('小题难度与区分度');
    expect(text).toContain('—，n < 10'); // q1 has 9 students
    expect(text).not.toContain('不含排名');
  });

  it('a school admin: its own school only, grade bands, no rank or score column, footer says SZ-12 / R-002-58 in words', async () => {
    const res = await pdf(examId, 'x_q0');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain(q0.name);
    for (const x of [q1, q2, y0]) expect(text).not.toContain(x.name);
    expect(text).not.toContain('名次');
    expect(text).not.toContain('平均分');
    expect(text).not.toContain('小题');
    expect(text).toContain('等级分布');
    expect(text).toContain('义务教育阶段考试成绩呈现实行等级制');
    expect(text).toContain('不公布成绩排名');
    // the footer's sentence is words; the rule IDs stay in the facts table's 依据 line
    expect(text).not.toContain('依据 SZ-12（');
  });

  it('a county’s exam: its own county gets the PDF, an admin of another county 404', async () => {
    const own = await createExam('x_qc', { ownerOrgId: qingcheng.id, name: '清城区PDF测试' });
    const u = (
      await upload('x_qc', own.id, {
        scores: { name: 's.csv', body: scoresCsv([{ key: q0.name, count: 11, level: 0.7 }]) },
        items: { name: 'i.csv', body: ITEMS_CSV },
      })
    ).json() as ExamUpload;
    expect(u.ok).toBe(true);
    await req('POST', `/exams/${own.id}/uploads/${u.id}/commit`, 'x_qc');
    expect((await pdf(own.id, 'x_qc')).statusCode).toBe(200);
    const other = await pdf(own.id, 'x_yd');
    expect(other.statusCode).toBe(404);
    expect(other.headers['content-type']).toContain('application/json');
  });
});

describe('monitoring cycles: sample, trends, warnings (R-002-11, R-002-12)', () => {
  let cycle: ExamCycle;
  it('draws a reproducible stratified sample; only managers may draw', async () => {
    const r = await req('POST', '/exam-cycles', 'x_city', {
      name: '2026 学年质量监测',
      semester: '2026-2027',
      ownerOrgId: city.id,
    });
    expect(r.statusCode).toBe(201);
    cycle = r.json() as ExamCycle;
    const a = (
      await req('POST', `/exam-cycles/${cycle.id}/sample`, 'x_city', { seed: 'qy-2026', schools: 20 })
    ).json() as ExamCycle;
    const b = (
      await req('POST', `/exam-cycles/${cycle.id}/sample`, 'x_city', { seed: 'qy-2026', schools: 20 })
    ).json() as ExamCycle;
    expect(a.sample?.strata.flatMap((x) => x.selected)).toEqual(b.sample?.strata.flatMap((x) => x.selected));
    expect(a.sample?.strata.reduce((n, x) => n + x.selected.length, 0)).toBe(20);
    expect(new Set(a.sample?.strata.map((x) => x.countyId)).size).toBeGreaterThan(1);
    expect(
      (await req('POST', `/exam-cycles/${cycle.id}/sample`, 'x_q0', { seed: 'x', schools: 5 })).statusCode,
    ).toBe(403);
    // back to a census for the trend test below
    await h.db.updateTable('exam_cycles').set({ sample: null }).where('id', '=', cycle.id).execute();
  });

  it('trends across the cycle with value-added from the previous exam, and early warnings for monitors only', async () => {
    const schools = [
      { key: q0.name, count: 12, level: 0.8 },
      { key: q2.name, count: 10, level: 0.6 },
      { key: y0.name, count: 12, level: 0.7 },
    ];
    const first = await createExam('x_city', { name: '期中', cycleId: cycle.id, examDate: '2026-11-10' });
    const second = await createExam('x_city', { name: '期末', cycleId: cycle.id, examDate: '2027-01-10' });
    for (const [e, lv] of [
      [first, [0.8, 0.6, 0.7]],
      [second, [0.85, 0.3, 0.7]],
    ] as const) {
      const u = (
        await upload('x_city', e.id, {
          scores: { name: 's.csv', body: scoresCsv(schools.map((x, i) => ({ ...x, level: lv[i] ?? 0.5 }))) },
          items: { name: 'i.csv', body: ITEMS_CSV },
        })
      ).json() as ExamUpload;
      expect(u.ok).toBe(true);
      await req('POST', `/exams/${e.id}/uploads/${u.id}/commit`, 'x_city');
    }
    const trends = (await req('GET', `/exam-cycles/${cycle.id}/trends`, 'x_city')).json() as SchoolTrend[];
    const t2 = trends.find((x) => x.schoolId === q2.id);
    expect(t2?.points.map((p) => p.examName)).toEqual(['期中', '期末']);
    expect((t2?.points[1]?.scoreRate ?? 1) < (t2?.points[0]?.scoreRate ?? 0)).toBe(true);
    expect(t2?.points[1]?.va).toBeLessThan(0);
    expect(t2?.points[0]?.va).toBeNull(); // no prior for the first exam
    const warnings = (
      await req('GET', `/exam-cycles/${cycle.id}/warnings`, 'x_city')
    ).json() as ExamWarning[];
    expect(warnings).toContainEqual(expect.objectContaining({ rule: 'EW-DROP', schoolId: q2.id }));
    expect(warnings).toContainEqual(expect.objectContaining({ rule: 'EW-BELOW', schoolId: q2.id }));
    // the code and values the web words each warning from, beside the Chinese sentence
    const drop = warnings.find((w) => w.rule === 'EW-DROP' && w.schoolId === q2.id);
    expect(drop).toMatchObject({ metric: 'score_rate', margin: 0.05 });
    expect(drop?.value).toBeLessThan(drop?.reference ?? 0);
    const below = warnings.find((w) => w.rule === 'EW-BELOW' && w.schoolId === q2.id);
    expect(below).toMatchObject({ metric: 'score_rate', reference: 0.5 });
    expect(below).not.toHaveProperty('margin');
    expect((await req('GET', `/exam-cycles/${cycle.id}/warnings`, 'x_q0')).statusCode).toBe(403);
    const yd = (await req('GET', `/exam-cycles/${cycle.id}/warnings`, 'x_yd')).json() as Array<{
      schoolId: string;
    }>;
    expect(yd.every((w) => w.schoolId === y0.id)).toBe(true);
    // a school's trend: its own school, grade bands (routine junior exam), no value-added
    const own = (await req('GET', `/exam-cycles/${cycle.id}/trends`, 'x_q0')).json() as SchoolTrend[];
    expect(own.map((x) => x.schoolId)).toEqual([q0.id]);
    expect(own[0]?.points.every((p) => p.mode === 'grades' && p.scoreRate === null && p.va === null)).toBe(
      true,
    );
  });

  it('indicator systems per 学段 × 学科 are edited by managers and read in scope', async () => {
    const body = {
      ownerOrgId: city.id,
      stage: 'junior',
      subject: 'math',
      indicators: [
        { name: '学业水平', weight: 0.6 },
        { name: '学习兴趣', weight: 0.4 },
      ],
    };
    const r = await req('PUT', '/exam-indicators', 'x_city', body);
    expect(r.statusCode).toBe(200);
    expect(r.json()[0]).toMatchObject({ stage: 'junior', subject: 'math', weightTotal: 1 });
    expect((await req('PUT', '/exam-indicators', 'x_qc', body)).statusCode).toBe(403);
    expect((await req('GET', `/exam-indicators?ownerOrgId=${city.id}`, 'x_q0')).json()).toHaveLength(1);
  });
});

describe('hardening: out of scope reads like not found (exams, cycles and indicators for a unit)', () => {
  const made = (ownerOrgId: string) => ({
    exam: {
      name: 'x',
      semester: '2026-2027-1',
      stage: 'junior',
      subject: 'math',
      grade: '七年级',
      fullMarks: 100,
      kind: 'routine',
      examDate: '2027-01-10',
      ownerOrgId,
    },
    cycle: { name: 'x', semester: '2026-2027-1', ownerOrgId },
    indicators: {
      ownerOrgId,
      stage: 'junior',
      subject: 'math',
      indicators: [{ name: '学业水平', weight: 1 }],
    },
  });

  it("another county's school answers 404 exactly as an unknown unit; the county's own city still 403 (known, not managed)", async () => {
    const foreign = made(y0.id);
    const unknown = made('987654321');
    for (const [method, url, key] of [
      ['POST', '/exams', 'exam'],
      ['POST', '/exam-cycles', 'cycle'],
      ['PUT', '/exam-indicators', 'indicators'],
    ] as const) {
      const a = await req(method, url, 'x_qc', foreign[key]);
      const b = await req(method, url, 'x_qc', unknown[key]);
      expect(a.statusCode, url).toBe(404);
      expect(errorOf(a), url).toEqual(errorOf(b));
    }
    expect((await req('POST', '/exams', 'x_qc', made(city.id).exam)).statusCode).toBe(403);
  });
});
