import {
  pageOf,
  substituteRequestSchema,
  substitutionDecisionResultSchema,
  substitutionDecisionSchema,
  substitutionListQuerySchema,
  substitutionRequestSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { SubstitutionsService } from './substitutions.service';

const idParams = z.object({ id: z.string().max(20) });
const nominationParams = z.object({ id: z.string().max(20), nominationId: z.string().max(20) });
const tags = ['programs'];

/** Substitution requests (替训): ask, list, decide. */
export function substitutionsRoutes(programs: SubstitutionsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/programmes/:id/nominations/:nominationId/substitute',
      {
        schema: {
          tags,
          summary: '替训申请 Ask to replace a selected teacher (the allocating level decides)',
          params: nominationParams,
          body: substituteRequestSchema,
          response: { 201: substitutionRequestSchema },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await programs.substitute(actorOf(req), req.params.id, req.params.nominationId, req.body)),
    );
    app.get(
      '/programmes/:id/substitutions',
      {
        schema: {
          tags,
          summary: '替训申请 Substitution requests in scope',
          params: idParams,
          querystring: substitutionListQuerySchema,
          response: { 200: pageOf(substitutionRequestSchema) },
        },
      },
      async (req) => programs.listSubstitutions(actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/programmes/:id/substitutions/:requestId/decision',
      {
        schema: {
          tags,
          summary: '审批替训 Approve or refuse a substitution',
          params: z.object({ id: z.string().max(20), requestId: z.string().max(20) }),
          body: substitutionDecisionSchema,
          response: { 200: substitutionDecisionResultSchema },
        },
      },
      async (req) => programs.decideSubstitution(actorOf(req), req.params.id, req.params.requestId, req.body),
    );
  };
}
