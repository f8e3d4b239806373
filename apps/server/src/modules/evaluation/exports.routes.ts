/** Evaluation exports: a campaign's scorecards as Excel for its owner, one subject's scorecard as PDF (both audited). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../shared/http';
import type { EvaluationService } from './evaluation.service';

const tags = ['evaluation'];
const idParams = z.object({ id: z.string().max(20) });

export function evaluationExportRoutes(ev: EvaluationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluation/campaigns/:id/scorecards.xlsx',
      {
        schema: {
          tags,
          summary: '导出评价结果（Excel，导出留痕）Every scorecard of the campaign as a workbook (its owner)',
          params: idParams,
        },
      },
      async (req, reply) => {
        const f = await ev.exportScorecards(actorOf(req), req.params.id);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );
    app.get(
      '/evaluation/subjects/:id/scorecard.pdf',
      {
        schema: {
          tags,
          summary: '评价结果（PDF，导出留痕）A scorecard as PDF (the same access as the scorecard)',
          params: idParams,
        },
      },
      async (req, reply) => {
        const f = await ev.scorecardPdf(actorOf(req), req.params.id);
        return sendFile(reply, f.name, 'application/pdf', f.content);
      },
    );
  };
}
