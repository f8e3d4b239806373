import {
  allocateRequestSchema,
  allocateResultSchema,
  pullBackRequestSchema,
  quotaSuggestionSchema,
  quotaSuggestQuerySchema,
  quotaTreeSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { QuotasService } from './quotas.service';

const idParams = z.object({ id: z.string().max(20) });
const nodeParams = z.object({ id: z.string().max(20), orgId: z.string().max(20) });
const tags = ['programs'];

/** The quota cascade: the tree, a suggested split, allocation, pull-back. */
export function quotasRoutes(programs: QuotasService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/quotas',
      {
        schema: {
          tags,
          summary: '名额分配情况 Quota nodes in scope',
          params: idParams,
          response: { 200: quotaTreeSchema },
        },
      },
      async (req) => programs.quotas(actorOf(req), req.params.id),
    );
    app.get(
      '/programmes/:id/quotas/:orgId/suggest',
      {
        schema: {
          tags,
          summary: '建议分配方案 Suggested split among the next level',
          params: nodeParams,
          querystring: quotaSuggestQuerySchema,
          response: { 200: quotaSuggestionSchema },
        },
      },
      async (req) => programs.suggest(actorOf(req), req.params.id, req.params.orgId, req.query),
    );
    app.put(
      '/programmes/:id/quotas/:orgId/children',
      {
        schema: {
          tags,
          summary: '下达名额 Allocate seats to child nodes',
          params: nodeParams,
          body: allocateRequestSchema,
          response: { 200: allocateResultSchema },
        },
      },
      async (req) => programs.allocate(actorOf(req), req.params.id, req.params.orgId, req.body),
    );
    app.post(
      '/programmes/:id/quotas/:orgId/pull-back',
      {
        schema: {
          tags,
          summary: '收回未使用名额 Pull back unused seats',
          params: nodeParams,
          body: pullBackRequestSchema,
          response: { 200: quotaTreeSchema },
        },
      },
      async (req) => programs.pullBack(actorOf(req), req.params.id, req.params.orgId, req.body),
    );
  };
}
