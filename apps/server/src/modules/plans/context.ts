import type { Database } from '../../db/database';
import { dateOf } from '../../shared/time';
import type { AuditService } from '../audit';
import type { FilesService } from '../files';
import type { NotificationsService } from '../notifications';
import type { PlansRepository } from './plans.repository';
import type { ProgrammesPort } from './ports';

/** What every use case of the plans module is given, built once by createPlansService. */
export interface PlansContext {
  db: Database;
  repo: PlansRepository;
  programs: ProgrammesPort;
  files: Pick<FilesService, 'store' | 'metaOf' | 'meta' | 'content'>;
  /** the office hears of a submitted plan, the provider of its review */
  notifications: Pick<NotificationsService, 'notifyOrg'>;
  audit: AuditService;
  now: () => Date;
}

/** Today's date in the deployment's time zone on the context's clock. */
export function todayOf(ctx: Pick<PlansContext, 'now'>): string {
  return dateOf(ctx.now());
}
