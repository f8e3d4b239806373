import { type ProgramsDeps, programsContext } from './context';
import { integrityService } from './integrity/integrity.service';
import { nominationsService } from './nominations/nominations.service';
import { packsService } from './packs/packs.service';
import { programmesService } from './programmes/programmes.service';
import { quotasService } from './quotas/quotas.service';
import { selectionQualityService } from './selection-quality/selection-quality.service';
import { substitutionsService } from './substitutions/substitutions.service';

export type { ProgramsDeps } from './context';
export type { TeacherNomination } from './nominations/nomination-view';
export { BUILTIN_PACKS, syncBuiltinPacks } from './packs/builtin-packs';
export type { PreviewMethod } from './packs/preview-tally';
export type { Enrolments } from './ports';
export type { ProgrammeRef } from './programmes/programme-refs';
export { createProgramsRepository, type ProgramsRepository } from './programs.repository';
export { programsRoutes } from './programs.routes';

/**
 * Programmes and everything selection hangs on: policy packs, programmes, the quota cascade, nominations,
 * substitutions, the integrity archive and selection quality. The context is built once; each method is a
 * use case of an area bound to it (see the area's `*.service.ts`).
 */
export function createProgramsService(deps: ProgramsDeps) {
  const ctx = programsContext(deps);
  return {
    ...packsService(ctx),
    ...programmesService(ctx),
    ...quotasService(ctx),
    ...nominationsService(ctx),
    ...substitutionsService(ctx),
    ...integrityService(ctx),
    ...selectionQualityService(ctx),
  };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
