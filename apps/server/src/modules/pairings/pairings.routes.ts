import {
  pairingActivityInputSchema,
  pairingCheckSchema,
  pairingDetailSchema,
  pairingInputSchema,
  pairingListQuerySchema,
  pairingListSchema,
  pairingStatsQuerySchema,
  pairingStatsSchema,
  pairingUpdateSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../shared/http';
import type { PairingsService } from './pairings.service';

const tags = ['pairings'];
const idParams = z.object({ id: z.string().max(20) });

/** 帮扶结对: one-line handlers over the service. */
export function pairingsRoutes(s: PairingsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/pairings',
      {
        schema: {
          tags,
          summary: '帮扶结对列表 Pairings in scope with their findings (R3-B05, R3-B06, R3-G20)',
          querystring: pairingListQuerySchema,
          response: { 200: pairingListSchema },
        },
      },
      async (req) => s.list(actorOf(req), req.query),
    );
    app.get(
      '/pairings/stats',
      {
        schema: {
          tags,
          summary:
            '各县帮扶结对统计 Per-county pairings of a school year: active by kind, partners, flagged (R3-B05, R3-B06, R3-G20), activities, idle',
          querystring: pairingStatsQuerySchema,
          response: { 200: pairingStatsSchema },
        },
      },
      async (req) => s.stats(actorOf(req), req.query),
    );
    app.post(
      '/pairings',
      {
        schema: {
          tags,
          summary: '新建帮扶结对 Create a pairing (R3-G20 refused with the reason; R3-B05/B06 flagged)',
          body: pairingInputSchema,
          response: { 201: pairingDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await s.create(actorOf(req), req.body)),
    );
    app.post(
      '/pairings/check',
      {
        schema: {
          tags,
          summary:
            '结对规则检查 The checks of a pairing being written, nothing kept (R3-B05, R3-B06, R3-G20)',
          body: pairingInputSchema,
          response: { 200: pairingCheckSchema },
        },
      },
      async (req) => s.check(actorOf(req), req.body),
    );
    app.get(
      '/pairings/:id',
      {
        schema: {
          tags,
          summary: '帮扶结对详情 A pairing with its joint activities',
          params: idParams,
          response: { 200: pairingDetailSchema },
        },
      },
      async (req) => s.get(actorOf(req), req.params.id),
    );
    app.put(
      '/pairings/:id',
      {
        schema: {
          tags,
          summary: '修改帮扶结对 Partners, school years and note',
          params: idParams,
          body: pairingUpdateSchema,
          response: { 200: pairingDetailSchema },
        },
      },
      async (req) => s.update(actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/pairings/:id',
      {
        schema: {
          tags,
          summary: '删除帮扶结对 A pairing entered in error (refused once joint activities are recorded)',
          params: idParams,
          response: { 204: z.null() },
        },
      },
      async (req, reply) => {
        await s.remove(actorOf(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/pairings/:id/activities',
      {
        schema: {
          tags,
          summary: '记录结对活动 A joint activity held',
          params: idParams,
          body: pairingActivityInputSchema,
          response: { 201: pairingDetailSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.recordActivity(actorOf(req), req.params.id, req.body)),
    );
  };
}
