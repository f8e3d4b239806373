import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkinRoutes } from './checkin/checkin.routes';
import type { ClassesService } from './classes.service';
import { deadlinesRoutes } from './deadlines/deadlines.routes';
import { enrolmentRoutes } from './enrolment/enrolment.routes';
import { leaveRoutes } from './leave/leave.routes';
import { lifecycleRoutes } from './lifecycle/lifecycle.routes';
import { sessionsRoutes } from './sessions/sessions.routes';

/** Every route of the classes module: the areas' plugins, each a one-line call per route. */
export function classesRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(lifecycleRoutes(classes));
    await app.register(sessionsRoutes(classes));
    await app.register(deadlinesRoutes(classes));
    await app.register(enrolmentRoutes(classes));
    await app.register(checkinRoutes(classes));
    await app.register(leaveRoutes(classes));
  };
}
