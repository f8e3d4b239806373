import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { CommunitiesRepository } from './communities.repository';
import type { FilesPort, HoursPort, OrgsPort, PeoplePort, RulesPort } from './ports';

/** What services.ts gives the module. */
export interface CommunitiesDeps {
  db: Database;
  repo: CommunitiesRepository;
  people: PeoplePort;
  orgs: OrgsPort;
  hours: HoursPort;
  rules: RulesPort;
  files: FilesPort;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case is given. */
export interface CommunitiesContext {
  db: Database;
  repo: CommunitiesRepository;
  people: PeoplePort;
  orgs: OrgsPort;
  hours: HoursPort;
  rules: RulesPort;
  files: FilesPort;
  audit: AuditService;
  now: () => Date;
}

export function communitiesContext(deps: CommunitiesDeps): CommunitiesContext {
  return {
    db: deps.db,
    repo: deps.repo,
    people: deps.people,
    orgs: deps.orgs,
    hours: deps.hours,
    rules: deps.rules,
    files: deps.files,
    audit: deps.audit,
    now: deps.clock ?? (() => new Date()),
  };
}
