import { makeIdNumber, pinyinInitials, pinyinKey } from '@yanxun/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database';
import { AppError } from '../../shared/app-error';
import { createTestDatabase } from '../../test/db';
import { buildTeacher, orgByName, schoolIn, seedRegion, testActor, thrown } from '../../test/factories';
import { createAuditService } from '../audit';
import { removeEnrolmentsOfNomination } from '../classes';
import { createNotificationsService } from '../notifications';
import { type OrgRow, regionKeyOf } from '../org';
import { createPeopleRepository, type TeacherWrite } from '../people';
import { createProgramsRepository, createProgramsService, type ProgramsService } from './index';

let h: DatabaseHandle;
let svc: ProgramsService;
let city: OrgRow;
let county: OrgRow;
let school: OrgRow;

const actor = testActor;

/** A programme of the built-in pack owned by the city, `seats` passed city → county → school. */
async function programmeWith(projectTypeCode: string, seats: number) {
  const cityAdmin = actor('bureau_admin', city);
  const p = await svc.createProgramme(cityAdmin, {
    packId: 'henan-2021',
    projectTypeCode,
    title: `测试项目 ${projectTypeCode}`,
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-15',
    totalSeats: seats,
  });
  await svc.allocate(cityAdmin, p.id, city.id, { allocations: [{ orgId: county.id, seats }] });
  await svc.allocate(actor('bureau_admin', county), p.id, county.id, {
    allocations: [{ orgId: school.id, seats }],
  });
  return p.id;
}

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db);
  svc = createProgramsService({
    db: h.db,
    repo: createProgramsRepository(h.db),
    audit: createAuditService({ db: h.db }),
    notifications: createNotificationsService({ db: h.db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock: () => new Date('2021-07-01T00:00:00Z'),
  });
  city = await orgByName(h.db, 'city', '');
  county = await orgByName(h.db, 'county', '清城');
  school = await schoolIn(h.db, '清城', 1);
  await h.db.updateTable('orgs').set({ location_type: 'rural' }).where('id', '=', school.id).execute();
});

afterAll(async () => {
  await h?.close();
});

describe('R-004-17: no seat is ever over-allocated', () => {
  it('300 nominations fired in parallel at a school with 10 seats: exactly 10 succeed, the rest are refused as full', async () => {
    const programmeId = await programmeWith('rural_backbone', 10);
    // 300 eligible teachers (rural school, 教龄 ≥ 5, backbone), inserted in one statement
    const rows: TeacherWrite[] = Array.from({ length: 300 }, (_, i) => {
      const name = `并发${i}`;
      return {
        idNumber: makeIdNumber(
          '441802',
          '1985-01-01',
          String(100 + i)
            .padStart(3, '0')
            .slice(-3),
        ).replace(/^(\d{6})/, `44180${(i % 9) + 1}`),
        name,
        namePinyin: pinyinKey(name),
        nameInitials: pinyinInitials(name),
        gender: 'F',
        birthDate: '1985-01-01',
        phone: null,
        schoolId: school.id,
        countyId: regionKeyOf(school),
        orgPath: school.path,
        stage: 'primary',
        subject: 'math',
        title: null,
        backbone: 'school',
        teachingStartDate: '2010-09-01',
        trainingStartYear: null,
        rolesHeld: [],
        status: 'active',
      };
    });
    // ID numbers need not be valid here, only unique
    rows.forEach((r, i) => {
      r.idNumber = `X${String(i).padStart(17, '0')}`;
    });
    await h.db
      .transaction()
      .execute((trx) => createPeopleRepository(h.db).insertTeachers(rows, '2020-09-01', null, trx));
    const ids = await h.db.selectFrom('teachers').select('id').where('name', 'like', '并发%').execute();
    expect(ids).toHaveLength(300);
    const schoolAdmin = actor('school_admin', school);
    const results = await Promise.allSettled(
      ids.map((t) => svc.nominate(schoolAdmin, programmeId, { teacherId: t.id })),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(refused).toHaveLength(290);
    for (const r of refused) {
      const err = (r as PromiseRejectedResult).reason;
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('CONFLICT');
      expect((err as AppError).details).toMatchObject({
        ruleId: 'R-004-17',
        full: true,
        reasonCode: 'QUOTA.FULL',
        reasonValues: { org: expect.any(String) },
      });
    }
    const q = await h.db
      .selectFrom('quota_allocations')
      .select(['seats', 'used'])
      .where('programme_id', '=', programmeId)
      .where('org_id', '=', school.id)
      .executeTakeFirstOrThrow();
    expect(q).toEqual({ seats: 10, used: 10 });
    const stored = await h.db
      .selectFrom('nominations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('programme_id', '=', programmeId)
      .where('status', '=', 'selected')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10);
  });

  it('the database itself refuses a node that hands out more than it holds (CHECK allocated + used ≤ seats)', async () => {
    const programmeId = await programmeWith('rural_backbone', 1);
    await expect(
      h.db
        .updateTable('quota_allocations')
        .set({ used: 2 })
        .where('programme_id', '=', programmeId)
        .where('org_id', '=', school.id)
        .execute(),
    ).rejects.toThrow();
  });

  it('a parent never passes on seats its own nominations use; children below what they used are refused', async () => {
    const programmeId = await programmeWith('rural_backbone', 3);
    const t = await buildTeacher(h.db, school, { backbone: 'school' });
    await svc.nominate(actor('school_admin', school), programmeId, { teacherId: t.id });
    const err = await thrown(
      svc.allocate(actor('bureau_admin', county), programmeId, county.id, {
        allocations: [{ orgId: school.id, seats: 0 }],
      }),
    );
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.details).toMatchObject({ ruleId: 'R-004-17' });
    expect(JSON.stringify(err.details)).toContain('QUOTA.BELOW_USED');
  });

  it('the quota tree rolls up: city and county read what the school uses (三级: 市 → 区 → 校); 本级 stays own', async () => {
    // city 4 → county 4 → school 3 (the county keeps 1); the school's 3 are taken and a 4th waits
    const cityAdmin = actor('bureau_admin', city);
    const p = await svc.createProgramme(cityAdmin, {
      packId: 'henan-2021',
      projectTypeCode: 'rural_backbone',
      title: '测试项目 三级名额汇总',
      selectionDeadline: '2021-07-30',
      startDate: '2021-09-01',
      endDate: '2021-09-15',
      totalSeats: 4,
    });
    await svc.allocate(cityAdmin, p.id, city.id, { allocations: [{ orgId: county.id, seats: 4 }] });
    await svc.allocate(actor('bureau_admin', county), p.id, county.id, {
      allocations: [{ orgId: school.id, seats: 3 }],
    });
    const admin = actor('school_admin', school);
    const ts = await Promise.all([1, 2, 3, 4].map(() => buildTeacher(h.db, school, { backbone: 'school' })));
    for (const [i, t] of ts.entries())
      await svc.nominate(admin, p.id, { teacherId: t.id, waitlist: i === 3 });
    const tree = await svc.quotas(cityAdmin, p.id);
    const at = (id: string) => tree.nodes.find((n) => n.orgId === id);
    expect(at(city.id)).toMatchObject({ seats: 4, allocated: 4, used: 0, unused: 0, waitlisted: 0 });
    expect(at(city.id)).toMatchObject({ usedInSubtree: 3, unusedInSubtree: 1, waitlistedInSubtree: 1 });
    expect(at(county.id)).toMatchObject({ seats: 4, allocated: 3, used: 0, unused: 1 });
    expect(at(county.id)).toMatchObject({ usedInSubtree: 3, unusedInSubtree: 1, waitlistedInSubtree: 1 });
    expect(at(school.id)).toMatchObject({ used: 3, unused: 0, waitlisted: 1 });
    expect(at(school.id)).toMatchObject({ usedInSubtree: 3, unusedInSubtree: 0, waitlistedInSubtree: 1 });
    // the county's officer sees its subtree only, rolled up the same way
    const countyView = await svc.quotas(actor('bureau_admin', county), p.id);
    expect(countyView.nodes.map((n) => [n.orgId, n.usedInSubtree])).toEqual([
      [county.id, 3],
      [school.id, 3],
    ]);
  });

  it('pull-back after the selection deadline (R-004-18) is refused; on the deadline day it is allowed', async () => {
    const programmeId = await programmeWith('rural_backbone', 4);
    const at = (iso: string) =>
      createProgramsService({
        db: h.db,
        repo: createProgramsRepository(h.db),
        audit: createAuditService({ db: h.db }),
        notifications: createNotificationsService({ db: h.db }),
        enrolments: { removeForNomination: removeEnrolmentsOfNomination },
        clock: () => new Date(iso),
      });
    const cityAdmin = actor('bureau_admin', county);
    // 2021-07-30T16:00Z is already 07-31 in Shanghai
    const late = await thrown(
      at('2021-07-30T16:00:00Z').pullBack(cityAdmin, programmeId, school.id, { seats: 1 }),
    );
    expect(late.details).toMatchObject({ ruleId: 'R-004-18' });
    const tree = await at('2021-07-30T15:59:00Z').pullBack(cityAdmin, programmeId, school.id, { seats: 1 });
    expect(tree.nodes.find((n) => n.orgId === school.id)).toMatchObject({ seats: 3 });
  });
});

describe('eligibility at nomination', () => {
  it('R-004-72 教龄 ≥ 5 on the reference date (2021-07-30): 2016-07-30 passes, 2016-07-31 fails', async () => {
    const programmeId = await programmeWith('rural_backbone', 5);
    const a = await buildTeacher(h.db, school, { backbone: 'school', teachingStartDate: '2016-07-30' });
    const b = await buildTeacher(h.db, school, { backbone: 'school', teachingStartDate: '2016-07-31' });
    const admin = actor('school_admin', school);
    const ok = await svc.checkEligibility(admin, programmeId, { teacherId: a.id });
    expect(ok.checks.find((c) => c.label === '教龄')).toMatchObject({ ruleId: 'R-004-72', passed: true });
    const no = await thrown(svc.nominate(admin, programmeId, { teacherId: b.id }));
    expect(no.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(no.details)).toContain('R-004-72');
  });

  it('R3-W12 / R3-P12: a member’s nomination lists the priority from the records; a ticked membership is ignored', async () => {
    const programmeId = await programmeWith('rural_backbone', 2); // a 省培 project
    const member = await buildTeacher(h.db, school, { backbone: 'school' });
    const other = await buildTeacher(h.db, school, { backbone: 'school' });
    const withMemberships = createProgramsService({
      db: h.db,
      repo: createProgramsRepository(h.db),
      audit: createAuditService({ db: h.db }),
      notifications: createNotificationsService({ db: h.db }),
      enrolments: { removeForNomination: removeEnrolmentsOfNomination },
      memberships: async (id) => (id === member.id ? ['workshop_member', 'trainer_pool_member'] : []),
      clock: () => new Date('2021-07-01T00:00:00Z'),
    });
    const admin = actor('school_admin', school);
    const r = await withMemberships.checkEligibility(admin, programmeId, { teacherId: member.id });
    expect(r.priorities.map((p) => p.ruleId)).toEqual(['R3-W12', 'R3-P12']);
    const ticked = await withMemberships.checkEligibility(admin, programmeId, {
      teacherId: other.id,
      flags: ['workshop_member'],
    });
    expect(ticked.priorities).toEqual([]);
    expect(ticked.eligible).toBe(r.eligible);
  });

  it('R-004-72 乡镇 school: a teacher of an urban school is refused', async () => {
    const programmeId = await programmeWith('rural_backbone', 2);
    const urban = await schoolIn(h.db, '清城', 0);
    await h.db.updateTable('orgs').set({ location_type: 'urban' }).where('id', '=', urban.id).execute();
    const t = await buildTeacher(h.db, urban, { backbone: 'school' });
    const r = await svc.checkEligibility(actor('bureau_admin', county), programmeId, { teacherId: t.id });
    expect(r.eligible).toBe(false);
    expect(r.checks.find((c) => !c.passed)?.ruleId).toBe('R-004-72');
  });

  it('R-004-56 age ≤ 45 in principle: 45 passes, 46 needs a reason, which is stored with the nomination', async () => {
    const programmeId = await programmeWith('trainer_advanced', 5);
    const base = {
      rolesHeld: ['researcher'],
      trainingStartYear: 2018,
    };
    const attestations = ['healthy', 'devoted_to_training', 'training_expertise'];
    const t45 = await buildTeacher(h.db, school, { ...base, birthDate: '1975-07-31' });
    const t46 = await buildTeacher(h.db, school, { ...base, birthDate: '1975-07-30' });
    const admin = actor('school_admin', school);
    const n45 = await svc.nominate(admin, programmeId, { teacherId: t45.id, attestations });
    expect(n45.eligibility.checks.find((c) => c.ruleId === 'R-004-56')).toMatchObject({ passed: true });
    const refused = await thrown(svc.nominate(admin, programmeId, { teacherId: t46.id, attestations }));
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.details).toMatchObject({ needsOverride: true, reasonCode: 'NOMINATION.NEEDS_OVERRIDE' });
    const n46 = await svc.nominate(admin, programmeId, {
      teacherId: t46.id,
      attestations,
      overrideReason: '省级学科带头人，培训经验丰富',
    });
    expect(n46.overrideReason).toBe('省级学科带头人，培训经验丰富');
    expect(n46.eligibility.checks.find((c) => c.ruleId === 'R-004-56')).toMatchObject({
      passed: true,
      override: { reason: '省级学科带头人，培训经验丰富' },
    });
  });

  it('R-004-55 ≥ 3 years in training work (start year 2018 passes in 2021, 2019 fails); R-004-57 attestations required', async () => {
    const programmeId = await programmeWith('trainer_advanced', 5);
    const admin = actor('school_admin', school);
    const attestations = ['healthy', 'devoted_to_training', 'training_expertise'];
    const y2019 = await buildTeacher(h.db, school, { rolesHeld: ['researcher'], trainingStartYear: 2019 });
    const r = await svc.checkEligibility(admin, programmeId, { teacherId: y2019.id, attestations });
    expect(r.checks.find((c) => c.ruleId === 'R-004-55' && c.label.includes('年限'))).toMatchObject({
      passed: false,
    });
    const y2018 = await buildTeacher(h.db, school, { rolesHeld: ['researcher'], trainingStartYear: 2018 });
    const ok = await svc.checkEligibility(admin, programmeId, { teacherId: y2018.id, attestations });
    expect(ok.eligible).toBe(true);
    const missing = await svc.checkEligibility(admin, programmeId, { teacherId: y2018.id });
    expect(missing.checks.find((c) => c.ruleId === 'R-004-57')).toMatchObject({ passed: false });
  });

  it('R-004-20 three-year ban, judged on the class start 2021-09-01: a record of 2018-09-01 has expired, 2018-09-02 bars', async () => {
    const programmeId = await programmeWith('rural_backbone', 5);
    const bureau = actor('bureau_admin', county);
    const admin = actor('school_admin', school);
    const expired = await buildTeacher(h.db, school, { backbone: 'school' });
    const barred = await buildTeacher(h.db, school, { backbone: 'school' });
    await svc.createIntegrity(bureau, { teacherId: expired.id, kind: 'dismissed', recordDate: '2018-09-01' });
    await svc.createIntegrity(bureau, {
      teacherId: barred.id,
      kind: 'not_completed',
      recordDate: '2018-09-02',
    });
    const ok = await svc.nominate(admin, programmeId, { teacherId: expired.id });
    expect(ok.eligibility.checks.find((c) => c.ruleId === 'R-004-20')).toMatchObject({ passed: true });
    const err = await thrown(svc.nominate(admin, programmeId, { teacherId: barred.id }));
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(err.details)).toContain('2021-09-02');
  });

  it('no overlapping enrolment: a teacher selected for another programme at the same time is refused', async () => {
    const first = await programmeWith('rural_backbone', 2);
    const second = await programmeWith('rural_backbone', 2);
    const t = await buildTeacher(h.db, school, { backbone: 'school' });
    const admin = actor('school_admin', school);
    await svc.nominate(admin, first, { teacherId: t.id });
    const err = await thrown(svc.nominate(admin, second, { teacherId: t.id }));
    expect(err.message).toContain('同期参训');
  });
});

describe('waitlist and substitution', () => {
  it('withdrawing a selected nomination promotes the first waitlisted in the same transaction, in order', async () => {
    const programmeId = await programmeWith('rural_backbone', 1);
    const admin = actor('school_admin', school);
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => buildTeacher(h.db, school, { backbone: 'school' })),
    );
    if (!a || !b || !c) throw new Error('teachers');
    const na = await svc.nominate(admin, programmeId, { teacherId: a.id });
    const nb = await svc.nominate(admin, programmeId, { teacherId: b.id, waitlist: true });
    const nc = await svc.nominate(admin, programmeId, { teacherId: c.id, waitlist: true });
    expect([nb.waitlistPosition, nc.waitlistPosition]).toEqual([1, 2]);
    const r = await svc.withdraw(admin, programmeId, na.id, { reason: '调离' });
    expect(r.promoted?.id).toBe(nb.id);
    const list = await svc.listNominations(admin, programmeId, {
      page: 1,
      pageSize: 20,
      status: 'waitlisted',
    });
    expect(list.items.map((i) => [i.id, i.waitlistPosition])).toEqual([[nc.id, 1]]);
    // a waitlisted withdrawal frees nothing
    await svc.withdraw(admin, programmeId, nc.id, { reason: '放弃' });
    const tree = await svc.quotas(admin, programmeId);
    expect(tree.nodes.find((n) => n.orgId === school.id)).toMatchObject({ used: 1, waitlisted: 0 });
  });

  it('substitution refuses an ineligible substitute and leaves the original selected', async () => {
    const programmeId = await programmeWith('rural_backbone', 1);
    const admin = actor('school_admin', school);
    const a = await buildTeacher(h.db, school, { backbone: 'school' });
    const bad = await buildTeacher(h.db, school, { backbone: null });
    const n = await svc.nominate(admin, programmeId, { teacherId: a.id });
    const err = await thrown(svc.substitute(admin, programmeId, n.id, { teacherId: bad.id, reason: '替训' }));
    expect(err.code).toBe('VALIDATION_FAILED');
    const list = await svc.listNominations(admin, programmeId, { page: 1, pageSize: 20, status: 'selected' });
    expect(list.items.map((i) => i.id)).toEqual([n.id]);
  });
});
