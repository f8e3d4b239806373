import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { EvaluationRepository } from './evaluation.repository';
import type { AccountsPort, CommunitiesPort, FilesPort, MetricsPort, OrgsPort } from './ports';

/** What services.ts gives the evaluation module. */
export interface EvaluationDeps {
  db: Database;
  repo: EvaluationRepository;
  orgs: OrgsPort;
  communities: CommunitiesPort;
  accounts: AccountsPort;
  files: FilesPort;
  metrics: MetricsPort;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case of the module is given, built once by createEvaluationService. */
export interface EvaluationContext extends Omit<EvaluationDeps, 'clock'> {
  now: () => Date;
}
