import type { Database } from '../../db/database';
import { dateOf } from '../../shared/time';
import type { AuditService } from '../audit';
import type { FileKind, FilesService } from '../files';
import type { OutcomesRepository } from './outcomes.repository';
import type { ClassesPort, CodesPort, HoursPort, ProgrammesPort, TeachersPort } from './ports';

/** What every use case of the outcomes module is given, built once by createOutcomesService. */
export interface OutcomesContext {
  db: Database;
  repo: OutcomesRepository;
  classes: ClassesPort;
  programs: ProgrammesPort;
  people: TeachersPort;
  hours: HoursPort;
  /** certificates' verification codes */
  codes: CodesPort;
  files: Pick<FilesService, 'storeAnyOf' | 'metaOf' | 'meta' | 'content'>;
  audit: AuditService;
  /** Outcome upload kinds allowed by the configuration (OUTCOME_FILE_TYPES). */
  fileTypes: FileKind[];
  now: () => Date;
}

/** Today's date in the deployment's time zone on the context's clock. */
export function todayOf(ctx: Pick<OutcomesContext, 'now'>): string {
  return dateOf(ctx.now());
}
