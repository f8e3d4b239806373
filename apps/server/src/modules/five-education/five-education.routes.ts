import {
  fiveEduDrawSchema,
  fiveEduEnrolmentsSchema,
  fiveEduFrameworkCreateSchema,
  fiveEduFrameworkListSchema,
  fiveEduFrameworkSchema,
  fiveEduFrameworkUpdateSchema,
  fiveEduResultsQuerySchema,
  fiveEduResultsSchema,
  fiveEduRoundCreateSchema,
  fiveEduRoundDetailSchema,
  fiveEduRoundListSchema,
  fiveEduSampleSchema,
  fiveEduUploadResultSchema,
  fiveEduValuesSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../shared/http';
import { readSingleUpload } from '../files';
import type { FiveEduService } from './five-education.service';

const tags = ['five-education'];
const idParams = z.object({ id: z.string().max(20) });
/** An indicator sheet is one row per school: 5 MB is far more than any region needs. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** 五育 comprehensive evaluation: one-line handlers over the service. */
export function fiveEduRoutes(s: FiveEduService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/five-edu/frameworks',
      {
        schema: {
          tags,
          summary: '五育评价框架列表 Frameworks in scope (CD-24)',
          response: { 200: fiveEduFrameworkListSchema },
        },
      },
      async (req) => s.listFrameworks(actorOf(req)),
    );
    app.post(
      '/five-edu/frameworks',
      {
        schema: {
          tags,
          summary: '新建五育评价框架 A draft framework (the starter one when no body is given; CD-24)',
          body: fiveEduFrameworkCreateSchema,
          response: { 201: fiveEduFrameworkSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await s.createFramework(actorOf(req), req.body)),
    );
    app.get(
      '/five-edu/frameworks/:id',
      {
        schema: {
          tags,
          summary: '五育评价框架 A framework',
          params: idParams,
          response: { 200: fiveEduFrameworkSchema },
        },
      },
      async (req) => s.getFramework(actorOf(req), req.params.id),
    );
    app.put(
      '/five-edu/frameworks/:id',
      {
        schema: {
          tags,
          summary: '修改五育评价框架 A draft: weights summing to 100 % (CD-24), elements, indicators',
          params: idParams,
          body: fiveEduFrameworkUpdateSchema,
          response: { 200: fiveEduFrameworkSchema },
        },
      },
      async (req) => s.updateFramework(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/five-edu/frameworks/:id/publish',
      {
        schema: {
          tags,
          summary: '发布五育评价框架 Publish (frozen after)',
          params: idParams,
          response: { 200: fiveEduFrameworkSchema },
        },
      },
      async (req) => s.publishFramework(actorOf(req), req.params.id),
    );
    app.post(
      '/five-edu/frameworks/:id/versions',
      {
        schema: {
          tags,
          summary: '另建新版本 A new draft version copying this one',
          params: idParams,
          response: { 201: fiveEduFrameworkSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await s.newFrameworkVersion(actorOf(req), req.params.id)),
    );
    app.get(
      '/five-edu/rounds',
      {
        schema: {
          tags,
          summary: '五育监测列表 Monitoring rounds in scope',
          response: { 200: fiveEduRoundListSchema },
        },
      },
      async (req) => s.listRounds(actorOf(req)),
    );
    app.post(
      '/five-edu/rounds',
      {
        schema: {
          tags,
          summary: '开展五育监测 A round over a subtree’s schools against a published framework',
          body: fiveEduRoundCreateSchema,
          response: { 201: fiveEduRoundDetailSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await s.createRound(actorOf(req), req.body)),
    );
    app.get(
      '/five-edu/rounds/:id',
      {
        schema: {
          tags,
          summary: '五育监测详情 Schools, students per grade, completeness',
          params: idParams,
          response: { 200: fiveEduRoundDetailSchema },
        },
      },
      async (req) => s.getRound(actorOf(req), req.params.id),
    );
    app.put(
      '/five-edu/rounds/:id/enrolments',
      {
        schema: {
          tags,
          summary: '各校各年级学生人数 Students per grade (the population of the draw)',
          params: idParams,
          body: fiveEduEnrolmentsSchema,
          response: { 200: fiveEduRoundDetailSchema },
        },
      },
      async (req) => s.setEnrolments(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/five-edu/rounds/:id/enrolments/template',
      { schema: { tags, summary: '学生人数模板 The students-per-grade template (.xlsx)', params: idParams } },
      async (req, reply) =>
        sendFile(
          reply,
          `五育监测学生人数-${req.params.id}.xlsx`,
          XLSX_MIME,
          await s.enrolmentsTemplate(actorOf(req), req.params.id),
        ),
    );
    app.post(
      '/five-edu/rounds/:id/enrolments/upload',
      {
        schema: {
          tags,
          summary:
            '上传学生人数 Students per grade for many schools (.xlsx/.csv); any bad row refuses the file whole',
          description: 'multipart/form-data: `file`',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 200: fiveEduUploadResultSchema },
        },
      },
      async (req) => {
        const f = await readSingleUpload(req, MAX_UPLOAD_BYTES);
        return s.uploadEnrolments(actorOf(req), req.params.id, f.name, f.content);
      },
    );
    app.post(
      '/five-edu/rounds/:id/draw',
      {
        schema: {
          tags,
          summary: '分层抽样 The seeded stratified draw (CD-25, TL-14)',
          params: idParams,
          body: fiveEduDrawSchema,
          response: { 200: fiveEduSampleSchema },
        },
      },
      async (req) => s.drawSample(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/five-edu/rounds/:id/sample',
      {
        schema: {
          tags,
          summary: '抽样名单 The drawn sample',
          params: idParams,
          response: { 200: fiveEduSampleSchema },
        },
      },
      async (req) => s.getSample(actorOf(req), req.params.id),
    );
    app.get(
      '/five-edu/rounds/:id/sample.csv',
      { schema: { tags, summary: '下载抽样名单 The sample as CSV', params: idParams } },
      async (req, reply) =>
        sendFile(
          reply,
          `五育监测抽样名单-${req.params.id}.csv`,
          'text/csv; charset=utf-8',
          Buffer.from(await s.sampleCsv(actorOf(req), req.params.id)),
        ),
    );
    app.put(
      '/five-edu/rounds/:id/values',
      {
        schema: {
          tags,
          summary: '录入指标数据 Indicator values per school (null clears one)',
          params: idParams,
          body: fiveEduValuesSchema,
          response: { 200: fiveEduUploadResultSchema },
        },
      },
      async (req) => s.enterValues(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/five-edu/rounds/:id/values/template',
      { schema: { tags, summary: '指标数据模板 The upload template (.xlsx)', params: idParams } },
      async (req, reply) =>
        sendFile(
          reply,
          `五育指标数据-${req.params.id}.xlsx`,
          XLSX_MIME,
          await s.valuesTemplate(actorOf(req), req.params.id),
        ),
    );
    app.post(
      '/five-edu/rounds/:id/values/upload',
      {
        schema: {
          tags,
          summary: '上传指标数据 The template filled in (.xlsx/.csv); any bad row refuses the file whole',
          description: 'multipart/form-data: `file`',
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 200: fiveEduUploadResultSchema },
        },
      },
      async (req) => {
        const f = await readSingleUpload(req, MAX_UPLOAD_BYTES);
        return s.uploadValues(actorOf(req), req.params.id, f.name, f.content);
      },
    );
    app.get(
      '/five-edu/rounds/:id/results',
      {
        schema: {
          tags,
          summary:
            '五育评价结果 Scores per school and district; weights in the query are a what-if (CD-24, Y-EVAL-SENSITIVITY)',
          params: idParams,
          querystring: fiveEduResultsQuerySchema,
          response: { 200: fiveEduResultsSchema },
        },
      },
      async (req) => s.results(actorOf(req), req.params.id, req.query),
    );
  };
}
