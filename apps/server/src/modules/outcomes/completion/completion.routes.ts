import {
  classCompletionSchema,
  completionRowSchema,
  completionRunResultSchema,
  recordNotCompletedSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { OutcomesService } from '../outcomes.service';

const idParams = z.object({ id: z.string().max(20) });
const teacherParams = z.object({ id: z.string().max(20), teacherId: z.string().max(20) });
const tags = ['outcomes'];

/** The completion table, the completion run and 未结业 into the integrity archive. */
export function completionRoutes(outcomes: OutcomesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/classes/:id/completion',
      {
        schema: {
          tags,
          summary: '结业评定结果 Completion of a class',
          params: idParams,
          response: { 200: classCompletionSchema },
        },
      },
      async (req) => outcomes.completion(actorOf(req), req.params.id),
    );
    app.post(
      '/classes/:id/completion/run',
      {
        schema: {
          tags,
          summary: '评定结业 Run completion (certificates, hours)',
          params: idParams,
          response: { 200: completionRunResultSchema },
        },
      },
      async (req) => outcomes.run(actorOf(req), req.params.id),
    );
    app.post(
      '/classes/:id/completion/:teacherId/integrity',
      {
        schema: {
          tags,
          summary: '记入诚信档案（未结业）Record non-completion (R-004-20)',
          params: teacherParams,
          body: recordNotCompletedSchema,
          response: { 200: completionRowSchema },
        },
      },
      async (req) => outcomes.recordNotCompleted(actorOf(req), req.params.id, req.params.teacherId, req.body),
    );
  };
}
