import { kpiQuerySchema, kpiReportSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { ReportsService } from '../reports.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['reports'];

/** A programme's KPI report and its workbook. */
export function kpisRoutes(reports: ReportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/kpis',
      {
        schema: {
          tags,
          summary: '数据看板 KPIs per city / county / school (R-004-27, R3-B02, R3-B03)',
          params: idParams,
          querystring: kpiQuerySchema,
          response: { 200: kpiReportSchema },
        },
      },
      async (req) => reports.programmeKpis(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/programmes/:id/kpis.xlsx',
      {
        schema: {
          tags,
          summary: '导出数据看板 KPIs as Excel',
          params: idParams,
          querystring: kpiQuerySchema,
        },
      },
      async (req, reply) => {
        const f = await reports.exportProgrammeKpis(actorOf(req), req.params.id, req.query);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );
  };
}
