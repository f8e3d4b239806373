import {
  createIntegrityRecordSchema,
  integrityAppealDecisionSchema,
  integrityAppealRequestSchema,
  integrityListQuerySchema,
  integrityRecordSchema,
  pageOf,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { IntegrityService } from './integrity.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['programs'];

/** The integrity archive (诚信档案): records, appeals and their decisions, a teacher's own records. */
export function integrityRoutes(programs: IntegrityService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/integrity-records',
      {
        schema: {
          tags,
          summary: '培训诚信档案 Integrity records',
          querystring: integrityListQuerySchema,
          response: { 200: pageOf(integrityRecordSchema) },
        },
      },
      async (req) => programs.listIntegrity(actorOf(req), req.query),
    );
    app.post(
      '/integrity-records',
      {
        schema: {
          tags,
          summary: '记入诚信档案 Record a no-show, dismissal or non-completion',
          body: createIntegrityRecordSchema,
          response: { 201: integrityRecordSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await programs.createIntegrity(actorOf(req), req.body)),
    );
    app.post(
      '/integrity-records/:id/appeal-decision',
      {
        schema: {
          tags,
          summary: '处理申诉 Decide an appeal (upheld: the record stops standing)',
          params: idParams,
          body: integrityAppealDecisionSchema,
          response: { 200: integrityRecordSchema },
        },
      },
      async (req) => programs.decideAppeal(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/me/integrity-records',
      {
        schema: {
          tags,
          summary: '我的诚信档案 My integrity records',
          response: { 200: z.array(integrityRecordSchema) },
        },
      },
      async (req) => programs.myIntegrity(actorOf(req)),
    );
    app.post(
      '/me/integrity-records/:id/appeal',
      {
        schema: {
          tags,
          summary: '申诉 Appeal one of my records',
          params: idParams,
          body: integrityAppealRequestSchema,
          response: { 200: integrityRecordSchema },
        },
      },
      async (req) => programs.appealIntegrity(actorOf(req), req.params.id, req.body),
    );
  };
}
