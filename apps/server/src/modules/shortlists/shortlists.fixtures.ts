/**
 * Test set-up shared by the shortlist tests (not used by the app): a competitive programme (project 3,
 * 省级教师培训师高端研修, 1:1.2 R-004-59) with seats passed city → county → school, its approved provider written
 * as the plans module writes it, and trainer candidates nominated by the school.
 */
import type { Database } from '../../db/database';
import type { Services } from '../../services';
import { buildTeacher, testActor } from '../../test/factories';
import type { OrgRow } from '../org';

export const TRAINER_ATTESTATIONS = ['healthy', 'devoted_to_training', 'training_expertise'];

/** The approved provider of a programme, as plans' approvePlan leaves it (an approved plan + programme_providers). */
export async function approveProvider(db: Database, programmeId: string, provider: OrgRow): Promise<void> {
  const plan = await db
    .insertInto('plans')
    .values({
      programme_id: programmeId,
      provider_org_id: provider.id,
      provider_path: provider.path,
      status: 'approved',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('programme_providers')
    .values({ programme_id: programmeId, provider_org_id: provider.id, plan_id: plan.id })
    .execute();
}

/**
 * A project-3 programme owned by `city` (selection deadline 2021-07-30), `seats` passed to `school`, approved
 * provider `provider`, and `candidates` trainer candidates nominated by the school. Returns ids.
 */
export async function competitiveProgramme(
  s: Services,
  db: Database,
  o: { city: OrgRow; county: OrgRow; school: OrgRow; provider: OrgRow | null },
  seats: number,
  candidates: number,
  packId = 'henan-2021',
): Promise<{ programmeId: string; nominationIds: string[]; teacherIds: string[] }> {
  const cityAdmin = testActor('bureau_admin', o.city);
  const p = await s.programs.createProgramme(cityAdmin, {
    packId,
    projectTypeCode: 'trainer_advanced',
    title: `培训师高端研修 ${seats}/${candidates} ${Math.random().toString(36).slice(2, 6)}`,
    selectionDeadline: '2021-07-30',
    startDate: '2021-09-01',
    endDate: '2021-09-30',
    totalSeats: seats,
  });
  await s.programs.allocate(cityAdmin, p.id, o.city.id, { allocations: [{ orgId: o.county.id, seats }] });
  await s.programs.allocate(testActor('bureau_admin', o.county), p.id, o.county.id, {
    allocations: [{ orgId: o.school.id, seats }],
  });
  if (o.provider) await approveProvider(db, p.id, o.provider);
  const admin = testActor('school_admin', o.school);
  const nominationIds: string[] = [];
  const teacherIds: string[] = [];
  for (let i = 0; i < candidates; i++) {
    const t = await buildTeacher(db, o.school, {
      rolesHeld: ['researcher'],
      trainingStartYear: 2015,
      birthDate: '1985-05-05',
    });
    const n = await s.programs.nominate(admin, p.id, { teacherId: t.id, attestations: TRAINER_ATTESTATIONS });
    nominationIds.push(n.id);
    teacherIds.push(t.id);
  }
  return { programmeId: p.id, nominationIds, teacherIds };
}
