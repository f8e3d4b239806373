/** The module's one repository: its own tables only (never teachers, orgs or the ledger: those are ports). */
import type { Database } from '../../db/database';
import { createActivitiesRepository } from './activities.repository';
import { createActivityFilesRepository } from './activity-files.repository';
import { createRegistryRepository } from './registry.repository';
import { createTitlesRepository } from './titles.repository';

export type { ActivityRow, ReviewCountsRow } from './activities.repository';
export type { ActivityFileLink } from './activity-files.repository';
export type { CommunityRow, MemberRow, PlanSessionRow, RegistrationRow } from './registry.repository';
export type { TitleRow } from './titles.repository';

export function createCommunitiesRepository(db: Database) {
  return {
    ...createRegistryRepository(db),
    ...createActivitiesRepository(db),
    ...createActivityFilesRepository(db),
    ...createTitlesRepository(db),
  };
}

export type CommunitiesRepository = ReturnType<typeof createCommunitiesRepository>;
