import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { PairingsRepository } from './pairings.repository';
import type { CommunitiesPort, OrgsPort, RulesPort } from './ports';

/** What services.ts gives the pairings module. */
export interface PairingsDeps {
  db: Database;
  repo: PairingsRepository;
  orgs: OrgsPort;
  communities: CommunitiesPort;
  rules: RulesPort;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case is given, built once by createPairingsService. */
export interface PairingsContext extends Omit<PairingsDeps, 'clock'> {
  now: () => Date;
}
