/**
 * The evaluation module's wiring, beside services.ts (which stays a page of composition): orgs and communities as
 * subjects, raters' accounts from the auth module, evidence in the files store, and the live metrics read from the
 * programmes (R3-B02/B03's selection counts), the trainer pool (R3-P01/P02), the communities (R3-G17's review
 * counts, R3-B01/B07's studios), the people records (R3-B01's backbone staff) and 校本研修's training budgets (R3-B09), each through the offering module's
 * service (its actor-less queries; this module authorizes).
 */
import type { Database } from './db/database';
import type { AuditService } from './modules/audit';
import type { AuthRepository } from './modules/auth';
import type { CommunitiesService } from './modules/communities';
import {
  createEvaluationRepository,
  createEvaluationService,
  createMetricsRegistry,
  type MetricSources,
} from './modules/evaluation';
import type { FilesService } from './modules/files';
import type { OrgRepository } from './modules/org';
import type { PeopleQueries } from './modules/people';
import type { ProgramsService } from './modules/programs';
import type { SchoolResearchService } from './modules/school-research';
import type { TrainersService } from './modules/trainers';

export interface MetricSourceDeps {
  programs: Pick<ProgramsService, 'countySelectionCounts'>;
  communities: Pick<CommunitiesService, 'activityCounts' | 'studioReach' | 'threeNameStudios'>;
  trainers: Pick<TrainersService, 'countyTeam'>;
  people: Pick<PeopleQueries, 'backboneCount'>;
  schoolResearch: Pick<SchoolResearchService, 'trainingBudgetOf' | 'countyTrainingBudgets'>;
}

/** The live metrics' sources, each an offering service's actor-less query. */
export function metricSourcesOf(deps: MetricSourceDeps): MetricSources {
  const { programs, communities, trainers, people, schoolResearch } = deps;
  return {
    selectionCounts: (county, year) => programs.countySelectionCounts(county, year),
    communityActivities: (id, from, to) => communities.activityCounts(id, from, to),
    trainerTeam: (county, year) => trainers.countyTeam(county, year),
    threeNameStudios: (path, year) => communities.threeNameStudios(path, year),
    studioReach: (id, year) => communities.studioReach(id, year),
    backboneCount: (path) => people.backboneCount(path),
    schoolTrainingBudget: (schoolId, year) => schoolResearch.trainingBudgetOf(schoolId, year),
    countyTrainingBudgets: (path, year) => schoolResearch.countyTrainingBudgets(path, year),
  };
}

export function createEvaluationWiring(deps: {
  db: Database;
  orgRepo: OrgRepository;
  authRepo: AuthRepository;
  programs: MetricSourceDeps['programs'];
  communities: MetricSourceDeps['communities'] &
    Pick<CommunitiesService, 'refsOf' | 'recordTitle' | 'membershipsOf'>;
  trainers: MetricSourceDeps['trainers'];
  people: MetricSourceDeps['people'] & Pick<PeopleQueries, 'trainerFactsOf'>;
  schoolResearch: MetricSourceDeps['schoolResearch'];
  files: FilesService;
  audit: AuditService;
  clock?: (() => Date) | undefined;
}) {
  const { db, orgRepo, authRepo, communities } = deps;
  return createEvaluationService({
    db,
    repo: createEvaluationRepository(db),
    orgs: { findById: (id) => orgRepo.findById(id), findByIds: (ids) => orgRepo.findByIds(ids) },
    communities: {
      cardsOf: async (ids) =>
        (await communities.refsOf(ids)).map((c) => ({
          id: c.id,
          name: c.name,
          kind: c.kind === 'workshop' ? ('workshop' as const) : ('studio' as const),
          orgPath: c.orgPath,
        })),
    },
    accounts: {
      byUsername: async (username) => {
        const a = await authRepo.findAccountByUsername(username);
        if (!a || a.disabled) return undefined;
        return {
          id: a.id,
          displayName: a.display_name,
          grants: (await authRepo.grantsOf(a.id)).map((g) => ({ role: g.role, orgPath: g.path })),
        };
      },
      namesOf: (ids) => authRepo.displayNamesOf(ids),
    },
    files: deps.files,
    metrics: createMetricsRegistry(metricSourcesOf(deps)),
    audit: deps.audit,
    // the annual selections: 先进个人's teachers, the 优秀工作坊/工作室 title (R3-W15, R3-G18) and members' communities
    selection: {
      teachers: {
        factsOf: async (ids) =>
          (await deps.people.trainerFactsOf(ids)).map((t) => ({
            id: t.id,
            name: t.name,
            schoolName: t.schoolName,
            orgPath: t.orgPath,
          })),
      },
      communities: {
        recordTitle: async (actor, id, year) => {
          await communities.recordTitle(actor, id, { year, awarded: true }, 'selection');
        },
        removeTitle: async (actor, id, year) => {
          const d = await communities.recordTitle(actor, id, { year, awarded: false }, 'selection');
          return !(d.titles ?? []).some((x) => x.year === year);
        },
        membershipsOf: (teacherId) => communities.membershipsOf(teacherId),
      },
    },
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
}
