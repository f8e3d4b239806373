import { planDetailSchema, reviewPlanRequestSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { PlansService } from '../plans.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['plans'];

/** The office's review: return with comments or approve. */
export function reviewRoutes(plans: PlansService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/plans/:id/return',
      {
        schema: {
          tags,
          summary: '退回修改 Return with comments',
          params: idParams,
          body: reviewPlanRequestSchema,
          response: { 200: planDetailSchema },
        },
      },
      async (req) => plans.returnPlan(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/plans/:id/approve',
      {
        schema: {
          tags,
          summary: '批准方案 Approve',
          params: idParams,
          body: reviewPlanRequestSchema,
          response: { 200: planDetailSchema },
        },
      },
      async (req) => plans.approvePlan(actorOf(req), req.params.id, req.body),
    );
  };
}
