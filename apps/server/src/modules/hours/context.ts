import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { ThrottleService } from '../throttle';
import type { DocumentsRepository } from './documents/documents.repository';
import type { LedgerRepository } from './ledger.repository';
import type { HonoursPort, HourRulesPort, TeachersPort } from './ports';

/** What every use case of the hours module is given, built once by createHoursService. */
export interface HoursContext {
  db: Database;
  repo: LedgerRepository;
  people: TeachersPort;
  audit: AuditService;
  /** verification codes of issued documents (documents/) */
  docs: DocumentsRepository;
  /** the public verification page's failure throttle */
  throttle: ThrottleService;
  /** the 学时 rules in force for a unit on a day */
  rulesFor: HourRulesPort;
  /** certificates of honour on the public verification page (none: only this module's documents) */
  honours?: HonoursPort;
  /** the time entries are posted at (the services' clock) */
  now: () => Date;
}
