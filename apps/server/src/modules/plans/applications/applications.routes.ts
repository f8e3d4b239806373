import {
  createPlanRequestSchema,
  openProgrammeSchema,
  planCheckResultSchema,
  planDetailSchema,
  planListQuerySchema,
  planSummarySchema,
  updatePlanRequestSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile } from '../../../shared/http';
import { type FilesService, readSingleUpload } from '../../files';
import type { PlansService } from '../plans.service';

const idParams = z.object({ id: z.string().max(20) });
const versionParams = z.object({
  id: z.string().max(20),
  version: z.coerce.number().int().min(1).max(10_000),
});
const tags = ['plans'];

/** The provider's plans: open programmes, list, draft, sealed PDF, check and submit. */
export function applicationsRoutes(
  plans: PlansService,
  files: Pick<FilesService, 'maxBytes'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/plans/programmes',
      {
        schema: {
          tags,
          summary: '可申报的培训项目 Programmes a provider may apply to',
          response: { 200: z.array(openProgrammeSchema) },
        },
      },
      async (req) => plans.openProgrammes(actorOf(req)),
    );
    app.get(
      '/plans',
      {
        schema: {
          tags,
          summary: '培训方案列表 Training plans',
          querystring: planListQuerySchema,
          response: { 200: z.array(planSummarySchema) },
        },
      },
      async (req) => plans.listPlans(actorOf(req), req.query),
    );
    app.post(
      '/programmes/:id/plans',
      {
        schema: {
          tags,
          summary: '新建培训方案草稿 Create a draft plan',
          params: idParams,
          body: createPlanRequestSchema,
          response: { 201: planDetailSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await plans.createPlan(actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/plans/:id',
      { schema: { tags, summary: '培训方案 Plan', params: idParams, response: { 200: planDetailSchema } } },
      async (req) => plans.getPlan(actorOf(req), req.params.id),
    );
    app.put(
      '/plans/:id',
      {
        schema: {
          tags,
          summary: '保存方案草稿 Save the draft',
          params: idParams,
          body: updatePlanRequestSchema,
          response: { 200: planDetailSchema },
        },
      },
      async (req) => plans.updatePlan(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/plans/:id/file',
      {
        schema: {
          tags,
          summary: '上传盖章 PDF 申报书 Upload the sealed PDF',
          description: 'multipart/form-data with one part `file` (PDF, at most MAX_FILE_MB)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 200: planDetailSchema },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        // refuse before reading the upload when the plan is out of reach
        await plans.getPlan(actor, req.params.id);
        const upload = await readSingleUpload(req, files.maxBytes);
        return plans.uploadSealedPdf(actor, req.params.id, upload);
      },
    );
    app.get(
      '/plans/:id/versions/:version/file',
      { schema: { tags, summary: '下载申报书 PDF Download the sealed PDF', params: versionParams } },
      async (req, reply) => {
        const f = await plans.sealedPdf(actorOf(req), req.params.id, req.params.version);
        return sendFile(reply, f.name, 'application/pdf', f.content);
      },
    );
    app.post(
      '/plans/:id/check',
      {
        schema: {
          tags,
          summary: '检查方案（不提交）Check without submitting',
          params: idParams,
          response: { 200: planCheckResultSchema },
        },
      },
      async (req) => plans.checkCurrent(actorOf(req), req.params.id),
    );
    app.post(
      '/plans/:id/submit',
      {
        schema: {
          tags,
          summary: '提交方案 Submit (every check must pass)',
          params: idParams,
          response: { 200: planDetailSchema },
        },
      },
      async (req) => plans.submitPlan(actorOf(req), req.params.id),
    );
  };
}
