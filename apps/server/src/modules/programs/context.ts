import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { NotificationsService } from '../notifications';
import type { Enrolments, MembershipsPort } from './ports';
import type { ProgramsRepository } from './programs.repository';

/** What createProgramsService is given. */
export interface ProgramsDeps {
  db: Database;
  repo: ProgramsRepository;
  audit: AuditService;
  /** Teachers are told of integrity records and appeal decisions (R-004-20). */
  notifications: NotificationsService;
  enrolments: Enrolments;
  /** The memberships a teacher holds that earn a priority (R3-W12, R3-P12): none without the modules that know. */
  memberships?: MembershipsPort;
  clock?: () => Date;
}

/** What every programs use case receives first: built once per service. */
export interface ProgramsContext {
  db: Database;
  repo: ProgramsRepository;
  audit: AuditService;
  notifications: NotificationsService;
  enrolments: Enrolments;
  memberships: MembershipsPort;
  now: () => Date;
}

export function programsContext(deps: ProgramsDeps): ProgramsContext {
  return {
    db: deps.db,
    repo: deps.repo,
    audit: deps.audit,
    notifications: deps.notifications,
    enrolments: deps.enrolments,
    memberships: deps.memberships ?? (async () => []),
    now: deps.clock ?? (() => new Date()),
  };
}

/** A use case with its context bound: `bind(ctx, allocate)(actor, id, …)` is `allocate(ctx, actor, id, …)`. */
export function bind<C, A extends unknown[], R>(
  ctx: C,
  useCase: (ctx: C, ...args: A) => R,
): (...args: A) => R {
  return (...args) => useCase(ctx, ...args);
}
