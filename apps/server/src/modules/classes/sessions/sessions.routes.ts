import { classSessionSchema, createSessionSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ClassesService } from '../classes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['classes'];

/** The timetable. */
export function sessionsRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/classes/:id/sessions',
      {
        schema: {
          tags,
          summary: '添加课次 Add a timetable session',
          params: idParams,
          body: createSessionSchema,
          response: { 201: classSessionSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await classes.addSession(actorOf(req), req.params.id, req.body)),
    );
  };
}
