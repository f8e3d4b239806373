import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { OrgService } from './index';
import { schoolsRoutes } from './schools/schools.routes';
import { treeRoutes } from './tree/tree.routes';

/** The org module's routes: the tree's and the schools'. */
export function orgRoutes(orgs: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(treeRoutes(orgs));
    await app.register(schoolsRoutes(orgs));
  };
}
