/**
 * 培训总览 (GET /reports/training-overview[.xlsx]) and the "—" of rates without a denominator or a
 * completion run (R3-B02 结业率), on the KPI fixture: a city programme with seats in 清城 (6) and 英德 (2), one
 * class, 7 trainees; plus a county programme (县培) owned by 清城.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import { buildTestApp, login, type Session, seedRegion, type TestApp } from '../../test/factories';
import { actorAt, type KpiFixture, REPORT_DAY, seedKpiFixture } from '../../test/fixtures/kpi-report';
import { createAuditService } from '../audit';
import { removeEnrolmentsOfNomination } from '../classes';
import { createNotificationsService } from '../notifications';
import { regionKeyOf } from '../org';
import { createProgramsRepository, createProgramsService } from '../programs';

let h: DatabaseHandle;
let t: TestApp;
let f: KpiFixture;
let countyProgrammeId: string;
const s: Record<string, Session> = {};

const get = (url: string, who?: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1${url}`, ...(who ? { headers: s[who]?.headers } : {}) });

type Programme = {
  id: string;
  title: string;
  level: string;
  ownedInScope: boolean;
  seats: number;
  seatsUsed: number;
  enrolled: number;
  arrived: number;
  assessed: number;
  completed: number;
  arrivalRate: { rate: number | null; reason: string | null };
  completionRate: {
    rate: number | null;
    reason: string | null;
    numerator: number | null;
    denominator: number;
  };
  hoursTenths: number;
  budgetFen: number | null;
  spentFen: number | null;
  classes: number | null;
  overdueDeadlines: number | null;
  overdueRules: string[];
};

async function overview(who: string, query = '?year=2021') {
  const r = await get(`/reports/training-overview${query}`, who);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    year: number;
    years: number[];
    programmes: Programme[];
    levels: Array<{ level: string; programmes: number; enrolled: number }>;
    total: { programmes: number; enrolled: number };
  };
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  f = await seedKpiFixture(h.db);
  const programs = createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    notifications: createNotificationsService({ db: h.db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock: () => new Date('2021-07-01T00:00:00Z'),
  });
  const county = await programs.createProgramme(actorAt('bureau_admin', f.qingcheng), {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    level: 'county',
    title: '清城区县培乡村骨干研修（总览测试）',
    selectionDeadline: '2021-07-30',
    startDate: '2021-10-01',
    endDate: '2021-10-10',
    totalSeats: 4,
  });
  countyProgrammeId = county.id;
  t = await buildTestApp(h.db, REPORT_DAY);
  for (const u of ['city', 'qingcheng', 'yingde', 'teacher']) s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('GET /reports/training-overview (培训总览)', () => {
  it('401 without a session, 400 on a bad year, 403 for a teacher', async () => {
    expect((await get('/reports/training-overview')).statusCode).toBe(401);
    expect((await get('/reports/training-overview?year=1900', 'city')).statusCode).toBe(400);
    expect((await get('/reports/training-overview', 'teacher')).statusCode).toBe(403);
  });

  it('the city sees every programme of the year by level with programme-wide figures', async () => {
    const o = await overview('city', '');
    expect(o.year).toBe(2021); // the latest year with a programme
    const cityP = o.programmes.find((p) => p.id === f.programmeId);
    expect(cityP).toMatchObject({
      ownedInScope: true,
      seats: 10,
      seatsUsed: 7,
      enrolled: 7,
      arrived: 4,
      assessed: 0,
      classes: 1,
    });
    expect(cityP?.arrivalRate.rate).toBe(0.5714);
    // R-004-22…24 budget from the pack, spending none yet
    expect(cityP?.budgetFen).toBeGreaterThan(0);
    expect(cityP?.spentFen).toBe(0);
    // on 2021-09-07 the class (09-06…09-08) has no 报到通知书 (R-004-10) or 课程表 (R-004-11): overdue
    expect(cityP?.overdueRules).toEqual(expect.arrayContaining(['R-004-10', 'R-004-11']));
    expect(cityP?.overdueDeadlines).toBeGreaterThanOrEqual(2);
    // the county's own 县培 programme is in the city's subtree
    expect(o.programmes.map((p) => p.id)).toContain(countyProgrammeId);
    expect(o.levels.map((l) => l.level)).toEqual(expect.arrayContaining(['county']));
    expect(o.total.enrolled).toBe(o.levels.reduce((n, l) => n + l.enrolled, 0));
  });

  it('结业率 is "—" with its reason before any completion run, never 0 %; a rate once a run judged someone', async () => {
    const before = (await overview('city')).programmes.find((p) => p.id === f.programmeId);
    expect(before?.completionRate).toMatchObject({ rate: null, reason: 'no_completion_run' });
    // a programme with nobody enrolled has no denominator at all
    const empty = (await overview('city')).programmes.find((p) => p.id === countyProgrammeId);
    expect(empty?.completionRate).toMatchObject({ rate: null, reason: 'no_denominator' });
    expect(empty?.arrivalRate).toMatchObject({ rate: null, reason: 'no_denominator' });
    // the KPI report says the same per county
    const kpis = await get(`/programmes/${f.programmeId}/kpis?level=county`, 'city');
    const row = (
      kpis.json().rows as Array<{ orgId: string; completionRate: { rate: null; reason: string } }>
    ).find((r) => r.orgId === f.yingde.id);
    expect(row?.completionRate).toMatchObject({ rate: null, reason: 'no_completion_run' });
    // one 英德 trainee judged and completed → 100 % of those judged in 英德
    const e = await h.db
      .selectFrom('class_enrolments')
      .selectAll()
      .where('programme_id', '=', f.programmeId)
      .where('org_path', '=', f.schoolY.path)
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('completion_results')
      .values({
        county_id: regionKeyOf(f.schoolY),
        class_id: e.class_id,
        teacher_id: e.teacher_id,
        programme_id: f.programmeId,
        org_path: f.schoolY.path,
        completed: true,
        attendance_pct: '100.0',
        checks: '[]',
        hours_tenths: 1500,
      })
      .execute();
    const posting = {
      county_id: regionKeyOf(f.schoolY),
      teacher_id: e.teacher_id,
      programme_id: f.programmeId,
      class_id: e.class_id,
      org_path: f.schoolY.path,
      category: 'centralized',
      occurred_on: '2021-09-10',
      school_year: '2021-2022',
      source: 'completion',
      credit_key: `completion:${f.programmeId}`,
      rule_id: 'Y-004-HOURS',
    };
    const first = await h.db
      .insertInto('hour_entries')
      .values({ ...posting, amount_tenths: 1500 })
      .returning('id')
      .executeTakeFirstOrThrow();
    // a second credit reversed: posting and reversal net to nothing
    const other = await h.db
      .insertInto('hour_entries')
      .values({ ...posting, credit_key: 'adjustment:1', source: 'adjustment', amount_tenths: 300 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .insertInto('hour_entries')
      .values({
        ...posting,
        credit_key: 'adjustment:1',
        source: 'adjustment',
        amount_tenths: -300,
        reverses_id: other.id,
        reason: '重复登记',
      })
      .execute();
    expect(first.id).toBeTruthy();
    const y = (await overview('yingde')).programmes.find((p) => p.id === f.programmeId);
    expect(y?.completionRate).toMatchObject({ numerator: 1, denominator: 1, rate: 1, reason: null });
    expect(y?.hoursTenths).toBe(1500);
    // 清城 has nobody judged yet: still "—"
    const q = (await overview('qingcheng')).programmes.find((p) => p.id === f.programmeId);
    expect(q?.completionRate.reason).toBe('no_completion_run');
    expect(q?.hoursTenths).toBe(0);
  });

  it("英德 sees only its own share of the city programme and none of 清城's programme or figures", async () => {
    const r = await get('/reports/training-overview?year=2021', 'yingde');
    const o = r.json() as { programmes: Programme[] };
    expect(o.programmes.map((p) => p.id)).toEqual([f.programmeId]);
    expect(o.programmes[0]).toMatchObject({
      ownedInScope: false,
      seats: 2,
      seatsUsed: 2,
      enrolled: 2,
      arrived: 1,
      // the city's money and the provider's deadlines are not the county's to see
      budgetFen: null,
      spentFen: null,
      classes: null,
      overdueDeadlines: null,
      overdueRules: [],
    });
    expect(r.body).not.toContain(f.qingcheng.name);
    expect(r.body).not.toContain('清城区县培');
    // 清城 sees its own programme with programme-wide figures and its share of the city's
    const q = await overview('qingcheng');
    expect(q.programmes.find((p) => p.id === countyProgrammeId)).toMatchObject({
      ownedInScope: true,
      level: 'county',
      seats: 4,
      classes: 0,
    });
    expect(q.programmes.find((p) => p.id === f.programmeId)).toMatchObject({ seats: 6, enrolled: 5 });
  });

  it('a year without programmes is empty, not an error', async () => {
    const o = await overview('city', '?year=2030');
    expect(o.programmes).toEqual([]);
    expect(o.years).toContain(2021);
  });

  it('the Excel export: programmes and levels sheets, rates as numbers, "—" where unknown', async () => {
    const r = await get('/reports/training-overview.xlsx?year=2021', 'yingde');
    expect(r.statusCode).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain(encodeURIComponent('培训总览'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('培训项目');
    if (!ws) throw new Error('no sheet');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf('编班')]).toBe(2);
    expect(row[header.indexOf('报到率')]).toBe(0.5);
    expect(row[header.indexOf('预算（元）')]).toBe('—');
    expect(wb.getWorksheet('按级别')).toBeTruthy();
  });
});
