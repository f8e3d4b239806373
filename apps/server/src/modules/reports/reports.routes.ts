import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { kpisRoutes } from './kpis/kpis.routes';
import { overviewRoutes } from './overview/overview.routes';
import type { ReportsService } from './reports.service';

/** Every route of the reports module: the areas' plugins, each a one-line call per route. */
export function reportsRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(kpisRoutes(reports));
    await app.register(overviewRoutes(reports));
  };
}
