import { budgetReportSchema, createSpendingRequestSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { PlansService } from '../plans.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['plans'];

/** A programme's budget and spending. */
export function moneyRoutes(plans: PlansService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/budget',
      {
        schema: {
          tags,
          summary: '项目预算与支出 Budget vs actual (fen)',
          params: idParams,
          response: { 200: budgetReportSchema },
        },
      },
      async (req) => plans.budget(actorOf(req), req.params.id),
    );
    app.post(
      '/programmes/:id/spending',
      {
        schema: {
          tags,
          summary: '登记经费支出 Record spending (fen)',
          params: idParams,
          body: createSpendingRequestSchema,
          response: { 201: budgetReportSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await plans.addSpending(actorOf(req), req.params.id, req.body)),
    );
  };
}
