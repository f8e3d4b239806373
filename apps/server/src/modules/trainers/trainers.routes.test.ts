/**
 * 培训者团队 through HTTP on 2026-10-20: a teacher applies, the school recommends, the county approves with an
 * override (R3-P07, R3-P03), the member is assigned and shows in the growth archive; another county's record
 * reads and acts like an unknown id; the county teams' standing counts members and participants (R3-P01, R3-P02).
 */
import type { MyTrainer, TrainerDetail, TrainerPage, TrainerStanding } from '@yanxun/contracts';
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
import { apiClient, errorOf } from '../../test/routes';
import { type OrgRow, regionKeyOf } from '../org';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let qingcheng: OrgRow;
let yingde: OrgRow;
let school: OrgRow;
let teacher: string;
const NOW = Date.parse('2026-10-20T02:00:00Z');

const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  // a school per 50 teachers: several in 清城
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => new Date(NOW));
  qingcheng = await orgByName(h.db, 'county', '清城');
  yingde = await orgByName(h.db, 'county', '英德');
  school = await schoolIn(h.db, '清城', 0);
  const sibling = await schoolIn(h.db, '清城', 1);
  teacher = (await buildTeacher(h.db, school, { name: '周培训', birthDate: '1980-04-04', title: 'first' }))
    .id;
  const young = (await buildTeacher(h.db, school, { name: '吴年轻', birthDate: '1965-01-01' })).id;
  await buildAccount(h.db, 'p_teacher', 'teacher', school, teacher);
  await buildAccount(h.db, 'p_old', 'teacher', school, young);
  await buildAccount(h.db, 'p_school', 'school_admin', school);
  await buildAccount(h.db, 'p_sibling', 'school_admin', sibling);
  await buildAccount(h.db, 'p_qc', 'bureau_admin', qingcheng);
  await buildAccount(h.db, 'p_tdc', 'tdc_staff', qingcheng);
  await buildAccount(h.db, 'p_yd', 'bureau_admin', yingde);
  await buildAccount(h.db, 'p_city', 'bureau_admin', await orgByName(h.db, 'city', '清远'));
  for (const u of ['p_teacher', 'p_old', 'p_school', 'p_sibling', 'p_qc', 'p_tdc', 'p_yd', 'p_city'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

let recordId = '';

describe('application → recommendation → approval (R3-P07)', () => {
  it('401 without a session; 403 for a school admin applying', async () => {
    expect((await req('GET', '/me/trainer')).statusCode).toBe(401);
    const r = await req('POST', '/me/trainer/applications', 'p_school', {
      statement: '申请加入培训者团队，擅长数学教学',
    });
    expect(r.statusCode).toBe(403);
  });

  it('the teacher sees the pools open to them and today’s check before applying', async () => {
    const r = await req('GET', '/me/trainer', 'p_teacher');
    expect(r.statusCode).toBe(200);
    const me = r.json() as MyTrainer;
    expect(me.records).toEqual([]);
    expect(me.pools.map((p) => p.kind)).toEqual(['county', 'city']);
    expect(me.pools[0]?.id).toBe(qingcheng.id);
    expect(me.eligibility).toMatchObject({ kind: 'first', age: 46, outcome: 'needs_override' });
    expect(me.eligibility.findings.map((f) => f.rule)).toEqual(['R3-P03']);
  });

  it('400 for a short statement or a pool that is not the teacher’s; 409 at 61 (R3-P04)', async () => {
    expect((await req('POST', '/me/trainer/applications', 'p_teacher', { statement: '短' })).statusCode).toBe(
      400,
    );
    const other = await req('POST', '/me/trainer/applications', 'p_teacher', {
      statement: '申请加入培训者团队，擅长数学教学',
      poolOrgId: yingde.id,
    });
    expect(other.statusCode).toBe(400);
    const old = await req('POST', '/me/trainer/applications', 'p_old', {
      statement: '申请加入培训者团队，擅长语文教学',
    });
    expect(old.statusCode).toBe(409);
    expect(errorOf(old)).toMatchObject({ details: { ruleId: 'R3-P04' } });
  });

  it('the teacher applies to the county’s pool; a second application is refused', async () => {
    const r = await req('POST', '/me/trainer/applications', 'p_teacher', {
      statement: '从教二十年，市级骨干教师，愿承担培训任务',
    });
    expect(r.statusCode).toBe(201);
    const d = r.json() as TrainerDetail;
    expect(d).toMatchObject({
      status: 'applied',
      poolOrgId: qingcheng.id,
      teacherName: '周培训',
      route: 'application',
    });
    recordId = d.id;
    const again = await req('POST', '/me/trainer/applications', 'p_teacher', {
      statement: '从教二十年，市级骨干教师，愿承担培训任务',
    });
    expect(again.statusCode).toBe(409);
  });

  it('the county cannot approve before the school recommends (409); the school cannot approve (403)', async () => {
    expect(
      (await req('POST', `/trainers/${recordId}/decision`, 'p_qc', { decision: 'approve' })).statusCode,
    ).toBe(409);
    expect(
      (await req('POST', `/trainers/${recordId}/decision`, 'p_school', { decision: 'approve' })).statusCode,
    ).toBe(403);
  });

  it('another county and a sibling school get the unknown id’s 404', async () => {
    const unknown = await req('GET', '/trainers/999999', 'p_yd');
    const other = await req('GET', `/trainers/${recordId}`, 'p_yd');
    expect(other.statusCode).toBe(404);
    expect(errorOf(other)).toEqual(errorOf(unknown));
    const decide = await req('POST', `/trainers/${recordId}/decision`, 'p_yd', { decision: 'approve' });
    expect(decide.statusCode).toBe(404);
    expect(errorOf(decide)).toEqual(
      errorOf(await req('POST', '/trainers/999999/decision', 'p_yd', { decision: 'approve' })),
    );
    const sib = await req('POST', `/trainers/${recordId}/recommendation`, 'p_sibling', {
      decision: 'recommend',
    });
    expect(sib.statusCode).toBe(404);
    const list = (await req('GET', '/trainers', 'p_yd')).json() as TrainerPage;
    expect(list.items.map((i) => i.id)).not.toContain(recordId);
  });

  it('the school returns without a reason → 400; recommends → recommended', async () => {
    expect(
      (await req('POST', `/trainers/${recordId}/recommendation`, 'p_school', { decision: 'return' }))
        .statusCode,
    ).toBe(400);
    const r = await req('POST', `/trainers/${recordId}/recommendation`, 'p_school', {
      decision: 'recommend',
      reason: '教学成绩突出',
    });
    expect(r.statusCode).toBe(200);
    expect((r.json() as TrainerDetail).status).toBe('recommended');
    const list = (await req('GET', '/trainers?status=recommended', 'p_school')).json() as TrainerPage;
    expect(list.items.map((i) => i.id)).toContain(recordId);
  });

  it('the county’s approval needs the R3-P03 override with a reason; with it, a 3-year term begins', async () => {
    const bare = await req('POST', `/trainers/${recordId}/decision`, 'p_tdc', { decision: 'approve' });
    expect(bare.statusCode).toBe(409);
    expect(errorOf(bare)).toMatchObject({ details: { ruleId: 'R3-P03', field: 'overrides' } });
    expect((errorOf(bare) as { message: string }).message).not.toContain('R3-');
    const r = await req('POST', `/trainers/${recordId}/decision`, 'p_tdc', {
      decision: 'approve',
      overrides: [{ rule: 'R3-P03', reason: '市级骨干教师，培训经验丰富' }],
    });
    expect(r.statusCode).toBe(200);
    const d = r.json() as TrainerDetail;
    expect(d).toMatchObject({ status: 'approved', termStart: '2026-10-20', termEnd: '2029-10-19' });
    expect(d.overrides).toMatchObject([{ rule: 'R3-P03', reason: '市级骨干教师，培训经验丰富' }]);
    expect(d.eligibility).toMatchObject({ kind: 'renewal', asOf: '2029-10-20' });
    expect(d.events.map((e) => e.action)).toEqual(['apply', 'recommend', 'approve']);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'trainer_records')
      .where('entity_id', '=', recordId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['trainer.apply', 'trainer.recommend', 'trainer.approve']);
  });

  it('the teacher reads their own history at /me/trainer', async () => {
    const me = (await req('GET', '/me/trainer', 'p_teacher')).json() as MyTrainer;
    expect(me.records).toHaveLength(1);
    expect(me.records[0]?.events.map((e) => [e.action, e.toStatus])).toEqual([
      ['apply', 'applied'],
      ['recommend', 'recommended'],
      ['approve', 'approved'],
    ]);
    expect((await req('GET', `/trainers/${recordId}`, 'p_teacher')).statusCode).toBe(403);
  });

  it('400 for an unknown revocation reason', async () => {
    const r = await req('POST', `/trainers/${recordId}/revocation`, 'p_qc', { reason: 'lazy', note: '说明' });
    expect(r.statusCode).toBe(400);
  });
});

describe('assignment and the growth archive', () => {
  it('assigns the member to a programme (unknown → 400, twice → 409); the archive shows term and role', async () => {
    const p = await req('POST', '/programmes', 'p_qc', {
      packId: 'henan-2021',
      projectTypeCode: 'rural_backbone',
      title: '清城区乡村骨干教师培训',
      selectionDeadline: '2021-07-30',
      startDate: '2021-09-01',
      endDate: '2021-09-30',
      totalSeats: 50,
    });
    expect(p.statusCode).toBe(201);
    const programmeId = (p.json() as { id: string }).id;
    const body = { targetKind: 'programme', targetId: programmeId, role: 'lecturer' };
    expect(
      (await req('POST', `/trainers/${recordId}/assignments`, 'p_qc', { ...body, targetId: '99999999' }))
        .statusCode,
    ).toBe(400);
    const r = await req('POST', `/trainers/${recordId}/assignments`, 'p_qc', body);
    expect(r.statusCode).toBe(200);
    expect((r.json() as TrainerDetail).assignments).toMatchObject([
      { targetTitle: '清城区乡村骨干教师培训', role: 'lecturer', year: 2021 },
    ]);
    expect((await req('POST', `/trainers/${recordId}/assignments`, 'p_qc', body)).statusCode).toBe(409);
    const archive = await req('GET', '/me/archive', 'p_teacher');
    expect(archive.statusCode).toBe(200);
    const roles = (archive.json() as { trainerRoles: Array<Record<string, unknown>> }).trainerRoles;
    expect(roles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: '培训者团队成员', fromDate: '2026-10-20', toDate: '2029-10-19' }),
        expect.objectContaining({ role: '主讲：清城区乡村骨干教师培训', fromDate: '2021-09-01' }),
      ]),
    );
  });
});

/** `n` members of a county's own pool this term, the first `active` of them assigned in 2026 (written directly). */
async function team(county: OrgRow, n: number, active: number) {
  const key = regionKeyOf(county);
  const at = new Date(NOW);
  for (let i = 0; i < n; i++) {
    const r = await h.db
      .insertInto('trainer_records')
      .values({
        county_id: key,
        teacher_id: String(8_000_000 + Number(county.id) * 1000 + i),
        pool_org_id: county.id,
        org_path: county.path,
        school_id: county.id,
        school_path: county.path,
        route: 'application',
        status: 'approved',
        term_start: '2025-09-01',
        term_end: '2028-08-31',
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (i < active)
      await h.db
        .insertInto('trainer_assignments')
        .values({
          county_id: key,
          record_id: r.id,
          target_kind: 'programme',
          target_id: '1',
          target_title: '县级培训',
          role: 'mentor',
          year: 2026,
          starts_on: '2026-03-01',
          assigned_at: at,
        })
        .execute();
  }
}

describe('county team standing (R3-P01, R3-P02)', () => {
  it('英德: 50 members, 45 active (90 %) stands; 清城: 1 member is short of 50', async () => {
    await team(yingde, 50, 45);
    const r = await req('GET', '/trainers/standing?year=2026', 'p_yd');
    expect(r.statusCode).toBe(200);
    const st = r.json() as TrainerStanding;
    expect(st).toMatchObject({ year: 2026, asOf: '2026-10-20', teamMin: 50, activeShareMin: 0.9 });
    expect(st.counties).toEqual([
      expect.objectContaining({ orgId: yingde.id, size: 50, active: 45, activeShare: 0.9, findings: [] }),
    ]);
    const qc = ((await req('GET', '/trainers/standing', 'p_qc')).json() as TrainerStanding).counties;
    expect(qc).toHaveLength(1);
    expect(qc[0]).toMatchObject({ orgId: qingcheng.id, size: 1, active: 0 });
    expect(qc[0]?.findings.map((f) => f.rule)).toEqual(['R3-P01', 'R3-P02']);
  });

  it('44 of 50 active fails R3-P02 only; 49 members fails R3-P01 only', async () => {
    const city = await orgByName(h.db, 'city', '清远');
    const a = await orgByName(h.db, 'county', '连州');
    const b = await orgByName(h.db, 'county', '佛冈');
    await team(a, 50, 44);
    await team(b, 49, 49);
    const st = (
      await req('GET', `/trainers/standing?orgId=${city.id}&year=2026`, 'p_city')
    ).json() as TrainerStanding;
    expect(st.counties.length).toBeGreaterThanOrEqual(8);
    const of = (c: OrgRow) => st.counties.find((x) => x.orgId === c.id);
    expect(of(a)?.findings.map((f) => f.rule)).toEqual(['R3-P02']);
    expect(of(a)).toMatchObject({ size: 50, active: 44 });
    expect(of(b)?.findings.map((f) => f.rule)).toEqual(['R3-P01']);
    expect(of(yingde)?.findings).toEqual([]);
  });

  it('a year without assignments counts nobody active; another county’s org reads as not found', async () => {
    const y2027 = (await req('GET', '/trainers/standing?year=2025', 'p_yd')).json() as TrainerStanding;
    expect(y2027.asOf).toBe('2025-12-31');
    expect(y2027.counties[0]).toMatchObject({ size: 50, active: 0 });
    const r = await req('GET', `/trainers/standing?orgId=${yingde.id}`, 'p_qc');
    expect(r.statusCode).toBe(404);
    expect((await req('GET', '/trainers/standing', 'p_teacher')).statusCode).toBe(403);
  });
});
