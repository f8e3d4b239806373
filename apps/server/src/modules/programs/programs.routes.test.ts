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
import { apiClient } from '../../test/routes';
import type { OrgRow } from '../org';

/** Before the 2021 selection deadline (R-004-18: 2021-07-30), in Asia/Shanghai. */
const CLOCK = () => new Date('2021-07-01T02:00:00Z');

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let city: OrgRow;
let qingcheng: OrgRow;
let yingde: OrgRow;
let schoolQ: OrgRow; // the demo school admin's school, in 清城
let schoolY: OrgRow;
/** rural_backbone-eligible teachers of schoolQ (town school, 教龄 ≥ 5, backbone) */
const eligibleQ: string[] = [];
let ineligibleQ: string;
let teacherY: string;
let programmeId: string;
let cityCode: string;

type Json = Record<string, unknown>;
const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, CLOCK);
  city = await orgByName(h.db, 'city', '');
  cityCode = (city.code ?? '').padEnd(6, '0');
  qingcheng = await orgByName(h.db, 'county', '清城');
  yingde = await orgByName(h.db, 'county', '英德');
  schoolQ = await schoolIn(h.db, '清城');
  schoolY = await schoolIn(h.db, '英德');
  await h.db
    .updateTable('orgs')
    .set({ location_type: 'town' })
    .where('id', 'in', [schoolQ.id, schoolY.id])
    .execute();
  for (let i = 0; i < 4; i++) {
    eligibleQ.push(
      (await buildTeacher(h.db, schoolQ, { backbone: 'county', teachingStartDate: '2012-09-01' })).id,
    );
  }
  ineligibleQ = (await buildTeacher(h.db, schoolQ, { backbone: null })).id;
  teacherY = (await buildTeacher(h.db, schoolY, { backbone: 'county' })).id;
  for (const u of ['province', 'city', 'qingcheng', 'yingde', 'school', 'tdc', 'teacher'])
    s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('policy packs', () => {
  it('401 without a session', async () => {
    const res = await req('GET', '/packs');
    expect(res.statusCode).toBe(401);
  });

  it('403 for a role that reads no packs (teacher)', async () => {
    expect((await req('GET', '/packs', 'teacher')).statusCode).toBe(403);
  });

  it('the built-in Henan 2021 pack is there after boot, readable by a county', async () => {
    const res = await req('GET', '/packs', 'qingcheng');
    expect(res.statusCode).toBe(200);
    const henan = res.json().find((p: Json) => p.id === 'henan-2021');
    expect(henan).toMatchObject({ builtin: true, status: 'published', year: 2021, canEdit: false });
    expect(henan.projectTypes).toHaveLength(5);
    const one = await req('GET', '/packs/henan-2021', 'school');
    expect(one.statusCode).toBe(200);
    expect(one.json().pack.deadlines.selectionDue.value).toBe('2021-07-30');
    expect((await req('GET', '/packs/nope', 'school')).statusCode).toBe(404);
  });

  it('clone: 403 for a county, 400 on a bad year, 201 for the city with a draft for 2022, 409 twice', async () => {
    expect((await req('POST', '/packs/henan-2021/clone', 'qingcheng', { year: 2022 })).statusCode).toBe(403);
    expect((await req('POST', '/packs/henan-2021/clone', 'city', { year: 1999 })).statusCode).toBe(400);
    const res = await req('POST', '/packs/henan-2021/clone', 'city', { year: 2022 });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d).toMatchObject({ id: `${cityCode}-2022-v2`, status: 'draft', year: 2022, canEdit: true });
    expect(d.derivedFrom).toBe('henan-2021');
    expect(d.pack.deadlines.selectionDue.value).toBe('2022-07-30');
    expect(d.pack.regionCode).toBe(cityCode);
    expect((await req('POST', '/packs/henan-2021/clone', 'city', { year: 2022 })).statusCode).toBe(409);
    // another county sees the city's pack but cannot edit it
    const y = await req('GET', `/packs/${d.id}`, 'yingde');
    expect(y.statusCode).toBe(200);
    expect(y.json().canEdit).toBe(false);
  });

  it('update a draft: validatePack problems → 400 naming rule and path; 403 for a county; 200 when valid', async () => {
    const id = `${cityCode}-2022-v2`;
    const draft = (await req('GET', `/packs/${id}`, 'city')).json().pack;
    const bad = structuredClone(draft);
    bad.design.practicalShareMinPct.value = 150;
    const res = await req('PUT', `/packs/${id}`, 'city', { pack: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.problems).toContainEqual(
      expect.objectContaining({ ruleId: 'R-004-05', path: 'design.practicalShareMinPct' }),
    );
    expect((await req('PUT', `/packs/${id}`, 'city', { pack: { title: 'x' } })).statusCode).toBe(400);
    expect((await req('PUT', `/packs/${id}`, 'yingde', { pack: draft })).statusCode).toBe(403);
    const good = structuredClone(draft);
    good.title = '清远市 2022 年教师素质提升工程';
    good.year = 1990; // header fields stay the row's
    const ok = await req('PUT', `/packs/${id}`, 'city', { pack: good });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: good.title, year: 2022 });
  });

  it('publish: 200 once, then the pack is frozen (409 on edit and on publish)', async () => {
    const id = `${cityCode}-2022-v2`;
    expect((await req('POST', `/packs/${id}/publish`, 'qingcheng')).statusCode).toBe(403);
    const res = await req('POST', `/packs/${id}/publish`, 'city');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('published');
    expect((await req('POST', `/packs/${id}/publish`, 'city')).statusCode).toBe(409);
    const pack = res.json().pack;
    expect((await req('PUT', `/packs/${id}`, 'city', { pack })).statusCode).toBe(409);
    expect((await req('POST', '/packs/henan-2021/publish', 'city')).statusCode).toBe(403);
  });

  it('what-if preview: teachers in scope under the pack and under a changed 教龄 rule (R-004-72)', async () => {
    expect(
      (await req('POST', '/packs/henan-2021/preview', undefined, { projectTypeCode: 'x' })).statusCode,
    ).toBe(401);
    const path = 'projectTypes[4].tracks[0].eligibility.minTeachingYears';
    const res = await req('POST', '/packs/henan-2021/preview', 'qingcheng', {
      projectTypeCode: 'rural_backbone',
      changes: [{ path, value: 0 }],
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.referenceDate).toBe('2021-07-30');
    expect(p.teachers).toBeGreaterThan(5);
    expect(p.current.eligible).toBeGreaterThanOrEqual(4);
    expect(p.current.eligible + p.current.needsOverride + p.current.ineligible).toBe(p.teachers);
    expect(p.changed.eligible).toBeGreaterThanOrEqual(p.current.eligible);
    expect(p.current.failedByRule.map((r: Json) => r.ruleId)).toContain('R-004-72');
    // per unit: one county in scope → per school; the units add up to the totals
    const units = p.byUnit as Array<Json & { teachers: number; eligible: number; changedEligible: number }>;
    expect(units.every((u) => u.orgKind === 'school')).toBe(true);
    expect(units.reduce((n, u) => n + u.teachers, 0)).toBe(p.teachers);
    expect(units.reduce((n, u) => n + u.eligible, 0)).toBe(p.current.eligible);
    expect(units.reduce((n, u) => n + u.changedEligible, 0)).toBe(p.changed.eligible);
    // the city spans counties → per county, named, and no county outside the city
    const byCity = (
      await req('POST', '/packs/henan-2021/preview', 'city', { projectTypeCode: 'rural_backbone' })
    ).json();
    const counties = byCity.byUnit as Array<Json & { teachers: number }>;
    expect(counties.length).toBeGreaterThan(1);
    expect(counties.every((u) => u.orgKind === 'county' && u.changedEligible === null)).toBe(true);
    expect(counties.map((u) => u.orgName)).toContain(qingcheng.name);
    expect(counties.reduce((n, u) => n + u.teachers, 0)).toBe(byCity.teachers);
    // a school admin's preview counts only its own school
    const school = await req('POST', '/packs/henan-2021/preview', 'school', {
      projectTypeCode: 'rural_backbone',
    });
    expect(school.json().teachers).toBeLessThan(p.teachers);
    const bad = await req('POST', '/packs/henan-2021/preview', 'qingcheng', {
      projectTypeCode: 'rural_backbone',
      changes: [{ path: 'projectTypes[9].nothing', value: 1 }],
    });
    expect(bad.statusCode).toBe(400);
    const contradictory = await req('POST', '/packs/henan-2021/preview', 'qingcheng', {
      projectTypeCode: 'rural_backbone',
      changes: [{ path: 'integrityBan.years', value: 0 }],
    });
    expect(contradictory.statusCode).toBe(400);
    expect(contradictory.json().error.details.problems[0].ruleId).toBe('R-004-20');
  });
});

describe('programmes', () => {
  const body = {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    title: '2021 乡村骨干教师素质提升培训（清远）',
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-15',
    totalSeats: 12,
  };

  it('create: 401, 403 for a school admin, 400 on bad dates, 201 for the city', async () => {
    expect((await req('POST', '/programmes', undefined, body)).statusCode).toBe(401);
    expect((await req('POST', '/programmes', 'school', body)).statusCode).toBe(403);
    expect((await req('POST', '/programmes', 'city', { ...body, startDate: '2021-9-1' })).statusCode).toBe(
      400,
    );
    expect((await req('POST', '/programmes', 'city', { ...body, endDate: '2021-08-01' })).statusCode).toBe(
      400,
    );
    expect((await req('POST', '/programmes', 'city', { ...body, projectTypeCode: 'nope' })).statusCode).toBe(
      400,
    );
    const res = await req('POST', '/programmes', 'city', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      level: 'provincial',
      year: 2021,
      trackCode: 'rural_backbone',
      ownerOrgId: city.id,
      totalSeats: 12,
      usedSeats: 0,
      canManage: true,
      projectTypeName: '乡村骨干教师素质提升培训项目',
    });
    programmeId = res.json().id;
  });

  it('list and read: the city’s programme reaches its counties; a county programme stays in the county', async () => {
    const list = await req('GET', '/programmes', 'yingde');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: Json) => p.id)).toContain(programmeId);
    expect(list.json().items[0].canManage).toBe(false);
    const own = await req('POST', '/programmes', 'qingcheng', {
      ...body,
      title: '清城区县培',
      totalSeats: 3,
    });
    expect(own.statusCode).toBe(201);
    const ownId = own.json().id;
    expect((await req('GET', `/programmes/${ownId}`, 'yingde')).statusCode).toBe(404);
    expect((await req('GET', `/programmes/${ownId}`, 'city')).statusCode).toBe(200);
    expect((await req('GET', '/programmes?pageSize=1000', 'city')).statusCode).toBe(400);
    // update and delete: 403 for another county on the city's, 200/204 for the owner
    expect((await req('PATCH', `/programmes/${programmeId}`, 'qingcheng', { title: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await req('PATCH', `/programmes/${ownId}`, 'qingcheng', { totalSeats: 4 })).json().totalSeats,
    ).toBe(4);
    expect((await req('DELETE', `/programmes/${ownId}`, 'yingde')).statusCode).toBe(404);
    expect((await req('DELETE', `/programmes/${ownId}`, 'qingcheng')).statusCode).toBe(204);
    expect((await req('GET', `/programmes/${ownId}`, 'qingcheng')).statusCode).toBe(404);
  });
});

describe('quota cascade (R-004-17)', () => {
  it('suggest: the city’s seats split among its counties by eligible (乡镇) teachers, with a rural reserve', async () => {
    expect((await req('GET', `/programmes/${programmeId}/quotas/${city.id}/suggest`)).statusCode).toBe(401);
    expect(
      (await req('GET', `/programmes/${programmeId}/quotas/${city.id}/suggest`, 'qingcheng')).statusCode,
    ).toBe(404);
    const res = await req(
      'GET',
      `/programmes/${programmeId}/quotas/${city.id}/suggest?reservedRural=2`,
      'city',
    );
    expect(res.statusCode).toBe(200);
    const sg = res.json();
    expect(sg).toMatchObject({
      seats: 12,
      reservedRural: 2,
      weightBasis: 'eligible_location',
      ruleId: 'R-004-17',
    });
    expect(sg.children.length).toBeGreaterThan(1);
    expect(sg.children.every((c: Json) => c.orgKind === 'county')).toBe(true);
    expect(sg.children.reduce((n: number, c: { seats: number }) => n + c.seats, 0)).toBe(sg.allocated);
    expect(sg.allocated + sg.unallocated).toBe(12);
    expect(
      (await req('GET', `/programmes/${programmeId}/quotas/${city.id}/suggest?seats=-1`, 'city')).statusCode,
    ).toBe(400);
  });

  it('allocate: over the parent refused with the rule and the numbers; 403 for a school; 200 within', async () => {
    const url = `/programmes/${programmeId}/quotas/${city.id}/children`;
    const over = await req('PUT', url, 'city', {
      allocations: [
        { orgId: qingcheng.id, seats: 8 },
        { orgId: yingde.id, seats: 5 },
      ],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toMatch(/^名额超出：/);
    expect(over.json().error.message).not.toContain('R-004-17');
    expect(over.json().error.details).toMatchObject({ ruleId: 'R-004-17', parentSeats: 12 });
    expect(over.json().error.details.problems[0].values).toMatchObject({ allocated: 13, over: 1 });
    // the code and values the web words the sentence from (en-US)
    expect(over.json().error.details).toMatchObject({
      reasonCode: 'QUOTA.OVER_ALLOCATED',
      reasonValues: { allocated: 13, available: 12, over: 1 },
    });
    // a school admin cannot allocate anywhere (403); a county cannot hand out the city's seats (404)
    expect(
      (await req('PUT', url, 'school', { allocations: [{ orgId: qingcheng.id, seats: 1 }] })).statusCode,
    ).toBe(403);
    expect(
      (await req('PUT', url, 'qingcheng', { allocations: [{ orgId: qingcheng.id, seats: 1 }] })).statusCode,
    ).toBe(404);
    expect((await req('PUT', url, 'city', { allocations: [] })).statusCode).toBe(400);
    const res = await req('PUT', url, 'city', {
      allocations: [
        { orgId: qingcheng.id, seats: 6 },
        { orgId: yingde.id, seats: 4 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().warnings[0]).toMatchObject({ code: 'QUOTA.UNDER_ALLOCATED', ruleId: 'R-004-17' });
    const root = res.json().nodes.find((n: Json) => n.orgId === city.id);
    expect(root).toMatchObject({ seats: 12, allocated: 10, used: 0, unused: 2 });
  });

  it('a county passes seats to its own school, never to another county’s', async () => {
    const url = `/programmes/${programmeId}/quotas/${qingcheng.id}/children`;
    expect(
      (await req('PUT', url, 'qingcheng', { allocations: [{ orgId: schoolY.id, seats: 1 }] })).statusCode,
    ).toBe(404);
    expect(
      (
        await req('PUT', `/programmes/${programmeId}/quotas/${yingde.id}/children`, 'qingcheng', {
          allocations: [{ orgId: schoolY.id, seats: 1 }],
        })
      ).statusCode,
    ).toBe(404);
    const res = await req('PUT', url, 'qingcheng', { allocations: [{ orgId: schoolQ.id, seats: 2 }] });
    expect(res.statusCode).toBe(200);
    // the county sees its own node and its school, not the city's root nor 英德
    const tree = await req('GET', `/programmes/${programmeId}/quotas`, 'qingcheng');
    const ids = tree.json().nodes.map((n: Json) => n.orgId);
    expect(ids).toEqual(expect.arrayContaining([qingcheng.id, schoolQ.id]));
    expect(ids).not.toContain(yingde.id);
    expect(ids).not.toContain(city.id);
  });
});

describe('nominations', () => {
  const url = () => `/programmes/${programmeId}/nominations`;

  it('401 / 403 (tdc staff cannot nominate) / 400 bad body', async () => {
    expect((await req('POST', url(), undefined, { teacherId: eligibleQ[0] })).statusCode).toBe(401);
    expect((await req('POST', url(), 'tdc', { teacherId: eligibleQ[0] })).statusCode).toBe(403);
    expect((await req('POST', url(), 'school', { teacherId: 'abc' })).statusCode).toBe(400);
  });

  it('an eligible teacher is nominated into the school’s seats, with every check stored', async () => {
    const res = await req('POST', url(), 'school', { teacherId: eligibleQ[0] });
    expect(res.statusCode).toBe(201);
    const n = res.json();
    expect(n).toMatchObject({ status: 'selected', quotaOrgId: schoolQ.id, schoolId: schoolQ.id });
    expect(n.eligibility.eligible).toBe(true);
    expect(n.eligibility.referenceDate).toBe('2021-07-30');
    const rules = n.eligibility.checks.map((c: Json) => c.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['R-004-72', 'R-004-20']));
  });

  it('an ineligible teacher is refused with the failing rule, and nothing is stored', async () => {
    const pre = await req('POST', `/programmes/${programmeId}/eligibility`, 'school', {
      teacherId: ineligibleQ,
    });
    expect(pre.statusCode).toBe(200);
    expect(pre.json().eligible).toBe(false);
    const res = await req('POST', url(), 'school', { teacherId: ineligibleQ });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    const failed = res.json().error.details.failed;
    expect(failed).toContainEqual(expect.objectContaining({ ruleId: 'R-004-72' }));
    const list = await req('GET', `${url()}?status=selected`, 'school');
    expect(list.json().items.map((i: Json) => i.teacherId)).not.toContain(ineligibleQ);
  });

  it('nominating the same teacher twice → 409; another county’s teacher → 404; another county’s seats → 404', async () => {
    expect((await req('POST', url(), 'school', { teacherId: eligibleQ[0] })).statusCode).toBe(409);
    expect((await req('POST', url(), 'school', { teacherId: teacherY })).statusCode).toBe(404);
    expect((await req('POST', url(), 'qingcheng', { teacherId: teacherY })).statusCode).toBe(404);
    expect(
      (await req('POST', url(), 'qingcheng', { teacherId: eligibleQ[1], quotaOrgId: yingde.id })).statusCode,
    ).toBe(404);
    expect(
      (await req('POST', url(), 'qingcheng', { teacherId: eligibleQ[1], quotaOrgId: schoolY.id })).statusCode,
    ).toBe(404);
  });

  it('seats full → 409 naming R-004-17; with waitlist → waitlisted; withdrawal promotes the first waitlisted', async () => {
    const second = await req('POST', url(), 'school', { teacherId: eligibleQ[1] });
    expect(second.statusCode).toBe(201);
    const full = await req('POST', url(), 'school', { teacherId: eligibleQ[2] });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details).toMatchObject({ ruleId: 'R-004-17', seats: 2, used: 2 });
    const w = await req('POST', url(), 'school', { teacherId: eligibleQ[2], waitlist: true });
    expect(w.statusCode).toBe(201);
    expect(w.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const wd = await req('POST', `${url()}/${second.json().id}/withdraw`, 'school', { reason: '身体原因' });
    expect(wd.statusCode).toBe(200);
    expect(wd.json().withdrawn).toMatchObject({ status: 'withdrawn', reason: '身体原因' });
    expect(wd.json().promoted).toMatchObject({ id: w.json().id, status: 'selected' });
    const tree = await req('GET', `/programmes/${programmeId}/quotas`, 'school');
    expect(tree.json().nodes.find((n: Json) => n.orgId === schoolQ.id)).toMatchObject({
      used: 2,
      waitlisted: 0,
    });
    // withdrawing again → 409; another county's admin → 404; 400 without a reason
    expect(
      (await req('POST', `${url()}/${second.json().id}/withdraw`, 'school', { reason: '再次' })).statusCode,
    ).toBe(409);
    expect(
      (await req('POST', `${url()}/${w.json().id}/withdraw`, 'yingde', { reason: '越权' })).statusCode,
    ).toBe(404);
    expect((await req('POST', `${url()}/${w.json().id}/withdraw`, 'school', {})).statusCode).toBe(400);
  });

  it('substitution (替训) hands the seat to another teacher of the school, with reason and audit trail', async () => {
    const list = await req('GET', `${url()}?status=selected`, 'school');
    const first = list.json().items.find((i: Json) => i.teacherId === eligibleQ[0]);
    expect(
      (
        await req('POST', `${url()}/${first.id}/substitute`, 'yingde', {
          teacherId: teacherY,
          reason: '替训测试',
        })
      ).statusCode,
    ).toBe(404);
    const res = await req('POST', `${url()}/${first.id}/substitute`, 'school', {
      teacherId: eligibleQ[3],
      reason: '原学员承担毕业班教学',
    });
    expect(res.statusCode, res.body).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({
      status: 'pending',
      nominationId: first.id,
      replacedTeacherId: eligibleQ[0],
      teacherId: eligibleQ[3],
      approverOrgId: qingcheng.id,
    });
    expect(request.eligibility.eligible).toBe(true);
    // a second request for the same nomination while one is pending → 409
    expect(
      (
        await req('POST', `${url()}/${first.id}/substitute`, 'school', {
          teacherId: eligibleQ[2],
          reason: '再申请',
        })
      ).statusCode,
    ).toBe(409);
    const decide = `/programmes/${programmeId}/substitutions/${request.id}/decision`;
    // the school cannot approve its own request; another county cannot even see it
    expect((await req('POST', decide, 'school', { approve: true })).statusCode).toBe(403);
    expect((await req('POST', decide, 'yingde', { approve: true })).statusCode).toBe(404);
    expect((await req('GET', `/programmes/${programmeId}/substitutions`, 'yingde')).json().total).toBe(0);
    expect((await req('GET', `/programmes/${programmeId}/substitutions`, 'qingcheng')).json().total).toBe(1);
    // until approved the original stays selected
    const still = await req('GET', `${url()}?status=selected`, 'school');
    expect(still.json().items.some((i: Json) => i.id === first.id)).toBe(true);
    const ok = await req('POST', decide, 'qingcheng', { approve: true, reason: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().request).toMatchObject({ status: 'approved', decisionReason: '同意' });
    expect(ok.json().replaced).toMatchObject({ status: 'replaced', replacedById: ok.json().nomination.id });
    expect(ok.json().nomination).toMatchObject({
      status: 'selected',
      replacesId: first.id,
      teacherId: eligibleQ[3],
    });
    expect((await req('POST', decide, 'qingcheng', { approve: true })).statusCode).toBe(409);
    const tree = await req('GET', `/programmes/${programmeId}/quotas`, 'school');
    expect(tree.json().nodes.find((n: Json) => n.orgId === schoolQ.id)).toMatchObject({ seats: 2, used: 2 });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['substitution.request', 'substitution.approve'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['substitution.request', 'substitution.approve']);
    expect(audit[0]?.details).toMatchObject({ reason: '原学员承担毕业班教学', toTeacherId: eligibleQ[3] });
  });

  it('the list is scoped: the school sees its own, another county none', async () => {
    expect((await req('GET', url(), 'school')).json().total).toBeGreaterThanOrEqual(4);
    expect((await req('GET', url(), 'yingde')).json().total).toBe(0);
    expect((await req('GET', url())).statusCode).toBe(401);
  });
});

describe('pull back unused seats', () => {
  it('the city pulls back a county’s unused seats before the deadline; never the used ones', async () => {
    const url = `/programmes/${programmeId}/quotas/${yingde.id}/pull-back`;
    expect((await req('POST', url, 'yingde', {})).statusCode).toBe(403);
    expect((await req('POST', url, 'city', { seats: 5 })).statusCode).toBe(400);
    const res = await req('POST', url, 'city', { seats: 3 });
    expect(res.statusCode).toBe(200);
    const nodes = res.json().nodes;
    expect(nodes.find((n: Json) => n.orgId === yingde.id)).toMatchObject({ seats: 1, unused: 1 });
    expect(nodes.find((n: Json) => n.orgId === city.id)).toMatchObject({ allocated: 7, unused: 5 });
    const q = `/programmes/${programmeId}/quotas/${qingcheng.id}/pull-back`;
    const r2 = await req('POST', q, 'city', {});
    expect(r2.statusCode).toBe(200);
    // 清城 had 6, 2 passed to the school: 4 unused came back
    expect(r2.json().nodes.find((n: Json) => n.orgId === qingcheng.id)).toMatchObject({
      seats: 2,
      allocated: 2,
    });
    expect((await req('POST', q, 'city', {})).statusCode).toBe(400);
  });
});

describe('integrity records (R-004-20)', () => {
  it('401 / 403 for a school admin / 404 for another county’s teacher / 400 / 201, then nomination explains the bar', async () => {
    const body = {
      teacherId: eligibleQ[1],
      kind: 'no_show',
      recordDate: '2020-05-10',
      evidence: '无故未报到',
    };
    expect((await req('POST', '/integrity-records', undefined, body)).statusCode).toBe(401);
    expect((await req('POST', '/integrity-records', 'school', body)).statusCode).toBe(403);
    expect(
      (await req('POST', '/integrity-records', 'qingcheng', { ...body, teacherId: teacherY })).statusCode,
    ).toBe(404);
    expect((await req('POST', '/integrity-records', 'qingcheng', { ...body, kind: 'late' })).statusCode).toBe(
      400,
    );
    const res = await req('POST', '/integrity-records', 'qingcheng', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'no_show', standing: true, recordDate: '2020-05-10' });
    const list = await req('GET', `/integrity-records?teacherId=${eligibleQ[1]}`, 'qingcheng');
    expect(list.json().total).toBe(1);
    expect((await req('GET', '/integrity-records', 'yingde')).json().total).toBe(0);
    const check = await req('POST', `/programmes/${programmeId}/eligibility`, 'school', {
      teacherId: eligibleQ[1],
    });
    const ban = check.json().checks.find((c: Json) => c.ruleId === 'R-004-20');
    // the code and values the web words the check from, beside the Chinese sentence
    expect(ban).toMatchObject({ code: 'integrity', passed: false });
    expect(ban.values).toMatchObject({
      recordDate: '2020-05-10',
      kind: 'no_show',
      allowedFrom: '2023-05-10',
      barEndsOn: expect.any(String),
      programmeStart: expect.any(String),
    });
    expect(check.json().checks.every((c: Json) => typeof c.code === 'string')).toBe(true);
  });
});

describe('teacher: own notifications, own integrity records, appeals (R-004-20)', () => {
  it('a teacher sees only their own; another county cannot decide the appeal; the county upholds it', async () => {
    const me = await h.db
      .selectFrom('accounts')
      .select('teacher_id')
      .where('username', '=', 'teacher')
      .executeTakeFirstOrThrow();
    const myId = me.teacher_id ?? '';
    const mySchool = await h.db
      .selectFrom('teachers as t')
      .innerJoin('orgs as o', 'o.id', 't.school_id')
      .selectAll('o')
      .where('t.id', '=', myId)
      .executeTakeFirstOrThrow();
    const colleague = await buildTeacher(h.db, mySchool as unknown as OrgRow, { backbone: 'school' });
    await buildAccount(h.db, 'colleague', 'teacher', mySchool as unknown as OrgRow, colleague.id);
    s.colleague = await login(t.app, 'colleague');

    expect((await req('GET', '/me/notifications')).statusCode).toBe(401);
    // every signed-in account has an inbox: an officer's holds none of the teacher's notifications
    const officer = await req('GET', '/me/notifications', 'qingcheng');
    expect(officer.statusCode).toBe(200);
    expect(officer.json()).toEqual({ items: [], unread: 0 });
    const rec = await req('POST', '/integrity-records', 'province', {
      teacherId: myId,
      kind: 'dismissed',
      recordDate: '2021-01-15',
      evidence: '多次缺课被劝退',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const recordId = rec.json().id;
    expect(rec.json().barEndsOn).toBe('2024-01-14');

    const mine = await req('GET', '/me/notifications', 'teacher');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().unread).toBe(1);
    const note = mine.json().items[0];
    expect(note).toMatchObject({ kind: 'integrity.record', entityId: recordId });
    expect(note.words).toMatchObject({
      code: expect.stringMatching(/^integrity\.record/),
      values: { kind: 'dismissed', date: '2021-01-15', years: '3', until: '2024-01-14' },
    });
    expect((await req('GET', '/me/notifications', 'colleague')).json().items).toHaveLength(0);
    expect((await req('POST', `/me/notifications/${note.id}/read`, 'colleague')).statusCode).toBe(404);
    const read = await req('POST', `/me/notifications/${note.id}/read`, 'teacher');
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect((await req('GET', '/me/notifications?unreadOnly=true', 'teacher')).json().unread).toBe(0);

    const records = await req('GET', '/me/integrity-records', 'teacher');
    expect(records.json().map((r: Json) => r.id)).toEqual([recordId]);
    expect((await req('GET', '/me/integrity-records', 'colleague')).json()).toEqual([]);
    expect(
      (await req('POST', `/me/integrity-records/${recordId}/appeal`, 'colleague', { reason: '替他申诉' }))
        .statusCode,
    ).toBe(404);
    expect((await req('POST', `/me/integrity-records/${recordId}/appeal`, 'teacher', {})).statusCode).toBe(
      400,
    );
    const appeal = await req('POST', `/me/integrity-records/${recordId}/appeal`, 'teacher', {
      reason: '因病住院，有诊断证明',
    });
    expect(appeal.statusCode).toBe(200);
    expect(appeal.json().appeal.status).toBe('pending');

    const decision = `/integrity-records/${recordId}/appeal-decision`;
    const body = { decision: 'upheld', reason: '诊断证明属实' };
    expect((await req('POST', decision, 'teacher', body)).statusCode).toBe(403);
    const schoolCounty = await h.db
      .selectFrom('orgs')
      .select('path')
      .where('id', '=', mySchool.county_id ?? '')
      .executeTakeFirstOrThrow();
    const outsider = schoolCounty.path === qingcheng.path ? 'yingde' : 'qingcheng';
    const insider = schoolCounty.path === qingcheng.path ? 'qingcheng' : 'province';
    expect((await req('POST', decision, outsider, body)).statusCode).toBe(404);
    const ok = await req('POST', decision, insider, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ standing: false, appeal: { status: 'upheld' } });
    const decided = (await req('GET', '/me/notifications', 'teacher')).json();
    expect(decided.unread).toBe(1);
    expect(decided.items[0].words).toEqual({
      code: 'integrity.appeal.upheld',
      values: { date: '2021-01-15', reason: '诊断证明属实' },
      parts: [],
    });
  });
});

describe('selection quality (R3-B03)', () => {
  it('a county sees its own row with the deduction; the city sees its counties; Excel export', async () => {
    const url = `/programmes/${programmeId}/selection-quality`;
    expect((await req('GET', url)).statusCode).toBe(401);
    const q = await req('GET', `${url}?level=county`, 'qingcheng');
    expect(q.statusCode, q.body).toBe(200);
    expect(q.json().rows.map((r: Json) => r.orgId)).toEqual([qingcheng.id]);
    expect(q.json().rows[0].deduction.ruleId).toBe('R3-B03');
    expect(q.json().rows[0].refusedAttempts).toBeGreaterThanOrEqual(1);
    const y = await req('GET', `${url}?level=school`, 'yingde');
    expect(y.json().rows.every((r: Json) => r.orgId !== schoolQ.id)).toBe(true);
    const c = await req('GET', `${url}?level=county`, 'city');
    expect(c.json().rows.length).toBeGreaterThan(1);
    const x = await req('GET', `${url}.xlsx?level=county`, 'qingcheng');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect((await req('GET', `${url}?level=town`, 'qingcheng')).statusCode).toBe(400);
    expect((await req('GET', `${url}`, 'teacher')).statusCode).toBe(403);
  });
});

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────
// authperf: a withdrawn or replaced nomination leaves its class (classes.removeEnrolmentsOfNomination, called in
// the same transaction); the substitute can then be enrolled (R-004-18: only selected trainees are placed).
describe('withdrawal and substitution reach the class (R-004-18)', () => {
  const url = () => `/programmes/${programmeId}/nominations`;

  it('a replaced teacher leaves the class and the substitute can be enrolled; a withdrawn one leaves too', async () => {
    const provider = await orgByName(h.db, 'provider', '');
    const created = await req('POST', '/classes', 'city', {
      programmeId,
      name: '替训测试班',
      startDate: '2021-09-01',
      endDate: '2021-09-05',
      providerOrgId: provider.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const classId = created.json().id as string;
    const enrolled = async () =>
      ((await req('GET', `/classes/${classId}/enrolments`, 'city')).json() as Json[]).map((e) => e.teacherId);
    expect((await req('POST', `/classes/${classId}/enrolments`, 'city', {})).statusCode).toBe(200);
    const list = await req('GET', `${url()}?status=selected`, 'school');
    const selected = (list.json().items as Json[]).filter((i) => i.quotaOrgId === schoolQ.id);
    expect(selected.length).toBeGreaterThanOrEqual(2);
    const [keep, leave] = selected as [Json, Json];
    expect(await enrolled()).toEqual(expect.arrayContaining([keep.teacherId, leave.teacherId]));

    // 替训: a request leaves the class as it is; once the county approves, the old teacher leaves the class
    // and enrolling again places the substitute
    const sub = await req('POST', `${url()}/${keep.id}/substitute`, 'school', {
      teacherId: eligibleQ[0],
      reason: '替训后编班',
    });
    expect(sub.statusCode).toBe(201);
    expect(await enrolled()).toContain(keep.teacherId);
    const decide = `/programmes/${programmeId}/substitutions/${sub.json().id}/decision`;
    const approved = await req('POST', decide, 'qingcheng', { approve: true, reason: '同意' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await enrolled()).not.toContain(keep.teacherId);
    expect(await enrolled()).not.toContain(eligibleQ[0]);
    const again = await req('POST', `/classes/${classId}/enrolments`, 'city', { teacherIds: [eligibleQ[0]] });
    expect(again.json()).toEqual({ enrolled: 1, skipped: [] });
    expect(await enrolled()).toContain(eligibleQ[0]);

    // withdrawal: the teacher leaves the class; enrolling them again is refused (not selected, R-004-18)
    const wd = await req('POST', `${url()}/${leave.id}/withdraw`, 'school', { reason: '退出培训' });
    expect(wd.statusCode).toBe(200);
    expect(await enrolled()).not.toContain(leave.teacherId);
    const refused = await req('POST', `/classes/${classId}/enrolments`, 'city', {
      teacherIds: [leave.teacherId],
    });
    expect(refused.json()).toMatchObject({ enrolled: 0, skipped: [{ teacherId: leave.teacherId }] });

    // the audit trail names the class each teacher left
    const trail = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['substitution.approve', 'nomination.withdraw'])
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(trail.map((r) => r.details)).toEqual([
      expect.objectContaining({ leftClassIds: [classId] }),
      expect.objectContaining({ leftClassIds: [classId] }),
    ]);
  });
});
