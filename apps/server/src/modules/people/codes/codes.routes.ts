import { codeTablesSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../../shared/http';
import type { CodesService } from '../index';

/** The code tables, for any signed-in account. */
export function codesRoutes(codes: CodesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/codes',
      { schema: { tags: ['people'], summary: '代码表 Code tables', response: { 200: codeTablesSchema } } },
      async (req) => codes.all(actorOf(req)),
    );
  };
}
