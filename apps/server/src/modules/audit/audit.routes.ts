import { auditEntrySchema, auditQuerySchema, pageOf } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../shared/http';
import type { AuditService } from './audit.service';

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志 Audit log',
          querystring: auditQuerySchema,
          response: { 200: pageOf(auditEntrySchema) },
        },
      },
      async (req) => audit.list(actorOf(req), req.query),
    );
  };
}
