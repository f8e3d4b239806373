import type { Database } from '../../db/database';
import { createIntegrityRepository } from './integrity/integrity.repository';
import { createCandidatesRepository } from './nominations/candidates.repository';
import { createNominationsRepository } from './nominations/nominations.repository';
import { createOrgLookupsRepository } from './org-lookups.repository';
import { createPacksRepository } from './packs/packs.repository';
import { createPreviewRepository } from './packs/preview.repository';
import { createProgrammesRepository } from './programmes/programmes.repository';
import { createQuotasRepository } from './quotas/quotas.repository';
import { createSelectionQualityRepository } from './selection-quality/selection-quality.repository';
import { createSubstitutionsRepository } from './substitutions/substitutions.repository';

/**
 * The programs module's SQL as one object: the area repositories side by side (their method names do not
 * overlap). The use cases receive it in their context; services.ts and tests build it with the database.
 */
export function createProgramsRepository(db: Database) {
  return {
    ...createPacksRepository(db),
    ...createPreviewRepository(db),
    ...createProgrammesRepository(db),
    ...createQuotasRepository(db),
    ...createCandidatesRepository(db),
    ...createNominationsRepository(db),
    ...createSubstitutionsRepository(db),
    ...createIntegrityRepository(db),
    ...createSelectionQualityRepository(db),
    ...createOrgLookupsRepository(db),
  };
}

export type ProgramsRepository = ReturnType<typeof createProgramsRepository>;
