import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectPglite, connectPostgres } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { createCodesService, createPeopleRepository } from '../modules/people';
import { syncBuiltinPacks } from '../modules/programs';

/**
 * Build the migrated template database once per run:
 * - YX_TEST_DATABASE_URL set (CI's PostgreSQL 15 leg): a template database on that server, cloned per test file
 *   with CREATE DATABASE … TEMPLATE;
 * - otherwise: a PGlite data directory dumped to a tarball, loaded per test file.
 */
export async function setup(project: TestProject) {
  const url = process.env.YX_TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const template = `yx_template_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const h = connectPostgres(u.toString(), 2);
    await migrateToLatest(h.db);
    await createCodesService({ repo: createPeopleRepository(h.db) }).syncToDatabase();
    await syncBuiltinPacks(h.db);
    await h.close();
    project.provide('yxTemplate', { kind: 'postgres', url, template });
    return async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const res = await c.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE 'yx_test_%' OR datname = $1`,
        [template],
      );
      for (const r of res.rows) await c.query(`DROP DATABASE IF EXISTS ${r.datname}`);
      await c.end();
      await admin.end();
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yx-template-'));
  const instance = await PGlite.create();
  const h = await connectPglite({ instance });
  await migrateToLatest(h.db);
  await createCodesService({ repo: createPeopleRepository(h.db) }).syncToDatabase();
  await syncBuiltinPacks(h.db);
  await h.close();
  const dump = await instance.dumpDataDir('gzip');
  const file = path.join(dir, 'template.tar.gz');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await instance.close();
  project.provide('yxTemplate', { kind: 'pglite', file });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    yxTemplate: { kind: 'pglite'; file: string } | { kind: 'postgres'; url: string; template: string };
  }
}
