import { activitySchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile } from '../../shared/http';
import { readSingleUpload } from '../files';
import type { CommunitiesService } from './communities.service';

const tags = ['communities'];
const activityParams = z.object({ id: z.string().max(20), activityId: z.string().max(20) });
const fileParams = activityParams.extend({ fileId: z.string().max(20) });

/** An activity's photos and files (Y-COMM-ACTIVITY-FILES): add one, remove one, download one. */
export function activityFilesRoutes(svc: CommunitiesService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/communities/:id/activities/:activityId/files',
      {
        schema: {
          tags,
          summary: '上传活动照片或文件 Add a photo or file to an open activity',
          description:
            'multipart/form-data, one file part (JPG / PNG / PDF / DOCX / MP4 by content, MAX_FILE_MB); at most 20 an activity',
          consumes: ['multipart/form-data'],
          params: activityParams,
          response: { 201: activitySchema },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const upload = await readSingleUpload(req, svc.maxFileBytes);
        return reply
          .code(201)
          .send(await svc.addActivityFile(actor, req.params.id, req.params.activityId, upload));
      },
    );
    app.delete(
      '/communities/:id/activities/:activityId/files/:fileId',
      {
        schema: {
          tags,
          summary: '移除活动照片或文件 Remove a photo or file from an open activity',
          params: fileParams,
          response: { 200: activitySchema },
        },
      },
      async (req) =>
        svc.removeActivityFile(actorOf(req), req.params.id, req.params.activityId, req.params.fileId),
    );
    app.get(
      '/communities/:id/activities/:activityId/files/:fileId',
      { schema: { tags, summary: '下载活动照片或文件 Download a photo or file', params: fileParams } },
      async (req, reply) => {
        const f = await svc.activityFile(
          actorOf(req),
          req.params.id,
          req.params.activityId,
          req.params.fileId,
        );
        return sendFile(reply, f.name, f.mime, f.content);
      },
    );
  };
}
