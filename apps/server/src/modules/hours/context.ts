import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { LedgerRepository } from './ledger.repository';
import type { TeachersPort } from './ports';

/** What every use case of the hours module is given, built once by createHoursService. */
export interface HoursContext {
  db: Database;
  repo: LedgerRepository;
  people: TeachersPort;
  audit: AuditService;
  /** the time entries are posted at (the services' clock) */
  now: () => Date;
}
