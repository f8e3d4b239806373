/**
 * Test data of the KPI report: a city programme with seats in 清城 (6) and 英德 (2), selected teachers
 * enrolled in one class with three sessions (09-06, 09-07 held by the report day 09-07; 09-08 not yet), and
 * attendance written directly (check-in is the classes module's, tested there).
 *
 *            enrolled  注册  报到  sessions held × enrolled  attended
 * 清城 A校       4       3     2          8                     3
 * 清城 B校       1       1     1          2                     2
 * 英德 校        2       2     1          4                     0
 */
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { buildTeacher, orgByName, schoolIn } from '../../test/factories';
import { createAuditService } from '../audit';
import { removeEnrolmentsOfNomination } from '../classes';
import { createNotificationsService } from '../notifications';
import { type OrgRow, regionKeyOf } from '../org';
import { createProgramsRepository, createProgramsService } from '../programs';

export const REPORT_DAY = () => new Date('2021-09-07T02:00:00Z');

export const actorAt = (role: Actor['grants'][number]['role'], org: OrgRow): Actor => ({
  accountId: '1',
  username: `${role}@${org.id}`,
  displayName: role,
  teacherId: null,
  requestId: 'test',
  ip: null,
  grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
});

export interface KpiFixture {
  programmeId: string;
  city: OrgRow;
  qingcheng: OrgRow;
  yingde: OrgRow;
  schoolQA: OrgRow;
  schoolQB: OrgRow;
  schoolY: OrgRow;
}

export async function seedKpiFixture(db: Database): Promise<KpiFixture> {
  const city = await orgByName(db, 'city', '');
  const qingcheng = await orgByName(db, 'county', '清城');
  const yingde = await orgByName(db, 'county', '英德');
  const schoolQA = await schoolIn(db, '清城', 0);
  const schoolQB = await schoolIn(db, '清城', 1);
  const schoolY = await schoolIn(db, '英德', 0);
  const provider = await orgByName(db, 'provider', '');
  const programs = createProgramsService({
    db,
    repo: createProgramsRepository(db),
    audit: createAuditService({ db }),
    notifications: createNotificationsService({ db }),
    enrolments: { removeForNomination: removeEnrolmentsOfNomination },
    clock: () => new Date('2021-07-01T00:00:00Z'),
  });
  const bureau = actorAt('bureau_admin', city);
  const p = await programs.createProgramme(bureau, {
    packId: 'henan-2021',
    projectTypeCode: 'rural_backbone',
    title: '乡村骨干教师素质提升（看板测试）',
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-30',
    totalSeats: 10,
  });
  await programs.allocate(bureau, p.id, city.id, {
    allocations: [
      { orgId: qingcheng.id, seats: 6 },
      { orgId: yingde.id, seats: 2 },
    ],
  });
  const cls = await db
    .insertInto('classes')
    .values({
      programme_id: p.id,
      name: '第一期',
      start_date: '2021-09-06',
      end_date: '2021-09-08',
      provider_org_id: provider.id,
      provider_path: provider.path,
      owner_path: city.path,
      dates_reported_on: '2021-08-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const sessions: string[] = [];
  for (const day of ['2021-09-06', '2021-09-07', '2021-09-08']) {
    const s = await db
      .insertInto('class_sessions')
      .values({
        class_id: cls.id,
        session_date: day,
        starts_at: '09:00',
        ends_at: '11:00',
        title: `课 ${day}`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sessions.push(`s${s.id}`);
  }
  const [s1, s2, s3] = sessions as [string, string, string];
  /** One enrolled teacher at a school with the given attendance slots. */
  async function trainee(school: OrgRow, slots: string[]) {
    const t = await buildTeacher(db, school);
    const county = regionKeyOf(school);
    const n = await db
      .insertInto('nominations')
      .values({
        county_id: county,
        programme_id: p.id,
        teacher_id: t.id,
        school_id: school.id,
        org_path: school.path,
        quota_region_id: county,
        quota_org_id: school.id,
        status: 'selected',
        eligibility: '{"eligible":true}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('class_enrolments')
      .values({
        county_id: county,
        class_id: cls.id,
        teacher_id: t.id,
        programme_id: p.id,
        nomination_id: n.id,
        org_path: school.path,
      })
      .execute();
    for (const slot of slots) {
      await db
        .insertInto('attendance')
        .values({ county_id: county, class_id: cls.id, slot, teacher_id: t.id, method: 'staff' })
        .execute();
    }
  }
  await trainee(schoolQA, ['register', 'arrive', s1, s2]);
  await trainee(schoolQA, ['register', 'arrive', s1]);
  await trainee(schoolQA, ['register']);
  await trainee(schoolQA, []);
  // a check-in of the session not yet held (09-08) is not counted on 09-07
  await trainee(schoolQB, ['register', 'arrive', s1, s2]);
  await trainee(schoolY, ['register', 'arrive', s3]);
  await trainee(schoolY, ['register']);
  return { programmeId: p.id, city, qingcheng, yingde, schoolQA, schoolQB, schoolY };
}
