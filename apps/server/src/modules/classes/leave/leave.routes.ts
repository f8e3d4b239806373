import { leaveDecisionSchema, leaveRequestSchema, leaveSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ClassesService } from '../classes.service';

const idParams = z.object({ id: z.string().max(20) });
const leaveParams = z.object({ id: z.string().max(20), leaveId: z.string().max(20) });
const tags = ['classes'];

/** Leave requests and decisions. */
export function leaveRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/classes/:id/leave',
      {
        schema: {
          tags,
          summary: '请假 Ask leave for a session',
          params: idParams,
          body: leaveRequestSchema,
          response: { 201: leaveSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await classes.requestLeave(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/classes/:id/leave',
      {
        schema: {
          tags,
          summary: '请假列表 Leave requests',
          params: idParams,
          response: { 200: z.array(leaveSchema) },
        },
      },
      async (req) => classes.listLeave(actorOf(req), req.params.id),
    );
    app.post(
      '/classes/:id/leave/:leaveId/decision',
      {
        schema: {
          tags,
          summary: '审批请假 Decide a leave request',
          params: leaveParams,
          body: leaveDecisionSchema,
          response: { 200: leaveSchema },
        },
      },
      async (req) => classes.decideLeave(actorOf(req), req.params.id, req.params.leaveId, req.body),
    );
  };
}
