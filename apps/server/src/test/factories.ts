import type { Role } from '@yanxun/contracts';
import { makeIdNumber, pinyinInitials, pinyinKey } from '@yanxun/core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import type { Database } from '../db/database';
import { DEMO_PASSWORD, loadDemoRegion } from '../demo/load-region';
import { createAuthRepository, hashPassword } from '../modules/auth';
import { createNotificationsService } from '../modules/notifications';
import { type OrgRow, regionKeyOf } from '../modules/org';
import { createPeopleRepository, type TeacherWrite } from '../modules/people';
import { createServices, type Services } from '../services';
import type { Actor } from '../shared/actor';
import { AppError } from '../shared/app-error';

export const TEST_SETTINGS = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};

/** The demo region (清远市, 8 counties, ~400 schools) with a few hundred teachers and the demo accounts. */
export async function seedRegion(db: Database, teachers = 1000) {
  return loadDemoRegion(db, { teachers });
}

export async function orgByName(db: Database, kind: string, nameContains: string): Promise<OrgRow> {
  const row = await db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', kind)
    .where('name', 'like', `%${nameContains}%`)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row as unknown as OrgRow;
}

/** The first school under a county (by name), for scope tests. */
export async function schoolIn(db: Database, countyName: string, offset = 0): Promise<OrgRow> {
  const county = await orgByName(db, 'county', countyName);
  return (await db
    .selectFrom('orgs')
    .selectAll()
    .where('kind', '=', 'school')
    .where('county_id', '=', county.id)
    .orderBy('id')
    .offset(offset)
    .limit(1)
    .executeTakeFirstOrThrow()) as unknown as OrgRow;
}

let seq = 0;

/** Insert one teacher at a school; every field can be overridden. Returns the teacher's id and ID number. */
/**
 * An org node under `parent` (a school by default), its path from its id: for tests that need more schools or a
 * township than the seed's tree has under one county.
 */
export async function buildOrgUnder(
  db: Database,
  parent: OrgRow,
  name: string,
  options: { kind?: 'school' | 'township'; stages?: string[] } = {},
): Promise<OrgRow> {
  const row = await db
    .insertInto('orgs')
    .values({
      parent_id: parent.id,
      path: `${parent.path}new-${name}/`,
      depth: parent.depth + 1,
      kind: options.kind ?? 'school',
      name,
      stages: options.stages ?? [],
      province_id: parent.province_id,
      city_id: parent.city_id,
      county_id: parent.kind === 'county' ? parent.id : parent.county_id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await db
    .updateTable('orgs')
    .set({ path: `${parent.path}${row.id}/` })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as OrgRow;
}

export async function buildTeacher(
  db: Database,
  school: OrgRow,
  overrides: Partial<TeacherWrite> = {},
): Promise<{ id: string; idNumber: string }> {
  seq++;
  const birthDate = overrides.birthDate ?? '1988-03-14';
  const idNumber =
    overrides.idNumber ?? makeIdNumber('441802', birthDate, String(100 + (seq % 800)).padStart(3, '0'));
  const name =
    overrides.name ??
    `测试${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}${'一二三四五六七八九十'[Math.floor(seq / 10) % 10]}`;
  const w: TeacherWrite = {
    idNumber,
    name,
    namePinyin: pinyinKey(name),
    nameInitials: pinyinInitials(name),
    gender: Number(idNumber[16]) % 2 === 1 ? 'M' : 'F',
    birthDate,
    phone: `139${String(10_000_000 + seq).slice(-8)}`,
    schoolId: school.id,
    countyId: regionKeyOf(school),
    orgPath: school.path,
    stage: 'primary',
    subject: 'math',
    title: 'first',
    backbone: null,
    teachingStartDate: '2010-09-01',
    trainingStartYear: null,
    rolesHeld: [],
    status: 'active',
    ...overrides,
  };
  await db
    .transaction()
    .execute((trx) => createPeopleRepository(db).insertTeachers([w], '2020-09-01', null, trx));
  const row = await db
    .selectFrom('teacher_identities')
    .select('teacher_id')
    .where('id_number', '=', w.idNumber)
    .executeTakeFirstOrThrow();
  return { id: row.teacher_id, idNumber: w.idNumber };
}

/** An account holding `role` on `org`, with the demo password. */
export async function buildAccount(
  db: Database,
  username: string,
  role: Role,
  org: OrgRow,
  teacherId?: string,
) {
  const repo = createAuthRepository(db);
  const id = await repo.createAccount({
    username,
    displayName: username,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    teacherId: teacherId ?? null,
  });
  await repo.addGrant(id, role, org.id);
  return { id, username, password: DEMO_PASSWORD };
}

/** A notifications service that reaches the accounts of an org (through the auth repository, as services.ts wires it). */
export function testNotifications(db: Database) {
  const auth = createAuthRepository(db);
  return createNotificationsService({
    db,
    accounts: { holding: (roles, orgId, trx) => auth.accountsHolding(roles, orgId, trx) },
  });
}

export interface TestApp {
  app: FastifyInstance;
  services: Services;
}

/** The app on `db` with the test settings; `settings` overrides some (e.g. upload limits). */
export async function buildTestApp(
  db: Database,
  clock?: () => Date,
  settings: Partial<Parameters<typeof createServices>[1]> = {},
): Promise<TestApp> {
  const services = createServices(db, { ...TEST_SETTINGS, ...settings }, clock);
  const app = await buildApp({ services, logLevel: 'silent', maxUploadBytes: 5 * 1024 * 1024 });
  return { app, services };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Log in through the real route; returns the cookie and CSRF token to send on later requests. */
export async function login(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** An actor holding one role on one org (service tests call services without HTTP). */
export function testActor(role: Role, org: OrgRow, teacherId: string | null = null): Actor {
  return {
    accountId: '1',
    username: `${role}@${org.id}`,
    displayName: role,
    teacherId,
    requestId: 'test',
    ip: null,
    grants: [{ role, orgId: org.id, orgPath: org.path, orgName: org.name, orgKind: org.kind }],
  };
}

/** The AppError a promise rejects with (any other outcome fails the test). */
export async function thrown(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected an AppError');
}

/** A new teacher at `at` with a selected nomination in the programme (written directly, as the programs module would). */
export async function buildSelectedTeacher(db: Database, programmeId: string, at: OrgRow): Promise<string> {
  const t = await buildTeacher(db, at);
  await db
    .insertInto('nominations')
    .values({
      county_id: regionKeyOf(at),
      programme_id: programmeId,
      teacher_id: t.id,
      school_id: at.id,
      org_path: at.path,
      quota_region_id: regionKeyOf(at),
      quota_org_id: at.id,
      status: 'selected',
      eligibility: '{}',
    })
    .execute();
  return t.id;
}
