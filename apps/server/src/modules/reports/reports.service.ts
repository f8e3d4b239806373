import type { KpiQuery, OverviewQuery } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { ReportsContext } from './context';
import { exportProgrammeKpis } from './kpis/kpis-export';
import { programmeKpis } from './kpis/programme-kpis';
import type { OverviewRepository } from './overview/overview.repository';
import { exportTrainingOverview } from './overview/overview-export';
import { trainingOverview } from './overview/training-overview';
import type { ClassCountsPort, CompletionCounter, OrgsPort, ProgrammesPort, SelectionPort } from './ports';

export interface ReportsDeps {
  /** the read model of the training overview */
  repo: OverviewRepository;
  /** programmes and their packs (the programs module) */
  programs: ProgrammesPort;
  /** the selection-quality report, which also decides the units the actor may read (the programs module) */
  selection: SelectionPort;
  orgs: OrgsPort;
  /** enrolment, attendance and deadline counts (the classes module's queries) */
  classes: ClassCountsPort;
  /** 结业 counts from the outcomes module; absent → 结业 "—". */
  completionCounts?: CompletionCounter | undefined;
  clock?: () => Date;
}

/**
 * KPIs and reports: per programme and per city / county / school in the actor's scope, seats and nominations,
 * 注册完成率, 报到率, attendance over sessions held, 结业率 (when known), selection quality and the R3-B03
 * deduction (kpis/); and the training overview of a programme year (overview/). Scope comes from the programs
 * module (the selection-quality report lists exactly the units the actor may read; the programmes in scope),
 * enrolment and attendance counts from classes, 结业 from outcomes.
 */
export function createReportsService(deps: ReportsDeps) {
  const ctx: ReportsContext = {
    repo: deps.repo,
    programs: deps.programs,
    selection: deps.selection,
    orgs: deps.orgs,
    classes: deps.classes,
    completionCounts: deps.completionCounts,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    // overview/ (培训总览)
    trainingOverview: (actor: Actor, query: OverviewQuery) => trainingOverview(ctx, actor, query),
    exportTrainingOverview: (actor: Actor, query: OverviewQuery) => exportTrainingOverview(ctx, actor, query),
    // kpis/
    programmeKpis: (actor: Actor, programmeId: string, query: KpiQuery) =>
      programmeKpis(ctx, actor, programmeId, query),
    exportProgrammeKpis: (actor: Actor, programmeId: string, query: KpiQuery) =>
      exportProgrammeKpis(ctx, actor, programmeId, query),
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
