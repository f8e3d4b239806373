import type { FilesService } from '../../files';
import type { NotificationsService } from '../../notifications';
import type { HoursContext } from '../context';
import type { OrgNamesPort } from '../ports';
import type { ClaimsRepository } from './claims.repository';

/**
 * What every claim use case is given: the ledger's context (an approval posts through `postCredits`), the claims
 * repository, the files store for evidence, the teacher's notifications, and school names (the claim rules are the pack's in force for the claim's unit).
 */
export interface ClaimsContext extends HoursContext {
  claims: ClaimsRepository;
  files: Pick<FilesService, 'storeAnyOf' | 'content' | 'maxBytes'>;
  notifications: Pick<NotificationsService, 'notifyTeacher'>;
  /** the org module's names of schools, to label claims */
  orgNames: OrgNamesPort;
}
