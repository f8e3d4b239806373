/**
 * Studios and workshops through HTTP: a workshop is created as a draft, its roster checked live by core at the
 * boundaries (R3-W02 core 5–7, R3-W03 team 20–30, R3-W04 core areas ≥ 5, R3-W07 member areas ≥ 7), registration
 * refused while errors stand and one adjustment a school year after (R3-W14); a plan's findings (R3-W08); an
 * activity at a core member's school (R3-W06) whose closing posts each attendee's 学时 once (R3-W16), also when
 * closed twice at once; the monthly review (R3-G17) and its feedback; a teacher's own communities; a member who
 * moved school flagged on read; another county's community reads exactly like an unknown id.
 */
import type { CommunityDetail, CommunityReview, MyCommunity, PlanView } from '@yanxun/contracts';
import { DEFAULT_COMMUNITY_RULES, pv } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildOrgUnder,
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
import { type OrgRow, regionKeyOf } from '../org';
import { createPeopleRepository } from '../people';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
/** 2026-10-20 10:00 in Asia/Shanghai: school year 2026-2027 */
const nowMs = Date.parse('2026-10-20T02:00:00Z');
const schools: OrgRow[] = [];
let ydSchool: OrgRow;
let host: string;
/** core members at schools 1..4 (with the host at school 0: 5 core, 5 areas) */
const core: string[] = [];
/** formal members spread over schools 5..9 and 1..4 */
const formal: string[] = [];
let ydTeacher: string;
let workshopId: string;

const { req } = apiClient(() => t, s);
const rulesOf = (d: CommunityDetail, severity = 'error') =>
  d.findings.filter((f) => f.severity === severity).map((f) => f.rule);
const roster = (who: string, body: { reason: string; add?: unknown[]; end?: string[] }) =>
  req('POST', `/communities/${workshopId}/roster`, who, body);
const ledger = (creditKey: string) =>
  h.db
    .selectFrom('hour_entries')
    .select(['teacher_id', 'amount_tenths', 'category', 'source', 'days', 'rule_id'])
    .where('credit_key', '=', creditKey)
    .execute();

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => new Date(nowMs));
  // the seed has 2 schools in 清城 at 1,000 teachers: the rest of the 10 a workshop spans are added here
  const county = await orgByName(h.db, 'county', '清城');
  for (let i = 0; i < 2; i++) schools.push(await schoolIn(h.db, '清城', i));
  for (let i = 2; i < 10; i++) schools.push(await buildOrgUnder(h.db, county, `清城测试学校${i}`));
  ydSchool = await schoolIn(h.db, '英德', 0);
  const [s0, s1, s2, s3, s4] = schools as [OrgRow, OrgRow, OrgRow, OrgRow, OrgRow];
  host = (await buildTeacher(h.db, s0, { name: '坊主甲' })).id;
  for (const [i, sc] of [s1, s2, s3, s4].entries())
    core.push((await buildTeacher(h.db, sc, { name: `核心${'一二三四'[i]}` })).id);
  for (let i = 0; i < 16; i++)
    formal.push((await buildTeacher(h.db, schools[1 + (i % 9)] as OrgRow, { name: `成员${i}号` })).id);
  ydTeacher = (await buildTeacher(h.db, ydSchool, { name: '英德老师' })).id;
  await buildAccount(h.db, 'w_host', 'teacher', s0, host);
  await buildAccount(h.db, 'w_member', 'teacher', s1, core[0]);
  await buildAccount(h.db, 'w_school', 'school_admin', s0);
  for (const u of ['qingcheng', 'yingde', 'tdc', 'w_host', 'w_member', 'w_school'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('registry and composition (R3-W02 … R3-W07, R3-W14)', () => {
  it('creates a workshop as a draft with its host; the findings come with it and registration is refused', async () => {
    const r = await req('POST', '/communities', 'qingcheng', {
      kind: 'workshop',
      workshopClass: 'class_2',
      level: 'county',
      name: '清城区初中数学工作坊',
      hostTeacherId: host,
      stage: 'junior',
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as CommunityDetail;
    workshopId = d.id;
    expect(d).toMatchObject({ status: 'draft', hostTeacherName: '坊主甲', memberCount: 1, canManage: true });
    expect(d.hostOrgId).toBe(schools[0]?.id);
    expect(rulesOf(d)).toEqual(expect.arrayContaining(['R3-W02', 'R3-W03', 'R3-W04', 'R3-W07']));
    expect(d.findings.every((f) => !f.message.includes('R3-'))).toBe(true);
    const reg = await req('POST', `/communities/${workshopId}/register`, 'qingcheng', {});
    expect(reg.statusCode).toBe(409);
    expect(errorOf(reg)).toMatchObject({ code: 'CONFLICT', details: { ruleId: 'R3-W02' } });
  });

  it('a workshop needs a class; a studio has none (R3-W01)', async () => {
    const r = await req('POST', '/communities', 'qingcheng', {
      kind: 'workshop',
      level: 'county',
      name: '没有类别的工作坊',
      hostTeacherId: host,
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ details: { ruleId: 'R3-W01', field: 'workshopClass' } });
  });

  it('R3-W02 / R3-W04: 4 core from 4 areas is refused in words, the 5th makes both pass', async () => {
    const four = await roster('qingcheng', {
      reason: '组建核心团队',
      add: core.slice(0, 3).map((teacherId) => ({ teacherId, role: 'core' })),
    });
    expect(four.statusCode).toBe(200);
    const d4 = four.json() as CommunityDetail;
    const w02 = d4.findings.find((f) => f.rule === 'R3-W02');
    expect(w02?.values).toMatchObject({ core: 4, min: 5, max: 7 });
    expect(d4.findings.find((f) => f.rule === 'R3-W04')?.values).toMatchObject({ areas: 4, min: 5 });
    const five = await roster('qingcheng', {
      reason: '组建核心团队',
      add: [{ teacherId: core[3], role: 'core' }],
    });
    const d5 = five.json() as CommunityDetail;
    expect(rulesOf(d5)).not.toContain('R3-W02');
    expect(rulesOf(d5)).not.toContain('R3-W04');
  });

  it('R3-W03: a team of 19 is short, 20 passes; R3-W07 member areas at 7 pass', async () => {
    const r19 = await roster('qingcheng', {
      reason: '招募成员',
      add: formal.slice(0, 14).map((teacherId) => ({ teacherId, role: 'formal' })),
    });
    const d19 = r19.json() as CommunityDetail;
    expect(d19.memberCount).toBe(19);
    expect(d19.findings.find((f) => f.rule === 'R3-W03')?.values).toMatchObject({ formal: 19, min: 20 });
    const r20 = await roster('qingcheng', {
      reason: '招募成员',
      add: [{ teacherId: formal[14], role: 'formal' }],
    });
    const d20 = r20.json() as CommunityDetail;
    expect(d20.memberCount).toBe(20);
    expect(rulesOf(d20)).toEqual([]);
  });

  it('ending a membership keeps it in the history with the date and reason', async () => {
    const added = await roster('qingcheng', {
      reason: '临时加入',
      add: [{ teacherId: formal[15], role: 'applicant' }],
    });
    const m = (added.json() as CommunityDetail).members.find((x) => x.teacherId === formal[15]);
    // R3-W12: a 申报成员 earns no priority; the host (a member) does
    expect(await t.services.communities.isWorkshopMember(formal[15] ?? '')).toBe(false);
    expect(await t.services.communities.isWorkshopMember(host)).toBe(true);
    const ended = await roster('qingcheng', { reason: '本人申请退出', end: [m?.id ?? ''] });
    const d = ended.json() as CommunityDetail;
    expect(d.members.some((x) => x.teacherId === formal[15])).toBe(false);
    expect(d.history[0]).toMatchObject({
      teacherId: formal[15],
      leftOn: '2026-10-20',
      leaveReason: '本人申请退出',
    });
    const rows = await h.db
      .selectFrom('community_members')
      .select('id')
      .where('teacher_id', '=', formal[15] ?? '')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('registers once the errors are gone; one adjustment a school year, the second refused (R3-W14)', async () => {
    const r = await req('POST', `/communities/${workshopId}/register`, 'qingcheng', {});
    expect(r.statusCode).toBe(200);
    const d = r.json() as CommunityDetail;
    expect(d.status).toBe('registered');
    expect(d.registration).toMatchObject({
      firstSchoolYear: '2026-2027',
      schoolYears: ['2026-2027', '2027-2028'],
      validUntil: '2028-08-31',
    });
    const again = await req('POST', `/communities/${workshopId}/register`, 'qingcheng', {});
    expect(again.statusCode).toBe(409);
    const first = await roster('qingcheng', {
      reason: '学年中期调整',
      add: [{ teacherId: formal[15], role: 'formal' }],
    });
    expect(first.statusCode).toBe(200);
    expect((first.json() as CommunityDetail).registration?.adjustments).toEqual([
      { on: '2026-10-20', reason: '学年中期调整' },
    ]);
    const second = await roster('qingcheng', {
      reason: '再次调整',
      end: [],
      add: [{ teacherId: ydTeacher, role: 'formal' }],
    });
    // the English teacher of another county is out of the county's scope: like an unknown teacher
    expect(second.statusCode).toBe(404);
    const member = (first.json() as CommunityDetail).members.find((x) => x.teacherId === formal[15]);
    const third = await roster('qingcheng', { reason: '再次调整', end: [member?.id ?? ''] });
    expect(third.statusCode).toBe(409);
    expect(errorOf(third)).toMatchObject({ details: { ruleId: 'R3-W14', max: 1 } });
  });
});

describe('scope', () => {
  it("another county's bureau reads it exactly like an unknown id; a teacher who is not the host too", async () => {
    const unknown = await req('GET', '/communities/99999999', 'yingde');
    const other = await req('GET', `/communities/${workshopId}`, 'yingde');
    expect(other.statusCode).toBe(404);
    expect(errorOf(other)).toEqual(errorOf(unknown));
    expect((await req('GET', `/communities/${workshopId}`, 'w_member')).statusCode).toBe(404);
    expect((await req('GET', `/communities/${workshopId}`, 'w_host')).statusCode).toBe(200);
    const list = (await req('GET', '/communities', 'yingde')).json() as { id: string }[];
    expect(list.some((c) => c.id === workshopId)).toBe(false);
  });

  it('a school admin reads but does not manage (403); without a session 401', async () => {
    const d = (await req('GET', `/communities/${workshopId}`, 'w_school')).json() as CommunityDetail;
    expect(d.canManage).toBe(false);
    const r = await roster('w_school', {
      reason: '试图调整',
      end: [],
      add: [{ teacherId: host, role: 'core' }],
    });
    expect(r.statusCode).toBe(403);
    expect((await req('GET', '/communities')).statusCode).toBe(401);
  });
});

describe('plan (R3-W06, R3-W08 … R3-W10)', () => {
  it('a plan with no session in some teaching months is saved with the findings naming them', async () => {
    const sessions = ['2026-10-15', '2026-11-12', '2026-12-10'].map((date, i) => ({
      date,
      kind: 'session',
      liveLessons: 2,
      discussions: 1,
      hostSchoolId: schools[i]?.id,
    }));
    const r = await req('PUT', `/communities/${workshopId}/plans/2026-2027`, 'w_host', { sessions });
    expect(r.statusCode).toBe(200);
    const p = r.json() as PlanView;
    expect(p.sessions).toHaveLength(3);
    const rules = p.findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['R3-W08', 'R3-W10', 'R3-W06']));
    expect(p.findings.find((f) => f.rule === 'R3-W08' && f.values.months)?.values.months).toContain(
      '2026-09',
    );
  });
});

describe('activities and 学时 (R3-W06, R3-W16)', () => {
  let activityId: string;
  it('an activity at a school that is not a core member’s is refused (R3-W06)', async () => {
    const r = await req('POST', `/communities/${workshopId}/activities`, 'w_host', {
      heldOn: '2026-10-15',
      kind: 'live_lesson',
      title: '函数单元现场课',
      hostSchoolId: schools[7]?.id,
    });
    expect(r.statusCode).toBe(400);
    expect(errorOf(r)).toMatchObject({ details: { ruleId: 'R3-W06', field: 'hostSchoolId' } });
  });

  it('the host records an activity and attendance; closing posts 6 学时 once to each attendee', async () => {
    const a = await req('POST', `/communities/${workshopId}/activities`, 'w_host', {
      heldOn: '2026-10-15',
      kind: 'live_lesson',
      title: '函数单元现场课',
      hostSchoolId: schools[1]?.id,
      record: '两节现场课与一次议课，形成课例一份。',
    });
    expect(a.statusCode).toBe(201);
    activityId = (a.json() as { id: string }).id;
    const members = (await req('GET', `/communities/${workshopId}`, 'w_host')).json() as CommunityDetail;
    const came = members.members
      .filter((m) => [host, core[0], core[1]].includes(m.teacherId))
      .map((m) => m.id);
    const att = await req('PUT', `/communities/${workshopId}/activities/${activityId}/attendance`, 'w_host', {
      attended: came,
    });
    expect(att.statusCode).toBe(200);
    const rows = att.json() as { attended: boolean | null }[];
    expect(rows.filter((x) => x.attended === true)).toHaveLength(3);
    expect(rows.filter((x) => x.attended === false)).toHaveLength(18);
    const closed = await req('POST', `/communities/${workshopId}/activities/${activityId}/close`, 'w_host');
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', postings: 3, expected: 21, attended: 3 });
    const posted = await ledger(`community-activity:${activityId}`);
    expect(posted).toHaveLength(3);
    expect(posted[0]).toMatchObject({
      amount_tenths: 60,
      category: 'workshop',
      source: 'activity',
      days: 1,
      rule_id: 'R3-W16',
    });
    const twice = await req('POST', `/communities/${workshopId}/activities/${activityId}/close`, 'w_host');
    expect(twice.statusCode).toBe(409);
    expect(await ledger(`community-activity:${activityId}`)).toHaveLength(3);
    const late = await req(
      'PUT',
      `/communities/${workshopId}/activities/${activityId}/attendance`,
      'w_host',
      {
        attended: [],
      },
    );
    expect(late.statusCode).toBe(409);
  });

  it('closing twice at once posts once', async () => {
    const a = await req('POST', `/communities/${workshopId}/activities`, 'qingcheng', {
      heldOn: '2026-10-19',
      kind: 'lecture',
      title: '专题讲座',
      hostSchoolId: schools[2]?.id,
    });
    const id = (a.json() as { id: string }).id;
    const d = (await req('GET', `/communities/${workshopId}`, 'qingcheng')).json() as CommunityDetail;
    await req('PUT', `/communities/${workshopId}/activities/${id}/attendance`, 'qingcheng', {
      attended: d.members.filter((m) => m.role !== 'applicant').map((m) => m.id),
    });
    const [x, y] = await Promise.all([
      req('POST', `/communities/${workshopId}/activities/${id}/close`, 'qingcheng'),
      req('POST', `/communities/${workshopId}/activities/${id}/close`, 'qingcheng'),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    expect(await ledger(`community-activity:${id}`)).toHaveLength(21);
  });

  it('an activity still to come cannot be closed; another county cannot touch one', async () => {
    const a = await req('POST', `/communities/${workshopId}/activities`, 'w_host', {
      heldOn: '2026-11-12',
      kind: 'discussion',
      title: '议课活动',
      hostSchoolId: schools[3]?.id,
    });
    const id = (a.json() as { id: string }).id;
    expect(
      (await req('POST', `/communities/${workshopId}/activities/${id}/close`, 'w_host')).statusCode,
    ).toBe(400);
    expect(
      (await req('POST', `/communities/${workshopId}/activities/${id}/close`, 'yingde')).statusCode,
    ).toBe(404);
  });

  it("a member's /me/communities: role, the coming activity, this school year's 学时", async () => {
    const r = await req('GET', '/me/communities', 'w_member');
    expect(r.statusCode).toBe(200);
    const [mine] = r.json() as MyCommunity[];
    expect(mine).toMatchObject({
      id: workshopId,
      role: 'core',
      schoolYear: '2026-2027',
      countedTenths: 120,
      notCountedTenths: 0,
    });
    expect(mine?.upcoming.map((u) => u.title)).toEqual(['议课活动']);
    // the growth archive shows the role (the archive's growth records port)
    const archive = await req('GET', '/me/archive', 'w_member');
    expect(archive.statusCode).toBe(200);
    expect((archive.json() as { studioRoles: unknown[] }).studioRoles).toEqual([
      {
        kind: 'workshop',
        name: '清城区初中数学工作坊',
        role: '核心成员',
        fromDate: '2026-10-20',
        toDate: null,
      },
    ]);
    const roles = await t.services.communities.studioRolesOf(core[0] ?? '');
    expect(roles).toEqual([
      {
        kind: 'workshop',
        name: '清城区初中数学工作坊',
        role: '核心成员',
        fromDate: '2026-10-20',
        toDate: null,
      },
    ]);
  });
});

describe('monthly review (R3-G17)', () => {
  it('counts the month in one table: planned, held, attendance, outputs, members led; feedback by the 进修学校', async () => {
    const r = await req('GET', '/communities/review?month=2026-10', 'tdc');
    expect(r.statusCode).toBe(200);
    const review = r.json() as CommunityReview;
    expect(review.canFeedback).toBe(true);
    const row = review.rows.find((x) => x.communityId === workshopId);
    expect(row).toMatchObject({
      planned: 1,
      held: 2,
      expectedAttendances: 42,
      attendances: 24,
      outputs: 1,
      membersLed: 21,
      feedback: null,
    });
    expect(row?.attendanceRate).toBeCloseTo(24 / 42);
    expect(row?.findings.map((f) => f.rule)).toContain('Y-COMM-ATTENDANCE');
    const fb = await req('POST', `/communities/${workshopId}/review-feedback`, 'tdc', {
      month: '2026-10',
      feedback: '活动按计划开展，出勤率需提高。',
    });
    expect(fb.statusCode).toBe(200);
    const again = (
      await req('GET', '/communities/review?month=2026-10', 'qingcheng')
    ).json() as CommunityReview;
    expect(again.rows.find((x) => x.communityId === workshopId)?.feedback).toBe(
      '活动按计划开展，出勤率需提高。',
    );
    const nov = (await req('GET', '/communities/review?month=2026-11', 'tdc')).json() as CommunityReview;
    expect(nov.rows.find((x) => x.communityId === workshopId)).toMatchObject({
      planned: 1,
      held: 1,
      attendances: 0,
    });
  });

  it('another county sees none of it; a school admin reads but records no feedback', async () => {
    const yd = (await req('GET', '/communities/review?month=2026-10', 'yingde')).json() as CommunityReview;
    expect(yd.rows.some((x) => x.communityId === workshopId)).toBe(false);
    const fb = await req('POST', `/communities/${workshopId}/review-feedback`, 'yingde', {
      month: '2026-10',
      feedback: '越权的反馈',
    });
    expect(fb.statusCode).toBe(404);
    const school = await req('POST', `/communities/${workshopId}/review-feedback`, 'w_school', {
      month: '2026-10',
      feedback: '学校的反馈',
    });
    expect(school.statusCode).toBe(403);
    expect((await req('GET', '/communities/review?month=2026-13', 'tdc')).statusCode).toBe(400);
  });
});

describe('a member who moves school is flagged on read (R3-W04 after a transfer)', () => {
  it('the core member moved to the host school: core areas drop to 4, flagged with the name', async () => {
    const [s0, s1] = schools as [OrgRow, OrgRow];
    await h.db.transaction().execute((trx) =>
      createPeopleRepository(h.db).moveTeachers(
        [
          {
            id: core[0] ?? '',
            fromCountyId: regionKeyOf(s1),
            toCountyId: regionKeyOf(s0),
            schoolId: s0.id,
            orgPath: s0.path,
          },
        ],
        '2026-10-20',
        '调动',
        null,
        trx,
      ),
    );
    const d = (await req('GET', `/communities/${workshopId}`, 'qingcheng')).json() as CommunityDetail;
    const m = d.members.find((x) => x.teacherId === core[0]);
    expect(m).toMatchObject({ moved: true, schoolId: s1.id, currentSchoolId: s0.id });
    expect(m?.moveFindings.map((f) => f.rule)).toContain('R3-W04');
    expect(m?.moveFindings[0]?.message).toContain('核心一');
    expect(rulesOf(d)).toContain('R3-W04');
    const unmoved = d.members.find((x) => x.teacherId === core[1]);
    expect(unmoved).toMatchObject({ moved: false, moveFindings: [] });
  });
});

describe('the monthly review takes each community by the rules in force for its own host unit (R3-G17)', () => {
  it("a county's own pack sets the attendance line of its communities, in the city's review too (Y-COMM-ATTENDANCE)", async () => {
    s.city = await login(t.app, 'city');
    const rulesOfRow = async (who: string) =>
      ((await req('GET', '/communities/review?month=2026-10', who)).json() as CommunityReview).rows
        .find((x) => x.communityId === workshopId)
        ?.findings.map((f) => f.rule);
    // 24 of 42 attended (57 %): below the default line of 80 %
    expect(await rulesOfRow('city')).toContain('Y-COMM-ATTENDANCE');
    const county = await orgByName(h.db, 'county', '清城');
    await insertRegionPack(h.db, county, 2026, {
      communities: {
        ...DEFAULT_COMMUNITY_RULES,
        review: { ...DEFAULT_COMMUNITY_RULES.review, attendanceMin: pv(0.5, 'Y-COMM-ATTENDANCE', 'test') },
      },
    });
    // 57 % is above the county's own line of 50 %: no finding, whoever reads the review
    expect(await rulesOfRow('city')).not.toContain('Y-COMM-ATTENDANCE');
    expect(await rulesOfRow('tdc')).not.toContain('Y-COMM-ATTENDANCE');
  });
});
