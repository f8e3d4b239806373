/**
 * The pairings module wired for services.ts (kept beside it so the composition root stays under 500 lines):
 * schools through the org repository, studios and workshops through the communities service, the communities
 * rules of the pack in force for the lead unit through the programmes service.
 */
import type { Database } from './db/database';
import type { AuditService } from './modules/audit';
import type { CommunitiesService } from './modules/communities';
import type { OrgRepository } from './modules/org';
import { createPairingsRepository, createPairingsService } from './modules/pairings';
import type { ProgramsService } from './modules/programs';

export function wirePairings(w: {
  db: Database;
  orgRepo: OrgRepository;
  communities: CommunitiesService;
  programs: Pick<ProgramsService, 'communityRulesIn' | 'communityRulesAt'>;
  audit: AuditService;
  clock: (() => Date) | undefined;
}) {
  return createPairingsService({
    db: w.db,
    repo: createPairingsRepository(w.db),
    orgs: {
      findById: (id) => w.orgRepo.findById(id),
      findByIds: (ids) => w.orgRepo.findByIds(ids),
      childrenOf: (id) => w.orgRepo.childrenOf(id),
    },
    communities: { refsOf: (ids) => w.communities.refsOf(ids) },
    rules: {
      communityRules: (orgPath, on) => w.programs.communityRulesIn(orgPath, on),
      communityRulesAt: (orgPaths, on) => w.programs.communityRulesAt(orgPaths, on),
    },
    audit: w.audit,
    ...(w.clock ? { clock: w.clock } : {}),
  });
}
