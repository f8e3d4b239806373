/** Routes of releases: the office's release switches, and the published public summaries (no sign-in). */
import { examReleaseRequestSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../shared/http';
import type { Bound } from '../context';
import type { getPublic, listPublic } from './public-summaries.service';
import type { releaseStatus, setRelease } from './publish.service';

const idParams = z.object({ id: z.string().max(20) });

export interface ReleaseApi {
  releaseStatus: Bound<typeof releaseStatus>;
  setRelease: Bound<typeof setRelease>;
  listPublic: Bound<typeof listPublic>;
  getPublic: Bound<typeof getPublic>;
}

export function releaseRoutes(release: ReleaseApi): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
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
  };
}
