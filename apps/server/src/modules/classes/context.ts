import type { Database } from '../../db/database';
import { dateOf } from '../../shared/time';
import type { AuditService } from '../audit';
import type { ThrottleService } from '../throttle';
import type { ClassCache } from './class-cache';
import type { ClassesRepository } from './classes.repository';
import type { ProgrammesPort } from './ports';

/** What every use case of the classes module is given, built once by createClassesService. */
export interface ClassesContext {
  db: Database;
  repo: ClassesRepository;
  programmes: ProgrammesPort;
  audit: AuditService;
  /** the deployment's shared failure throttle (wrong short codes) */
  throttle: ThrottleService;
  /** The HMAC key of the check-in codes (CHECKIN_SECRET, else the deployment's key in app_secrets). */
  checkinKey: () => Promise<Buffer>;
  /** The in-process copies of packs and classes the check-in path reads. */
  cache: ClassCache;
  now: () => Date;
}

/** Today's date in the deployment's time zone on the context's clock. */
export function todayOf(ctx: Pick<ClassesContext, 'now'>): string {
  return dateOf(ctx.now());
}
