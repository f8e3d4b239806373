import type { Database } from '../../db/database';
import { createSchoolsRepository } from './schools/schools.repository';
import { createTreeRepository } from './tree/tree.repository';

export { type OrgCounts, type OrgRow, regionKeyOf } from './org-rows';
export type { SchoolFilter, SchoolWrite } from './schools/schools.repository';

/** The org module's repository: the tree's reads, and the schools' reads and writes. */
export function createOrgRepository(db: Database) {
  return { ...createTreeRepository(db), ...createSchoolsRepository(db) };
}

export type OrgRepository = ReturnType<typeof createOrgRepository>;
