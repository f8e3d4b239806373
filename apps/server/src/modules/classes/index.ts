import type { Database } from '../../db/database';
import { type KpiCountsRow, createClassesRepository as kpiRepo } from './classes.repository';

export { type ClassesRepository, createClassesRepository } from './classes.repository';
export { classesRoutes } from './classes.routes';
export { type ClassesService, createClassesService } from './classes.service';

// ---- kpiweb: KPI counts for the reports module (no actor: the caller authorizes) ----

export type { KpiCountsRow };

/** Enrolled, registered (注册), arrived (报到) and person-sessions held/attended per unit, up to `asOf`. */
export function classKpiCounts(
  db: Database,
  programmeId: string,
  nodes: Array<{ id: string; path: string }>,
  asOf: string,
): Promise<KpiCountsRow[]> {
  return kpiRepo(db).kpiCounts(programmeId, nodes, asOf);
}
// ---- end kpiweb ----
