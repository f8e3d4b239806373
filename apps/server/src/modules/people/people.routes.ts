import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codesRoutes } from './codes/codes.routes';
import type { CodesService, PeopleService } from './index';
import { teachersRoutes } from './teachers/teachers.routes';

/** The people module's routes: the code tables and the teachers. */
export function peopleRoutes(people: PeopleService, codes: CodesService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(codesRoutes(codes));
    await app.register(teachersRoutes(people));
  };
}
