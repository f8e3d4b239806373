import {
  advanceCampaignSchema,
  assignRatersSchema,
  campaignDetailSchema,
  campaignSummarySchema,
  cloneRubricSchema,
  createCampaignSchema,
  decideAppealSchema,
  evaluationOkSchema,
  fileAppealSchema,
  metricDefinitionSchema,
  moderateSchema,
  mySubjectSchema,
  rankingRowSchema,
  raterSheetSchema,
  raterTaskSchema,
  rubricDetailSchema,
  rubricSummarySchema,
  rubricVersionSchema,
  saveRubricSchema,
  saveSheetSchema,
  scorecardSchema,
  selfScoresSchema,
  subjectViewSchema,
} from '@yanxun/contracts';
import { uploadFileName } from '@yanxun/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { actorOf, sendFile } from '../../shared/http';
import type { Upload } from '../files';
import type { EvaluationService } from './evaluation.service';
import { evaluationExportRoutes } from './exports.routes';
import { selectionsRoutes } from './selections.routes';

const tags = ['evaluation'];
const idParams = z.object({ id: z.string().max(20) });
const refParams = z.object({ ref: z.string().max(60) });
const fileParams = z.object({ id: z.string().max(20), evidenceId: z.string().max(20) });
const ok = evaluationOkSchema;

/** Evaluation: rubrics, campaigns, subjects' evidence and appeals, raters' sheets, scorecards. */
export function evaluationRoutes(ev: EvaluationService): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(evaluationExportRoutes(ev));
    await app.register(selectionsRoutes(ev.selections));
    // ---- rubrics ----
    app.get(
      '/evaluation/rubrics',
      {
        schema: {
          tags,
          summary: '评价标准库 Rubrics (built-ins and own)',
          response: { 200: z.array(rubricSummarySchema) },
        },
      },
      async (req) => ev.listRubrics(actorOf(req)),
    );
    app.get(
      '/evaluation/rubrics/:ref',
      {
        schema: {
          tags,
          summary: '评价标准 A rubric with its units and warnings',
          params: refParams,
          response: { 200: rubricDetailSchema },
        },
      },
      async (req) => ev.getRubric(actorOf(req), req.params.ref),
    );
    app.get(
      '/evaluation/rubrics/:ref/versions',
      {
        schema: {
          tags,
          summary: '评价标准的版本 Versions of a rubric (who saved each, when)',
          params: refParams,
          response: { 200: z.array(rubricVersionSchema) },
        },
      },
      async (req) => ev.rubricVersions(actorOf(req), req.params.ref),
    );
    app.post(
      '/evaluation/rubrics',
      {
        schema: {
          tags,
          summary: '保存评价标准（新版本）Save a rubric version',
          body: saveRubricSchema,
          response: { 201: rubricDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await ev.saveRubric(actorOf(req), req.body)),
    );
    app.post(
      '/evaluation/rubrics/clone',
      {
        schema: {
          tags,
          summary: '复制评价标准 Clone a rubric',
          body: cloneRubricSchema,
          response: { 201: rubricDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await ev.cloneRubric(actorOf(req), req.body)),
    );
    app.get(
      '/evaluation/metrics',
      {
        schema: {
          tags,
          summary: '数据项 The live items a rubric node may declare (key, label, subject kinds, rule)',
          response: { 200: z.array(metricDefinitionSchema) },
        },
      },
      async (req) => ev.listMetrics(actorOf(req)),
    );
    // ---- campaigns (the owner) ----
    app.get(
      '/evaluation/campaigns',
      {
        schema: {
          tags,
          summary: '评价活动 Campaigns owned in scope',
          response: { 200: z.array(campaignSummarySchema) },
        },
      },
      async (req) => ev.listCampaigns(actorOf(req)),
    );
    app.post(
      '/evaluation/campaigns',
      {
        schema: {
          tags,
          summary: '新建评价活动 Create a campaign',
          body: createCampaignSchema,
          response: { 201: campaignDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await ev.createCampaign(actorOf(req), req.body)),
    );
    app.get(
      '/evaluation/campaigns/:id',
      {
        schema: {
          tags,
          summary: '评价活动详情 A campaign',
          params: idParams,
          response: { 200: campaignDetailSchema },
        },
      },
      async (req) => ev.campaign(actorOf(req), req.params.id),
    );
    app.post(
      '/evaluation/campaigns/:id/raters',
      {
        schema: {
          tags,
          summary: '指派评审专家 Assign raters',
          params: idParams,
          body: assignRatersSchema,
          response: { 200: campaignDetailSchema },
        },
      },
      async (req) => ev.assignRaters(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/evaluation/campaigns/:id/advance',
      {
        schema: {
          tags,
          summary: '推进阶段 Next step',
          params: idParams,
          body: advanceCampaignSchema,
          response: { 200: campaignDetailSchema },
        },
      },
      async (req) => ev.advance(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/evaluation/campaigns/:id/ranking',
      {
        schema: {
          tags,
          summary: '排名 Ranking',
          params: idParams,
          response: { 200: z.array(rankingRowSchema) },
        },
      },
      async (req) => ev.ranking(actorOf(req), req.params.id),
    );
    app.get(
      '/evaluation/campaigns/:id/scorecards',
      {
        schema: {
          tags,
          summary: '全部评价结果 Every scorecard of the campaign (its owner)',
          params: idParams,
          response: { 200: z.array(scorecardSchema) },
        },
      },
      async (req) => ev.campaignScorecards(actorOf(req), req.params.id),
    );
    app.post(
      '/evaluation/subjects/:id/moderation',
      {
        schema: {
          tags,
          summary: '合议 Moderate a unit or clear a veto',
          params: idParams,
          body: moderateSchema,
          response: { 200: ok },
        },
      },
      async (req) => {
        await ev.moderate(actorOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );
    app.post(
      '/evaluation/appeals/:id/decision',
      {
        schema: {
          tags,
          summary: '处理申诉 Decide an appeal',
          params: idParams,
          body: decideAppealSchema,
          response: { 200: ok },
        },
      },
      async (req) => {
        await ev.decideAppeal(actorOf(req), req.params.id, req.body);
        return { ok: true as const };
      },
    );
    // ---- the subject ----
    app.get(
      '/evaluation/my-subjects',
      {
        schema: {
          tags,
          summary: '本单位参评 My unit as a subject',
          response: { 200: z.array(mySubjectSchema) },
        },
      },
      async (req) => ev.mySubjects(actorOf(req)),
    );
    app.get(
      '/evaluation/subjects/:id',
      {
        schema: {
          tags,
          summary: '评价对象 A subject',
          params: idParams,
          response: { 200: subjectViewSchema },
        },
      },
      async (req) => ev.subject(actorOf(req), req.params.id),
    );
    app.get(
      '/evaluation/subjects/:id/scorecard',
      {
        schema: { tags, summary: '评价结果 Scorecard', params: idParams, response: { 200: scorecardSchema } },
      },
      async (req) => ev.scorecard(actorOf(req), req.params.id),
    );
    app.post(
      '/evaluation/subjects/:id/evidence',
      {
        schema: {
          tags,
          summary: '上传佐证材料 Upload evidence for a unit',
          description:
            'multipart/form-data: field `unitId`, one file part `file` (PDF / JPG / PNG / XLSX / DOCX by content)',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: subjectViewSchema },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        if (!req.isMultipart())
          throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传佐证材料');
        const max = ev.maxFileBytes;
        const tooLarge = () =>
          new AppError('FILE_TOO_LARGE', `文件过大：上限 ${Math.round((max / 1024 / 1024) * 10) / 10} MB`, {
            field: 'file',
            maxBytes: max,
          });
        let unitId: string | undefined;
        let upload: Upload | undefined;
        try {
          for await (const part of req.parts({ limits: { files: 1, fields: 2, fileSize: max } })) {
            if (part.type === 'field') {
              if (part.fieldname === 'unitId' && typeof part.value === 'string') unitId = part.value;
              continue;
            }
            const content = await part.toBuffer();
            if (part.file.truncated) throw tooLarge();
            upload = { name: uploadFileName(part.filename), content };
          }
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          throw err;
        }
        if (!upload) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', { field: 'file' });
        return reply.code(201).send(await ev.uploadEvidence(actor, req.params.id, unitId, upload));
      },
    );
    app.get(
      '/evaluation/subjects/:id/evidence/:evidenceId',
      { schema: { tags, summary: '下载佐证材料 Download evidence', params: fileParams } },
      async (req, reply) => {
        const f = await ev.evidenceFile(actorOf(req), req.params.id, req.params.evidenceId);
        return sendFile(reply, f.name, f.mime, f.content);
      },
    );
    app.put(
      '/evaluation/subjects/:id/self-scores',
      {
        schema: {
          tags,
          summary: '自评分 Self-scores',
          params: idParams,
          body: selfScoresSchema,
          response: { 200: subjectViewSchema },
        },
      },
      async (req) => ev.saveSelfScores(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/evaluation/subjects/:id/appeals',
      {
        schema: {
          tags,
          summary: '提出申诉 Appeal a unit',
          params: idParams,
          body: fileAppealSchema,
          response: { 201: subjectViewSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await ev.fileAppeal(actorOf(req), req.params.id, req.body)),
    );
    // ---- raters ----
    app.get(
      '/evaluation/tasks',
      {
        schema: {
          tags,
          summary: '评审任务 My assigned subjects',
          response: { 200: z.array(raterTaskSchema) },
        },
      },
      async (req) => ev.myTasks(actorOf(req)),
    );
    app.get(
      '/evaluation/tasks/:id',
      {
        schema: {
          tags,
          summary: '评分表 My sheet for a subject',
          params: idParams,
          response: { 200: raterSheetSchema },
        },
      },
      async (req) => ev.sheet(actorOf(req), req.params.id),
    );
    app.put(
      '/evaluation/tasks/:id',
      {
        schema: {
          tags,
          summary: '保存评分 Save my sheet',
          params: idParams,
          body: saveSheetSchema,
          response: { 200: raterSheetSchema },
        },
      },
      async (req) => ev.saveSheet(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/evaluation/tasks/:id/submit',
      {
        schema: {
          tags,
          summary: '提交评分 Submit my sheet (locks it)',
          params: idParams,
          response: { 200: raterSheetSchema },
        },
      },
      async (req) => ev.submitSheet(actorOf(req), req.params.id),
    );
  };
}
