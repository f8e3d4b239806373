/**
 * The 校本研修 module wired for services.ts (kept beside it so the composition root stays under 500 lines): org
 * and teacher reads, postings to the 学时 ledger, and the rules in force for a unit (the 学时 rules' school-year
 * start and the 24 学时 of R3-S02 with the pack's communities section).
 */
import type { Database } from './db/database';
import type { AuditService } from './modules/audit';
import type { HoursService } from './modules/hours';
import type { OrgRepository } from './modules/org';
import type { PeopleQueries } from './modules/people';
import type { ProgramsService } from './modules/programs';
import {
  createSchoolResearchRepository,
  createSchoolResearchService,
  createTrainingBudgetsRepository,
} from './modules/school-research';

export function wireSchoolResearch(w: {
  db: Database;
  orgRepo: OrgRepository;
  peopleQueries: Pick<PeopleQueries, 'cardOf' | 'namesOf' | 'placesOf'>;
  hours: Pick<HoursService, 'postCredits' | 'reverseCredits'>;
  programs: Pick<ProgramsService, 'hourRulesIn' | 'communityRulesIn' | 'communityRulesAt'>;
  audit: AuditService;
  clock: (() => Date) | undefined;
}) {
  const { programs } = w;
  return createSchoolResearchService({
    db: w.db,
    repo: createSchoolResearchRepository(w.db),
    budgets: createTrainingBudgetsRepository(w.db),
    orgs: {
      findById: (id) => w.orgRepo.findById(id),
      findByIds: (ids) => w.orgRepo.findByIds(ids),
      schoolCount: async (path) =>
        (await w.orgRepo.listSchools({ roots: [path], offset: 0, limit: 1 })).total,
    },
    teachers: {
      cardOf: w.peopleQueries.cardOf,
      namesOf: w.peopleQueries.namesOf,
      placesOf: w.peopleQueries.placesOf,
    },
    hours: { postCredits: w.hours.postCredits, reverseCredits: w.hours.reverseCredits },
    rules: {
      rulesIn: async (orgPath, on) => {
        const [hourRules, community] = await Promise.all([
          programs.hourRulesIn(orgPath, on),
          programs.communityRulesIn(orgPath, on),
        ]);
        return {
          schoolYearStart: hourRules.schoolYearStart.value,
          yearMinTenths: community.schoolBased.yearMinTenths.value,
          community,
        };
      },
      communityRulesAt: (orgPaths, on) => programs.communityRulesAt(orgPaths, on),
    },
    audit: w.audit,
    ...(w.clock ? { clock: w.clock } : {}),
  });
}
