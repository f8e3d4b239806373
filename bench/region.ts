/**
 * Loading the demo region for the benchmarks. Uses `loadDemoRegion` when the generated org tree is loadable;
 * at 450,000+ teachers the generator (apps/server/src/demo/generate-region.ts) gives 东莞/中山's city TDC and
 * their county-level TDC the same 学校标识码 (2441900999, 2442000999) and loadDemoRegion fails on
 * orgs_code_key. Until that is fixed, this file loads the same region with the same SQL (insertOrgTree, then
 * PeopleRepository.insertTeachers in 10,000-row transactions, then ANALYZE), dropping the second TDC's code.
 */
import { lookupCode, pinyinInitials, pinyinKey } from '@yanxun/core';
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database';
import { generateOrgs, generateTeachers, REFERENCE_DATE } from '../apps/server/src/demo/generate-region';
import { insertOrgTree, loadDemoRegion } from '../apps/server/src/demo/load-region';
import { createPeopleRepository } from '../apps/server/src/modules/people';

function code(table: Parameters<typeof lookupCode>[0], value: string | null): string | null {
  if (value === null || value === '') return null;
  const entry = lookupCode(table, value);
  if (!entry) throw new Error(`unknown ${table} value: ${value}`);
  return entry.code;
}

export async function loadRegion(
  db: Database,
  opts: { teachers: number; onProgress?: (done: number, total: number) => void },
): Promise<{ loader: string }> {
  const spec = { teachers: opts.teachers };
  const generated = generateOrgs(spec);
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const o of generated) {
    if (!o.code) continue;
    if (seen.has(o.code)) {
      duplicates.push(`${o.name} ${o.code}`);
      o.code = null;
    } else seen.add(o.code);
  }
  if (duplicates.length === 0) {
    await loadDemoRegion(db, opts);
    return { loader: 'loadDemoRegion' };
  }
  const orgs = await insertOrgTree(db, generated);
  const byKey = new Map(orgs.map((o) => [o.key, o]));
  const people = createPeopleRepository(db);
  let done = 0;
  for (const batch of generateTeachers(spec, orgs, 10_000)) {
    const writes = batch.map((t) => {
      const school = byKey.get(t.schoolKey);
      if (!school) throw new Error(`unknown school ${t.schoolKey}`);
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
    });
    await db.transaction().execute((trx) => people.insertTeachers(writes, REFERENCE_DATE, null, trx));
    done += batch.length;
    opts.onProgress?.(done, opts.teachers);
  }
  const province = orgs.find((o) => o.kind === 'province');
  if (!province) throw new Error('no province');
  const account = await db
    .insertInto('accounts')
    .values({ username: 'admin', display_name: '系统管理员', password_hash: '-' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('role_grants')
    .values({ account_id: account.id, role: 'system_admin', org_id: province.id })
    .execute();
  await sql`ANALYZE`.execute(db);
  return { loader: `bench loader (generator gave duplicate codes: ${duplicates.join(', ')}; dropped)` };
}
