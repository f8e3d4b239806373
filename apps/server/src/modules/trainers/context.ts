import type { Database } from '../../db/database';
import type { AuditService } from '../audit';
import type {
  AssignmentTargetsPort,
  CommunityRulesAt,
  CommunityRulesIn,
  TrainerOrgsPort,
  TrainerPeoplePort,
} from './ports';
import type { TrainersRepository } from './trainers.repository';

/** What services.ts gives the trainer pool. */
export interface TrainersDeps {
  db: Database;
  repo: TrainersRepository;
  people: TrainerPeoplePort;
  orgs: TrainerOrgsPort;
  targets: AssignmentTargetsPort;
  rulesFor: CommunityRulesIn;
  rulesAt: CommunityRulesAt;
  audit: AuditService;
  clock?: () => Date;
}

/** What every use case of the pool is given, built once by createTrainersService. */
export interface TrainersContext extends Omit<TrainersDeps, 'clock'> {
  now: () => Date;
}
