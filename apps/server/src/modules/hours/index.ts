export { type ClaimsRepository, createClaimsRepository } from './claims/claims.repository';
export { hourClaimsRoutes } from './claims/claims.routes';
export {
  createHourClaimsService,
  type HourClaimsDeps,
  type HourClaimsService,
} from './claims/claims.service';
// 学时申报: claims with evidence, reviewed by the school then the county
export { claimCreditKey } from './claims/review-claim';
// 学时 compliance: per unit, the teachers behind, reminders
export { hoursComplianceRoutes } from './compliance/compliance.routes';
export {
  type ComplianceDeps,
  createHoursComplianceService,
  type HoursComplianceService,
} from './compliance/compliance.service';
export type { HoursContext } from './context';
export { type CreditInput, completionCreditKey } from './credits';
export type { CertificateFacts } from './documents/document-codes';
export { createDocumentsRepository, type DocumentsRepository } from './documents/documents.repository';
export { documentsRoutes, verifyRoutes } from './documents/documents.routes';
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
