import { classAlertSchema, classDocumentSchema, createDocumentSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { ClassesService } from '../classes.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['classes'];

/** Deadline documents and the overdue / due-soon alerts. */
export function deadlinesRoutes(classes: ClassesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/classes/:id/documents',
      {
        schema: {
          tags,
          summary: '登记报送材料 Record a deadline document',
          params: idParams,
          body: createDocumentSchema,
          response: { 201: classDocumentSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await classes.addDocument(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/class-alerts',
      {
        schema: {
          tags,
          summary: '逾期预警 Overdue and due-soon deadlines',
          response: { 200: z.array(classAlertSchema) },
        },
      },
      async (req) => classes.alerts(actorOf(req)),
    );
  };
}
