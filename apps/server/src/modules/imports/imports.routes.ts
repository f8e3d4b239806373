import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { exportRoutes } from './export/export.routes';
import type { ImportsService } from './index';
import { jobsRoutes } from './jobs/jobs.routes';

/** The imports module's routes: the import jobs, and the templates and exports. */
export function importRoutes(imports: ImportsService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(jobsRoutes(imports));
    await app.register(exportRoutes(imports));
  };
}
