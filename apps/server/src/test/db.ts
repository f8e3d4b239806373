import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type DatabaseHandle } from '../db/database';

let counter = 0;

/**
 * A fresh, migrated database for one test file: a clone of the run's template (PGlite tarball, or
 * CREATE DATABASE … TEMPLATE on PostgreSQL). Close it in afterAll.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const t = inject('yxTemplate');
  if (t.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(t.file)]);
    const instance = await PGlite.create({ loadDataDir: blob });
    const h = await connectPglite({ instance });
    return {
      ...h,
      close: async () => {
        await h.close();
        await instance.close();
      },
    };
  }
  const name = `yx_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${t.template}`);
  await admin.end();
  const u = new URL(t.url);
  u.pathname = `/${name}`;
  const h = connectPostgres(u.toString(), 5);
  return {
    ...h,
    close: async () => {
      await h.close();
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
      await c.end();
    },
  };
}
