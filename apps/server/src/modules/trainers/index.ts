/**
 * The trainer pool's public face: its service (routes, services.ts; `trainerRolesOf` feeds the growth archive),
 * its routes, its repository constructor and the ports it needs.
 */
export type { TrainersDeps } from './context';
export type {
  AssignmentTarget,
  AssignmentTargetsPort,
  CommunityRulesIn,
  TrainerOrg,
  TrainerOrgsPort,
  TrainerPeoplePort,
  TrainerTeacherFacts,
} from './ports';
export { createTrainersRepository, type TrainersRepository } from './trainers.repository';
export { trainersRoutes } from './trainers.routes';
export { createTrainersService, type TrainersService } from './trainers.service';
