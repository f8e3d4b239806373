/** The demo region, with or without its programme year: what tests, benchmarks and screenshot scripts load. */
import type { Database } from '../db/database';
import { loadDemo } from './load-demo';
import { loadRegionRecords } from './region-records';

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './region-records';

/**
 * Load the deterministic demo region into an empty database: the org tree, `teachers` teachers with their
 * postings, and one account per role (password DEMO_PASSWORD); with `programmes`, also the programme year as of
 * `asOf`/`now` (default: the real clock; load-demo.ts), without the exams. Returns what it made.
 */
export async function loadDemoRegion(
  db: Database,
  opts: {
    teachers: number;
    seed?: number;
    onProgress?: (done: number, total: number) => void;
    /** Also load the programme year (load-programmes.ts): the first start and `yanxun demo` do; tests opt in. */
    programmes?: boolean;
    /** With the programme year, also the studios, pairings, trainer pool and 校本研修 (communities/): tests opt in. */
    communities?: boolean;
    /** With the programme year, also the city's two evaluation campaigns (evaluation.ts): tests opt in. */
    evaluation?: boolean;
    asOf?: string;
    now?: Date;
  },
): Promise<{ orgs: number; teachers: number; accounts: string[]; programmes: string[] }> {
  if (opts.programmes === true) {
    const r = await loadDemo(db, {
      ...opts,
      exams: false,
      communities: opts.communities ?? false,
      evaluation: opts.evaluation ?? false,
    });
    return { orgs: r.orgs, teachers: r.teachers, accounts: r.accounts, programmes: r.programmes };
  }
  const r = await loadRegionRecords(db, opts);
  return { orgs: r.orgs.length, teachers: r.teachers, accounts: r.accounts, programmes: [] };
}
