import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type { EvaluationRepository } from './evaluation.repository';
import type { AccountsPort, CommunitiesPort, FilesPort, MetricsPort, OrgsPort } from './ports';
import type { SelectionPorts } from './selections.ports';

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
  /** the annual selections' teachers and communities (selections.ports.ts) */
  selection: SelectionPorts;
  clock?: () => Date;
}

/** What every use case of the module is given, built once by createEvaluationService. */
export interface EvaluationContext extends Omit<EvaluationDeps, 'clock'> {
  now: () => Date;
}
