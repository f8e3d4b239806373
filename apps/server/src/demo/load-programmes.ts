/**
 * The demo's programme year: a policy pack of the year for 广东省 cloned from the built-in Henan 2021 pack and
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
 * - The year is a script written for the Monday SCRIPT_MONDAY (2026-11-23) and moved by whole weeks to the as-of
 *   day (as-of.ts): the provincial class ran five weeks before and is finished, with its documents, 工作简报 and
 *   final reports in on time; the city class is in its first weekend or second week (the sessions held by the
 *   as-of have check-ins); the county programme is still selecting. The same seed and as-of give the same data.
 * - Random choices come from the region's seed on their own sfc32 stream (DEMO_PROGRAMME_STREAM).
 */
import type { UpdatePackRequest } from '@yanxun/contracts';
import type { PolicyPack } from '@yanxun/core';
import type { Database } from '../db/database';
import { createServices } from '../services';
import type { DemoCalendar } from './as-of';
import type { DemoClock } from './demo-clock';
import { DEFAULT_SEED } from './generate-region';
import type { LoadedOrg } from './org-tree';
import { loadCityProgramme } from './programmes/city-class';
import {
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

export type { DemoProgrammeAccount };

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
  opts: {
    seed?: number;
    orgs: LoadedOrg[];
    accounts: DemoProgrammeAccount[];
    cal: DemoCalendar;
    clock: DemoClock;
  },
): Promise<DemoProgrammesResult> {
  const { cal, clock } = opts;
  const { day } = cal;
  const rng = new Rng(opts.seed ?? DEFAULT_SEED, DEMO_PROGRAMME_STREAM);
  const s = createServices(db, DEMO_SERVICES_CONFIG, clock.now);
  const year = yearContext(db, s, rng, cal, clock.at, opts);
  const at = clock.at;

  // the pack of the year: the built-in Henan 2021 pack cloned for 广东省 — titled 广东省 …, issued by 广东省教育厅 (the
  // clone's defaults), its values the Henan rules recorded as adopted from the Henan notice — its dated deadlines
  // set from the year's notice (the script's, moved to the as-of), published
  await at(day('2026-06-01'));
  const clone = await s.programs.clonePack(year.province, 'henan-2021', {
    year: cal.packYear,
    regionOrgId: year.provinceOrg.id,
  });
  const body = structuredClone(clone.pack) as unknown as PolicyPack;
  const lastOfYear = `${cal.packYear}-12-31`;
  const dl = body.deadlines;
  dl.applicationDue.value = day('2026-07-30');
  dl.selectionDue.value = day('2026-07-30');
  const classDates = day('2026-08-10');
  dl.classDatesDue.value = classDates > lastOfYear ? lastOfYear : classDates;
  await s.programs.updatePack(year.province, clone.id, {
    pack: body as unknown as UpdatePackRequest['pack'],
  });
  const pack = await s.programs.publishPack(year.province, clone.id);
  const ctx: PackYearContext = {
    ...year,
    packId: pack.id,
    compulsoryTopics: (pack.pack as unknown as PolicyPack).design.compulsoryTopics.value,
    finalReportItems: (pack.pack as unknown as PolicyPack).deadlines.finalReportItems.value,
  };

  const p1 = await loadProvincialProgramme(ctx);
  const p2 = await loadCityProgramme(ctx);
  const programmes = [p1.programme, p2.programme];
  const p3 = await loadCountyProgramme(ctx);
  if (p3) programmes.push(p3);
  programmes.push(await loadTrainerProgramme(ctx));
  return { packId: pack.id, programmes, classes: [p1.class, p2.class] };
}

/** The services' settings for the loader (sessions are not used). */
export const DEMO_SERVICES_CONFIG = {
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
};
