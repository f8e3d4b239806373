import path from 'node:path';
import type { Config } from './config';
import { connectPglite, connectPostgres, type DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { loadDemo } from './demo/load-demo';
import { createCodesService, createPeopleRepository } from './modules/people';
import { syncBuiltinPacks } from './modules/programs';

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

/**
 * Load the demo (region, programme year, exams) when the database is empty and the config allows it, as of now:
 * the load day in Asia/Shanghai, the calendar the pages read (demo/as-of.ts).
 */
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
  const r = await loadDemo(handle.db, {
    teachers: config.demoTeachers,
    onProgress: (done, total) => log(`  教师 teachers ${done}/${total}`),
  });
  log(
    `演示地区已生成（截至 ${r.asOf}）：${r.orgs} 个机构，${r.teachers} 名教师，账号 ${r.accounts.join(', ')}`,
  );
  log(`演示考试：${r.exams.exams} 场，${r.exams.students} 条学生成绩`);
  if (r.exams.released) log('演示考试：最近一场已向公众发布区域汇总并向家长开放查询');
  return true;
}
