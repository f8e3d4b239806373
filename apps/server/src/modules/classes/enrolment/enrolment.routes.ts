import { enrolmentSchema, enrolResultSchema, enrolSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ClassesService } from '../classes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['classes'];

/** Enrolment of selected trainees and the trainee list. */
export function enrolmentRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/classes/:id/enrolments',
      {
        schema: {
          tags,
          summary: '编班 Enrol selected trainees',
          params: idParams,
          body: enrolSchema,
          response: { 200: enrolResultSchema },
        },
      },
      async (req) => classes.enrol(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/classes/:id/enrolments',
      {
        schema: {
          tags,
          summary: '学员名单 Trainees',
          params: idParams,
          response: { 200: z.array(enrolmentSchema) },
        },
      },
      async (req) => classes.enrolments(actorOf(req), req.params.id),
    );
  };
}
