import { importKindSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { ImportsService } from '../index';

const sendXlsx = (reply: Parameters<typeof sendFile>[0], file: { fileName: string; body: Buffer }) =>
  sendFile(reply, file.fileName, XLSX_MIME, file.body);

/** The import templates, and exports of a subtree in the import format. */
export function exportRoutes(imports: ImportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/imports/templates/:kind',
      {
        schema: {
          tags: ['imports'],
          summary: '下载导入模板 Template',
          params: z.object({ kind: importKindSchema }),
        },
      },
      async (req, reply) => sendXlsx(reply, await imports.template(actorOf(req), req.params.kind)),
    );

    app.get(
      '/exports/:kind',
      {
        schema: {
          tags: ['imports'],
          summary: '导出（与导入模板同格式）Export in the import format',
          params: z.object({ kind: importKindSchema }),
          querystring: z.object({ orgId: z.string().max(20).optional() }),
        },
      },
      async (req, reply) =>
        sendXlsx(reply, await imports.export(actorOf(req), req.params.kind, req.query.orgId)),
    );
  };
}
