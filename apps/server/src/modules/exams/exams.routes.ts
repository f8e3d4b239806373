import {
  commitExamUploadSchema,
  createCycleSchema,
  createExamSchema,
  drawSampleSchema,
  indicatorSystemSchema,
  reportSettingsSchema,
} from '@yanxun/contracts';
import { uploadFileName } from '@yanxun/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../shared/app-error';
import { actorOf, sendFile, XLSX_MIME } from '../../shared/http';
import type { ExamsService, UploadFiles } from './exams.service';

const idParams = z.object({ id: z.string().max(20) });
const uploadParams = z.object({ id: z.string().max(20), uploadId: z.string().max(40) });
/** three files in one request (the app's default is one); named in the refusal of a fourth */
const UPLOAD_LIMITS = { files: 3 };

export function examsRoutes(exams: ExamsService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
    app.get(
      '/exams',
      {
        schema: {
          tags,
          summary: '考试列表 Exams in scope',
          querystring: z.object({ cycleId: z.string().max(20).optional() }),
        },
      },
      async (req) => exams.listExams(actorOf(req), req.query.cycleId),
    );
    app.post(
      '/exams',
      { schema: { tags, summary: '新建考试 Create an exam', body: createExamSchema } },
      async (req, reply) => reply.code(201).send(await exams.createExam(actorOf(req), req.body)),
    );
    app.get('/exams/:id', { schema: { tags, summary: '考试 Exam', params: idParams } }, async (req) =>
      exams.getExam(actorOf(req), req.params.id),
    );
    app.put(
      '/exams/:id/report-settings',
      {
        schema: {
          tags,
          summary: '等级划分与最小人数 Report settings',
          params: idParams,
          body: reportSettingsSchema,
        },
      },
      async (req) => exams.setReportSettings(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/exams/:id/uploads',
      {
        schema: {
          tags,
          summary: '上传成绩并校验（预演，不写入）Upload scores and items, dry run',
          description:
            'multipart/form-data: files `scores` (student_id,school,class,<items…>), `items` (item_id,max_score,…), optional `prior` (student_id,prior_score); .csv (UTF-8/GBK) or .xlsx',
          consumes: ['multipart/form-data'],
          params: idParams,
        },
        config: { multipartLimits: UPLOAD_LIMITS },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', '请以 multipart/form-data 上传文件');
        const files: UploadFiles = {};
        for await (const part of req.parts({ limits: UPLOAD_LIMITS })) {
          if (part.type !== 'file') continue;
          const key = part.fieldname as keyof UploadFiles;
          const buf = await part.toBuffer();
          if (key === 'scores' || key === 'items' || key === 'prior')
            files[key] = { name: uploadFileName(part.filename, key), buf };
        }
        return exams.upload(actor, req.params.id, files);
      },
    );
    app.get(
      '/exams/:id/uploads/:uploadId/errors.xlsx',
      { schema: { tags, summary: '下载校验错误 Error report', params: uploadParams } },
      async (req, reply) => {
        const { fileName, body } = await exams.uploadErrorsWorkbook(
          actorOf(req),
          req.params.id,
          req.params.uploadId,
        );
        return sendFile(reply, fileName, XLSX_MIME, body);
      },
    );
    app.post(
      '/exams/:id/uploads/:uploadId/commit',
      {
        schema: {
          tags,
          summary: '确认写入（全部或全不）Commit, all or nothing',
          description:
            'Body (optional): `{ confirmRemoval }`. A commit that would remove more than the set share of the stored students answers 409 CONFIRM_REMOVAL `{ removed, current, share }` until sent with `confirmRemoval` = removed.',
          params: uploadParams,
          body: commitExamUploadSchema.nullish(),
        },
      },
      async (req) => exams.commit(actorOf(req), req.params.id, req.params.uploadId, req.body ?? {}),
    );
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
    app.get('/exam-cycles', { schema: { tags, summary: '监测周期 Monitoring cycles' } }, async (req) =>
      exams.listCycles(actorOf(req)),
    );
    app.post(
      '/exam-cycles',
      { schema: { tags, summary: '新建监测周期 Create a cycle', body: createCycleSchema } },
      async (req, reply) => reply.code(201).send(await exams.createCycle(actorOf(req), req.body)),
    );
    app.get(
      '/exam-cycles/:id',
      { schema: { tags, summary: '监测周期 Cycle', params: idParams } },
      async (req) => exams.getCycle(actorOf(req), req.params.id),
    );
    app.post(
      '/exam-cycles/:id/sample',
      {
        schema: {
          tags,
          summary: '分层抽样 Draw a stratified sample of schools',
          params: idParams,
          body: drawSampleSchema,
        },
      },
      async (req) => exams.drawSample(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/exam-cycles/:id/trends',
      { schema: { tags, summary: '学校趋势 Trends per school', params: idParams } },
      async (req) => exams.trends(actorOf(req), req.params.id),
    );
    app.get(
      '/exam-cycles/:id/warnings',
      { schema: { tags, summary: '预警 Early warnings', params: idParams } },
      async (req) => exams.warnings(actorOf(req), req.params.id),
    );
    app.get(
      '/exam-indicators',
      {
        schema: {
          tags,
          summary: '质量指标体系 Indicator systems',
          querystring: z.object({ ownerOrgId: z.string().max(20) }),
        },
      },
      async (req) => exams.listIndicators(actorOf(req), req.query.ownerOrgId),
    );
    app.put(
      '/exam-indicators',
      { schema: { tags, summary: '保存指标体系 Save an indicator system', body: indicatorSystemSchema } },
      async (req) => exams.putIndicators(actorOf(req), req.body),
    );
  };
}
