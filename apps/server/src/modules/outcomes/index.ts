/**
 * The outcomes module's public face: its service and routes, the queries it answers for other modules
 * (no actor; the caller authorizes), and the ports it needs.
 */
export { createOutcomeQueries, type OutcomeQueries } from './outcomes.queries';
export { createOutcomesRepository, type OutcomesRepository } from './outcomes.repository';
export { outcomesRoutes } from './outcomes.routes';
export { createOutcomesService, type OutcomesDeps, type OutcomesService } from './outcomes.service';
export type { ClassesPort, ProgrammesPort, TeachersPort } from './ports';
