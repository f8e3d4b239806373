/**
 * The demo's programme year: a 2026 policy pack for 广东省 cloned from the built-in Henan 2021 pack and
 * published, three programmes at three levels with quotas cascaded down to schools, nominations, an approved
 * training plan, classes with a timetable and check-ins, a finished class with outcomes, completion,
 * certificates and 学时, a leave request and a no-show on the 诚信档案.
 *
 * Everything goes through the module services (createServices) acting as the demo accounts, on a clock the
 * loader moves from stage to stage, so the data is exactly what the screens would have produced. One
 * exception: check-ins are bulk-inserted (they would be a thousand service calls, and real check-ins carry the
 * phone's time, not the loader's).
 *
 * Conventions of the demo (not rules):
 * - "Today" of the programme year is DEMO_TODAY (2026-11-23, a Monday): the provincial class ran in October
 *   and is finished, the city class is in its second week (the sessions of last week have check-ins), the county
 *   programme is still selecting. Fixed dates, so the same seed gives the same data whatever the wall clock.
 * - Random choices come from the region's seed on their own sfc32 stream (DEMO_PROGRAMME_STREAM).
 */
import type { PolicyPack } from '@yanxun/core';
import type { Database } from '../db/database';
import { createServices } from '../services';
import { DEFAULT_SEED } from './generate-region';
import type { LoadedOrg } from './org-tree';
import { loadCityProgramme } from './programmes/city-class';
import {
  DEMO_PACK_YEAR,
  DEMO_TODAY,
  type DemoClass,
  type DemoProgramme,
  type DemoProgrammeAccount,
  type PackYearContext,
  yearContext,
} from './programmes/context';
import { loadCountyProgramme } from './programmes/county-selection';
import { loadProvincialProgramme } from './programmes/provincial-class';
import { loadTrainerProgramme } from './programmes/trainer-shortlist';
import { Rng } from './random';

export { DEMO_PACK_YEAR, DEMO_TODAY, type DemoProgrammeAccount };

const DEMO_PROGRAMME_STREAM = 0x70726f67;

export interface DemoProgrammesResult {
  packId: string;
  programmes: DemoProgramme[];
  classes: DemoClass[];
}

/**
 * Load the programme year into a database that holds the demo region and its accounts. `accounts` are the
 * demo accounts the loader acts as (province, city, qingcheng, provider, school, teacher …). The steps run in
 * this order on one random stream, so their order is part of the data.
 */
export async function loadDemoProgrammes(
  db: Database,
  opts: { seed?: number; orgs: LoadedOrg[]; accounts: DemoProgrammeAccount[] },
): Promise<DemoProgrammesResult> {
  const rng = new Rng(opts.seed ?? DEFAULT_SEED, DEMO_PROGRAMME_STREAM);
  let now = Date.parse(`${DEMO_TODAY}T01:00:00Z`);
  const at = (day: string) => {
    now = Date.parse(`${day}T01:00:00Z`);
  };
  const s = createServices(
    db,
    { sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5, lockoutMinutes: 15 },
    () => new Date(now),
  );
  const year = yearContext(db, s, rng, at, opts);

  // the 2026 pack: the built-in Henan 2021 pack cloned for 广东省 and published — titled 广东省 2026 年…, issued by
  // 广东省教育厅 (the clone's defaults); its values stay the Henan rules, recorded as adopted from the Henan notice
  at('2026-06-01');
  const clone = await s.programs.clonePack(year.province, 'henan-2021', {
    year: DEMO_PACK_YEAR,
    regionOrgId: year.provinceOrg.id,
  });
  const pack = await s.programs.publishPack(year.province, clone.id);
  const ctx: PackYearContext = {
    ...year,
    packId: pack.id,
    compulsoryTopics: (pack.pack as unknown as PolicyPack).design.compulsoryTopics.value,
  };

  const p1 = await loadProvincialProgramme(ctx);
  const p2 = await loadCityProgramme(ctx);
  const programmes = [p1.programme, p2.programme];
  const p3 = await loadCountyProgramme(ctx);
  if (p3) programmes.push(p3);
  programmes.push(await loadTrainerProgramme(ctx));
  return { packId: pack.id, programmes, classes: [p1.class, p2.class] };
}
