/** Loading the demo region for the benchmarks: the same loader the platform uses on first start. */
import type { Database } from '../apps/server/src/db/database';
import { loadDemoRegion } from '../apps/server/src/demo/load-region';

export async function loadRegion(
  db: Database,
  opts: { teachers: number; onProgress?: (done: number, total: number) => void },
): Promise<{ loader: string }> {
  await loadDemoRegion(db, opts);
  return { loader: 'loadDemoRegion' };
}
