export { reportsRoutes } from './reports.routes';
export {
  type CompletionCounter,
  createReportsService,
  type KpiUnit,
  type ReportsService,
} from './reports.service';
