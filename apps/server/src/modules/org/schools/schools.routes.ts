import { pageOf, schoolListQuerySchema, schoolRowSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { OrgService } from '../index';

const idParams = z.object({ id: z.string().max(20) });

/** Schools: the filtered list of a subtree and one school. */
export function schoolsRoutes(orgs: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/schools',
      {
        schema: {
          tags: ['org'],
          summary: '学校列表 Schools',
          querystring: schoolListQuerySchema,
          response: { 200: pageOf(schoolRowSchema) },
        },
      },
      async (req) => orgs.listSchools(actorOf(req), req.query),
    );
    app.get(
      '/schools/:id',
      {
        schema: {
          tags: ['org'],
          summary: '学校详情 School',
          params: idParams,
          response: { 200: schoolRowSchema },
        },
      },
      async (req) => orgs.school(actorOf(req), req.params.id),
    );
  };
}
