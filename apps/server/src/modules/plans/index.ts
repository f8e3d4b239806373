/**
 * The plans module's public face: its service and routes, the queries it answers for other modules (no
 * actor; the caller authorizes: the approved provider of a programme), and the port it needs.
 */
export { requirementsOf } from './applications/plan-views';
export { createPlanQueries, type PlanQueries } from './plans.queries';
export { createPlansRepository, type PlansRepository } from './plans.repository';
export { plansRoutes } from './plans.routes';
export { createPlansService, type PlansDeps, type PlansService } from './plans.service';
export type { ProgrammesPort } from './ports';
