import type {
  CreatePlanRequest,
  CreateSpendingRequest,
  PlanListQuery,
  ReviewPlanRequest,
  UpdatePlanRequest,
} from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AuditService } from '../audit';
import type { FilesService, Upload } from '../files';
import type { NotificationsService } from '../notifications';
import {
  checkCurrent,
  createPlan,
  sealedPdf,
  submitPlan,
  updatePlan,
  uploadSealedPdf,
} from './applications/plan-drafting';
import { listPlans, openProgrammes } from './applications/plan-listing';
import { getPlan } from './applications/plan-views';
import type { PlansContext } from './context';
import { addSpending, budget } from './money/budget';
import { createPlanQueries } from './plans.queries';
import type { PlansRepository } from './plans.repository';
import type { ProgrammesPort } from './ports';
import { approvePlan, returnPlan } from './review/plan-review';

export interface PlansDeps {
  db: Database;
  repo: PlansRepository;
  /** the programmes plans are for (the programs module) */
  programs: ProgrammesPort;
  files: Pick<FilesService, 'store' | 'metaOf' | 'meta' | 'content'>;
  /** the office is told of a submitted plan, the provider of the decision */
  notifications: Pick<NotificationsService, 'notifyOrg'>;
  audit: AuditService;
  clock?: () => Date;
}

/**
 * Training plans (培训方案 / 申报书) of providers for programmes: draft, sealed PDF, submit with the checks of
 * core `checkPlan`, review (return with comments or approve), versions kept; the approved provider of a
 * programme; and the programme's budget from the pack's standards against its spending, in fen.
 */
export function createPlansService(deps: PlansDeps) {
  const ctx: PlansContext = {
    db: deps.db,
    repo: deps.repo,
    programs: deps.programs,
    files: deps.files,
    notifications: deps.notifications,
    audit: deps.audit,
    now: deps.clock ?? (() => new Date()),
  };
  const queries = createPlanQueries(deps.repo);
  return {
    // applications/ (the provider's side)
    openProgrammes: (actor: Actor) => openProgrammes(ctx, actor),
    listPlans: (actor: Actor, query: PlanListQuery) => listPlans(ctx, actor, query),
    getPlan: (actor: Actor, id: string) => getPlan(ctx, actor, id),
    createPlan: (actor: Actor, programmeId: string, req: CreatePlanRequest) =>
      createPlan(ctx, actor, programmeId, req),
    updatePlan: (actor: Actor, id: string, req: UpdatePlanRequest) => updatePlan(ctx, actor, id, req),
    uploadSealedPdf: (actor: Actor, id: string, upload: Upload) => uploadSealedPdf(ctx, actor, id, upload),
    sealedPdf: (actor: Actor, id: string, version: number) => sealedPdf(ctx, actor, id, version),
    checkCurrent: (actor: Actor, id: string) => checkCurrent(ctx, actor, id),
    submitPlan: (actor: Actor, id: string) => submitPlan(ctx, actor, id),
    // review/ (the office)
    returnPlan: (actor: Actor, id: string, req: ReviewPlanRequest) => returnPlan(ctx, actor, id, req),
    approvePlan: (actor: Actor, id: string, req: ReviewPlanRequest) => approvePlan(ctx, actor, id, req),
    // for other modules (no actor: the caller authorizes)
    approvedProviderOf: queries.approvedProviderOf,
    isApprovedProvider: queries.isApprovedProvider,
    // money/
    budget: (actor: Actor, programmeId: string) => budget(ctx, actor, programmeId),
    addSpending: (actor: Actor, programmeId: string, req: CreateSpendingRequest) =>
      addSpending(ctx, actor, programmeId, req),
  };
}

export type PlansService = ReturnType<typeof createPlansService>;
