/**
 * The classes module's public face: its service (routes, services.ts), its routes, the queries it answers
 * for other modules (no actor; the caller authorizes), the ports it needs, and the enrolment removal the
 * programs module calls inside its withdrawal transaction.
 */
export type { AttendanceSummary, AttendanceSummaryRow } from './checkin/attendance-summary';
export { type ClassQueries, createClassQueries } from './classes.queries';
export {
  type ClassesRepository,
  type ClassRow,
  createClassesRepository,
  type KpiCountsRow,
  removeEnrolmentsOfNomination,
} from './classes.repository';
export { classesRoutes } from './classes.routes';
export { type ClassesDeps, type ClassesService, createClassesService } from './classes.service';
export type { ProgrammeDeadlineCount } from './deadlines/deadline-board';
export type { ProgrammeFacts, ProgrammesPort, SelectedNomination } from './ports';
