/** The reports module's public face: its service and routes, its read model, and the ports it needs. */
export { createOverviewRepository, type OverviewRepository } from './overview/overview.repository';
export type {
  ClassCountsPort,
  CompletionCount,
  CompletionCounter,
  KpiUnit,
  OrgsPort,
  ProgrammesPort,
  SelectionPort,
} from './ports';
export { reportsRoutes } from './reports.routes';
export { createReportsService, type ReportsDeps, type ReportsService } from './reports.service';
