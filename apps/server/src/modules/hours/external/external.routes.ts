import {
  createXapiPlatformSchema,
  externalBatchSchema,
  externalCommitSchema,
  externalQueueItemSchema,
  externalSystemSchema,
  resolveQueueSchema,
  revokeXapiPlatformSchema,
  xapiPlatformCreatedSchema,
  xapiPlatformListSchema,
} from '@yanxun/contracts';
import { uploadFileName } from '@yanxun/core';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/app-error';
import { actorOf } from '../../../shared/http';
import type { ExternalHoursService } from './index';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['hours'];

/** multipart/form-data: field `system`, then `file` (.xlsx or .csv). */
async function receiveUpload(req: FastifyRequest, external: ExternalHoursService) {
  const actor = actorOf(req);
  if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件');
  let system: string | undefined;
  let file: { name: string; buf: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'field' && part.fieldname === 'system') system = String(part.value);
    else if (part.type === 'file') file = { name: uploadFileName(part.filename), buf: await part.toBuffer() };
  }
  const s = externalSystemSchema.safeParse(system);
  if (!s.success) throw new AppError('VALIDATION_FAILED', '请选择来源平台', { field: 'system' });
  if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { field: 'file' });
  return external.dryRun(actor, s.data, file.name, file.buf);
}

/** Imports of other platforms' 学时 records, the review queue, xAPI platforms and statements. */
export function externalHoursRoutes(external: ExternalHoursService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/hours/imports',
      {
        schema: {
          tags,
          summary: '外部平台学时导入：上传并预演 Upload another platform’s records and dry-run',
          description:
            'multipart/form-data: field `system` (smartedu | provincial_ce), then `file` (.xlsx or .csv)',
          consumes: ['multipart/form-data'],
          response: { 200: externalBatchSchema },
        },
      },
      async (req) => receiveUpload(req, external),
    );
    app.get(
      '/hours/imports/:id',
      {
        schema: {
          tags,
          summary: '导入预演结果 A dry run',
          params: idParams,
          response: { 200: externalBatchSchema },
        },
      },
      async (req) => external.getBatch(actorOf(req), req.params.id),
    );
    app.post(
      '/hours/imports/:id/commit',
      {
        schema: {
          tags,
          summary: '确认导入 Commit a dry run',
          params: idParams,
          response: { 200: externalCommitSchema },
        },
      },
      async (req) => external.commit(actorOf(req), req.params.id),
    );
    app.get(
      '/hours/import-queue',
      {
        schema: {
          tags,
          summary: '外部学时待审队列 The review queue',
          response: { 200: z.array(externalQueueItemSchema) },
        },
      },
      async (req) => external.listQueue(actorOf(req)),
    );
    app.post(
      '/hours/import-queue/:id/resolve',
      {
        schema: {
          tags,
          summary: '处理待审记录：记入台账或驳回 Post or dismiss a queued record',
          params: idParams,
          body: resolveQueueSchema,
          response: { 200: externalQueueItemSchema },
        },
      },
      async (req) => external.resolveQueued(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/hours/xapi-platforms',
      {
        schema: {
          tags,
          summary: '登记报送 xAPI 语句的平台（令牌只显示一次）Register an xAPI platform',
          body: createXapiPlatformSchema,
          response: { 200: xapiPlatformCreatedSchema },
        },
      },
      async (req) => external.createPlatform(actorOf(req), req.body),
    );
    app.get(
      '/hours/xapi-platforms',
      {
        schema: {
          tags,
          summary: '已登记的 xAPI 平台（不含令牌）Registered xAPI platforms and what they sent',
          response: { 200: xapiPlatformListSchema },
        },
      },
      async (req) => external.listPlatforms(actorOf(req)),
    );
    app.post(
      '/hours/xapi-platforms/:id/revoke',
      {
        schema: {
          tags,
          summary: '停用 xAPI 平台（其令牌此后被拒绝，已记入的学时保留）Revoke a platform',
          params: z.object({ id: z.string().max(20) }),
          body: revokeXapiPlatformSchema,
          response: { 200: xapiPlatformListSchema },
        },
      },
      async (req) => external.revokePlatform(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/xapi/statements',
      {
        schema: {
          tags,
          summary: 'xAPI statements (HTTP Basic: platform id and token; X-Experience-API-Version 1.0.x)',
          security: [],
          body: z.unknown(),
          response: { 200: z.array(z.string()) },
        },
      },
      async (req, reply) => {
        const platform = await external.authenticatePlatform(req.headers.authorization);
        const version = req.headers['x-experience-api-version'];
        if (typeof version !== 'string' || !/^1\.0(\.\d+)?$/.test(version))
          throw new AppError(
            'VALIDATION_FAILED',
            '缺少或不支持的 X-Experience-API-Version 请求头（应为 1.0.x）',
          );
        reply.header('x-experience-api-version', '1.0.3');
        return external.postStatements(platform, req.body);
      },
    );
  };
}
