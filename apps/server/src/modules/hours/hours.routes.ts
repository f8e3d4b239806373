import { reverseHoursSchema, teacherHoursSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { HoursService } from './hours.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['hours'];

/** A teacher's 学时 record and reversing a posting. */
export function hoursRoutes(hours: HoursService): FastifyPluginAsyncZod {
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
      async (req) => hours.teacherHours(actorOf(req), req.params.id),
    );
    app.post(
      '/hours/:id/reverse',
      {
        schema: {
          tags,
          summary: '撤销学时 Reverse a posting with a reason (a reversal entry; the posting stays)',
          params: idParams,
          body: reverseHoursSchema,
          response: { 200: teacherHoursSchema },
        },
      },
      async (req) => hours.reverseEntry(actorOf(req), req.params.id, req.body),
    );
  };
}
