import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { integrityRoutes } from './integrity/integrity.routes';
import type { IntegrityService } from './integrity/integrity.service';
import { nominationsRoutes } from './nominations/nominations.routes';
import type { NominationsService } from './nominations/nominations.service';
import { packsRoutes } from './packs/packs.routes';
import type { PacksService } from './packs/packs.service';
import { programmesRoutes } from './programmes/programmes.routes';
import type { ProgrammesService } from './programmes/programmes.service';
import { quotasRoutes } from './quotas/quotas.routes';
import type { QuotasService } from './quotas/quotas.service';
import { selectionQualityRoutes } from './selection-quality/selection-quality.routes';
import type { SelectionQualityService } from './selection-quality/selection-quality.service';
import { substitutionsRoutes } from './substitutions/substitutions.routes';
import type { SubstitutionsService } from './substitutions/substitutions.service';

/** The programs service as its routes see it: every area's use cases (index.ts's ProgramsService). */
type ProgramsRoutesService = PacksService &
  ProgrammesService &
  QuotasService &
  NominationsService &
  SubstitutionsService &
  SelectionQualityService &
  IntegrityService;

/** Every programs route, area by area, registered on the same instance (no plugin encapsulation). */
export function programsRoutes(programs: ProgramsRoutesService): FastifyPluginAsyncZod {
  return async (app, opts) => {
    await packsRoutes(programs)(app, opts);
    await programmesRoutes(programs)(app, opts);
    await quotasRoutes(programs)(app, opts);
    await nominationsRoutes(programs)(app, opts);
    await substitutionsRoutes(programs)(app, opts);
    await selectionQualityRoutes(programs)(app, opts);
    await integrityRoutes(programs)(app, opts);
  };
}
