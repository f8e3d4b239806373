import { randomBytes } from 'node:crypto';
import type { Database } from './database';

/**
 * A key the deployment must keep across restarts and share between its servers (table `app_secrets`, migration
 * 0010): read it, or write a random 32-byte one first if there is none yet. Concurrent first uses on several
 * servers agree: the first INSERT wins (ON CONFLICT DO NOTHING) and everyone reads that row back.
 */
export async function appSecret(db: Database, name: string): Promise<Buffer> {
  await db
    .insertInto('app_secrets')
    .values({ name, value: randomBytes(32) })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db
    .selectFrom('app_secrets')
    .select('value')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return r.value;
}
