import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { FiveEduRepository } from './five-education.repository';
import type { OrgsPort, SheetsPort, StaffPort } from './ports';

/** What five-education-wiring.ts gives the 五育 module. */
export interface FiveEduDeps {
  db: Database;
  repo: FiveEduRepository;
  orgs: OrgsPort;
  staff: StaffPort;
  sheets: SheetsPort;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case is given, built once by createFiveEduService. */
export interface FiveEduContext extends Omit<FiveEduDeps, 'clock'> {
  now: () => Date;
}
