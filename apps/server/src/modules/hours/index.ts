export type { HoursContext } from './context';
export { type CreditInput, completionCreditKey } from './credits';
export {
  createExternalHoursService,
  type ExternalHoursService,
  type ExternalTeacher,
} from './external';
export { externalHoursRoutes } from './external/external.routes';
export { hoursRoutes } from './hours.routes';
export { createHoursService, type HoursDeps, type HoursService } from './hours.service';
export { type CreditWrite, createLedgerRepository, type LedgerRepository } from './ledger.repository';
export type { TeachersPort } from './ports';
