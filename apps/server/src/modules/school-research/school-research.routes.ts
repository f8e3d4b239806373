import {
  assessSemesterSchema,
  certifyResultSchema,
  decideSchoolPlanSchema,
  drawSpotCheckSchema,
  recordInputSchema,
  recordSpotCheckSchema,
  schoolPlanListSchema,
  schoolPlanVersionSchema,
  schoolResearchRecordSchema,
  schoolResearchYearSchema,
  schoolYearQuerySchema,
  semesterAssessmentSchema,
  spotCheckListQuerySchema,
  spotCheckSchema,
  submitSchoolPlanSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../shared/http';
import type { SchoolResearchService } from './school-research.service';
import { trainingBudgetRoutes } from './training-budgets.routes';

const tags = ['school-research'];
const idParams = z.object({ id: z.string().max(20) });
const schoolParams = z.object({ schoolId: z.string().max(20) });
const checkParams = z.object({ id: z.string().max(20), schoolId: z.string().max(20) });

/** 校本研修: one-line handlers over the service. */
export function schoolResearchRoutes(s: SchoolResearchService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/school-research/plans',
      {
        schema: {
          tags,
          summary: '校本研修方案列表 Schools’ plans in scope (newest version, status, late flag R3-S03)',
          querystring: schoolYearQuerySchema,
          response: { 200: schoolPlanListSchema },
        },
      },
      async (req) => s.listPlans(actorOf(req), req.query),
    );
    app.get(
      '/school-research/schools/:schoolId',
      {
        schema: {
          tags,
          summary:
            '学校校本研修学年 A school’s year: due date, plan and versions, records, assessments, 学时',
          params: schoolParams,
          querystring: schoolYearQuerySchema,
          response: { 200: schoolResearchYearSchema },
        },
      },
      async (req) => s.schoolYear(actorOf(req), req.params.schoolId, req.query.schoolYear),
    );
    app.post(
      '/school-research/schools/:schoolId/plans',
      {
        schema: {
          tags,
          summary: '提交年度校本研修方案 Submit (or resubmit) the year’s plan (R3-S03)',
          params: schoolParams,
          body: submitSchoolPlanSchema,
          response: { 201: schoolPlanVersionSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.submitPlan(actorOf(req), req.params.schoolId, req.body)),
    );
    app.post(
      '/school-research/plans/:id/decision',
      {
        schema: {
          tags,
          summary: '审核校本研修方案 Approve or return with a reason',
          params: idParams,
          body: decideSchoolPlanSchema,
          response: { 200: schoolPlanVersionSchema },
        },
      },
      async (req) => s.decidePlan(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/school-research/schools/:schoolId/records',
      {
        schema: {
          tags,
          summary: '登记研修活动 Record an activity with its participants',
          params: schoolParams,
          body: recordInputSchema,
          response: { 201: schoolResearchRecordSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await s.createRecord(actorOf(req), req.params.schoolId, req.body)),
    );
    app.put(
      '/school-research/records/:id',
      {
        schema: {
          tags,
          summary: '更正研修活动记录 Correct a record (certify again to correct the ledger)',
          params: idParams,
          body: recordInputSchema,
          response: { 200: schoolResearchRecordSchema },
        },
      },
      async (req) => s.updateRecord(actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/school-research/records/:id/certify',
      {
        schema: {
          tags,
          summary: '核定学时 Certify the record’s 学时 into the ledger (R3-S02), once; corrections reversed',
          params: idParams,
          response: { 200: certifyResultSchema },
        },
      },
      async (req) => s.certifyRecord(actorOf(req), req.params.id),
    );
    app.put(
      '/school-research/schools/:schoolId/assessments',
      {
        schema: {
          tags,
          summary: '学期考核 The 进修学校’s semester assessment (grade and comment)',
          params: schoolParams,
          body: assessSemesterSchema,
          response: { 200: semesterAssessmentSchema },
        },
      },
      async (req) => s.assessSemester(actorOf(req), req.params.schoolId, req.body),
    );
    app.get(
      '/school-research/schools/:schoolId/archive',
      {
        schema: {
          tags,
          summary: '校本研修档案 The year’s archive (R3-S09) as JSON',
          params: schoolParams,
          querystring: schoolYearQuerySchema,
          response: { 200: schoolResearchYearSchema },
        },
      },
      async (req) => s.schoolYear(actorOf(req), req.params.schoolId, req.query.schoolYear),
    );
    app.get(
      '/school-research/schools/:schoolId/archive.xlsx',
      {
        schema: {
          tags,
          summary: '校本研修档案 Excel The year’s archive (R3-S09) as .xlsx',
          params: schoolParams,
          querystring: schoolYearQuerySchema,
        },
      },
      async (req, reply) => {
        const f = await s.exportArchive(actorOf(req), req.params.schoolId, req.query.schoolYear);
        return sendFile(reply, f.fileName, XLSX_MIME, f.body);
      },
    );
    app.get(
      '/school-research/spot-checks',
      {
        schema: {
          tags,
          summary: '期末抽查 A county’s draws of a school year (R3-S04)',
          querystring: spotCheckListQuerySchema,
          response: { 200: z.array(spotCheckSchema) },
        },
      },
      async (req) => s.listSpotChecks(actorOf(req), req.query),
    );
    app.post(
      '/school-research/spot-checks',
      {
        schema: {
          tags,
          summary: '抽取学校 Draw schools at a ratio with a recorded seed (R3-S04)',
          body: drawSpotCheckSchema,
          response: { 201: spotCheckSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await s.drawSpotCheck(actorOf(req), req.body)),
    );
    app.put(
      '/school-research/spot-checks/:id/schools/:schoolId',
      {
        schema: {
          tags,
          summary: '记录抽查结果 The result of checking a drawn school',
          params: checkParams,
          body: recordSpotCheckSchema,
          response: { 200: spotCheckSchema },
        },
      },
      async (req) => s.recordSpotCheck(actorOf(req), req.params.id, req.params.schoolId, req.body),
    );
    await app.register(trainingBudgetRoutes(s));
  };
}
