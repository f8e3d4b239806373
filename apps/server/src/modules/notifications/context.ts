import type { Database } from '../../db/database';
import type { NotificationsRepository } from './notifications.repository';
import type { AccountsPort } from './ports';

/** What every use case of the notifications module is given, built once by createNotificationsService. */
export interface NotificationsContext {
  db: Database;
  repo: NotificationsRepository;
  /** Absent in the tests of modules that only notify teachers; notifying an org without it is a wiring error. */
  accounts: AccountsPort | undefined;
}
