import {
  shortlistMarksRequestSchema,
  shortlistReturnRequestSchema,
  shortlistSelectionSchema,
  shortlistSummarySchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { ShortlistsService } from './shortlists.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['shortlists'];

/** shortlist: the provider's selection from a competitive shortlist (差额遴选, R-004-59). */
export function shortlistsRoutes(shortlists: ShortlistsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/shortlist-selections',
      {
        schema: {
          tags,
          summary: '差额遴选列表 Competitive selections the actor makes or reviews',
          response: { 200: z.array(shortlistSummarySchema) },
        },
      },
      async (req) => shortlists.list(actorOf(req)),
    );
    app.get(
      '/programmes/:id/shortlist-selection',
      {
        schema: {
          tags,
          summary: '差额遴选 A programme’s candidates, places and marks (R-004-59)',
          params: idParams,
          response: { 200: shortlistSelectionSchema },
        },
      },
      async (req) => shortlists.get(actorOf(req), req.params.id),
    );
    app.put(
      '/programmes/:id/shortlist-selection/marks',
      {
        schema: {
          tags,
          summary: '评分与遴选 Score and mark candidates, all or nothing (R-004-59)',
          params: idParams,
          body: shortlistMarksRequestSchema,
          response: { 200: shortlistSelectionSchema },
        },
      },
      async (req) => shortlists.mark(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/programmes/:id/shortlist-selection/submit',
      {
        schema: {
          tags,
          summary: '提交遴选结果 Submit the selection (R-004-59)',
          params: idParams,
          response: { 200: shortlistSelectionSchema },
        },
      },
      async (req) => shortlists.submit(actorOf(req), req.params.id),
    );
    app.post(
      '/programmes/:id/shortlist-selection/confirm',
      {
        schema: {
          tags,
          summary: '确认遴选结果 The owner confirms the submitted selection',
          params: idParams,
          response: { 200: shortlistSelectionSchema },
        },
      },
      async (req) => shortlists.confirm(actorOf(req), req.params.id),
    );
    app.post(
      '/programmes/:id/shortlist-selection/return',
      {
        schema: {
          tags,
          summary: '退回遴选结果 The owner returns the selection with a comment',
          params: idParams,
          body: shortlistReturnRequestSchema,
          response: { 200: shortlistSelectionSchema },
        },
      },
      async (req) => shortlists.returnSelection(actorOf(req), req.params.id, req.body),
    );
  };
}
