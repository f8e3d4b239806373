/** Routes of monitoring cycles: create, list, read, draw the sample, trends and early warnings. */
import { createCycleSchema, drawSampleSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { Bound } from '../context';
import type { createCycle, drawSample, getCycle, listCycles } from './cycles.service';
import type { trends } from './trends.service';
import type { warnings } from './warnings.service';

const idParams = z.object({ id: z.string().max(20) });

export interface CyclesApi {
  listCycles: Bound<typeof listCycles>;
  createCycle: Bound<typeof createCycle>;
  getCycle: Bound<typeof getCycle>;
  drawSample: Bound<typeof drawSample>;
  trends: Bound<typeof trends>;
  warnings: Bound<typeof warnings>;
}

export function cyclesRoutes(exams: CyclesApi): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
    app.get('/exam-cycles', { schema: { tags, summary: '监测周期 Monitoring cycles' } }, async (req) =>
      exams.listCycles(actorOf(req)),
    );
    app.post(
      '/exam-cycles',
      { schema: { tags, summary: '新建监测周期 Create a cycle', body: createCycleSchema } },
      async (req, reply) => reply.code(201).send(await exams.createCycle(actorOf(req), req.body)),
    );
    app.get(
      '/exam-cycles/:id',
      { schema: { tags, summary: '监测周期 Cycle', params: idParams } },
      async (req) => exams.getCycle(actorOf(req), req.params.id),
    );
    app.post(
      '/exam-cycles/:id/sample',
      {
        schema: {
          tags,
          summary: '分层抽样 Draw a stratified sample of schools',
          params: idParams,
          body: drawSampleSchema,
        },
      },
      async (req) => exams.drawSample(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/exam-cycles/:id/trends',
      { schema: { tags, summary: '学校趋势 Trends per school', params: idParams } },
      async (req) => exams.trends(actorOf(req), req.params.id),
    );
    app.get(
      '/exam-cycles/:id/warnings',
      { schema: { tags, summary: '预警 Early warnings', params: idParams } },
      async (req) => exams.warnings(actorOf(req), req.params.id),
    );
  };
}
