import path from 'node:path';
import type { Config } from './config';
import { connectPglite, connectPostgres, type DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { loadDemoExams } from './demo/demo-exams';
import { loadDemoRegion } from './demo/load-region';
import { createCodesService, createPeopleRepository } from './modules/people';
import { syncBuiltinPacks } from './modules/programs';
import { createServices } from './services';
import type { Actor } from './shared/actor';

/** Open the database the config names (PGlite in DATA_DIR/pglite, or DATABASE_URL) and migrate it. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = config.databaseUrl
    ? connectPostgres(config.databaseUrl)
    : await connectPglite({ dataDir: path.join(config.dataDir, 'pglite') });
  await migrateToLatest(handle.db);
  await createCodesService({ repo: createPeopleRepository(handle.db) }).syncToDatabase();
  await syncBuiltinPacks(handle.db);
  return handle;
}

/** Load the demo region when the database is empty and the config allows it. */
export async function seedDemoIfEmpty(
  handle: DatabaseHandle,
  config: Config,
  log: (msg: string) => void,
): Promise<boolean> {
  const want = config.demo === 'yes' || (config.demo === 'auto' && handle.engine === 'pglite');
  if (!want) return false;
  const any = await handle.db.selectFrom('orgs').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  log(`首次启动：正在生成演示地区（${config.demoTeachers} 名教师）… / loading the demo region`);
  const r = await loadDemoRegion(handle.db, {
    teachers: config.demoTeachers,
    programmes: true,
    onProgress: (done, total) => log(`  教师 teachers ${done}/${total}`),
  });
  log(`演示地区已生成：${r.orgs} 个机构，${r.teachers} 名教师，账号 ${r.accounts.join(', ')}`);
  // quality monitoring: one city cycle with two exams, so the report pages are not empty
  const e = await loadDemoExams(handle.db);
  log(`演示考试：${e.exams} 场，${e.students} 条学生成绩`);
  if (await releaseDemoExam(handle, config)) log('演示考试：最近一场已向公众发布区域汇总并向家长开放查询');
  return true;
}

/**
 * The demo city office releases its latest exam through the service, as an officer would on the 等级划分与发布 page:
 * the public summary (/public/exams) and parents' access (/parent, with codes the `school` login issues).
 */
async function releaseDemoExam(handle: DatabaseHandle, config: Config): Promise<boolean> {
  const db = handle.db;
  const grant = await db
    .selectFrom('accounts as a')
    .innerJoin('role_grants as g', 'g.account_id', 'a.id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select([
      'a.id',
      'a.username',
      'a.display_name',
      'g.role',
      'o.id as org_id',
      'o.path',
      'o.name',
      'o.kind',
    ])
    .where('a.username', '=', 'city')
    .executeTakeFirst();
  if (!grant) return false;
  const exam = await db
    .selectFrom('exams')
    .select('id')
    .where('owner_org_id', '=', grant.org_id)
    .orderBy('exam_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!exam) return false;
  const actor: Actor = {
    accountId: grant.id,
    username: grant.username,
    displayName: grant.display_name,
    teacherId: null,
    requestId: 'demo-loader',
    ip: null,
    grants: [
      {
        role: grant.role as Actor['grants'][number]['role'],
        orgId: grant.org_id,
        orgPath: grant.path,
        orgName: grant.name,
        orgKind: grant.kind,
      },
    ],
  };
  await createServices(db, config).examRelease.setRelease(actor, exam.id, { public: true, parents: true });
  return true;
}
