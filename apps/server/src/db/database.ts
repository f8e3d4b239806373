import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './types';

export type Database = Kysely<DB>;

// `date` → 'YYYY-MM-DD' (never a JS Date shifted by the server's time zone); int8 stays a string.
pg.types.setTypeParser(1082, (v: string) => v);

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/** Real PostgreSQL when a URL is given. */
export function connectPostgres(url: string, max = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy() };
}

/** Embedded PostgreSQL (PGlite) through its node-postgres adapter: the same driver and SQL as production. */
export async function connectPglite(
  source: { dataDir: string } | { instance: PGlite },
): Promise<DatabaseHandle> {
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let config: ReturnType<typeof createPgConfig>;
  if ('dataDir' in source) {
    fs.mkdirSync(path.dirname(source.dataDir), { recursive: true });
    config = createPgConfig(source.dataDir);
  } else {
    config = createPgConfig(source.instance);
  }
  const pool = new pg.Pool(config as unknown as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
