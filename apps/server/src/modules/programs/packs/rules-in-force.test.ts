/**
 * The 学时 rules in force for a unit (Y-HOURS-PACK-IN-FORCE): the newest published pack of the nearest region on
 * its path, in force from its year; drafts and later years are not; the school-year start and per-day caps stay
 * the top region's. Through HTTP: a teacher's record, the compliance report and a claim's review deadline follow
 * the province's pack.
 */
import type { HourClaim, HoursCompliance, TeacherHours } from '@yanxun/contracts';
import {
  DEFAULT_COMMUNITY_RULES,
  DEFAULT_HOUR_RULES,
  type HourRules,
  type PolicyPack,
  pv,
  reviewDueOn,
} from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
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
import { insertRegionPack } from '../../../test/packs';
import { apiClient } from '../../../test/routes';
import type { OrgRow } from '../../org';

let h: DatabaseHandle;
let t: TestApp;
let province: OrgRow;
let city: OrgRow;
let county: OrgRow;
let school: OrgRow;
let teacher: string;
const s: Record<string, Session> = {};
const now = new Date('2027-09-15T02:00:00Z');
const ON = '2027-09-15';

const HOURS_TEST = 'Y-HOURS-TEST';
const rules = (over: Partial<HourRules>): HourRules => ({ ...DEFAULT_HOUR_RULES, ...over });

async function pack(region: OrgRow, year: number, status: 'draft' | 'published', hours: HourRules) {
  await packWith(region, year, { hours }, status);
}

async function packWith(
  region: OrgRow,
  year: number,
  sections: Partial<PolicyPack>,
  status: 'draft' | 'published' = 'published',
  version = 1,
) {
  expect(await insertRegionPack(h.db, region, year, sections, { status, version })).toBe(true);
}

const rulesIn = (org: OrgRow, on = ON) => t.services.programs.hourRulesIn(org.path, on);
const { req } = apiClient(() => t, s);

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 300);
  t = await buildTestApp(h.db, () => now);
  province = await orgByName(h.db, 'province', '广东');
  city = await orgByName(h.db, 'city', '清远');
  county = await orgByName(h.db, 'county', '清城');
  school = await schoolIn(h.db, '清城', 0);
  teacher = (await buildTeacher(h.db, school)).id;
  await buildAccount(h.db, 'r_qc', 'bureau_admin', county);
  await buildAccount(h.db, 'r_teacher', 'teacher', school, teacher);
  for (const u of ['r_qc', 'r_teacher']) s[u] = await login(t.app, u);
});

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('the 学时 rules in force (Y-HOURS-PACK-IN-FORCE)', () => {
  it('without a region pack that sets them, every unit has the defaults', async () => {
    const r = await rulesIn(school);
    expect(r.cycleTotalTenths.value).toBe(DEFAULT_HOUR_RULES.cycleTotalTenths.value);
    expect(r.schoolYearStart.value).toBe(DEFAULT_HOUR_RULES.schoolYearStart.value);
  });

  it("a province's published pack is in force below it from its year on, not before; a draft never", async () => {
    await pack(
      province,
      2027,
      'published',
      rules({
        cycleTotalTenths: pv(3000, HOURS_TEST, 'test'),
        schoolYearStart: pv('08-01', HOURS_TEST, 'test'),
        claims: { schoolReviewDays: pv(5, HOURS_TEST, 'test') },
      }),
    );
    await pack(province, 2027, 'draft', rules({ cycleTotalTenths: pv(1000, HOURS_TEST, 'test') }));
    await pack(province, 2028, 'published', rules({ cycleTotalTenths: pv(2000, HOURS_TEST, 'test') }));
    expect((await rulesIn(school)).cycleTotalTenths.value).toBe(3000);
    expect((await rulesIn(province)).cycleTotalTenths.value).toBe(3000);
    expect((await rulesIn(school, '2026-12-31')).cycleTotalTenths.value).toBe(
      DEFAULT_HOUR_RULES.cycleTotalTenths.value,
    );
    expect((await rulesIn(school, '2028-01-01')).cycleTotalTenths.value).toBe(2000);
  });

  it("a city's own pack wins below the city, keeping the province's school-year start and day caps", async () => {
    const workshop = DEFAULT_HOUR_RULES.categories.workshop;
    await pack(
      city,
      2027,
      'published',
      rules({
        cycleTotalTenths: pv(2400, HOURS_TEST, 'test'),
        schoolYearStart: pv('09-01', HOURS_TEST, 'test'),
        claims: { schoolReviewDays: pv(3, HOURS_TEST, 'test') },
        categories: {
          ...DEFAULT_HOUR_RULES.categories,
          workshop: { ...workshop, dayCapTenths: pv(50, HOURS_TEST, 'test') },
        },
      }),
    );
    const below = await rulesIn(school);
    expect(below.cycleTotalTenths.value).toBe(2400);
    expect(below.schoolYearStart.value).toBe('08-01');
    expect(below.categories.workshop?.dayCapTenths?.value).toBe(workshop?.dayCapTenths?.value);
    expect(below.claims?.schoolReviewDays?.value).toBe(3);
    const above = await rulesIn(province);
    expect(above.cycleTotalTenths.value).toBe(3000);
    expect(above.claims?.schoolReviewDays?.value).toBe(5);
  });

  it('an unknown path has the defaults', async () => {
    expect(await t.services.programs.hourRulesIn('not a path', ON)).toBe(DEFAULT_HOUR_RULES);
  });

  it("the teacher's record, the county's report and a claim's deadline follow the city's rules in force", async () => {
    const record = (await req('GET', `/teachers/${teacher}/hours`, 'r_qc')).json() as TeacherHours;
    expect(record.standing.cycle.targetTenths).toBe(2400);
    const report = (
      await req('GET', `/hours/compliance?orgId=${county.id}`, 'r_qc')
    ).json() as HoursCompliance;
    expect(report.groups.find((g) => g.group === '')?.targetTenths).toBe(2400);
    const claim = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/hour-claims',
      headers: { ...s.r_teacher?.headers, 'content-type': 'multipart/form-data; boundary=X' },
      payload: [
        '--X',
        'Content-Disposition: form-data; name="claim"',
        '',
        JSON.stringify({
          category: 'other',
          kind: 'lecture',
          title: '区域教研讲座',
          issuer: '清城区教师发展中心',
          startDate: '2027-09-01',
          endDate: '2027-09-01',
          hoursTenths: 30,
        }),
        '--X',
        'Content-Disposition: form-data; name="evidence"; filename="证明.pdf"',
        'Content-Type: application/pdf',
        '',
        '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF',
        '--X--',
        '',
      ].join('\r\n'),
    });
    expect(claim.statusCode).toBe(201);
    expect((claim.json() as HourClaim).dueOn).toBe(reviewDueOn(ON, 3));
  });
  // last: its newer city pack (no 学时 section) takes the 学时 rules back to the defaults below the city
  it('the communities section: the nearest region’s pack, whole; an unknown path: the defaults', async () => {
    const body = {
      ...DEFAULT_COMMUNITY_RULES,
      trainers: { ...DEFAULT_COMMUNITY_RULES.trainers, countyTeamMin: pv(40, 'R3-P01', 'test') },
    };
    // a later city pack of the same year: the newest wins, its section whole (the province's is not merged in)
    await packWith(city, 2027, { communities: body }, 'published', 2);
    const rulesHere = (on: string) => t.services.programs.communityRulesIn(school.path, on);
    expect((await rulesHere(ON)).trainers.countyTeamMin.value).toBe(40);
    expect((await rulesHere('2026-12-31')).trainers.countyTeamMin.value).toBe(
      DEFAULT_COMMUNITY_RULES.trainers.countyTeamMin.value,
    );
    expect(await t.services.programs.communityRulesIn('nope', ON)).toBe(DEFAULT_COMMUNITY_RULES);
  });

  it('many units at once (a list of pairings, a review): each the same rules as looked up alone', async () => {
    const yd = await schoolIn(h.db, '英德', 0);
    const countyRules = {
      ...DEFAULT_COMMUNITY_RULES,
      trainers: { ...DEFAULT_COMMUNITY_RULES.trainers, countyTeamMin: pv(25, 'R3-P01', 'test') },
    };
    await packWith(county, 2027, { communities: countyRules });
    const paths = [school.path, county.path, city.path, province.path, yd.path, 'nope', school.path];
    for (const on of ['2026-06-30', ON, '2028-03-01']) {
      const at = await t.services.programs.communityRulesAt(paths, on);
      expect(at.size).toBe(6);
      for (const p of paths) expect(at.get(p)).toEqual(await t.services.programs.communityRulesIn(p, on));
    }
    const today = await t.services.programs.communityRulesAt(paths, ON);
    expect(today.get(school.path)?.trainers.countyTeamMin.value).toBe(25);
    expect(today.get(yd.path)?.trainers.countyTeamMin.value).toBe(40);
    expect(today.get(province.path)?.trainers.countyTeamMin.value).toBe(
      DEFAULT_COMMUNITY_RULES.trainers.countyTeamMin.value,
    );
    expect(await t.services.programs.communityRulesAt([], ON)).toEqual(new Map());
  });
});
