import type { Config } from './config';
import type { Database } from './db/database';
import { createAuditService } from './modules/audit';
import { createAuthRepository, createAuthService } from './modules/auth';
import { createImportsService } from './modules/imports';
// issue 3 (progrest): notifications
import { createNotificationsService } from './modules/notifications';
import { createOrgRepository, createOrgService } from './modules/org';
import { createCodesService, createPeopleRepository, createPeopleService } from './modules/people';
import { createProgramsRepository, createProgramsService } from './modules/programs';

/** Wires every service with its explicit dependencies. No service reaches for anything it was not given. */
export function createServices(
  db: Database,
  config: Pick<Config, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'lockoutThreshold' | 'lockoutMinutes'>,
  clock?: () => Date,
) {
  const audit = createAuditService({ db });
  const authRepo = createAuthRepository(db);
  const auth = createAuthService({
    repo: authRepo,
    audit,
    clock,
    settings: {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
      lockoutThreshold: config.lockoutThreshold,
      lockoutMinutes: config.lockoutMinutes,
    },
  });
  const orgRepo = createOrgRepository(db);
  const orgs = createOrgService({ repo: orgRepo });
  const peopleRepo = createPeopleRepository(db);
  const people = createPeopleService({ db, repo: peopleRepo, orgRepo, orgs, audit, clock });
  const codes = createCodesService({ db });
  const imports = createImportsService({ db, orgRepo, peopleRepo, orgs, audit, clock });
  // issue 3 (progrest): notifications, given to programs
  const notifications = createNotificationsService({ db });
  const programs = createProgramsService({
    db,
    repo: createProgramsRepository(db),
    audit,
    notifications,
    clock,
  });
  return {
    audit,
    auth,
    authRepo,
    orgs,
    orgRepo,
    people,
    peopleRepo,
    codes,
    imports,
    programs,
    notifications,
  };
}

export type Services = ReturnType<typeof createServices>;
