import { reverseHoursSchema, teacherHoursSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { OutcomesService } from '../outcomes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['outcomes'];

/** A teacher's 学时 and reversing a posting. */
export function hoursRoutes(outcomes: OutcomesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teachers/:id/hours',
      {
        schema: {
          tags,
          summary: "教师学时记录 A teacher's hours record",
          params: idParams,
          response: { 200: teacherHoursSchema },
        },
      },
      async (req) => outcomes.teacherHours(actorOf(req), req.params.id),
    );
    app.post(
      '/hours/:id/reverse',
      {
        schema: {
          tags,
          summary: '撤销学时 Reverse a posting with a reason',
          params: idParams,
          body: reverseHoursSchema,
          response: { 200: teacherHoursSchema },
        },
      },
      async (req) => outcomes.reverseHours(actorOf(req), req.params.id, req.body),
    );
  };
}
