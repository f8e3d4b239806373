import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FilesService } from '../files';
import { applicationsRoutes } from './applications/applications.routes';
import { moneyRoutes } from './money/money.routes';
import type { PlansService } from './plans.service';
import { reviewRoutes } from './review/review.routes';

/** Every route of the plans module: the areas' plugins, each a one-line call per route. */
export function plansRoutes(
  plans: PlansService,
  files: Pick<FilesService, 'maxBytes'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(applicationsRoutes(plans, files));
    await app.register(reviewRoutes(plans));
    await app.register(moneyRoutes(plans));
  };
}
