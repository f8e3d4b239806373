/**
 * Routes of exam releases: the office's grade cut-off preview and release switches, the
 * schools' parent access codes, and the two routes without sign-in: the public summaries and the parent view.
 */
import {
  examReleaseRequestSchema,
  gradePreviewSchema,
  issueCodesSchema,
  parentResultsRequestSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../shared/http';
import type { ExamReleaseService } from './exams.release.service';
import type { ExamsService } from './exams.service';

const idParams = z.object({ id: z.string().max(20) });

export function examReleaseRoutes(exams: ExamsService, release: ExamReleaseService): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
    app.post(
      '/exams/:id/grade-preview',
      {
        schema: {
          tags,
          summary: '等级划分预览（不保存）Grade distribution with other cut-offs, not saved',
          params: idParams,
          body: gradePreviewSchema,
        },
      },
      async (req) => exams.previewGradeCuts(actorOf(req), req.params.id, req.body.gradeCuts),
    );
    app.get(
      '/exams/:id/release',
      { schema: { tags, summary: '发布状态 Release to the public and to parents', params: idParams } },
      async (req) => release.releaseStatus(actorOf(req), req.params.id),
    );
    app.put(
      '/exams/:id/release',
      {
        schema: {
          tags,
          summary: '发布公众汇总 / 向家长开放 Publish the public summary, release to parents',
          params: idParams,
          body: examReleaseRequestSchema,
        },
      },
      async (req) => release.setRelease(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/schools/:id/exam-access-codes',
      { schema: { tags, summary: '家长访问码发放情况 Access codes of a school', params: idParams } },
      async (req) => release.codeStatus(actorOf(req), req.params.id),
    );
    app.post(
      '/schools/:id/exam-access-codes',
      {
        schema: {
          tags,
          summary: '发放家长访问码（Excel，仅此一次）Issue access codes, returned once as Excel',
          params: idParams,
          body: issueCodesSchema,
        },
      },
      async (req, reply) => {
        const { fileName, body } = await release.issueCodes(actorOf(req), req.params.id, req.body);
        return sendFile(reply, fileName, XLSX_MIME, body);
      },
    );
    // ---- without sign-in ----
    app.get(
      '/public/exam-summaries',
      { schema: { tags, summary: '公众：已发布的区域汇总 Published region summaries (no sign-in)' } },
      async () => release.listPublic(),
    );
    app.get(
      '/public/exam-summaries/:id',
      { schema: { tags, summary: '公众：区域汇总 One published summary (no sign-in)', params: idParams } },
      async (req) => release.getPublic(req.params.id),
    );
    app.post(
      '/parent/results',
      {
        schema: {
          tags,
          summary: '家长查询：本人孩子的等级结果 A parent’s view of their own child (no sign-in)',
          body: parentResultsRequestSchema,
        },
      },
      async (req) => release.parentResults(req.body, { ip: req.ip ?? null, requestId: req.id }),
    );
  };
}
