/**
 * The what-if preview's grouped path against the reference: every teacher evaluated one by one with core
 * evaluateEligibility. A seeded random population with birthdays, 教龄 start dates and training years on
 * both sides of every boundary (the day before, on and after the reference date's anniversary, 29 February),
 * school location types, roles, backbone levels, statuses and integrity records (R-004-20).
 * Rules: R-004-55, R-004-56, R-004-72, R-004-20.
 */
import { addDays, addYears, makeIdNumber, pinyinInitials, pinyinKey } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { createTestDatabase } from '../../../test/db';
import { orgByName, seedRegion } from '../../../test/factories';
import { createAuditService } from '../../audit';
import { removeEnrolmentsOfNomination } from '../../classes';
import { createNotificationsService } from '../../notifications';
import { type OrgRow, regionKeyOf } from '../../org';
import { createPeopleRepository, type TeacherWrite } from '../../people';
import {
  createProgramsRepository,
  createProgramsService,
  type ProgramsService,
  syncBuiltinPacks,
} from '../index';

let h: DatabaseHandle;
let svc: ProgramsService;
let province: OrgRow;

const admin = (org: OrgRow): Actor => ({
  accountId: '1',
  username: 'admin',
  displayName: 'admin',
  teacherId: null,
  requestId: 'test',
  ip: null,
  grants: [{ role: 'system_admin', orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
});

/** Deterministic PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  };
}

const REFS = ['2021-07-30', '2021-09-01', '2024-02-29', '2023-02-28'];

/** A date near one of the boundaries: the anniversary of a reference date `years` back, ±1 day, or random. */
function boundaryDate(r: ReturnType<typeof rng>, years: number[]): string {
  const roll = r.next();
  if (roll < 0.15)
    return `${r.int(1970, 1990)}-02-29`.replace(/^(\d+)-02-29$/, (_, y) =>
      Number(y) % 4 === 0 ? `${y}-02-29` : `${y}-02-28`,
    );
  if (roll < 0.75) return addDays(addYears(r.pick(REFS), -r.pick(years)), r.int(-1, 1));
  return addDays('1965-01-01', r.int(0, 365 * 40));
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  await syncBuiltinPacks(h.db);
  svc = createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    notifications: createNotificationsService({ db: h.db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
  });
  province = await orgByName(h.db, 'province', '');
  const schools = (await h.db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'school')
    .orderBy('id')
    .limit(40)
    .execute()) as unknown as OrgRow[];
  const locations = ['urban', 'town', 'rural', null] as const;
  for (const [i, s] of schools.entries()) {
    await h.db
      .updateTable('orgs')
      .set({ location_type: locations[i % 4] ?? null })
      .where('id', '=', s.id)
      .execute();
  }
  const r = rng(20210730);
  const rows: TeacherWrite[] = [];
  for (let i = 0; i < 1500; i++) {
    const school = r.pick(schools);
    const birthDate = boundaryDate(r, [44, 45, 46, 50, 51]);
    const teachingStartDate = r.next() < 0.1 ? null : boundaryDate(r, [2, 3, 4, 5, 6]);
    const name = `随机${i}`;
    rows.push({
      idNumber: makeIdNumber('441802', birthDate, String(i % 1000).padStart(3, '0')),
      name,
      namePinyin: pinyinKey(name),
      nameInitials: pinyinInitials(name),
      gender: i % 2 ? 'M' : 'F',
      birthDate,
      phone: null,
      schoolId: school.id,
      countyId: regionKeyOf(school),
      orgPath: school.path,
      stage: r.pick(['primary', 'junior', 'senior', null]),
      subject: 'math',
      title: r.pick(['first', 'senior', 'second', null]),
      backbone: r.pick([null, null, 'school', 'county', 'city', 'province', 'master']),
      teachingStartDate:
        teachingStartDate !== null && teachingStartDate > '2024-02-29' ? '2024-03-01' : teachingStartDate,
      trainingStartYear: r.next() < 0.3 ? null : r.int(2014, 2024),
      rolesHeld:
        r.next() < 0.5
          ? []
          : [r.pick(['researcher', 'principal', 'chief_expert', 'trainer', 'head_teacher'])],
      status: r.pick(['active', 'active', 'active', 'on_leave', 'seconded', 'retired', 'left']),
    });
  }
  // ID numbers must be unique: drop duplicates the random birthdays produced
  const unique = [...new Map(rows.map((w) => [w.idNumber, w])).values()];
  await h.db
    .transaction()
    .execute((trx) => createPeopleRepository(h.db).insertTeachers(unique, '2020-09-01', null, trx));
  // integrity records on both sides of the 3-year bar, standing or not
  const ids = await h.db
    .selectFrom('teachers')
    .select(['id', 'county_id', 'org_path'])
    .orderBy('id')
    .limit(120)
    .execute();
  for (const [i, t] of ids.entries()) {
    await h.db
      .insertInto('integrity_records')
      .values({
        county_id: t.county_id,
        teacher_id: t.id,
        org_path: t.org_path,
        kind: r.pick(['no_show', 'dismissed', 'not_completed']),
        record_date: addDays(addYears(r.pick(REFS), -3), r.int(-1, 1)),
        standing: i % 3 !== 0,
      })
      .execute();
  }
});

afterAll(async () => {
  await h?.close();
});

const strip = ({
  method: _m,
  groups: _g,
  elapsedMs: _e,
  ...rest
}: Awaited<ReturnType<ProgramsService['previewPack']>>) => rest;

describe('what-if preview: the grouped path counts exactly what evaluating every teacher counts', () => {
  const scenarios = [
    {
      name: 'R-004-72 rural backbone, 教龄 5 → 3, reference date → 2024-02-29',
      req: {
        projectTypeCode: 'rural_backbone',
        changes: [
          { path: 'projectTypes[4].tracks[0].eligibility.minTeachingYears', value: 3 },
          { path: 'settings.referenceDate', value: { kind: 'fixed', date: '2024-02-29' } },
        ],
      },
    },
    {
      name: 'R-004-56/R-004-55 trainers, age ≤ 45 → 25…50, training years counted in full years only',
      req: {
        projectTypeCode: 'trainer_advanced',
        changes: [
          { path: 'projectTypes[2].tracks[0].eligibility.age.max', value: 50 },
          {
            path: 'projectTypes[2].tracks[0].eligibility.age.min',
            value: { value: 25, ruleId: 'R-004-56', source: 'test' },
          },
          { path: 'settings.trainingYearsCounting', value: 'full_years_only' },
          { path: 'settings.referenceDate', value: { kind: 'fixed', date: '2023-02-28' } },
        ],
      },
    },
    {
      name: 'R-004-20 the bar counts: reference date on the third anniversary of the records',
      req: {
        projectTypeCode: 'trainer_advanced',
        changes: [
          { path: 'settings.referenceDate', value: { kind: 'fixed', date: '2021-09-01' } },
          { path: 'integrityBan.anniversary', value: 'barred' },
        ],
      },
    },
    { name: 'no changes: the pack alone', req: { projectTypeCode: 'backbone_cultivation' } },
  ];
  for (const sc of scenarios) {
    it(sc.name, async () => {
      const actor = admin(province);
      const grouped = await svc.previewPack(actor, 'henan-2021', sc.req);
      const reference = await svc.previewPack(actor, 'henan-2021', sc.req, { method: 'per_teacher' });
      expect(grouped.method).toBe('grouped');
      expect(reference.method).toBe('per_teacher');
      expect(grouped.teachers).toBeGreaterThan(1000);
      expect(grouped.groups).toBeLessThan(grouped.teachers);
      expect(strip(grouped)).toEqual(strip(reference));
      const sum = grouped.byCounty.reduce((s, c) => s + c.current.eligible, 0);
      expect(sum).toBe(grouped.current.eligible);
    });
  }
});
