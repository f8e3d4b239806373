/**
 * The communities' part of the demo (issue 13): studios and workshops with their year, pairings, the trainer pool
 * and 校本研修, each through its module's service as the demo's officers on the loader's clock, dated before the
 * as-of day. Run after the programme year (it reads the region's teachers and the demo accounts).
 */
import type { Database } from '../../db/database';
import { createServices } from '../../services';
import type { DemoCalendar } from '../as-of';
import type { DemoClock } from '../demo-clock';
import { DEMO_SERVICES_CONFIG } from '../load-programmes';
import type { LoadedOrg } from '../org-tree';
import type { DemoProgrammeAccount } from '../programmes/context';
import { loadDemoPairings } from './pairings';
import { loadDemoSchoolResearch, loadDemoTrainers } from './school-year';
import { loadDemoWorkshops } from './studios';
import { communitiesWorld } from './world';

export interface DemoCommunitiesLoaded {
  communities: number;
  pairings: number;
  trainers: number;
  schoolPlans: number;
}

export async function loadDemoCommunities(
  db: Database,
  opts: { orgs: LoadedOrg[]; accounts: DemoProgrammeAccount[]; cal: DemoCalendar; clock: DemoClock },
): Promise<DemoCommunitiesLoaded> {
  const s = createServices(db, DEMO_SERVICES_CONFIG, opts.clock.now);
  const w = await communitiesWorld(db, s, opts);
  if (!w) return { communities: 0, pairings: 0, trainers: 0, schoolPlans: 0 };
  const c = await loadDemoWorkshops(w);
  const pairings = await loadDemoPairings(w, c);
  const trainers = await loadDemoTrainers(w);
  const schoolPlans = await loadDemoSchoolResearch(w);
  return {
    communities: Object.values(c).filter((id) => id !== null).length,
    pairings,
    trainers,
    schoolPlans,
  };
}
