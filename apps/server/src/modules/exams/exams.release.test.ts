/**
 * Parents and the public: each audience sees only what it may.
 * Rules: SZ-12 (grade bands), R-002-58 (no ranks, no school league tables), Y-EXAM-PUBLIC (region aggregates
 * only, withheld below minGroupN or with fewer than 2 schools), Y-EXAM-PARENT-CODE (per-student access code;
 * after 5 wrong tries the address waits 30 minutes for that student: exams.parent-throttle.test.ts for the rest),
 * and the grade cut-off preview (validateGradeCuts).
 */
import type {
  AccessCodeStatus,
  Exam,
  ExamRelease,
  ExamReport,
  GradeCutPreview,
  ParentResults,
  PublicExamSummary,
} from '@yanxun/contracts';
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
import { apiClient, errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let city: OrgRow;
let q0: OrgRow;
let q1: OrgRow;
let q2: OrgRow;
let y0: OrgRow;
let exam: Exam;
let nowMs = Date.parse('2027-01-20T02:00:00Z');

type Json = Record<string, unknown>;
const { req } = apiClient(() => t, s);

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

async function loadScores(who: string, id: string, body: string) {
  const { payload, contentType } = multipartFiles({
    scores: { name: 'scores.csv', body },
    items: { name: 'items.csv', body: ITEMS_CSV },
  });
  const u = await t.app.inject({
    method: 'POST',
    url: `/api/v1/exams/${id}/uploads`,
    headers: { ...s[who]?.headers, 'content-type': contentType },
    payload,
  });
  const up = u.json() as { id: string; ok: boolean };
  if (!up.ok) throw new Error(`upload: ${u.body}`);
  const c = await req('POST', `/exams/${id}/uploads/${up.id}/commit`, who);
  if (c.statusCode !== 200) throw new Error(`commit: ${c.body}`);
}

/** The codes of an issued Excel list: student id → code (as printed, ABCD-2345). */
async function codesOf(res: { rawPayload: Buffer }): Promise<Map<string, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('家长查询访问码');
  const out = new Map<string, string>();
  sheet?.eachRow((row, i) => {
    if (i > 1) out.set(String(row.getCell(2).value), String(row.getCell(3).value));
  });
  return out;
}

const parent = (studentId: string, code: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/parent/results', payload: { studentId, code } });

let codesQ0: Map<string, string>;
let codesY0: Map<string, string>;

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 2500);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  city = await orgByName(h.db, 'city', '清远');
  q0 = await schoolIn(h.db, '清城', 0);
  q1 = await schoolIn(h.db, '清城', 1);
  q2 = await schoolIn(h.db, '清城', 2);
  y0 = await schoolIn(h.db, '英德', 0);
  await buildAccount(h.db, 'r_city', 'bureau_admin', city);
  await buildAccount(h.db, 'r_yd', 'bureau_admin', await orgByName(h.db, 'county', '英德'));
  await buildAccount(h.db, 'r_q0', 'school_admin', q0);
  await buildAccount(h.db, 'r_y0', 'school_admin', y0);
  for (const u of ['r_city', 'r_yd', 'r_q0', 'r_y0']) s[u] = await login(t.app, u);
  exam = await createExam('r_city');
  await loadScores(
    'r_city',
    exam.id,
    scoresCsv(
      [
        { key: q0.name, count: 12, level: 0.9 },
        { key: q1.name, count: 9, level: 0.5 },
        { key: q2.name, count: 10, level: 0.6 },
        { key: y0.name, count: 15, level: 0.7 },
      ],
      'P',
      [`PA1,${q0.name},1班,缺考,,,,`],
    ),
  );
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('grade cut-off page: preview before saving (SZ-12 grade bands, validateGradeCuts)', () => {
  const strict = [
    { grade: 'A', from: 0.95 },
    { grade: 'B', from: 0.8 },
    { grade: 'C', from: 0.6 },
    { grade: 'D', from: 0 },
  ];

  it('shows the distribution with the new cut-offs next to the saved one, and saves nothing', async () => {
    const r = await req('POST', `/exams/${exam.id}/grade-preview`, 'r_city', { gradeCuts: strict });
    expect(r.statusCode).toBe(200);
    const p = r.json() as GradeCutPreview;
    expect(p.n).toBe(46);
    expect(p.overall?.reduce((a, g) => a + g.count, 0)).toBe(46);
    expect(p.current?.reduce((a, g) => a + g.count, 0)).toBe(46);
    // a stricter A: fewer A grades than with the saved 85 %
    expect(p.overall?.[0]?.count ?? 0).toBeLessThan(p.current?.[0]?.count ?? 0);
    // schools: n = 9 suppressed, n = 10 shown
    expect(p.schools.find((x) => x.schoolId === q1.id)).toMatchObject({ suppressed: true, grades: null });
    expect(p.schools.find((x) => x.schoolId === q2.id)?.n).toBe(10);
    const report = (await req('GET', `/exams/${exam.id}/report`, 'r_city')).json() as ExamReport;
    expect(report.policy.gradeCuts[0]?.from).toBe(0.85);
  });

  it('refuses cut-offs that do not descend, leave 0–100 % or do not end at 0', async () => {
    for (const gradeCuts of [
      [
        { grade: 'A', from: 0.6 },
        { grade: 'B', from: 0.7 },
        { grade: 'C', from: 0 },
      ],
      [
        { grade: 'A', from: 1.01 },
        { grade: 'B', from: 0 },
      ],
      [
        { grade: 'A', from: 0.6 },
        { grade: 'B', from: 0.1 },
      ],
    ]) {
      const r = await req('POST', `/exams/${exam.id}/grade-preview`, 'r_city', { gradeCuts });
      expect(r.statusCode).toBe(400);
    }
    // at the boundaries: 100 % and 0 are allowed
    const ok = await req('POST', `/exams/${exam.id}/grade-preview`, 'r_city', {
      gradeCuts: [
        { grade: 'A', from: 1 },
        { grade: 'B', from: 0 },
      ],
    });
    expect(ok.statusCode).toBe(200);
  });

  it('a school admin cannot preview or change the cut-offs; another county cannot reach the exam', async () => {
    expect(
      (await req('POST', `/exams/${exam.id}/grade-preview`, 'r_q0', { gradeCuts: strict })).statusCode,
    ).toBe(403);
    const yd = await createExam('r_yd', { ownerOrgId: (await orgByName(h.db, 'county', '英德')).id });
    expect(
      (await req('POST', `/exams/${yd.id}/grade-preview`, 'r_city', { gradeCuts: strict })).statusCode,
    ).not.toBe(200);
    const other = await createExam('r_city', { name: '清城不可见' });
    expect((await req('GET', `/exams/${other.id}/release`, 'r_yd')).statusCode).toBe(403);
  });
});

describe('the public summary (SZ-12, R-002-58, Y-EXAM-PUBLIC)', () => {
  it('nothing is public before the office publishes', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/public/exam-summaries' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/exam-summaries/${exam.id}` })).statusCode,
    ).toBe(404);
  });

  it('a school admin or another county cannot publish', async () => {
    expect(
      (await req('PUT', `/exams/${exam.id}/release`, 'r_q0', { public: true, parents: true })).statusCode,
    ).toBe(403);
    expect(
      (await req('PUT', `/exams/${exam.id}/release`, 'r_yd', { public: true, parents: true })).statusCode,
    ).toBe(403);
  });

  it('R-002-58/SZ-12: published without sign-in — region grade bands and participation, no school, score or rank', async () => {
    const r = await req('PUT', `/exams/${exam.id}/release`, 'r_city', { public: true, parents: false });
    expect(r.statusCode).toBe(200);
    const rel = r.json() as ExamRelease;
    expect(rel.publicAt).not.toBeNull();
    expect(rel.parentsAt).toBeNull();

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/public/exam-summaries' });
    expect((list.json() as PublicExamSummary[]).map((x) => x.examId)).toEqual([exam.id]);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/public/exam-summaries/${exam.id}` });
    expect(one.statusCode).toBe(200);
    const p = one.json() as PublicExamSummary;
    expect(p.region).toBe(city.name);
    expect(p.summary.mode).toBe('grades');
    expect(p.summary.participation).toEqual({ students: 46, absent: 1, rate: 46 / 47, schools: 4 });
    expect(p.summary.grades?.reduce((a, g) => a + g.count, 0)).toBe(46);
    expect(p.summary.rates).toBeNull();
    expect(p.summary.ruleIds).toEqual(['SZ-12', 'R-002-58', 'Y-EXAM-PUBLIC']);
    const text = one.body;
    for (const school of [q0, q1, q2, y0]) {
      expect(text).not.toContain(school.name);
      expect(text).not.toContain(`"${school.id}"`);
    }
    expect(text).not.toMatch(/rank|mean|"sd"|median|schoolId/i);
  });

  it('Y-EXAM-PUBLIC: withheld below minGroupN and for a single school; a school-owned exam cannot be published', async () => {
    const small = await createExam('r_city', { name: '小规模' });
    await loadScores(
      'r_city',
      small.id,
      scoresCsv(
        [
          { key: q0.name, count: 5, level: 0.9 },
          { key: y0.name, count: 4, level: 0.6 },
        ],
        'M',
      ),
    );
    const r = (
      await req('PUT', `/exams/${small.id}/release`, 'r_city', { public: true, parents: false })
    ).json();
    expect(r.summary).toMatchObject({ withheld: { reason: 'small_group', limit: 10 }, grades: null });

    const single = await createExam('r_city', { name: '单校' });
    await loadScores('r_city', single.id, scoresCsv([{ key: q0.name, count: 20, level: 0.9 }], 'N'));
    const r2 = (
      await req('PUT', `/exams/${single.id}/release`, 'r_city', { public: true, parents: false })
    ).json();
    expect(r2.summary).toMatchObject({ withheld: { reason: 'few_schools', limit: 2 }, grades: null });

    await buildAccount(h.db, 'r_q0_mgr', 'bureau_admin', q0);
    s.r_q0_mgr = await login(t.app, 'r_q0_mgr');
    const own = await createExam('r_q0_mgr', { ownerOrgId: q0.id, name: '校内月考' });
    const st = (await req('GET', `/exams/${own.id}/release`, 'r_q0_mgr')).json() as ExamRelease;
    expect(st.publicBlocked).toBe('学校组织的考试不向公众发布汇总结果（汇总即单校成绩）');
    const r3 = await req('PUT', `/exams/${own.id}/release`, 'r_q0_mgr', { public: true, parents: false });
    expect(r3.statusCode).toBe(400);
  });

  it('taking a summary back removes it from the public list', async () => {
    const other = await createExam('r_city', { name: '撤回测试' });
    await loadScores(
      'r_city',
      other.id,
      scoresCsv(
        [
          { key: q0.name, count: 10, level: 0.9 },
          { key: y0.name, count: 10, level: 0.6 },
        ],
        'W',
      ),
    );
    await req('PUT', `/exams/${other.id}/release`, 'r_city', { public: true, parents: false });
    const ids = async () =>
      (
        (
          await t.app.inject({ method: 'GET', url: '/api/v1/public/exam-summaries' })
        ).json() as PublicExamSummary[]
      ).map((x) => x.examId);
    expect(await ids()).toContain(other.id);
    await req('PUT', `/exams/${other.id}/release`, 'r_city', { public: false, parents: false });
    expect(await ids()).not.toContain(other.id);
  });
});

describe('access codes issued by the school (Y-EXAM-PARENT-CODE)', () => {
  it('a school issues codes for its own students as an Excel list; only hashes are stored', async () => {
    const before = (
      await req('GET', `/schools/${q0.id}/exam-access-codes`, 'r_q0')
    ).json() as AccessCodeStatus;
    // 13 of the main exam (one absent) + 5 + 20 + 10 of the exams above
    expect(before).toMatchObject({ students: 48, withCode: 0 });
    const r = await req('POST', `/schools/${q0.id}/exam-access-codes`, 'r_q0', {});
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    codesQ0 = await codesOf(r);
    expect(codesQ0.size).toBe(48);
    expect(codesQ0.has('PA1')).toBe(true); // the absent student too
    expect(codesQ0.get('P0-0')).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const stored = await h.db
      .selectFrom('exam_access_codes')
      .selectAll()
      .where('school_id', '=', q0.id)
      .execute();
    expect(stored).toHaveLength(48);
    const plain = codesQ0.get('P0-0')?.replace('-', '') ?? '';
    expect(JSON.stringify(stored)).not.toContain(plain);
    const after = (
      await req('GET', `/schools/${q0.id}/exam-access-codes`, 'r_q0')
    ).json() as AccessCodeStatus;
    expect(after.withCode).toBe(48);
    // issuing again without reissue: nothing to do
    expect((await req('POST', `/schools/${q0.id}/exam-access-codes`, 'r_q0', {})).statusCode).toBe(409);
    codesY0 = await codesOf(await req('POST', `/schools/${y0.id}/exam-access-codes`, 'r_y0', {}));
    expect(codesY0.size).toBe(29);
  });

  it("hardening: out of scope reads like not found — a school or another county cannot issue or see a school's codes (404 as for an unknown school)", async () => {
    for (const [method, who, school] of [
      ['POST', 'r_q0', y0.id],
      ['GET', 'r_q0', y0.id],
      ['POST', 'r_yd', q0.id],
      ['GET', 'r_yd', q0.id],
    ] as const) {
      const foreign = await req(
        method,
        `/schools/${school}/exam-access-codes`,
        who,
        method === 'POST' ? {} : undefined,
      );
      const unknown = await req(
        method,
        '/schools/987654321/exam-access-codes',
        who,
        method === 'POST' ? {} : undefined,
      );
      expect(foreign.statusCode, `${method} ${who}`).toBe(404);
      expect(errorOf(foreign), `${method} ${who}`).toEqual(errorOf(unknown));
    }
  });
});

describe('the parent view (SZ-12, R-002-58, Y-EXAM-PARENT-CODE)', () => {
  it('before the exam is released to parents, a right code shows no results', async () => {
    const r = await parent('P0-0', codesQ0.get('P0-0') ?? '');
    expect(r.statusCode).toBe(200);
    expect((r.json() as ParentResults).entries).toEqual([]);
  });

  it('SZ-12/R-002-58: parent A sees their own child as a grade band — no score, no rank, no other child', async () => {
    await req('PUT', `/exams/${exam.id}/release`, 'r_city', { public: true, parents: true });
    const r = await parent('P0-0', (codesQ0.get('P0-0') ?? '').toLowerCase());
    expect(r.statusCode).toBe(200);
    const p = r.json() as ParentResults;
    expect(p.studentId).toBe('P0-0');
    expect(p.entries).toHaveLength(1);
    expect(p.entries[0]).toMatchObject({
      examId: exam.id,
      mode: 'grades',
      absent: false,
      score: null,
      fullMarks: null,
    });
    expect(['A', 'B', 'C', 'D']).toContain(p.entries[0]?.grade);
    expect(r.body).not.toMatch(/rank|"total"|P0-1|P3-/);
    expect(r.body).not.toContain(q0.name);
    // the absent child: 缺考, not D
    const a = (await parent('PA1', codesQ0.get('PA1') ?? '')).json() as ParentResults;
    expect(a.entries[0]).toMatchObject({ absent: true, grade: null });
  });

  it('without EXAM_CODE_SECRET the key is made once and kept in the database: a restarted server (new services) accepts the issued codes', async () => {
    const keys = await h.db.selectFrom('app_secrets').select(['name', 'value']).execute();
    expect(keys.map((k) => [k.name, k.value.length])).toEqual([['exam-code', 32]]);
    const restarted = await buildTestApp(h.db, () => new Date(nowMs));
    const r = await restarted.app.inject({
      method: 'POST',
      url: '/api/v1/parent/results',
      payload: { studentId: 'P3-0', code: codesY0.get('P3-0') ?? '' },
    });
    expect(r.statusCode).toBe(200);
    expect((r.json() as ParentResults).studentId).toBe('P3-0');
    await restarted.app.close();
    // still one key: the second server read it, it did not make its own
    expect(await h.db.selectFrom('app_secrets').select('name').execute()).toHaveLength(1);
  });

  it("parent A's code does not open student B (another child, another county)", async () => {
    const codeA = codesQ0.get('P0-0') ?? '';
    const b = await parent('P0-1', codeA);
    expect(b.statusCode).toBe(401);
    expect(b.json().error.code).toBe('INVALID_CREDENTIALS');
    const c = await parent('P3-0', codeA);
    expect(c.statusCode).toBe(401);
    // and B's own code opens B only
    const own = (await parent('P3-0', codesY0.get('P3-0') ?? '')).json() as ParentResults;
    expect(own.studentId).toBe('P3-0');
  });

  it('every read is in the audit log (no code in it)', async () => {
    const rows = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'exam.parent_read')
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((x) => x.entity_id?.endsWith(':P0-0'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain((codesQ0.get('P0-0') ?? 'x').replace('-', ''));
  });

  it('Y-EXAM-PARENT-CODE: 4 wrong codes leave 1 try; the 5th makes this address wait (429), and then even the right code is refused here', async () => {
    const right = codesQ0.get('P0-2') ?? '';
    for (let i = 1; i <= 4; i++) {
      const r = await parent('P0-2', 'AAAA-AAAA');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.details.attemptsLeft).toBe(5 - i);
    }
    // 4 wrong in a row is not yet a lock: the right code still opens (and resets the count)
    expect((await parent('P0-2', right)).statusCode).toBe(200);
    for (let i = 1; i <= 4; i++) expect((await parent('P0-2', 'AAAA-AAAA')).statusCode).toBe(401);
    const fifth = await parent('P0-2', 'AAAA-AAAA');
    expect(fifth.statusCode).toBe(429);
    // a parent reads a plain sentence; the rule travels in details
    expect(fifth.json().error.message).not.toContain('Y-EXAM-PARENT-CODE');
    expect(fifth.json().error.details.ruleId).toBe('Y-EXAM-PARENT-CODE');
    expect((await parent('P0-2', right)).statusCode).toBe(429);
    const locks = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'exam.parent_code_locked')
      .execute();
    expect(locks.length).toBe(1);
  });

  it('the wait runs out after 30 minutes (29 still waiting); a reissued code ends it at once and the old code dies', async () => {
    const right = codesQ0.get('P0-2') ?? '';
    nowMs += 29 * 60_000;
    expect((await parent('P0-2', right)).statusCode).toBe(429);
    nowMs += 2 * 60_000;
    expect((await parent('P0-2', right)).statusCode).toBe(200);

    for (let i = 1; i <= 5; i++) await parent('P0-3', 'AAAA-AAAA');
    expect((await parent('P0-3', codesQ0.get('P0-3') ?? '')).statusCode).toBe(429);
    s.r_q0 = await login(t.app, 'r_q0');
    const re = await req('POST', `/schools/${q0.id}/exam-access-codes`, 'r_q0', {
      studentIds: ['P0-3'],
      reissue: true,
    });
    const fresh = await codesOf(re);
    expect([...fresh.keys()]).toEqual(['P0-3']);
    expect((await parent('P0-3', fresh.get('P0-3') ?? '')).statusCode).toBe(200);
    expect((await parent('P0-3', codesQ0.get('P0-3') ?? '')).statusCode).toBe(401);
  });

  it('an unknown student id fails exactly like a wrong code (401, then 429 on the 5th)', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await parent('NO-SUCH', 'AAAA-AAAA');
      expect(r.statusCode).toBe(401);
      expect(r.json().error.details.attemptsLeft).toBe(5 - i);
    }
    expect((await parent('NO-SUCH', 'AAAA-AAAA')).statusCode).toBe(429);
  });

  it('stopping the release to parents hides the results again', async () => {
    s.r_city = await login(t.app, 'r_city'); // the clock moved on above
    const off = await req('PUT', `/exams/${exam.id}/release`, 'r_city', { public: true, parents: false });
    expect(off.statusCode).toBe(200);
    const r = (await parent('P0-0', codesQ0.get('P0-0') ?? '')).json() as ParentResults;
    expect(r.entries).toEqual([]);
  });
});

describe('the access-code sheet is named after the day of issue in the deployment zone (TIME_ZONE, default Asia/Shanghai)', () => {
  const fileNameOf = (r: { headers: Record<string, unknown> }) => {
    const cd = String(r.headers['content-disposition']);
    return decodeURIComponent(cd.slice(cd.indexOf("UTF-8''") + 7));
  };
  const reissue = () =>
    req('POST', `/schools/${y0.id}/exam-access-codes`, 'r_y0', { studentIds: ['P3-0'], reissue: true });

  it('15:59:59 UTC is still the 21st in Shanghai; 16:00 UTC and 23:30 UTC are the 22nd (not the UTC date)', async () => {
    nowMs = Date.parse('2027-01-21T15:59:00Z'); // the clock only moves forward in this file
    s.r_y0 = await login(t.app, 'r_y0');
    nowMs = Date.parse('2027-01-21T15:59:59Z');
    const before = await reissue();
    expect(before.statusCode).toBe(200);
    expect(fileNameOf(before)).toBe(`${y0.name}-家长查询访问码-2027-01-21.xlsx`);
    nowMs = Date.parse('2027-01-21T16:00:00Z');
    expect(fileNameOf(await reissue())).toBe(`${y0.name}-家长查询访问码-2027-01-22.xlsx`);
    nowMs = Date.parse('2027-01-21T23:30:00Z');
    s.r_y0 = await login(t.app, 'r_y0');
    const late = await reissue();
    expect(late.statusCode).toBe(200);
    expect(fileNameOf(late)).toBe(`${y0.name}-家长查询访问码-2027-01-22.xlsx`);
  });
});
