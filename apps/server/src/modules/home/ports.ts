/**
 * What the landing page needs from other modules, declared here and wired in services.ts. Each is an existing
 * read of the offering module, made as the signed-in actor (the offering module authorizes and scopes), except
 * `outcomes.reviewState`, a query without an actor over classes the actor was already shown.
 */
import type {
  ClassListQuery,
  ClassSummary,
  ExamWarning,
  OpenProgramme,
  OverviewQuery,
  PlanListQuery,
  PlanSummary,
  ShortlistSummary,
  TrainingOverview,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';

/** The training overview of a programme year (the reports module). */
export interface OverviewPort {
  trainingOverview(actor: Actor, query: OverviewQuery): Promise<TrainingOverview>;
}

/** The newest monitoring cycle's early warnings for the monitoring office (the exams module). */
export interface WarningsPort {
  latestWarnings(
    actor: Actor,
  ): Promise<{ cycleId: string; cycleName: string; warnings: ExamWarning[] } | null>;
}

/** The classes the actor reads, with their deadline lights (the classes module). */
export interface ClassesPort {
  listClasses(actor: Actor, query: ClassListQuery): Promise<ClassSummary[]>;
}

/** Plans and the programmes open to a provider (the plans module). */
export interface PlansPort {
  listPlans(actor: Actor, query: PlanListQuery): Promise<PlanSummary[]>;
  openProgrammes(actor: Actor): Promise<OpenProgramme[]>;
}

/** Shortlist selections the actor takes part in (the shortlists module). */
export interface ShortlistsPort {
  list(actor: Actor): Promise<ShortlistSummary[]>;
}

/** Per class: outcomes waiting for review and teachers judged by a completion run (the outcomes module). */
export interface OutcomesPort {
  reviewState(classIds: string[]): Promise<Map<string, { waiting: number; judged: number }>>;
}
