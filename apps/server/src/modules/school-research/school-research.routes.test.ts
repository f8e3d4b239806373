/**
 * 校本研修 through HTTP: a school submits its plan (late at the R3-S03 boundary: accepted and marked), the 进修学校
 * returns it, the school resubmits, it is approved; records' 学时 are certified into the ledger once (R3-S02) and a
 * correction reverses; the spot-check draw (R3-S04) is reproducible from its seed; another county's school and
 * draw read exactly like unknown ids.
 */
import type { SchoolPlanList, SchoolPlanVersion, SchoolResearchYear, SpotCheck } from '@yanxun/contracts';
import { DEFAULT_COMMUNITY_RULES, pv, spotCheckDraw } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
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
} from '../../test/factories';
import { insertRegionPack } from '../../test/packs';
import { apiClient, errorOf } from '../../test/routes';
import type { OrgRow } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let school: OrgRow;
let onTime: OrgRow;
let ydSchool: OrgRow;
let qc: OrgRow;
let yd: OrgRow;
let wang: string;
let li: string;
let ydTeacher: string;
/** Asia/Shanghai wall time → the clock */
let nowMs = 0;
const USERS = ['r_school', 'r_ontime', 'r_ydschool', 'r_tdc', 'r_ydtdc', 'r_teacher'];
/** Move the clock and sign everyone in again (a jump of weeks outlives a session). */
const at = async (local: string) => {
  nowMs = Date.parse(`${local}+08:00`);
  if (t) for (const u of USERS) s[u] = await login(t.app, u);
};
const YEAR = '2026-2027';

const form = (theme = '以课例研究提升课堂实效') => ({
  theme,
  leader: '张校长',
  yearGoals: '建设优质学科团队，每位教师完成 24 学时',
  semesterGoals: { first: '集体备课与课例研究', second: '专题培训与成果总结' },
  contents: ['日常教育教学研讨', '校本课程开发'],
  forms: ['集体备课', '学习观摩'],
  projects: [{ name: '数学课例研究', semester: 1, lead: '李老师', plannedTenths: 120 }],
  assessment: '按学期进行阶段考核',
});

const { req } = apiClient(() => t, s);
const ledgerOf = (teacherId: string) =>
  h.db
    .selectFrom('hour_entries')
    .select(['amount_tenths', 'category', 'credit_key', 'rule_id', 'reverses_id'])
    .where('teacher_id', '=', teacherId)
    .orderBy('id')
    .execute();

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  await at('2026-09-08T00:00:00');
  t = await buildTestApp(h.db, () => new Date(nowMs));
  qc = await orgByName(h.db, 'county', '清城');
  yd = await orgByName(h.db, 'county', '英德');
  school = await schoolIn(h.db, '清城', 0);
  onTime = await schoolIn(h.db, '清城', 1);
  ydSchool = await schoolIn(h.db, '英德', 0);
  wang = (await buildTeacher(h.db, school, { name: '王研修' })).id;
  li = (await buildTeacher(h.db, school, { name: '李研修' })).id;
  ydTeacher = (await buildTeacher(h.db, ydSchool, { name: '赵英德' })).id;
  await buildAccount(h.db, 'r_school', 'school_admin', school);
  await buildAccount(h.db, 'r_ontime', 'school_admin', onTime);
  await buildAccount(h.db, 'r_ydschool', 'school_admin', ydSchool);
  await buildAccount(h.db, 'r_tdc', 'tdc_staff', qc);
  await buildAccount(h.db, 'r_ydtdc', 'tdc_staff', yd);
  await buildAccount(h.db, 'r_teacher', 'teacher', school, wang);
  for (const u of USERS) s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('the annual plan (R3-S03)', () => {
  it('R3-S13: the year, each semester and each project carry their goals; a plan without a semester’s goals is refused and nothing is kept', async () => {
    await at('2026-09-07T10:00:00');
    const { semesterGoals: _dropped, ...noSemester } = form();
    const r = await req('POST', `/school-research/schools/${onTime.id}/plans`, 'r_ontime', {
      schoolYear: YEAR,
      form: { ...noSemester, semesterGoals: { first: '集体备课与课例研究', second: '' } },
    });
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(errorOf(r))).toContain('semesterGoals');
    const kept = await h.db
      .selectFrom('school_research_plans')
      .select('id')
      .where('school_id', '=', onTime.id)
      .execute();
    expect(kept).toEqual([]);
  });

  it('R3-S03: submitted on the 7th day of the school year (2026-09-07 23:59) is on time', async () => {
    await at('2026-09-07T23:59:00');
    const r = await req('POST', `/school-research/schools/${onTime.id}/plans`, 'r_ontime', {
      schoolYear: YEAR,
      form: form(),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      version: 1,
      status: 'submitted',
      late: false,
      submittedOn: '2026-09-07',
    });
  });

  it('R3-S03: submitted on 2026-09-08 00:00 (week 2) is accepted but marked late with the rule', async () => {
    await at('2026-09-08T00:00:00');
    const r = await req('POST', `/school-research/schools/${school.id}/plans`, 'r_school', {
      schoolYear: YEAR,
      form: form(),
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ version: 1, status: 'submitted', late: true });
    const y = (
      await req('GET', `/school-research/schools/${school.id}?schoolYear=${YEAR}`, 'r_school')
    ).json();
    expect(y.due).toEqual({
      firstSchoolDay: '2026-09-01',
      lastDay: '2026-09-07',
      beforeWeek: 2,
      rule: 'R3-S03',
    });
    expect(y.finding).toMatchObject({
      rule: 'R3-S03',
      values: { lastDay: '2026-09-07', submittedOn: '2026-09-08' },
    });
    expect(y.finding.message).not.toContain('R3-S03');
  });

  it('submitted twice while under review: 409; the 进修学校 lists both with their late flags', async () => {
    const again = await req('POST', `/school-research/schools/${school.id}/plans`, 'r_school', {
      schoolYear: YEAR,
      form: form(),
    });
    expect(again.statusCode).toBe(409);
    const list = (await req('GET', `/school-research/plans?schoolYear=${YEAR}`, 'r_tdc')).json();
    const bySchool = new Map(list.plans.map((p: { schoolId: string }) => [p.schoolId, p]));
    expect(bySchool.get(school.id)).toMatchObject({ late: true, status: 'submitted', canDecide: true });
    expect(bySchool.get(onTime.id)).toMatchObject({ late: false, finding: null });
    // the other county's 进修学校 sees neither
    const other = (await req('GET', `/school-research/plans?schoolYear=${YEAR}`, 'r_ydtdc')).json();
    expect(other.plans).toEqual([]);
  });

  it('return with a reason → resubmit (version 2, the first version kept) → approve', async () => {
    const y = (await req('GET', `/school-research/schools/${school.id}?schoolYear=${YEAR}`, 'r_tdc')).json();
    const planId = (y as SchoolResearchYear).plan?.id;
    expect(
      (await req('POST', `/school-research/plans/${planId}/decision`, 'r_tdc', { decision: 'return' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await req('POST', `/school-research/plans/${planId}/decision`, 'r_school', { decision: 'approve' }))
        .statusCode,
    ).toBe(403);
    const ret = await req('POST', `/school-research/plans/${planId}/decision`, 'r_tdc', {
      decision: 'return',
      reason: '学期目标与项目目标缺乏连贯性',
    });
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '学期目标与项目目标缺乏连贯性' });
    await at('2026-09-10T09:00:00');
    const v2 = await req('POST', `/school-research/schools/${school.id}/plans`, 'r_school', {
      schoolYear: YEAR,
      form: form('以课例研究与专业阅读提升课堂实效'),
    });
    expect(v2.statusCode).toBe(201);
    const p2 = v2.json() as SchoolPlanVersion;
    expect(p2.version).toBe(2);
    const ok = await req('POST', `/school-research/plans/${p2.id}/decision`, 'r_tdc', {
      decision: 'approve',
    });
    expect(ok.json()).toMatchObject({ status: 'approved', version: 2 });
    const again = await req('POST', `/school-research/plans/${p2.id}/decision`, 'r_tdc', {
      decision: 'approve',
    });
    expect(again.statusCode).toBe(409);
    const after = (
      await req('GET', `/school-research/schools/${school.id}?schoolYear=${YEAR}`, 'r_school')
    ).json();
    expect(after.versions.map((v: SchoolPlanVersion) => [v.version, v.status])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
    // the plan's lateness is its first submission's
    expect(after.finding).toMatchObject({ rule: 'R3-S03' });
  });
});

describe('records and certified 学时 (R3-S02)', () => {
  let recordId = '';
  const record = (participants: Array<{ teacherId: string; hoursTenths: number }>) => ({
    schoolYear: YEAR,
    semester: 1,
    heldOn: '2026-09-10',
    topic: '数学组集体备课',
    form: '集体备课',
    participants,
  });
  const postRecord = (body: object) =>
    req('POST', `/school-research/schools/${school.id}/records`, 'r_school', body);

  it('refuses a participant of another school and a day outside the school year, naming the field', async () => {
    const r = await postRecord(record([{ teacherId: ydTeacher, hoursTenths: 30 }]));
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ details: { field: 'participants', teacherIds: [ydTeacher] } });
    // the school's own teacher passes; an unknown id and one past the bigint range are outsiders, not a 500
    const huge = '9'.repeat(19);
    const mixed = await postRecord(
      record([
        { teacherId: wang, hoursTenths: 30 },
        { teacherId: '123456789', hoursTenths: 30 },
        { teacherId: huge, hoursTenths: 30 },
      ]),
    );
    expect(mixed.statusCode).toBe(400);
    expect(errorOf(mixed)).toMatchObject({
      message: '有 2 位参加者不是本校教师',
      details: { field: 'participants', teacherIds: ['123456789', huge] },
    });
    const early = await postRecord({
      ...record([{ teacherId: wang, hoursTenths: 30 }]),
      heldOn: '2026-08-31',
    });
    expect(errorOf(early)).toMatchObject({
      message: '活动日期 2026-08-31 不在 2026—2027 学年内',
      details: { field: 'heldOn' },
    });
  });

  it('R3-S02: certifying posts school_based 学时 once; certifying again posts nothing', async () => {
    const r = await postRecord(
      record([
        { teacherId: wang, hoursTenths: 30 },
        { teacherId: li, hoursTenths: 20 },
      ]),
    );
    expect(r.statusCode).toBe(201);
    recordId = r.json().id;
    expect(r.json()).toMatchObject({ needsCertification: true });
    const c1 = await req('POST', `/school-research/records/${recordId}/certify`, 'r_school');
    expect(c1.json()).toEqual({ posted: 2, reversed: 0, unchanged: 0 });
    const c2 = await req('POST', `/school-research/records/${recordId}/certify`, 'r_school');
    expect(c2.json()).toEqual({ posted: 0, reversed: 0, unchanged: 2 });
    expect(await ledgerOf(wang)).toEqual([
      {
        amount_tenths: 30,
        category: 'school_based',
        credit_key: `school_research:${recordId}:1`,
        rule_id: 'R3-S02',
        reverses_id: null,
      },
    ]);
  });

  it('a correction reverses the standing credit and posts the new amount; a removed teacher is reversed', async () => {
    const u = await req(
      'PUT',
      `/school-research/records/${recordId}`,
      'r_school',
      record([{ teacherId: wang, hoursTenths: 40 }]),
    );
    expect(u.json()).toMatchObject({ needsCertification: true });
    const c = await req('POST', `/school-research/records/${recordId}/certify`, 'r_school');
    expect(c.json()).toEqual({ posted: 1, reversed: 2, unchanged: 0 });
    const w = await ledgerOf(wang);
    expect(w.map((e) => [e.amount_tenths, e.credit_key])).toEqual([
      [30, `school_research:${recordId}:1`],
      [-30, `school_research:${recordId}:1`],
      [40, `school_research:${recordId}:2`],
    ]);
    expect((await ledgerOf(li)).reduce((n, e) => n + e.amount_tenths, 0)).toBe(0);
    const y = (
      await req('GET', `/school-research/schools/${school.id}?schoolYear=${YEAR}`, 'r_school')
    ).json();
    // 李研修 no longer attends the record: nothing of it stands for them
    expect(y.certified).toEqual([
      expect.objectContaining({ teacherName: '王研修', certifiedTenths: 40, meetsMinimum: false }),
    ]);
    expect(y.yearMinTenths).toBe(240);
  });

  it('certifying before the plan is approved is refused with R3-S03', async () => {
    const r = await req(
      'POST',
      `/school-research/schools/${onTime.id}/records`,
      'r_ontime',
      record([]).participants.length === 0
        ? {
            ...record([]),
            participants: [{ teacherId: (await buildTeacher(h.db, onTime)).id, hoursTenths: 10 }],
          }
        : record([]),
    );
    expect(r.statusCode).toBe(201);
    const c = await req('POST', `/school-research/records/${r.json().id}/certify`, 'r_ontime');
    expect(c.statusCode).toBe(409);
    expect(errorOf(c)).toMatchObject({ details: { ruleId: 'R3-S03' } });
  });

  it('the semester assessment is the 进修学校’s; the archive exports as xlsx', async () => {
    const body = { schoolYear: YEAR, semester: 1, grade: 'good', comment: '过程资料完整' };
    expect(
      (await req('PUT', `/school-research/schools/${school.id}/assessments`, 'r_school', body)).statusCode,
    ).toBe(403);
    const a = await req('PUT', `/school-research/schools/${school.id}/assessments`, 'r_tdc', body);
    expect(a.json()).toMatchObject({ semester: 1, grade: 'good' });
    const json = (
      await req('GET', `/school-research/schools/${school.id}/archive?schoolYear=${YEAR}`, 'r_tdc')
    ).json();
    expect(json.assessments).toHaveLength(1);
    expect(json.records).toHaveLength(1);
    const x = await req(
      'GET',
      `/school-research/schools/${school.id}/archive.xlsx?schoolYear=${YEAR}`,
      'r_school',
    );
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('spot checks (R3-S04)', () => {
  it('draws at the ratio with a recorded seed; the same seed and candidates give the same picks', async () => {
    await at('2027-01-10T10:00:00');
    const r = await req('POST', '/school-research/spot-checks', 'r_tdc', {
      countyId: qc.id,
      schoolYear: YEAR,
      semester: 1,
      ratio: 0.5,
      seed: '2027-01-10-清城',
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as SpotCheck;
    expect(d).toMatchObject({
      seed: '2027-01-10-清城',
      ratio: 0.5,
      rule: 'R3-S04',
      candidateCount: 2,
      reproducible: true,
    });
    expect(d.picks).toHaveLength(1);
    const again = spotCheckDraw([onTime.id, school.id], 0.5, '2027-01-10-清城');
    expect(d.picks.map((p) => p.schoolId)).toEqual(again.picks);
    const second = (
      await req('POST', '/school-research/spot-checks', 'r_tdc', {
        countyId: qc.id,
        schoolYear: YEAR,
        semester: 1,
        ratio: 0.5,
        seed: '2027-01-10-清城',
      })
    ).json() as SpotCheck;
    expect(second.picks).toEqual(d.picks);
    const picked = d.picks[0]?.schoolId ?? '';
    const res = await req('PUT', `/school-research/spot-checks/${d.id}/schools/${picked}`, 'r_tdc', {
      result: 'pass',
      comment: '过程性材料齐全',
    });
    expect(res.json().picks[0]).toMatchObject({ result: 'pass', comment: '过程性材料齐全' });
    const notDrawn = picked === school.id ? onTime.id : school.id;
    expect(
      (
        await req('PUT', `/school-research/spot-checks/${d.id}/schools/${notDrawn}`, 'r_tdc', {
          result: 'pass',
          comment: '过程性材料齐全',
        })
      ).statusCode,
    ).toBe(404);
    const list = (
      await req('GET', `/school-research/spot-checks?countyId=${qc.id}&schoolYear=${YEAR}`, 'r_tdc')
    ).json();
    expect(list).toHaveLength(2);
  });

  it('without a seed one is made, stored and shown; a county without plans has nothing to draw', async () => {
    const r = await req('POST', '/school-research/spot-checks', 'r_tdc', {
      countyId: qc.id,
      schoolYear: YEAR,
      semester: 2,
    });
    expect(r.json()).toMatchObject({ ratio: 0.2, reproducible: true });
    expect(r.json().seed).toMatch(/^2027-01-10-[0-9a-f]{8}$/);
    const none = await req('POST', '/school-research/spot-checks', 'r_ydtdc', {
      countyId: yd.id,
      schoolYear: YEAR,
      semester: 1,
    });
    expect(none.statusCode).toBe(409);
    expect(errorOf(none).message).toContain('在 2026—2027 学年还没有学校提交校本研修方案');
  });
});

describe('scope: another county reads like not found', () => {
  it('another county’s school: the same 404 as an unknown id, for reads and writes', async () => {
    const unknown = await req('GET', '/school-research/schools/999999999', 'r_tdc');
    const other = await req('GET', `/school-research/schools/${ydSchool.id}`, 'r_tdc');
    expect(other.statusCode).toBe(404);
    expect(errorOf(other)).toEqual(errorOf(unknown));
    const sibling = await req('POST', `/school-research/schools/${onTime.id}/plans`, 'r_school', {
      schoolYear: YEAR,
      form: form(),
    });
    expect(sibling.statusCode).toBe(404);
    const draws = await req(
      'GET',
      `/school-research/spot-checks?countyId=${qc.id}&schoolYear=${YEAR}`,
      'r_ydtdc',
    );
    expect(draws.statusCode).toBe(404);
  });

  it('another county’s plan and draw: 404 like an unknown id; a teacher has no access (403)', async () => {
    const list = (await req('GET', `/school-research/plans?schoolYear=${YEAR}`, 'r_tdc')).json();
    const planId = list.plans[0].planId;
    const foreign = await req('POST', `/school-research/plans/${planId}/decision`, 'r_ydtdc', {
      decision: 'approve',
    });
    const unknown = await req('POST', '/school-research/plans/999999999/decision', 'r_ydtdc', {
      decision: 'approve',
    });
    expect(foreign.statusCode).toBe(404);
    expect(errorOf(foreign)).toEqual(errorOf(unknown));
    const draw = (
      await req('GET', `/school-research/spot-checks?countyId=${qc.id}&schoolYear=${YEAR}`, 'r_tdc')
    ).json();
    const res = await req(
      'PUT',
      `/school-research/spot-checks/${draw[0].id}/schools/${school.id}`,
      'r_ydtdc',
      {
        result: 'pass',
        comment: '过程性材料齐全',
      },
    );
    expect(res.statusCode).toBe(404);
    expect((await req('GET', `/school-research/schools/${school.id}`, 'r_teacher')).statusCode).toBe(403);
    expect((await req('GET', `/school-research/schools/${school.id}`)).statusCode).toBe(401);
  });
});

describe('the plans list judges each school by the rules in force for it (R3-S03)', () => {
  it("a county's own pack moves its schools' plan deadline, in a city officer's list too", async () => {
    s.city = await login(t.app, 'city');
    const rowOf = async () =>
      (
        (await req('GET', `/school-research/plans?schoolYear=${YEAR}`, 'city')).json() as SchoolPlanList
      ).plans.find((p) => p.schoolId === school.id);
    const findingOf = async () => (await rowOf())?.finding;
    // first submitted on 2026-09-08, the second week: late by the default deadline (before week 2)
    expect((await findingOf())?.rule).toBe('R3-S03');
    await insertRegionPack(h.db, qc, 2026, {
      communities: {
        ...DEFAULT_COMMUNITY_RULES,
        schoolBased: { ...DEFAULT_COMMUNITY_RULES.schoolBased, planDueBeforeWeek: pv(3, 'R3-S03', 'test') },
      },
    });
    // 清城's own pack: due before week 3, so the second week is on time, and the row says so
    expect(await findingOf()).toBeNull();
    expect((await rowOf())?.due).toMatchObject({ lastDay: '2026-09-14', beforeWeek: 3 });
  });
});
