/** Routes of reports: the audience's report as JSON, Excel and PDF, and the grade cut-off preview. */
import { gradePreviewSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { Bound } from '../context';
import type { previewGradeCuts } from './grade-preview.service';
import type { report, reportPdf, reportWorkbook } from './reports.service';

const idParams = z.object({ id: z.string().max(20) });

export interface ReportsApi {
  report: Bound<typeof report>;
  reportWorkbook: Bound<typeof reportWorkbook>;
  reportPdf: Bound<typeof reportPdf>;
  previewGradeCuts: Bound<typeof previewGradeCuts>;
}

export function reportsRoutes(exams: ReportsApi): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
    app.get(
      '/exams/:id/report',
      {
        schema: { tags, summary: '质量分析报告（按受众）Report for the caller’s audience', params: idParams },
      },
      async (req) => exams.report(actorOf(req), req.params.id),
    );
    app.get(
      '/exams/:id/report.xlsx',
      { schema: { tags, summary: '导出报告 Excel export of the report', params: idParams } },
      async (req, reply) => {
        const { fileName, body } = await exams.reportWorkbook(actorOf(req), req.params.id);
        return sendFile(reply, fileName, XLSX_MIME, body);
      },
    );
    app.get(
      '/exams/:id/report.pdf',
      { schema: { tags, summary: '导出报告 PDF export of the report (A4, Noto Sans SC)', params: idParams } },
      async (req, reply) => {
        const { fileName, body } = await exams.reportPdf(actorOf(req), req.params.id);
        return sendFile(reply, fileName, 'application/pdf', body);
      },
    );
    app.post(
      '/exams/:id/grade-preview',
      {
        schema: {
          tags,
          summary: '等级划分预览（不保存）Grade distribution with other cut-offs, not saved',
          params: idParams,
          body: gradePreviewSchema,
        },
      },
      async (req) => exams.previewGradeCuts(actorOf(req), req.params.id, req.body.gradeCuts),
    );
  };
}
