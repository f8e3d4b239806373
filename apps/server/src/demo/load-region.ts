import { lookupCode, pinyinInitials, pinyinKey } from '@yanxun/core';
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { createAuthRepository, hashPassword } from '../modules/auth';
import { createPeopleRepository, type TeacherWrite } from '../modules/people';
import {
  type DemoOrg,
  type DemoTeacher,
  generateOrgs,
  generateTeachers,
  REFERENCE_DATE,
} from './generate-region';
import { type DemoProgrammeAccount, loadDemoProgrammes } from './load-programmes';

/** Every demo account's password (listed in the README). Real deployments create their own accounts. */
export const DEMO_PASSWORD = 'Yanxun@2026';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: string;
  /** which org the role sits on: an org key of the generated region, or a rule to find one */
  at: (orgs: LoadedOrg[]) => LoadedOrg | undefined;
}

export interface LoadedOrg extends DemoOrg {
  id: string;
  path: string;
  depth: number;
  countyId: string | null;
  /** county, else city, else province: the region key of rows that belong here */
  regionKey: string;
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
  { username: 'trainer', displayName: '培训师', role: 'trainer', at: firstOf('tdc') },
  { username: 'evaluator', displayName: '评审专家', role: 'evaluator', at: firstOf('city') },
];

function code(table: Parameters<typeof lookupCode>[0], value: string | null): string | null {
  if (value === null || value === '') return null;
  const entry = lookupCode(table, value);
  if (!entry) throw new Error(`demo data uses an unknown ${table} value: ${value}`);
  return entry.code;
}

/** Insert an org tree given parent-before-child, allocating ids and materialized paths. */
export async function insertOrgTree(db: Database, orgs: DemoOrg[]): Promise<LoadedOrg[]> {
  const ids = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::text AS id
    FROM generate_series(1, ${orgs.length})`.execute(db);
  const byKey = new Map<string, LoadedOrg>();
  const loaded: LoadedOrg[] = [];
  orgs.forEach((o, i) => {
    const id = ids.rows[i]?.id;
    if (!id) throw new Error('id allocation failed');
    const parent = o.parentKey ? byKey.get(o.parentKey) : undefined;
    if (o.parentKey && !parent) throw new Error(`demo org ${o.key} comes before its parent ${o.parentKey}`);
    const l: LoadedOrg = {
      ...o,
      id,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      countyId: o.kind === 'county' ? id : (parent?.countyId ?? null),
      regionKey: '',
    };
    l.regionKey = l.countyId ?? (o.kind === 'city' || o.kind === 'province' ? id : (parent?.regionKey ?? id));
    byKey.set(o.key, l);
    loaded.push(l);
  });
  const ancestorOfKind = (o: LoadedOrg, kind: string) =>
    loaded.find((a) => a.kind === kind && o.path.startsWith(a.path))?.id ?? null;
  const provinceIds = new Map(loaded.map((o) => [o.id, ancestorOfKind(o, 'province')]));
  const cityIds = new Map(loaded.map((o) => [o.id, ancestorOfKind(o, 'city')]));
  for (let i = 0; i < loaded.length; i += 5000) {
    const part = loaded.slice(i, i + 5000);
    const col = <T>(f: (o: LoadedOrg) => T) => part.map(f);
    await sql`INSERT INTO orgs (id, parent_id, path, depth, kind, code, name, name_pinyin, province_id, city_id, county_id,
        stages, school_type, location_type, group_name)
      SELECT u.id, u.parent_id, u.path, u.depth, u.kind, u.code, u.name, u.name_pinyin, u.province_id, u.city_id, u.county_id,
        CASE WHEN u.stages = '' THEN '{}'::text[] ELSE string_to_array(u.stages, ',') END, u.school_type, u.location_type, u.group_name
      FROM unnest(${col((o) => o.id)}::bigint[], ${col((o) => (o.parentKey ? (byKey.get(o.parentKey)?.id ?? null) : null))}::bigint[],
        ${col((o) => o.path)}::text[], ${col((o) => o.depth)}::smallint[], ${col((o) => o.kind)}::text[], ${col((o) => o.code)}::text[],
        ${col((o) => o.name)}::text[], ${col((o) => pinyinKey(o.name))}::text[], ${col((o) => provinceIds.get(o.id) ?? null)}::bigint[],
        ${col((o) => cityIds.get(o.id) ?? null)}::bigint[], ${col((o) => o.countyId)}::bigint[],
        ${col((o) => (o.stages ?? []).map((s) => code('stages', s)).join(','))}::text[],
        ${col((o) => code('schoolTypes', o.schoolType ?? null))}::text[], ${col((o) => o.locationType ?? null)}::text[],
        ${col((o) => o.groupName ?? null)}::text[])
      AS u(id, parent_id, path, depth, kind, code, name, name_pinyin, province_id, city_id, county_id, stages, school_type,
        location_type, group_name)`.execute(db);
  }
  return loaded;
}

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
    stage: code('stages', t.stage),
    subject: code('subjects', t.subject),
    title: code('titles', t.title),
    backbone: t.backbone === null ? null : code('backboneLevels', t.backbone),
    teachingStartDate: t.teachingStartDate,
    trainingStartYear: t.trainingStartYear,
    rolesHeld: t.rolesHeld.map((r) => code('roles', r) ?? r),
    status: t.status,
  };
}

/**
 * Load the deterministic demo region into an empty database: the org tree, `teachers` teachers with their
 * postings, and one account per role (password DEMO_PASSWORD). Returns what it made.
 */
export async function loadDemoRegion(
  db: Database,
  opts: {
    teachers: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
    /** Also load the programme year (load-programmes.ts): the first start and `yanxun demo` do; tests opt in. */
    programmes?: boolean;
  },
): Promise<{ orgs: number; teachers: number; accounts: string[]; programmes: string[] }> {
  const spec = { teachers: opts.teachers, seed: opts.seed };
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
    await db.transaction().execute((trx) => people.insertTeachers(writes, REFERENCE_DATE, null, trx));
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
  let programmes: string[] = [];
  if (opts.programmes === true && done > 0) {
    const r = await loadDemoProgrammes(db, { seed: opts.seed, orgs, accounts: acting });
    programmes = r.programmes.map((p) => p.title);
    await sql`ANALYZE`.execute(db);
  }
  return { orgs: orgs.length, teachers: done, accounts: made, programmes };
}
