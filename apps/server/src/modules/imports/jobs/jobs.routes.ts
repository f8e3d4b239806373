import {
  commitImportSchema,
  type ImportJob,
  importJobSchema,
  importKindSchema,
  importRowErrorSchema,
  pageOf,
  pageQuerySchema,
} from '@yanxun/contracts';
import { uploadFileName } from '@yanxun/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/app-error';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { ImportsService } from '../index';

const idParams = z.object({ id: z.string().max(20) });

const sendXlsx = (reply: Parameters<typeof sendFile>[0], file: { fileName: string; body: Buffer }) =>
  sendFile(reply, file.fileName, XLSX_MIME, file.body);

/**
 * The multipart upload of POST /imports: field `kind`, then `file`. A role that may not import that kind is
 * refused before the file is read; the job starts with the file's bytes.
 */
async function receiveUpload(req: FastifyRequest, imports: ImportsService): Promise<ImportJob> {
  const actor = actorOf(req);
  if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件');
  let kind: string | undefined;
  let file: { name: string; buf: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'field' && part.fieldname === 'kind') kind = String(part.value);
    else if (part.type === 'file') {
      const parsedKind = importKindSchema.safeParse(kind);
      if (parsedKind.success) imports.assertMayImport(actor, parsedKind.data);
      const buf = await part.toBuffer();
      file = { name: uploadFileName(part.filename), buf };
    }
  }
  const k = importKindSchema.safeParse(kind);
  if (!k.success) throw new AppError('VALIDATION_FAILED', '请选择导入类型（学校或教师）', { field: 'kind' });
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { field: 'file' });
  return imports.start(actor, k.data, file.name, file.buf);
}

/** The importer's jobs: upload and dry run, progress, row errors (also as a workbook), commit. */
export function jobsRoutes(imports: ImportsService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/imports',
      {
        schema: {
          tags: ['imports'],
          summary: '我的导入任务 My imports',
          querystring: pageQuerySchema,
          response: { 200: pageOf(importJobSchema) },
        },
      },
      async (req) => imports.list(actorOf(req), req.query.page, req.query.pageSize),
    );

    app.post(
      '/imports',
      {
        schema: {
          tags: ['imports'],
          summary: '上传文件并校验（预演，不写入）Upload and dry-run',
          description:
            'multipart/form-data: field `kind` (schools | teachers), then `file` (.xlsx or .csv, UTF-8 or GBK)',
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema },
        },
      },
      async (req, reply) => reply.code(202).send(await receiveUpload(req, imports)),
    );

    app.get(
      '/imports/:id',
      {
        schema: {
          tags: ['imports'],
          summary: '导入任务进度 Job status',
          params: idParams,
          response: { 200: importJobSchema },
        },
      },
      async (req) => imports.get(actorOf(req), req.params.id),
    );

    app.get(
      '/imports/:id/errors',
      {
        schema: {
          tags: ['imports'],
          summary: '行级错误 Row errors',
          params: idParams,
          querystring: pageQuerySchema,
          response: { 200: pageOf(importRowErrorSchema) },
        },
      },
      async (req) => imports.errors(actorOf(req), req.params.id, req.query.page, req.query.pageSize),
    );

    app.get(
      '/imports/:id/errors.xlsx',
      { schema: { tags: ['imports'], summary: '下载错误报告 Error report workbook', params: idParams } },
      async (req, reply) => sendXlsx(reply, await imports.errorsWorkbook(actorOf(req), req.params.id)),
    );

    app.post(
      '/imports/:id/commit',
      {
        schema: {
          tags: ['imports'],
          summary: '确认导入 Commit (all rows, or only the valid rows)',
          params: idParams,
          body: commitImportSchema,
          response: { 202: importJobSchema },
        },
      },
      async (req, reply) =>
        reply.code(202).send(await imports.commit(actorOf(req), req.params.id, req.body.mode)),
    );
  };
}
