import { selectionQualityQuerySchema, selectionQualitySchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { SelectionQualityService } from './selection-quality.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['programs'];

/** Selection quality (R3-B03): the report and its Excel export. */
export function selectionQualityRoutes(programs: SelectionQualityService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/programmes/:id/selection-quality',
      {
        schema: {
          tags,
          summary: '遴选质量与项目县扣分 Selection quality and R3-B03 deductions',
          params: idParams,
          querystring: selectionQualityQuerySchema,
          response: { 200: selectionQualitySchema },
        },
      },
      async (req) => programs.selectionQuality(actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/programmes/:id/selection-quality.xlsx',
      {
        schema: {
          tags,
          summary: '导出遴选质量 Selection quality as Excel',
          params: idParams,
          querystring: selectionQualityQuerySchema,
        },
      },
      async (req, reply) => {
        const f = await programs.exportSelectionQuality(actorOf(req), req.params.id, req.query);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );
  };
}
