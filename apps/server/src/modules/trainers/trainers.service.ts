import type {
  ApplyTrainer,
  AppointTrainer,
  ApproveTrainer,
  AssessTrainer,
  AssignTrainer,
  RecommendTrainer,
  RevokeTrainer,
  TrainerListQuery,
  TrainerStandingQuery,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { applyTrainer, myTrainer, recommendTrainer } from './apply-recommend';
import { appointTrainer, approveTrainer } from './approve-appoint';
import type { TrainersContext, TrainersDeps } from './context';
import { countyTeamOf, trainerStanding } from './standing';
import { assessTrainer, assignTrainer, revokeTrainer } from './term-actions';
import { isPoolMember, listTrainers, trainerDetail, trainerRolesOf } from './trainer-views';

/**
 * 培训者团队 (the trainer pool, R3-P*): application → recommendation → approval, direct appointment, eligibility
 * with overrides, terms, annual assessment, revocation, assignments, the county teams' standing, and the roles
 * the growth archive shows.
 */
export function createTrainersService(deps: TrainersDeps) {
  const { clock, ...rest } = deps;
  const ctx: TrainersContext = { ...rest, now: clock ?? (() => new Date()) };
  return {
    mine: (actor: Actor) => myTrainer(ctx, actor),
    apply: (actor: Actor, req: ApplyTrainer) => applyTrainer(ctx, actor, req),
    recommend: (actor: Actor, id: string, req: RecommendTrainer) => recommendTrainer(ctx, actor, id, req),
    approve: (actor: Actor, id: string, req: ApproveTrainer) => approveTrainer(ctx, actor, id, req),
    appoint: (actor: Actor, req: AppointTrainer) => appointTrainer(ctx, actor, req),
    assess: (actor: Actor, id: string, req: AssessTrainer) => assessTrainer(ctx, actor, id, req),
    revoke: (actor: Actor, id: string, req: RevokeTrainer) => revokeTrainer(ctx, actor, id, req),
    assign: (actor: Actor, id: string, req: AssignTrainer) => assignTrainer(ctx, actor, id, req),
    list: (actor: Actor, query: TrainerListQuery) => listTrainers(ctx, actor, query),
    detail: (actor: Actor, id: string) => trainerDetail(ctx, actor, id),
    standing: (actor: Actor, query: TrainerStandingQuery) => trainerStanding(ctx, actor, query),
    /** For the growth archive's `GrowthRecordsPort` (no actor: the archive decides who reads). */
    trainerRolesOf: (teacherId: string) => trainerRolesOf(ctx, teacherId),
    /** A county's team size and active members in a year (the evaluation's live items, R3-P01/P02); no actor. */
    countyTeam: (county: { id: string; path: string }, year: number) => countyTeamOf(ctx, county, year),
    /** A member of a pool today (R3-P12's priority on nominations). */
    isPoolMember: (teacherId: string) => isPoolMember(ctx, teacherId),
  };
}

export type TrainersService = ReturnType<typeof createTrainersService>;
