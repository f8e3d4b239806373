import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { PeopleRepository } from './people.repository';
import type { PeopleOrgs } from './ports';

/** What the people module's use cases work with. */
export interface PeopleContext {
  db: Database;
  repo: PeopleRepository;
  orgs: PeopleOrgs;
  audit: AuditService;
  now: () => Date;
}
