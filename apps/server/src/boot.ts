import path from 'node:path';
import type { Config } from './config';
import { connectPglite, connectPostgres, type DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { loadDemoExams } from './demo/demo-exams';
import { loadDemoRegion } from './demo/load-region';
import { createCodesService } from './modules/people';
import { syncBuiltinPacks } from './modules/programs';

/** Open the database the config names (PGlite in DATA_DIR/pglite, or DATABASE_URL) and migrate it. */
export async function openDatabase(config: Config): Promise<DatabaseHandle> {
  const handle = config.databaseUrl
    ? connectPostgres(config.databaseUrl)
    : await connectPglite({ dataDir: path.join(config.dataDir, 'pglite') });
  await migrateToLatest(handle.db);
  await createCodesService({ db: handle.db }).syncToDatabase();
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
  // quality monitoring (issue 4): one city cycle with two exams, so the report pages are not empty
  const e = await loadDemoExams(handle.db);
  log(`演示考试：${e.exams} 场，${e.students} 条学生成绩`);
  return true;
}
