export type { HoursContext } from './context';
export { type CreditInput, completionCreditKey } from './credits';
export type { CertificateFacts } from './documents/document-codes';
export { createDocumentsRepository, type DocumentsRepository } from './documents/documents.repository';
export { documentsRoutes, verifyRoutes } from './documents/documents.routes';
export { hoursRoutes } from './hours.routes';
export { createHoursService, type HoursDeps, type HoursService } from './hours.service';
export { type CreditWrite, createLedgerRepository, type LedgerRepository } from './ledger.repository';
export type { TeachersPort } from './ports';
