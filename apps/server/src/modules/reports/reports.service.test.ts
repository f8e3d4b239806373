import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { AppError } from '../../shared/app-error';
import { ExcelJS } from '../../shared/exceljs';
import { createTestDatabase } from '../../test/db';
import { seedRegion } from '../../test/factories';
import { actorAt, type KpiFixture, REPORT_DAY, seedKpiFixture } from '../../test/fixtures/kpi-report';
import { createAuditService } from '../audit';
import { createClassesRepository, createClassQueries, removeEnrolmentsOfNomination } from '../classes';
import { createNotificationsService } from '../notifications';
import { createOrgRepository } from '../org';
import { createProgramsRepository, createProgramsService } from '../programs';
import { createOverviewRepository } from './overview/overview.repository';
import { createReportsService, type ReportsService } from './reports.service';

let h: DatabaseHandle;
let f: KpiFixture;
let reports: ReportsService;

function build(
  completionCounts?: Parameters<typeof createReportsService>[0]['completionCounts'],
  clock: () => Date = REPORT_DAY,
) {
  const programs = createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    notifications: createNotificationsService({ db: h.db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock: REPORT_DAY,
  });
  return createReportsService({
    repo: createOverviewRepository(h.db),
    programs,
    selection: programs,
    orgs: createOrgRepository(h.db),
    classes: createClassQueries(createClassesRepository(h.db)),
    completionCounts,
    clock,
  });
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  f = await seedKpiFixture(h.db);
  reports = build();
});

afterAll(async () => {
  await h?.close();
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

describe('programme KPIs per county (R-004-27, R3-B03)', () => {
  it('the city sees both counties with 注册完成率, 报到率 and attendance over sessions held', async () => {
    const r = await reports.programmeKpis(actorAt('bureau_admin', f.city), f.programmeId, {
      level: 'county',
    });
    expect(r.asOf).toBe('2021-09-07');
    const q = r.rows.find((x) => x.orgId === f.qingcheng.id);
    const y = r.rows.find((x) => x.orgId === f.yingde.id);
    expect(q).toMatchObject({
      seats: 6,
      selected: 5,
      enrolled: 5,
      registered: 4,
      arrived: 3,
      sessionsExpected: 10,
      sessionsAttended: 5,
      registrationRate: { numerator: 4, denominator: 5, rate: 0.8 },
      arrivalRate: { rate: 0.6 },
      attendanceRate: { rate: 0.5 },
      drillable: true,
    });
    // 少报 6 − 5 = 1 person-time → −1 (R3-B03)
    expect(q?.deductionPoints).toBe(1);
    expect(q?.deductionScore).toBe(11);
    // 英德: the 09-08 session check-in is not counted before that day
    expect(y).toMatchObject({
      enrolled: 2,
      registered: 2,
      arrived: 1,
      sessionsExpected: 4,
      sessionsAttended: 0,
    });
    expect(y?.attendanceRate.rate).toBe(0);
    expect(y?.deductionPoints).toBe(0);
    expect(r.total).toMatchObject({ enrolled: 7, registered: 6, arrived: 4, deductionPoints: 1 });
    expect(r.total.registrationRate.rate).toBe(0.8571);
  });

  it('a session is owed once it has begun: the 09:00 session of the report day counts from 09:00 (Asia/Shanghai)', async () => {
    const at = async (iso: string) => {
      const r = await build(undefined, () => new Date(iso)).programmeKpis(
        actorAt('bureau_admin', f.city),
        f.programmeId,
        { level: 'county' },
      );
      const of = (id: string) => r.rows.find((x) => x.orgId === id)?.sessionsExpected;
      return { [f.qingcheng.id]: of(f.qingcheng.id), [f.yingde.id]: of(f.yingde.id) };
    };
    // 08:59 in Shanghai: only 09-06 is owed (清城 5 enrolled, 英德 2)
    expect(await at('2021-09-07T00:59:00Z')).toEqual({ [f.qingcheng.id]: 5, [f.yingde.id]: 2 });
    // 09:00: the day's session has begun
    expect(await at('2021-09-07T01:00:00Z')).toEqual({ [f.qingcheng.id]: 10, [f.yingde.id]: 4 });
  });

  it('结业 is "—" (null) until the completion count is wired; one function adds it', async () => {
    const r = await reports.programmeKpis(actorAt('bureau_admin', f.city), f.programmeId, {
      level: 'county',
    });
    expect(r.completionAvailable).toBe(false);
    expect(r.rows.every((x) => x.completed === null && x.completionRate.rate === null)).toBe(true);
    const withCompletion = build(
      async (_id, units) => new Map(units.map((u) => [u.id, { completed: 1, assessed: 2 }])),
    );
    const c = await withCompletion.programmeKpis(actorAt('bureau_admin', f.city), f.programmeId, {
      level: 'county',
    });
    expect(c.completionAvailable).toBe(true);
    expect(c.rows.find((x) => x.orgId === f.yingde.id)?.completionRate).toEqual({
      numerator: 1,
      denominator: 2,
      rate: 0.5,
      reason: null,
    });
    expect(c.total.completed).toBe(c.rows.length);
  });

  it('R3-B02 targets: arrival and completion 100%, none for registration', async () => {
    const r = await reports.programmeKpis(actorAt('bureau_admin', f.city), f.programmeId, { level: 'city' });
    expect(r.targets.map((t) => [t.kpi, t.value, t.ruleId])).toEqual([
      ['arrivalRate', 1, 'R3-B02'],
      ['completionRate', 1, 'R3-B02'],
    ]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ orgId: f.city.id, enrolled: 7 });
  });
});

describe('scope and drill-down', () => {
  it('a county sees only itself and its schools; the other county is not in the answer', async () => {
    const qc = actorAt('bureau_admin', f.qingcheng);
    const counties = await reports.programmeKpis(qc, f.programmeId, { level: 'county' });
    expect(counties.rows.map((x) => x.orgId)).toEqual([f.qingcheng.id]);
    const schools = await reports.programmeKpis(qc, f.programmeId, { level: 'school' });
    expect(schools.rows.some((x) => x.orgId === f.schoolY.id)).toBe(false);
    expect(schools.total).toMatchObject({ enrolled: 5, registered: 4 });
    const a = schools.rows.find((x) => x.orgId === f.schoolQA.id);
    expect(a).toMatchObject({
      enrolled: 4,
      registered: 3,
      arrived: 2,
      sessionsAttended: 3,
      drillable: false,
    });
    // drilling into the other county: 404, not an empty list
    const err = await thrown(
      reports.programmeKpis(qc, f.programmeId, { level: 'school', parentOrgId: f.yingde.id }),
    );
    expect(err.status).toBe(404);
  });

  it('the city drills from a county to its schools', async () => {
    const r = await reports.programmeKpis(actorAt('bureau_admin', f.city), f.programmeId, {
      level: 'school',
      parentOrgId: f.yingde.id,
    });
    expect(r.parent).toMatchObject({ orgId: f.yingde.id, orgKind: 'county' });
    expect(r.rows.every((x) => x.orgId !== f.schoolQA.id && x.orgId !== f.schoolQB.id)).toBe(true);
    expect(r.total).toMatchObject({ enrolled: 2, arrived: 1 });
  });

  it('the Excel export has the same numbers, rates as percentages and "—" for unknown', async () => {
    const x = await reports.exportProgrammeKpis(actorAt('bureau_admin', f.city), f.programmeId, {
      level: 'county',
    });
    expect(x.fileName).toContain('数据看板');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('数据看板');
    if (!ws) throw new Error('no sheet 数据看板');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('注册完成率');
    const rowOf = (name: string) => {
      let found: unknown[] = [];
      ws.eachRow((r) => {
        const v = r.values as unknown[];
        if (v[1] === name) found = v.slice(1);
      });
      return found;
    };
    const q = rowOf(f.qingcheng.name);
    expect(q[header.indexOf('注册完成率')]).toBe(0.8);
    expect(q[header.indexOf('结业')]).toBe('—');
    expect(rowOf('合计')[header.indexOf('编班')]).toBe(7);
  });
});
