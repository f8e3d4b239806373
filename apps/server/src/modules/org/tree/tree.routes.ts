import { orgDetailSchema, orgNodeSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { OrgService } from '../index';

const idParams = z.object({ id: z.string().max(20) });

/** The org tree: the actor's roots, a node with its ancestors, a node's children with counts. */
export function treeRoutes(orgs: OrgService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/orgs/roots',
      {
        schema: {
          tags: ['org'],
          summary: '我的管辖范围 My scope roots',
          response: { 200: z.array(orgNodeSchema) },
        },
      },
      async (req) => orgs.roots(actorOf(req)),
    );
    app.get(
      '/orgs/:id',
      {
        schema: {
          tags: ['org'],
          summary: '机构详情 Org node',
          params: idParams,
          response: { 200: orgDetailSchema },
        },
      },
      async (req) => orgs.detail(actorOf(req), req.params.id),
    );
    app.get(
      '/orgs/:id/children',
      {
        schema: {
          tags: ['org'],
          summary: '下级机构及人数 Children with counts',
          params: idParams,
          response: { 200: z.array(orgNodeSchema) },
        },
      },
      async (req) => orgs.children(actorOf(req), req.params.id),
    );
  };
}
