/** The demo region's records: the org tree, the teachers and one account per role. */
import { pinyinInitials, pinyinKey } from '@yanxun/core';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { createAuthRepository, hashPassword } from '../modules/auth';
import { createPeopleRepository, type TeacherWrite } from '../modules/people';
import { type DemoTeacher, generateOrgs, generateTeachers, REFERENCE_DATE } from './generate-region';
import type { DemoProgrammeAccount } from './load-programmes';
import { demoCode, insertOrgTree, type LoadedOrg } from './org-tree';

/** Every demo account's password (listed in the README). Real deployments create their own accounts. */
export const DEMO_PASSWORD = 'Yanxun@2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  /** which org the role sits on: an org key of the generated region, or a rule to find one */
  at: (orgs: LoadedOrg[]) => LoadedOrg | undefined;
}

const firstOf = (kind: string, name?: string) => (orgs: LoadedOrg[]) =>
  orgs.find((o) => o.kind === kind && (name === undefined || o.name.includes(name)));

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '系统管理员', role: 'system_admin', at: firstOf('province') },
  { username: 'province', displayName: '省教育厅教师教育处', role: 'bureau_admin', at: firstOf('province') },
  { username: 'city', displayName: '市教育局教师发展科', role: 'bureau_admin', at: firstOf('city') },
  { username: 'qingcheng', displayName: '清城区教育局', role: 'bureau_admin', at: firstOf('county', '清城') },
  { username: 'yingde', displayName: '英德市教育局', role: 'bureau_admin', at: firstOf('county', '英德') },
  { username: 'tdc', displayName: '清城区教师发展中心', role: 'tdc_staff', at: firstOf('county', '清城') },
  {
    username: 'provider',
    displayName: '承训机构项目负责人',
    role: 'provider_staff',
    at: firstOf('provider'),
  },
  {
    username: 'school',
    displayName: '学校管理员',
    role: 'school_admin',
    at: (orgs) => {
      const county = orgs.find((o) => o.kind === 'county' && o.name.includes('清城'));
      return orgs.find((o) => o.kind === 'school' && county && o.path.startsWith(county.path));
    },
  },
  // a trainer (培训师, 班主任) of the provider that runs the demo classes: reads them and reviews their outcomes
  { username: 'trainer', displayName: '培训师', role: 'trainer', at: firstOf('provider') },
  // an expert (评审专家) of the city: scores the subjects of evaluation campaigns it is assigned to (评审任务)
  { username: 'expert', displayName: '评审专家', role: 'evaluator', at: firstOf('city') },
  // a second expert of the city: the demo campaigns are scored by two raters, as the rubric meetings are
  { username: 'expert2', displayName: '评审专家（二）', role: 'evaluator', at: firstOf('city') },
];

function toWrite(t: DemoTeacher, school: LoadedOrg): TeacherWrite {
  return {
    idNumber: t.idNumber,
    name: t.name,
    namePinyin: pinyinKey(t.name),
    nameInitials: pinyinInitials(t.name),
    gender: t.gender,
    birthDate: t.birthDate,
    phone: t.phone,
    schoolId: school.id,
    countyId: school.regionKey,
    orgPath: school.path,
    stage: demoCode('stages', t.stage),
    subject: demoCode('subjects', t.subject),
    title: demoCode('titles', t.title),
    backbone: t.backbone === null ? null : demoCode('backboneLevels', t.backbone),
    teachingStartDate: t.teachingStartDate,
    trainingStartYear: t.trainingStartYear,
    rolesHeld: t.rolesHeld.map((r) => demoCode('roles', r) ?? r),
    status: t.status,
  };
}

export interface RegionRecords {
  orgs: LoadedOrg[];
  teachers: number;
  /** The usernames made. */
  accounts: string[];
  /** The accounts, as the programme year's loader acts as them. */
  acting: DemoProgrammeAccount[];
}

/**
 * Load the deterministic demo region into an empty database: the org tree, `teachers` teachers with their
 * postings (generated as of `referenceDate`, a 1 September; default REFERENCE_DATE), and one account per role
 * (password DEMO_PASSWORD).
 */
export async function loadRegionRecords(
  db: Database,
  opts: {
    teachers: number;
    seed?: number;
    referenceDate?: string;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<RegionRecords> {
  const referenceDate = opts.referenceDate ?? REFERENCE_DATE;
  const spec = { teachers: opts.teachers, seed: opts.seed, referenceDate };
  const orgs = await insertOrgTree(db, generateOrgs(spec));
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const people = createPeopleRepository(db);
  let done = 0;
  let firstTeacherId: string | undefined;
  for (const batch of generateTeachers(spec, orgs, 10_000)) {
    const writes = batch.map((t) => {
      const school = byKey.get(t.schoolKey);
      if (!school) throw new Error(`teacher ${t.name} points at unknown school ${t.schoolKey}`);
      return toWrite(t, school);
    });
    await db.transaction().execute((trx) => people.insertTeachers(writes, referenceDate, null, trx));
    done += batch.length;
    opts.onProgress?.(done, opts.teachers);
  }
  const authRepo = createAuthRepository(db);
  const hash = await hashPassword(DEMO_PASSWORD);
  const made: string[] = [];
  const acting: DemoProgrammeAccount[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const org = a.at(orgs);
    if (!org) continue;
    const id = await authRepo.createAccount({
      username: a.username,
      displayName: a.displayName,
      passwordHash: hash,
    });
    await authRepo.addGrant(id, a.role, org.id);
    made.push(a.username);
    acting.push({
      username: a.username,
      accountId: id,
      displayName: a.displayName,
      role: a.role as DemoProgrammeAccount['role'],
      org,
      teacherId: null,
    });
  }
  // a teacher account, linked to a real teacher record of the demo school
  const school = DEMO_ACCOUNTS.find((a) => a.username === 'school')?.at(orgs);
  if (school) {
    const t = await db
      .selectFrom('teachers')
      .select(['id', 'name'])
      .where('school_id', '=', school.id)
      .orderBy('id')
      .executeTakeFirst();
    if (t) {
      firstTeacherId = t.id;
      const id = await authRepo.createAccount({
        username: 'teacher',
        displayName: t.name,
        passwordHash: hash,
        teacherId: firstTeacherId,
      });
      await authRepo.addGrant(id, 'teacher', school.id);
      made.push('teacher');
      acting.push({
        username: 'teacher',
        accountId: id,
        displayName: t.name,
        role: 'teacher',
        org: school,
        teacherId: t.id,
      });
    }
  }
  await sql`ANALYZE`.execute(db);
  return { orgs, teachers: done, accounts: made, acting };
}
