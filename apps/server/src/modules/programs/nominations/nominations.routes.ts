import {
  confirmShortlistRequestSchema,
  eligibilityRequestSchema,
  eligibilityResultSchema,
  nominateRequestSchema,
  nominationListQuerySchema,
  nominationSchema,
  pageOf,
  shortlistResultSchema,
  withdrawRequestSchema,
  withdrawResultSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { NominationsService } from './nominations.service';

const idParams = z.object({ id: z.string().max(20) });
const nominationParams = z.object({ id: z.string().max(20), nominationId: z.string().max(20) });
const tags = ['programs'];

/** Nominations: eligibility check, list, nominate, withdraw, and the owner's shortlist confirmation. */
export function nominationsRoutes(programs: NominationsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:id/eligibility',
      {
        schema: {
          tags,
          summary: '资格预审（不推荐）Check a teacher’s eligibility',
          params: idParams,
          body: eligibilityRequestSchema,
          response: { 200: eligibilityResultSchema },
        },
      },
      async (req) => programs.checkEligibility(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/programmes/:id/nominations',
      {
        schema: {
          tags,
          summary: '推荐名单 Nominations in scope',
          params: idParams,
          querystring: nominationListQuerySchema,
          response: { 200: pageOf(nominationSchema) },
        },
      },
      async (req) => programs.listNominations(actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/programmes/:id/nominations',
      {
        schema: {
          tags,
          summary: '推荐参训教师 Nominate a teacher',
          params: idParams,
          body: nominateRequestSchema,
          response: { 201: nominationSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await programs.nominate(actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/programmes/:id/nominations/:nominationId/withdraw',
      {
        schema: {
          tags,
          summary: '撤回推荐（候补自动递补）Withdraw; the first waitlisted takes the seat',
          params: nominationParams,
          body: withdrawRequestSchema,
          response: { 200: withdrawResultSchema },
        },
      },
      async (req) => programs.withdraw(actorOf(req), req.params.id, req.params.nominationId, req.body),
    );
    app.post(
      '/programmes/:id/shortlist/confirm',
      {
        schema: {
          tags,
          summary: '差额遴选确定入选名单 Confirm a shortlist (R-004-59)',
          params: idParams,
          body: confirmShortlistRequestSchema,
          response: { 200: shortlistResultSchema },
        },
      },
      async (req) => programs.confirmShortlist(actorOf(req), req.params.id, req.body),
    );
  };
}
