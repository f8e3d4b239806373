import { overviewQuerySchema, trainingOverviewSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { ReportsService } from '../reports.service';

const tags = ['reports'];

/** The training overview (培训总览) and its workbook. */
export function overviewRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/training-overview',
      {
        schema: {
          tags,
          summary:
            '培训总览: every programme of a year in the caller’s scope, by level (R-004-09…15, R-004-22…24, R3-B02)',
          querystring: overviewQuerySchema,
          response: { 200: trainingOverviewSchema },
        },
      },
      async (req) => reports.trainingOverview(actorOf(req), req.query),
    );
    app.get(
      '/reports/training-overview.xlsx',
      { schema: { tags, summary: '导出培训总览 as Excel', querystring: overviewQuerySchema } },
      async (req, reply) => {
        const f = await reports.exportTrainingOverview(actorOf(req), req.query);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );
  };
}
