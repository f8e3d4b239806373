/**
 * Live items read from the rest of Yanxun (issue 14 item 3), each on seeded data at both sides of its threshold:
 * R3-B02's selection / participation / completion rates (the KPI fixture's 2021 city programme), R3-P01/P02's
 * trainer team (49 and 50 members, 89 % and 90 % active), R3-B01's 三名 studios against ⌈10 % of backbone staff⌉,
 * R3-B07's teachers led by a studio (4 and 5, the host not counted); then a Rubric A campaign bound by the rubric's
 * declarations shows the values with their numbers on a rater's sheet, and a departure needs a reason.
 */
import type { CampaignDetail, RaterSheet, RubricSummary } from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { metricSourcesOf } from '../../services-evaluation';
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
import { type KpiFixture, seedKpiFixture } from '../../test/fixtures/kpi-report';
import { apiClient } from '../../test/routes';
import { type OrgRow, regionKeyOf } from '../org';
import { createPeopleQueries } from '../people';
import { createMetricsRegistry } from './metrics';
import type { MetricsPort } from './ports';

const YEAR = 2021;
let h: DatabaseHandle;
let t: TestApp;
let kpi: KpiFixture;
let registry: MetricsPort;
let lz: OrgRow;
let lzSchool: OrgRow;
const s: Record<string, Session> = {};

const read = (key: string, county: OrgRow) =>
  registry.read(key, { kind: 'county', refId: county.id, orgPath: county.path }, YEAR);

const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  kpi = await seedKpiFixture(h.db);
  t = await buildTestApp(h.db, () => new Date('2021-12-20T02:00:00Z'));
  registry = createMetricsRegistry(
    metricSourcesOf({
      programs: t.services.programs,
      communities: t.services.communities,
      trainers: t.services.trainers,
      people: createPeopleQueries(t.services.peopleRepo),
      schoolResearch: t.services.schoolResearch,
    }),
  );
  lz = await orgByName(h.db, 'county', '连州');
  lzSchool = await schoolIn(h.db, '连州');
}, 300_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('R3-B03: the person-times of a county as numbers beside the sentence', () => {
  it('the facts are the numbers the detail says, for the page to word them', async () => {
    const r = await read('selection_quality_deduction', kpi.qingcheng);
    const v = r?.facts?.values ?? {};
    expect(r?.facts?.code).toBe('selection_quality_deduction');
    expect(v.year).toBe(YEAR);
    expect(v.total).toBe(
      (v.underReported ?? 0) + (v.missed ?? 0) + (v.notCompleted ?? 0) + (v.ineligible ?? 0),
    );
    expect(r?.detail).toBe(
      `${v.total} 人次：少报 ${v.underReported}、缺培 ${v.missed}、未结业 ${v.notCompleted}、不符合遴选条件 ${v.ineligible}（${YEAR} 年 ${v.programmes} 个培训项目）`,
    );
  });
});

describe('R3-B02: selection, participation and completion rates of a county (target 100 %)', () => {
  it('英德 at 100 % on all three earns the whole unit; 清城 filled 5 of 6 seats', async () => {
    const yd = await read('selection_rates', kpi.yingde);
    expect(yd?.detail).toBe(
      '选送率 100%（2/2），参训率 100%（2/2），结业率 100%（2/2）（2021 年 1 个培训项目，目标均为 100%）',
    );
    expect(yd?.share).toBe(1);
    const qc = await read('selection_rates', kpi.qingcheng);
    expect(qc?.detail).toContain('选送率 83.3%（5/6）');
    expect(qc?.share).toBeCloseTo(5 / 6, 6);
    expect(qc?.deductions).toContainEqual({ reason: 'under_reported', count: 1 });
  });

  it('one 英德 trainee who never came (缺培) takes 参训率 to 50 %, and a 清城 trainee not completing takes its 结业率 to 80 %', async () => {
    const trainees = await h.db
      .selectFrom('nominations')
      .select(['teacher_id', 'org_path'])
      .where('programme_id', '=', kpi.programmeId)
      .where('county_id', '=', regionKeyOf(kpi.schoolY))
      .orderBy('id')
      .execute();
    const [first] = trainees;
    if (!first) throw new Error('the fixture selects two 英德 trainees');
    await h.db
      .insertInto('integrity_records')
      .values({
        county_id: regionKeyOf(kpi.schoolY),
        teacher_id: first.teacher_id,
        org_path: first.org_path,
        kind: 'no_show',
        record_date: '2021-09-06',
        programme_id: kpi.programmeId,
      })
      .execute();
    const yd = await read('selection_rates', kpi.yingde);
    expect(yd?.detail).toContain('选送率 100%（2/2），参训率 50%（1/2），结业率 100%（1/1）');
    expect(yd?.share).toBe(0.5);
    expect(yd?.deductions).toContainEqual({ reason: 'missed_training', count: 1 });
    const [qcTrainee] = await h.db
      .selectFrom('nominations')
      .select(['teacher_id', 'org_path'])
      .where('programme_id', '=', kpi.programmeId)
      .where('county_id', '=', regionKeyOf(kpi.schoolQA))
      .orderBy('id')
      .limit(1)
      .execute();
    await h.db
      .insertInto('integrity_records')
      .values({
        county_id: regionKeyOf(kpi.schoolQA),
        teacher_id: qcTrainee?.teacher_id ?? '0',
        org_path: qcTrainee?.org_path ?? '',
        kind: 'not_completed',
        record_date: '2021-09-30',
        programme_id: kpi.programmeId,
      })
      .execute();
    const qc = await read('selection_rates', kpi.qingcheng);
    expect(qc?.detail).toContain('选送率 83.3%（5/6），参训率 100%（5/5），结业率 80%（4/5）');
    expect(qc?.share).toBe(0.8);
  });
});

/** A county trainer appointed for 2020–2022, active in 2021 when assigned to a programme starting that year. */
async function trainer(county: OrgRow, active: boolean) {
  const teacher = await buildTeacher(h.db, lzSchool);
  const r = await h.db
    .insertInto('trainer_records')
    .values({
      county_id: county.id,
      teacher_id: teacher.id,
      pool_org_id: county.id,
      org_path: county.path,
      school_id: lzSchool.id,
      school_path: lzSchool.path,
      route: 'application',
      status: 'appointed',
      term_start: '2020-09-01',
      term_end: '2023-08-31',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (active)
    await h.db
      .insertInto('trainer_assignments')
      .values({
        county_id: county.id,
        record_id: r.id,
        target_kind: 'programme',
        target_id: kpi.programmeId,
        target_title: '乡村骨干教师素质提升',
        role: 'lecturer',
        year: YEAR,
        starts_on: '2021-09-01',
        assigned_at: new Date(),
      })
      .execute();
}

describe('R3-P01 / R3-P02: the county trainer team (≥ 50, ≥ 90 % active)', () => {
  it('no team reads 0 people and earns nothing', async () => {
    const r = await read('trainer_team', lz);
    expect(r?.detail).toContain('县级教师培训师队伍 0 人（要求不少于 50 人，未达标）');
    expect(r?.share).toBe(0);
  });

  it('49 members, 44 active (89.8 %): both short; the 50th member, active: 45 of 50 = 90 %, both met', async () => {
    for (let i = 0; i < 49; i++) await trainer(lz, i < 44);
    const size = await read('trainer_team_size', lz);
    expect(size?.detail).toBe('县级教师培训师队伍 49 人（要求不少于 50 人，未达标）（2021-12-20 在聘）');
    expect(size?.share).toBe(0.98);
    const active = await read('trainer_active_share', lz);
    expect(active?.detail).toContain('2021 年参与项目发挥作用 44 人，占 89.8%（要求不低于 90%，未达标）');
    expect(active?.share).toBeCloseTo(44 / 49 / 0.9, 6);
    await trainer(lz, true);
    const team = await read('trainer_team', lz);
    expect(team?.detail).toBe(
      '县级教师培训师队伍 50 人（要求不少于 50 人，达标）；2021 年参与项目发挥作用 45 人，占 90%（要求不低于 90%，达标）（2021-12-20 在聘）',
    );
    expect(team?.share).toBe(1);
    expect((await read('trainer_team_size', lz))?.share).toBe(1);
    expect((await read('trainer_active_share', lz))?.share).toBe(1);
  });

  it('a 51st member not active: 45 of 51 = 88.2 % falls under the line again', async () => {
    await trainer(lz, false);
    const r = await read('trainer_active_share', lz);
    expect(r?.detail).toContain('45 人，占 88.2%（要求不低于 90%，未达标）');
    expect(r?.share).toBeLessThan(1);
  });
});

/** A studio of the kind hosted at a 连州 school, with its host as a member; returns its id and the host's member id. */
async function studio(kind: string, name: string, createdAt = '2021-03-01T02:00:00Z') {
  const host = await buildTeacher(h.db, lzSchool, { name: `${name.slice(0, 2)}主持` });
  const c = await h.db
    .insertInto('communities')
    .values({
      county_id: lz.id,
      kind,
      ...(kind === 'workshop' ? { workshop_class: 'class_1' } : {}),
      level: 'county',
      name,
      host_teacher_id: host.id,
      host_org_id: lzSchool.id,
      org_path: lzSchool.path,
      created_at: new Date(createdAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: c.id, hostId: host.id };
}

describe('R3-B01: 三名 studios ≥ ⌈10 % × trained backbone staff⌉', () => {
  it('no backbone teacher on record: the numbers, no suggestion', async () => {
    await h.db.updateTable('teachers').set({ backbone: null }).where('county_id', '=', lz.id).execute();
    const r = await read('studio_ratio', lz);
    expect(r?.detail).toContain('未登记骨干教师');
    expect(r?.share).toBeUndefined();
  });

  it('20 backbone teachers need 2 studios: 1 is short (a workshop does not count), 2 meet it; the 21st needs a 3rd', async () => {
    for (let i = 0; i < 20; i++) await buildTeacher(h.db, lzSchool, { backbone: 'county' });
    // a retired backbone teacher is no longer on the staff
    await buildTeacher(h.db, lzSchool, { backbone: 'city', status: 'retired' });
    await studio('master_teacher_studio', '连州名师工作室');
    await studio('workshop', '连州数学教师工作坊');
    const one = await read('studio_ratio', lz);
    expect(one?.detail).toBe(
      '“三名”工作室 1 个，参训骨干 20 人，比例 5%（要求不低于 10%，即至少 2 个，未达标）',
    );
    expect(one?.share).toBe(0.5);
    await studio('master_principal_studio', '连州名校长工作室');
    const two = await read('studio_ratio', lz);
    expect(two?.detail).toContain('“三名”工作室 2 个，参训骨干 20 人，比例 10%');
    expect(two?.share).toBe(1);
    await buildTeacher(h.db, lzSchool, { backbone: 'school' });
    const more = await read('studio_ratio', lz);
    expect(more?.detail).toContain('参训骨干 21 人，比例 9.5%（要求不低于 10%，即至少 3 个，未达标）');
    expect(more?.share).toBeCloseTo(2 / 3, 6);
  });
});

describe('R3-B07: a studio leads at least 5 teachers a year', () => {
  let studioId = '';
  const members: { memberId: string; teacherId: string }[] = [];

  async function activity(on: string, attended: { memberId: string; teacherId: string }[], present = true) {
    const a = await h.db
      .insertInto('community_activities')
      .values({
        county_id: lz.id,
        community_id: studioId,
        held_on: on,
        kind: 'lecture',
        title: `示范讲座 ${on}`,
        host_school_id: lzSchool.id,
        hours_tenths: 30,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('community_attendance')
      .values(
        attended.map((m) => ({
          county_id: lz.id,
          activity_id: a.id,
          member_id: m.memberId,
          teacher_id: m.teacherId,
          attended: present,
        })),
      )
      .execute();
  }

  it('4 teachers led besides the host (and none counted from 2020 or from absences): short; a 5th: met', async () => {
    const st = await studio('master_head_teacher_studio', '连州名班主任工作室');
    studioId = st.id;
    const roster = [
      { teacherId: st.hostId, role: 'host' },
      ...(await Promise.all([1, 2, 3, 4, 5, 6].map(() => buildTeacher(h.db, lzSchool)))).map((x) => ({
        teacherId: x.id,
        role: 'mentee',
      })),
    ];
    for (const m of roster) {
      const row = await h.db
        .insertInto('community_members')
        .values({
          county_id: lz.id,
          community_id: studioId,
          teacher_id: m.teacherId,
          role: m.role,
          school_id: lzSchool.id,
          joined_on: '2020-09-01',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      members.push({ memberId: row.id, teacherId: m.teacherId });
    }
    const [host, m1, m2, m3, m4, m5, m6] = members;
    if (!host || !m1 || !m2 || !m3 || !m4 || !m5 || !m6) throw new Error('seven members');
    await activity('2020-11-10', [m5, m6]);
    await activity('2021-05-10', [host, m1, m2, m3, m4]);
    await activity('2021-06-10', [m6], false);
    const ref = { kind: 'studio' as const, refId: studioId, orgPath: lzSchool.path };
    const four = await registry.read('studio_reach', ref, YEAR);
    expect(four).toEqual({ detail: '2021 年引领教师 4 名（要求至少 5 名，未达标）', share: 0.8 });
    const county = await read('studio_reach', lz);
    expect(county?.detail).toContain('引领教师达到 5 名的 0 个；未达到：');
    expect(county?.detail).toContain('连州名班主任工作室 4 名');
    await activity('2021-10-12', [m1, m5]);
    const five = await registry.read('studio_reach', ref, YEAR);
    expect(five).toEqual({ detail: '2021 年引领教师 5 名（要求至少 5 名，达标）', share: 1 });
    const after = await read('studio_reach', lz);
    expect(after?.detail).toMatch(/^2021 年“三名”工作室 3 个，引领教师达到 5 名的 1 个/);
    expect(after?.share).toBeCloseTo(1 / 3, 6);
  });
});

describe('a Rubric A campaign bound by the rubric’s declarations: the live values on a rater’s sheet', () => {
  it('GET /evaluation/rubrics names Rubric A’s live items with the registry’s definitions; a clone keeps them', async () => {
    await buildAccount(h.db, 'lm_city', 'bureau_admin', kpi.city);
    await buildAccount(h.db, 'lm_exp', 'evaluator', kpi.city);
    for (const u of ['lm_city', 'lm_exp']) s[u] = await login(t.app, u);
    const list = (await req('GET', '/evaluation/rubrics', 'lm_city')).json() as RubricSummary[];
    const a = list.find((r) => r.ref === 'builtin:A');
    expect(a?.liveBindings.map((b) => [b.unitId, b.metric.key, b.metric.ruleId, b.whole])).toEqual([
      ['A2.2', 'selection_quality_deduction', 'R3-B03', false],
      ['A3.3', 'trainer_team', 'R3-P01, R3-P02', true],
      ['A3.4', 'studio_ratio', 'R3-B01', false],
      ['A5.2', 'studio_reach', 'R3-B07', false],
    ]);
    // a clone keeps the declarations (a node's `metric` is part of the saved document)
    const clone = await req('POST', '/evaluation/rubrics/clone', 'lm_city', {
      ownerOrgId: kpi.city.id,
      from: 'builtin:A',
    });
    expect(clone.statusCode).toBe(201);
    expect((clone.json() as RubricSummary).liveBindings.map((b) => b.metric.key)).toEqual([
      'selection_quality_deduction',
      'trainer_team',
      'studio_ratio',
      'studio_reach',
    ]);
  });

  it('A3.3 suggests 5 of 5 with the team’s numbers (51 members, 88.2 % active → 4.95, half up); A3.4 and A5.2 show theirs without a score; departing from A3.3 needs a reason', async () => {
    const list = (await req('GET', '/evaluation/rubrics', 'lm_city')).json() as RubricSummary[];
    const bindings = Object.fromEntries(
      (list.find((r) => r.ref === 'builtin:A')?.liveBindings ?? []).map((b) => [b.unitId, b.metric.key]),
    );
    const created = await req('POST', '/evaluation/campaigns', 'lm_city', {
      ownerOrgId: kpi.city.id,
      name: '2021 年项目县评估（实时数据）',
      year: YEAR,
      subjectKind: 'county',
      rubricRef: 'builtin:A',
      normalisation: 'item_points',
      subjects: [lz.id],
      metricBindings: bindings,
    });
    expect(created.statusCode).toBe(201);
    const c = created.json() as CampaignDetail;
    const subjectId = c.subjects[0]?.id ?? '';
    expect(
      (
        await req('POST', `/evaluation/campaigns/${c.id}/raters`, 'lm_city', {
          assignments: [{ subjectId, usernames: ['lm_exp'] }],
        })
      ).statusCode,
    ).toBe(200);
    for (const to of ['open', 'scoring'])
      expect((await req('POST', `/evaluation/campaigns/${c.id}/advance`, 'lm_city', { to })).statusCode).toBe(
        200,
      );
    const sheet = (await req('GET', `/evaluation/tasks/${subjectId}`, 'lm_exp')).json() as RaterSheet;
    const byUnit = new Map(sheet.live.map((l) => [l.unitId, l]));
    expect(byUnit.get('A3.3')).toMatchObject({ ruleId: 'R3-P01, R3-P02', suggested: 5 });
    expect(byUnit.get('A3.3')?.detail).toContain('县级教师培训师队伍 51 人');
    expect(byUnit.get('A3.3')?.detail).toContain('45 人，占 88.2%');
    expect(byUnit.get('A3.4')).toMatchObject({ ruleId: 'R3-B01', suggested: null });
    expect(byUnit.get('A3.4')?.detail).toContain('参训骨干 21 人');
    expect(byUnit.get('A5.2')).toMatchObject({ ruleId: 'R3-B07', suggested: null });
    expect(byUnit.get('A5.2')?.detail).toContain('引领教师达到 5 名的 1 个');
    expect(byUnit.get('A2.2')).toMatchObject({ ruleId: 'R3-B03', suggested: 12 });

    const sheetWith = (a33: Record<string, unknown>, a34 = 12) => ({
      units: {
        ...Object.fromEntries(c.units.map((u) => [u.id, { score: u.max }])),
        'A3.3': a33,
        'A3.4': { score: a34 },
      },
      vetoes: {},
    });
    const bare = await req('PUT', `/evaluation/tasks/${subjectId}`, 'lm_exp', sheetWith({ score: 4 }));
    expect(bare.statusCode).toBe(400);
    expect((bare.json() as { error: { details: unknown } }).error.details).toMatchObject({
      unitId: 'A3.3',
      ruleId: 'R3-P01, R3-P02',
      suggested: 5,
    });
    const reasoned = await req(
      'PUT',
      `/evaluation/tasks/${subjectId}`,
      'lm_exp',
      sheetWith({ score: 4, adjustReason: '培训师专业发展的长效机制未见制度文件' }),
    );
    expect(reasoned.statusCode).toBe(200);
    // A3.4 shows numbers only: any score in range needs no reason
    const free = await req('PUT', `/evaluation/tasks/${subjectId}`, 'lm_exp', sheetWith({ score: 5 }, 7));
    expect(free.statusCode).toBe(200);
  });
});
