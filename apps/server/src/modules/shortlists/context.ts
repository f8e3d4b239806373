import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { NotificationsService } from '../notifications';
import type { Candidates, Programmes, Seats } from './ports';
import type { ShortlistsRepository } from './shortlists.repository';

/** What createShortlistsService is given. */
export interface ShortlistsDeps {
  db: Database;
  repo: ShortlistsRepository;
  programmes: Programmes;
  candidates: Candidates;
  seats: Seats;
  notifications: NotificationsService;
  audit: AuditService;
  clock?: () => Date;
}

/** What every shortlist use case receives first: built once per service. */
export interface ShortlistsContext {
  db: Database;
  repo: ShortlistsRepository;
  programmes: Programmes;
  candidates: Candidates;
  seats: Seats;
  notifications: NotificationsService;
  audit: AuditService;
  now: () => Date;
}

export function shortlistsContext(deps: ShortlistsDeps): ShortlistsContext {
  return {
    db: deps.db,
    repo: deps.repo,
    programmes: deps.programmes,
    candidates: deps.candidates,
    seats: deps.seats,
    notifications: deps.notifications,
    audit: deps.audit,
    now: deps.clock ?? (() => new Date()),
  };
}
