/**
 * R3-B09 学校教师培训经费 through HTTP: the school enters its year (short of 5 % and of 90 %: kept, with findings),
 * the 进修学校 corrects it (audited with before and after), another county's 进修学校 reads it exactly like an
 * unknown id, a teacher is refused the same for both, bad amounts are refused with the field; then the live item
 * school_training_budget on a Rubric B (校本研修示范校) rater's sheet: B12 suggested from the numbers, and a school
 * without a record gets no suggestion.
 */
import type {
  CampaignDetail,
  RaterSheet,
  SchoolTrainingBudget,
  TrainingBudget,
  TrainingBudgetList,
} from '@yanxun/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { metricSourcesOf } from '../../services-evaluation';
import { createTestDatabase } from '../../test/db';
import {
  buildAccount,
  buildOrgUnder,
  buildTestApp,
  login,
  orgByName,
  type Session,
  schoolIn,
  seedRegion,
  type TestApp,
} from '../../test/factories';
import { createMetricsRegistry } from '../evaluation';
import type { OrgRow } from '../org';
import { createPeopleQueries } from '../people';

const YEAR = 2026;
let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let school: OrgRow;
let other: OrgRow;
let qc: OrgRow;

const req = (method: 'GET' | 'PUT' | 'POST', url: string, who?: string, payload?: unknown) =>
  t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(who ? { headers: s[who]?.headers } : {}),
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
const errorOf = (r: { json: () => unknown }) => {
  const { requestId: _, ...rest } = (r.json() as { error: Record<string, unknown> }).error;
  return rest;
};
const url = (schoolId: string, year = YEAR) =>
  `/school-research/schools/${schoolId}/training-budgets/${year}`;
/** 公用经费 100 万元; 培训经费 4.99 万元 (4.99 %); 已使用 4.486 万元 (89.9 %) */
const SHORT = { publicFundsFen: 100_000_000, budgetFen: 4_990_000, usedFen: 4_486_010, note: '首次填报' };

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => new Date('2026-11-20T02:00:00Z'));
  qc = await orgByName(h.db, 'county', '清城');
  school = await schoolIn(h.db, '清城', 0);
  other = await schoolIn(h.db, '清城', 1);
  const yd = await orgByName(h.db, 'county', '英德');
  await buildAccount(h.db, 'b_school', 'school_admin', school);
  await buildAccount(h.db, 'b_other', 'school_admin', other);
  await buildAccount(h.db, 'b_tdc', 'tdc_staff', qc);
  await buildAccount(h.db, 'b_ydtdc', 'tdc_staff', yd);
  await buildAccount(h.db, 'b_teacher', 'teacher', school);
  await buildAccount(h.db, 'b_bureau', 'bureau_admin', qc);
  await buildAccount(h.db, 'b_exp', 'evaluator', qc);
  for (const u of ['b_school', 'b_other', 'b_tdc', 'b_ydtdc', 'b_teacher', 'b_bureau', 'b_exp'])
    s[u] = await login(t.app, u);
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('R3-B09: the school’s annual training budget (5 % of public funds, ≥ 90 % used)', () => {
  it('none yet: the school reads an empty year with the values in force and may enter it', async () => {
    const r = await req('GET', url(school.id), 'b_school');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ record: null, canEdit: true, shareMin: 0.05, useMin: 0.9, year: YEAR });
  });

  it('the school enters 4.99 % and 89.9 %: kept, with both findings carrying R3-B09 and the numbers', async () => {
    const r = await req('PUT', url(school.id), 'b_school', SHORT);
    expect(r.statusCode).toBe(200);
    const b = r.json() as TrainingBudget;
    expect(b).toMatchObject({ budgetMet: false, useMet: false, rule: 'R3-B09', note: '首次填报' });
    expect(b.findings.map((f) => [f.rule, f.message])).toEqual([
      ['R3-B09', '教师培训经费 4.99 万元，占公用经费 4.99%，低于 5%'],
      ['R3-B09', '已用于教师培训 4.49 万元，占培训经费 89.9%，低于 90%'],
    ]);
  });

  it('the 进修学校 reads and corrects it to 5.00 % and 90 %: no findings; both writes audited with before and after', async () => {
    expect(((await req('GET', url(school.id), 'b_tdc')).json() as SchoolTrainingBudget).canEdit).toBe(true);
    const r = await req('PUT', url(school.id), 'b_tdc', {
      publicFundsFen: 100_000_000,
      budgetFen: 5_000_000,
      usedFen: 4_500_000,
      note: '进修学校核对后更正',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      budgetMet: true,
      useMet: true,
      findings: [],
      budgetShare: 0.05,
      useShare: 0.9,
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'like', 'school_research.training_budget.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'school_research.training_budget.enter',
      'school_research.training_budget.correct',
    ]);
    expect(audit[0]?.details).toMatchObject({ year: YEAR, ruleId: 'R3-B09', before: null, after: SHORT });
    expect(audit[1]?.details).toMatchObject({
      before: SHORT,
      after: {
        publicFundsFen: 100_000_000,
        budgetFen: 5_000_000,
        usedFen: 4_500_000,
        note: '进修学校核对后更正',
      },
      findings: [],
    });
  });

  it('use above 100 % (topped up) is kept and not flagged', async () => {
    const r = await req('PUT', url(other.id), 'b_other', {
      publicFundsFen: 50_000_000,
      budgetFen: 2_000_000,
      usedFen: 2_400_000,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ budgetMet: false, useMet: true, useShare: 1.2 });
    expect((r.json() as TrainingBudget).findings.map((f) => f.message)).toEqual([
      '教师培训经费 2 万元，占公用经费 4%，低于 5%',
    ]);
  });

  it('the county lists its schools’ records with the flags; a school sees only its own', async () => {
    const list = (
      await req('GET', `/school-research/training-budgets?year=${YEAR}`, 'b_tdc')
    ).json() as TrainingBudgetList;
    expect(list.items.map((i) => [i.schoolId, i.budgetMet, i.useMet])).toEqual(
      expect.arrayContaining([
        [school.id, true, true],
        [other.id, false, true],
      ]),
    );
    expect(list.metBoth).toBe(1);
    const own = (
      await req('GET', `/school-research/training-budgets?year=${YEAR}`, 'b_other')
    ).json() as TrainingBudgetList;
    expect(own.items.map((i) => i.schoolId)).toEqual([other.id]);
  });

  it('another county’s 进修学校 and another school read it exactly like an unknown id (404); a teacher is 403 for both', async () => {
    const unknown = await req('GET', url('999999999'), 'b_ydtdc');
    expect(unknown.statusCode).toBe(404);
    for (const [who, method] of [
      ['b_ydtdc', 'GET'],
      ['b_ydtdc', 'PUT'],
      ['b_other', 'GET'],
      ['b_other', 'PUT'],
    ] as const) {
      const r = await req(method, url(school.id), who, method === 'PUT' ? SHORT : undefined);
      expect(r.statusCode).toBe(404);
      expect(errorOf(r)).toEqual(errorOf(unknown));
    }
    const real = await req('GET', url(school.id), 'b_teacher');
    const none = await req('GET', url('999999999'), 'b_teacher');
    expect([real.statusCode, none.statusCode]).toEqual([403, 403]);
    expect(errorOf(real)).toEqual(errorOf(none));
    expect((await req('PUT', url(school.id), 'b_teacher', SHORT)).statusCode).toBe(403);
    // nothing changed by the refused writes
    expect(
      ((await req('GET', url(school.id), 'b_tdc')).json() as SchoolTrainingBudget).record?.budgetFen,
    ).toBe(5_000_000);
  });

  it('bad amounts are refused with the field and the reason', async () => {
    const refused = async (body: Record<string, unknown>, field: string, reason: string) => {
      const r = await req('PUT', url(other.id), 'b_other', { ...SHORT, ...body });
      expect(r.statusCode).toBe(400);
      const issues = (r.json() as { error: { details: { issues: { path: string; message: string }[] } } })
        .error.details.issues;
      expect(issues).toContainEqual(expect.objectContaining({ path: `/${field}`, message: reason }));
    };
    await refused({ usedFen: -1 }, 'usedFen', '金额不能为负数');
    await refused({ budgetFen: 12.5 }, 'budgetFen', '金额应为整数（分）');
    await refused({ publicFundsFen: 0 }, 'publicFundsFen', '金额应大于 0');
    await refused({ publicFundsFen: 10_000_000_001 }, 'publicFundsFen', '金额超过 1 亿元，请核对');
    await refused({ budgetFen: 100_000_001 }, 'budgetFen', '教师培训经费不能超过公用经费预算总额');
    expect((await req('GET', url(other.id, 1999), 'b_other')).statusCode).toBe(400);
  });
});

describe('the live item school_training_budget (R3-B09) on a Rubric B rater’s sheet', () => {
  it('B12 suggests 5 of 5 for the corrected school with its numbers; a school without a record gets no suggestion', async () => {
    const rubrics = (await req('GET', '/evaluation/rubrics', 'b_bureau')).json() as Array<{
      ref: string;
      liveBindings: { unitId: string; whole: boolean; metric: { key: string; ruleId: string } }[];
    }>;
    const b = rubrics.find((r) => r.ref === 'builtin:B');
    expect(b?.liveBindings.map((x) => [x.unitId, x.metric.key, x.metric.ruleId, x.whole])).toEqual([
      ['B12', 'school_training_budget', 'R3-B09', true],
    ]);
    const none = await buildOrgUnder(h.db, qc, '清城未填报学校');
    const created = await req('POST', '/evaluation/campaigns', 'b_bureau', {
      ownerOrgId: qc.id,
      name: '2026 年校本研修示范校评价',
      year: YEAR,
      subjectKind: 'school',
      rubricRef: 'builtin:B',
      normalisation: 'item_points',
      subjects: [school.id, other.id, none.id],
      metricBindings: { B12: 'school_training_budget' },
    });
    expect(created.statusCode).toBe(201);
    const c = created.json() as CampaignDetail;
    const subjectOf = (id: string) => c.subjects.find((x) => x.refId === id)?.id ?? '';
    const ids = [school.id, other.id, none.id].map(subjectOf);
    expect(
      (
        await req('POST', `/evaluation/campaigns/${c.id}/raters`, 'b_bureau', {
          assignments: ids.map((subjectId) => ({ subjectId, usernames: ['b_exp'] })),
        })
      ).statusCode,
    ).toBe(200);
    for (const to of ['open', 'scoring'])
      expect(
        (await req('POST', `/evaluation/campaigns/${c.id}/advance`, 'b_bureau', { to })).statusCode,
      ).toBe(200);
    const b12 = async (subjectId: string) =>
      ((await req('GET', `/evaluation/tasks/${subjectId}`, 'b_exp')).json() as RaterSheet).live.find(
        (l) => l.unitId === 'B12',
      );
    const met = await b12(ids[0] ?? '');
    expect(met).toMatchObject({ ruleId: 'R3-B09', suggested: 5 });
    expect(met?.detail).toBe(
      '2026 年公用经费预算 100 万元，教师培训经费 5 万元（占 5%，要求不低于 5%，达标）；已使用 4.5 万元（使用率 90%，要求不低于 90%，达标）',
    );
    // 4 % of 5 % → 0.8 of the half, use met: (0.8 + 1) / 2 × 5 = 4.5
    const short = await b12(ids[1] ?? '');
    expect(short).toMatchObject({ suggested: 4.5 });
    expect(short?.detail).toContain('占 4%，要求不低于 5%，未达标');
    expect(await b12(ids[2] ?? '')).toMatchObject({ detail: '本年度未填报教师培训经费', suggested: null });
  });

  it('a county subject: the share of its schools meeting both conditions (a school without a record does not)', async () => {
    const registry = createMetricsRegistry(
      metricSourcesOf({
        programs: t.services.programs,
        communities: t.services.communities,
        trainers: t.services.trainers,
        people: createPeopleQueries(t.services.peopleRepo),
        schoolResearch: t.services.schoolResearch,
      }),
    );
    const { n } = await h.db
      .selectFrom('orgs')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', '=', 'school')
      .where('county_id', '=', qc.id)
      .executeTakeFirstOrThrow();
    const schools = Number(n);
    const r = await registry.read(
      'school_training_budget',
      { kind: 'county', refId: qc.id, orgPath: qc.path },
      YEAR,
    );
    expect(r?.detail).toContain(`2026 年学校 ${schools} 所，填报教师培训经费 2 所，两项均达标 1 所`);
    expect(r?.share).toBeCloseTo(1 / schools, 10);
  });
});
