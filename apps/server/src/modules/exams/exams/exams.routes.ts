/** Routes of exams themselves: list, create, read, report settings. */
import { createExamSchema, reportSettingsSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { Bound } from '../context';
import type { createExam, getExam, listExams, setReportSettings } from './exams.service';

const idParams = z.object({ id: z.string().max(20) });

export interface ExamRecordsApi {
  listExams: Bound<typeof listExams>;
  createExam: Bound<typeof createExam>;
  getExam: Bound<typeof getExam>;
  setReportSettings: Bound<typeof setReportSettings>;
}

export function examRecordsRoutes(exams: ExamRecordsApi): FastifyPluginAsyncZod {
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
  };
}
