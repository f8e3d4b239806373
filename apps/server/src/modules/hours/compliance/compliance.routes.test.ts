/**
 * 学时 compliance through HTTP (issue 12 item 6): the totals kept with every posting equal the ledger summed
 * afresh; the SQL report says of each teacher what core's `evaluateLedger` says of their own ledger
 * (Y-HOURS-ON-TRACK, Y-HOURS-YEAR-PACE, R3-S02, R3-W16, R-002-19); counts per unit add up; another county's unit
 * reads like an unknown one; the Excel list and the reminders (Y-HOURS-REMIND: once a week) reach exactly the
 * teachers behind.
 */
import type { ComplianceTeachers, HoursCompliance } from '@yanxun/contracts';
import {
  complianceThresholds,
  DEFAULT_HOUR_RULES,
  dayCapsOf,
  evaluateLedger,
  groupOf,
  type HourCategory,
  type LedgerEntry,
  teacherCompliance,
  totalsOf,
} from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import { ExcelJS } from '../../../shared/exceljs';
import { createTestDatabase } from '../../../test/db';
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
} from '../../../test/factories';
import { apiClient, errorOf } from '../../../test/routes';
import { type OrgRow, regionKeyOf } from '../../org';
import { createPeopleQueries, createPeopleRepository } from '../../people';
import type { CreditInput } from '../credits';
import { createTotalsRepository } from '../totals.repository';
import { createComplianceRepository } from './compliance.repository';

let h: DatabaseHandle;
let t: TestApp;
const s: Record<string, Session> = {};
let county: OrgRow;
let school: OrgRow;
let onTrack: string;
let justBehind: string;
let researcher: string;
let retired: string;
let researcherSchool: OrgRow;
/** 2027-09-15 10:00 in Shanghai: school year 2027-2028, one school year of the cycle gone (72 学时 expected). */
let now = new Date('2027-09-15T02:00:00Z');
const AS_OF = '2027-09-15';

const { req } = apiClient(() => t, s);

const credit = (teacherId: string, at: OrgRow, over: Partial<CreditInput>): CreditInput => ({
  countyId: regionKeyOf(at),
  teacherId,
  orgPath: at.path,
  amountTenths: 100,
  category: 'online',
  occurredOn: '2026-10-15',
  source: 'activity',
  creditKey: `test:${Math.random()}`,
  ruleId: 'Y-HOURS-TEST',
  postedBy: null,
  ...over,
});

const post = (rows: CreditInput[]) =>
  h.db.transaction().execute((trx) => t.services.hours.postCredits(rows, trx));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 1000);
  t = await buildTestApp(h.db, () => now);
  county = await orgByName(h.db, 'county', '清城');
  school = await schoolIn(h.db, '清城', 0);
  const other = await schoolIn(h.db, '清城', 1);
  researcherSchool = other;
  onTrack = (await buildTeacher(h.db, school)).id;
  justBehind = (await buildTeacher(h.db, school)).id;
  researcher = (await buildTeacher(h.db, other, { rolesHeld: ['researcher'] })).id;
  retired = (await buildTeacher(h.db, other, { status: 'retired' })).id;
  await buildAccount(h.db, 'c_qc', 'bureau_admin', county);
  await buildAccount(h.db, 'c_yd', 'bureau_admin', await orgByName(h.db, 'county', '英德'));
  await buildAccount(h.db, 'c_school', 'school_admin', school);
  await buildAccount(h.db, 'c_teacher', 'teacher', school, onTrack);
  for (const u of ['c_qc', 'c_yd', 'c_school', 'c_teacher']) s[u] = await login(t.app, u);

  // Y-HOURS-ON-TRACK at both sides: 72 学时 and 71.9 学时 by the end of 2026-2027
  await post([
    credit(onTrack, school, { amountTenths: 720 }),
    credit(justBehind, school, { amountTenths: 719 }),
    credit(researcher, other, { amountTenths: 2000 }),
    credit(retired, other, { amountTenths: 10 }),
  ]);
  // random ledgers for the county's teachers: every category, days on capped ones, some reversed
  const teachers = await h.db
    .selectFrom('teachers')
    .select(['id', 'school_id', 'org_path', 'county_id'])
    .where('county_id', '=', regionKeyOf(county))
    .where('id', 'not in', [onTrack, justBehind, researcher, retired])
    .orderBy('id')
    .execute();
  const cats: HourCategory[] = ['centralized', 'online', 'school_based', 'workshop', 'research'];
  const days = ['2026-09-20', '2026-12-01', '2027-04-10', '2027-08-30', '2027-09-03', '2027-09-14'];
  let k = 0;
  for (const x of teachers) {
    const at = { ...school, path: x.org_path, county_id: x.county_id } as OrgRow;
    const rows = [0, 1, 2].map((j) => {
      k += 1;
      const category = cats[(k * 7 + j) % cats.length] as HourCategory;
      return credit(x.id, at, {
        amountTenths: 40 + ((k * 37) % 500),
        category,
        days: category === 'workshop' || category === 'centralized' ? 1 + (k % 3) : null,
        occurredOn: days[(k + j) % days.length],
        creditKey: `test:${x.id}:${j}`,
      });
    });
    await post(rows);
    if (k % 4 === 0)
      await h.db
        .transaction()
        .execute((trx) =>
          t.services.hours.reverseCredits(`test:${x.id}:1`, [x.id], { by: null, reason: '测试撤销' }, trx),
        );
  }
}, 180_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

async function ledgerOf(teacherId: string): Promise<LedgerEntry[]> {
  const rows = await h.db
    .selectFrom('hour_entries')
    .select([
      'id',
      'teacher_id',
      'amount_tenths',
      'category',
      'occurred_on',
      'school_year',
      'source',
      'rule_id',
      'reverses_id',
      'posted_at',
      'days',
    ])
    .where('teacher_id', '=', teacherId)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    teacherId: r.teacher_id,
    amountTenths: r.amount_tenths,
    category: r.category as HourCategory,
    occurredOn: String(r.occurred_on),
    schoolYear: r.school_year,
    source: r.source as LedgerEntry['source'],
    ruleId: r.rule_id,
    reversesId: r.reverses_id,
    postedAt: new Date(r.posted_at).toISOString(),
    days: r.days,
  }));
}

describe('hour_totals', () => {
  it('equal the ledger summed afresh after postings and reversals', async () => {
    const totals = createTotalsRepository(h.db);
    await req('GET', '/hours/compliance', 'c_qc'); // builds them under the rules' day caps on first use
    expect(await totals.drift()).toBe(0);
    expect((await totals.basis()).dayCaps).toEqual(dayCapsOf(DEFAULT_HOUR_RULES));
  });

  it('are rebuilt, once, when the day caps change, and a posting then adds under the new caps', async () => {
    const totals = createTotalsRepository(h.db);
    expect(await totals.rebuild({ workshop: 10 }, now)).toBe(true);
    expect(await totals.rebuild({ workshop: 10 }, now)).toBe(false);
    await post([
      credit(onTrack, school, { category: 'workshop', amountTenths: 300, days: 2, creditKey: 'test:cap' }),
    ]);
    expect(await totals.drift()).toBe(0);
    const row = await h.db
      .selectFrom('hour_totals')
      .select('workshop')
      .where('teacher_id', '=', onTrack)
      .where('school_year', '=', '2026-2027')
      .executeTakeFirstOrThrow();
    expect(row.workshop).toBe(20); // 2 days × 1 学时
    await h.db
      .transaction()
      .execute((trx) =>
        t.services.hours.reverseCredits('test:cap', [onTrack], { by: null, reason: '测试撤销' }, trx),
      );
    expect(await t.services.hoursCompliance.ensureTotals()).toBe(true);
    expect(await totals.drift()).toBe(0);
  });

  it('count a credit posted by two transactions at once once', async () => {
    const c = credit(justBehind, school, { category: 'research', amountTenths: 50, creditKey: 'test:twice' });
    await Promise.all([post([c]), post([c])]);
    expect(await createTotalsRepository(h.db).drift()).toBe(0);
    await h.db
      .transaction()
      .execute((trx) =>
        t.services.hours.reverseCredits('test:twice', [justBehind], { by: null, reason: '测试撤销' }, trx),
      );
  });
});

describe('hour_totals under concurrent postings', () => {
  it('two completions posting to the same teachers in opposite orders at once both land, summed exactly', async () => {
    const some = await h.db
      .selectFrom('teachers')
      .select(['id', 'org_path', 'county_id'])
      .where('county_id', '=', regionKeyOf(county))
      .orderBy('id')
      .limit(40)
      .execute();
    const rows = (key: string) =>
      some.map((x) =>
        credit(x.id, { ...school, path: x.org_path, county_id: x.county_id } as OrgRow, {
          category: 'research',
          amountTenths: 10,
          occurredOn: '2027-06-01',
          creditKey: key,
        }),
      );
    const [a, b] = await Promise.all([post(rows('test:race-a')), post(rows('test:race-b').reverse())]);
    expect([a, b]).toEqual([40, 40]);
    expect(await createTotalsRepository(h.db).drift()).toBe(0);
    for (const key of ['test:race-a', 'test:race-b'])
      await h.db.transaction().execute((trx) =>
        t.services.hours.reverseCredits(
          key,
          some.map((x) => x.id),
          { by: null, reason: '测试撤销' },
          trx,
        ),
      );
  });
});

describe('GET /hours/compliance/teachers', () => {
  it('says of every teacher what evaluateLedger says of their ledger (cycle, year, categories, on track)', async () => {
    const items: ComplianceTeachers['items'] = [];
    let total = -1;
    for (let page = 1; total < 0 || items.length < total; page += 1) {
      const url = `/hours/compliance/teachers?behind=all&pageSize=200&page=${page}&orgId=${county.id}`;
      const r = await req('GET', url, 'c_qc');
      expect(r.statusCode).toBe(200);
      const one = r.json() as ComplianceTeachers;
      total = one.total;
      if (one.items.length === 0) break;
      items.push(...one.items);
    }
    const body = { total, items };
    const roster = await h.db
      .selectFrom('teachers')
      .select(['id', 'roles_held'])
      .where('county_id', '=', regionKeyOf(county))
      .where('status', 'not in', ['left', 'retired'])
      .execute();
    expect(body.total).toBe(roster.length);
    expect(body.items.map((x) => x.teacherId)).not.toContain(retired);
    const th = complianceThresholds(DEFAULT_HOUR_RULES, AS_OF);
    for (const x of body.items) {
      const entries = await ledgerOf(x.teacherId);
      const roles = roster.find((y) => y.id === x.teacherId)?.roles_held ?? [];
      const group = groupOf(DEFAULT_HOUR_RULES, roles);
      const e = evaluateLedger(entries, DEFAULT_HOUR_RULES, { asOf: AS_OF, group: group || undefined });
      const c = teacherCompliance(totalsOf(entries, dayCapsOf(DEFAULT_HOUR_RULES)), th, group);
      const who = `teacher ${x.teacherId}`;
      expect(x.cycleCountedTenths, who).toBe(e.cycle.countedTenths);
      expect(x.expectedTenths, who).toBe(e.cycle.expectedTenths);
      expect(x.onTrack, who).toBe(e.cycle.onTrack);
      expect(x.yearCountedTenths, who).toBe(
        e.byYear.find((y) => y.schoolYear === th.schoolYear)?.countedTenths ?? 0,
      );
      expect(x.yearOnPace, who).toBe(c.yearOnPace);
      expect(x.message, who).toBe(c.message);
      // the school year the web words the message with
      expect(x.schoolYear, who).toBe(th.schoolYear);
    }
  });

  it('Y-HOURS-ON-TRACK: 72 学时 is on track, 71.9 is listed 0.1 behind; most behind first', async () => {
    const r = await req(
      'GET',
      `/hours/compliance/teachers?behind=cycle&orgId=${school.id}&pageSize=200`,
      'c_school',
    );
    const body = r.json() as ComplianceTeachers;
    const ids = body.items.map((x) => x.teacherId);
    expect(ids).toContain(justBehind);
    expect(ids).not.toContain(onTrack);
    expect(body.items.find((x) => x.teacherId === justBehind)).toMatchObject({
      shortOfExpectedTenths: 1,
      expectedTenths: 720,
      onTrack: false,
    });
    const shorts = body.items.map((x) => x.shortOfExpectedTenths);
    expect(shorts).toEqual([...shorts].sort((a, b) => b - a));
  });

  it('R-002-19: a 教研员 is held to 90 学时 a school year, paced', async () => {
    const r = await req(
      'GET',
      `/hours/compliance/teachers?behind=all&orgId=${researcherSchool.id}&pageSize=200`,
      'c_qc',
    );
    const x = (r.json() as ComplianceTeachers).items.find((y) => y.teacherId === researcher);
    expect(x).toMatchObject({ groupName: '教研员', onTrack: true });
    expect(x?.yearPaceTenths).toBe(Math.ceil((900 * 14) / 366));
  });

  it('pages: page 2 continues page 1, and the total stays', async () => {
    const p1 = (
      await req('GET', `/hours/compliance/teachers?behind=all&orgId=${county.id}&pageSize=5`, 'c_qc')
    ).json() as ComplianceTeachers;
    const p2 = (
      await req('GET', `/hours/compliance/teachers?behind=all&orgId=${county.id}&pageSize=5&page=2`, 'c_qc')
    ).json() as ComplianceTeachers;
    expect(p2.total).toBe(p1.total);
    expect(p2.items.map((x) => x.teacherId)).not.toContain(p1.items[0]?.teacherId);
  });
});

describe('the two ways of reading the totals', () => {
  it('probing teacher by teacher (a county) and hashing the table (a province) give the same counts and lists', async () => {
    const th = complianceThresholds(DEFAULT_HOUR_RULES, AS_OF);
    const probe = createComplianceRepository(h.db, { probeMax: 1_000_000 });
    const hash = createComplianceRepository(h.db, { probeMax: 0 });
    const roster = createPeopleQueries(createPeopleRepository(h.db)).rosterRelation([county.path]);
    const sorted = <T>(xs: T[]) => [...xs].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted(await hash.unitCounts(roster, th, county.path))).toEqual(
      sorted(await probe.unitCounts(roster, th, county.path)),
    );
    const q = { behind: 'all' as const, limit: 10_000, offset: 0 };
    const a = await probe.teachers(roster, th, q);
    expect(a.total).toBeGreaterThan(50);
    expect(await hash.teachers(roster, th, q)).toEqual(a);
  });
});

describe('GET /hours/compliance', () => {
  it('counts the county per school (child unit); the units add up to the total', async () => {
    const r = await req('GET', `/hours/compliance?orgId=${county.id}`, 'c_qc');
    expect(r.statusCode).toBe(200);
    const body = r.json() as HoursCompliance;
    expect(body).toMatchObject({ asOf: AS_OF, schoolYear: '2027-2028', elapsedYears: 1, inCycle: true });
    expect(body.unit.id).toBe(county.id);
    const sum = (f: (x: HoursCompliance['total']) => number) => body.units.reduce((a, u) => a + f(u), 0);
    expect(sum((u) => u.teachers)).toBe(body.total.teachers);
    expect(sum((u) => u.behind)).toBe(body.total.behind);
    expect(sum((u) => u.shortTenths)).toBe(body.total.shortTenths);
    const childId = school.path.slice(county.path.length).split('/')[0];
    const child = await h.db
      .selectFrom('orgs')
      .select('name')
      .where('id', '=', String(childId))
      .executeTakeFirstOrThrow();
    expect(body.units.find((u) => u.orgId === childId)?.name).toBe(child.name);
    const all = (
      await req('GET', `/hours/compliance/teachers?behind=cycle&orgId=${county.id}&pageSize=1`, 'c_qc')
    ).json() as ComplianceTeachers;
    expect(body.total.behind).toBe(all.total);
    expect(body.categories.map((c) => c.ruleId)).toContain('R3-S02');
  });

  it('a school admin sees their own school by default', async () => {
    const body = (await req('GET', '/hours/compliance', 'c_school')).json() as HoursCompliance;
    expect(body.unit.id).toBe(school.id);
    expect(body.units).toHaveLength(1);
  });

  it('another county reads exactly like an unknown unit; a teacher may not read it at all', async () => {
    const theirs = await req('GET', `/hours/compliance?orgId=${county.id}`, 'c_yd');
    const unknown = await req('GET', '/hours/compliance?orgId=999999999', 'c_yd');
    expect(theirs.statusCode).toBe(404);
    expect(errorOf(theirs)).toEqual(errorOf(unknown));
    const up = await req('GET', `/hours/compliance?orgId=${county.id}`, 'c_school');
    expect(up.statusCode).toBe(404);
    expect(errorOf(up)).toEqual(errorOf(unknown));
    const list = await req('GET', `/hours/compliance/teachers?orgId=${county.id}`, 'c_yd');
    expect(list.statusCode).toBe(404);
    expect((await req('GET', '/hours/compliance', 'c_teacher')).statusCode).toBe(403);
  });

  it('refuses a malformed unit id or filter', async () => {
    expect((await req('GET', '/hours/compliance?orgId=abc', 'c_qc')).statusCode).toBe(400);
    expect((await req('GET', '/hours/compliance/teachers?behind=late', 'c_qc')).statusCode).toBe(400);
    expect((await req('GET', '/hours/compliance/teachers?pageSize=100000', 'c_qc')).statusCode).toBe(400);
  });
});

describe('the Excel list and the reminders', () => {
  it('the list holds exactly the teachers behind, with no ID number or phone', async () => {
    const r = await req('GET', `/hours/compliance/teachers.xlsx?behind=any&orgId=${school.id}`, 'c_school');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const page = (
      await req('GET', `/hours/compliance/teachers?behind=any&orgId=${school.id}&pageSize=1`, 'c_school')
    ).json() as ComplianceTeachers;
    expect((sheet?.rowCount ?? 0) - 1).toBe(page.total);
    expect(sheet?.getRow(1).getCell(1).value).toBe('学校');
    expect(sheet?.getRow(1).getCell(7).value).toMatch(/^\d{4}—\d{4} 学年已计$/);
    const text = JSON.stringify(sheet?.getSheetValues());
    const ids = await h.db
      .selectFrom('teachers')
      .select(['id_number', 'phone'])
      .where('school_id', '=', school.id)
      .execute();
    for (const x of ids) {
      expect(text).not.toContain(x.id_number);
      if (x.phone) expect(text).not.toContain(x.phone);
    }
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('学时进度');
  });

  it('Y-HOURS-REMIND: each teacher behind is told once; again only after 7 days', async () => {
    const first = await req('POST', '/hours/compliance/reminders', 'c_school', { behind: 'cycle' });
    expect(first.statusCode).toBe(200);
    const page = (
      await req('GET', `/hours/compliance/teachers?behind=cycle&orgId=${school.id}&pageSize=1`, 'c_school')
    ).json() as ComplianceTeachers;
    expect(first.json()).toMatchObject({
      sent: page.total,
      skipped: 0,
      intervalDays: 7,
      ruleId: 'Y-HOURS-REMIND',
    });
    const told = await h.db
      .selectFrom('notifications')
      .select(['teacher_id', 'body'])
      .where('kind', '=', 'hours.behind')
      .execute();
    expect(told.map((x) => x.teacher_id)).toContain(justBehind);
    expect(told.map((x) => x.teacher_id)).not.toContain(onTrack);
    expect(told.find((x) => x.teacher_id === justBehind)?.body).toContain('落后 0.1 学时');
    expect(
      (await req('POST', '/hours/compliance/reminders', 'c_school', { behind: 'cycle' })).json(),
    ).toMatchObject({
      sent: 0,
      skipped: page.total,
    });
    now = new Date(now.getTime() + 7 * 86_400_000 + 60_000);
    for (const u of ['c_school', 'c_yd', 'c_teacher']) s[u] = await login(t.app, u); // a week idle: signed out
    expect(
      (await req('POST', '/hours/compliance/reminders', 'c_school', { behind: 'cycle' })).json(),
    ).toMatchObject({
      sent: page.total,
    });
    const audited = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'hours.compliance_remind')
      .execute();
    expect(audited).toHaveLength(3);
  });

  it('another county cannot remind this county’s teachers; a teacher cannot remind anyone', async () => {
    const r = await req('POST', '/hours/compliance/reminders', 'c_yd', { orgId: county.id });
    expect(r.statusCode).toBe(404);
    expect((await req('POST', '/hours/compliance/reminders', 'c_teacher', {})).statusCode).toBe(403);
  });
});
