/** Routes of the parents' side: a school's access codes, and the parent view (no sign-in). */
import { issueCodesSchema, parentResultsRequestSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { Bound } from '../context';
import type { codeStatus, issueCodes } from './access-codes.service';
import type { parentResults } from './parent-results.service';

const idParams = z.object({ id: z.string().max(20) });

export interface ParentsApi {
  codeStatus: Bound<typeof codeStatus>;
  issueCodes: Bound<typeof issueCodes>;
  parentResults: Bound<typeof parentResults>;
}

export function parentsRoutes(release: ParentsApi): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
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
