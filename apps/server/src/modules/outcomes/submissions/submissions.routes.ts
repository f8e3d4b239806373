import {
  myTrainingSchema,
  outcomeQueueQuerySchema,
  outcomeSubmissionSchema,
  reviewOutcomeSchema,
  submitOutcomeLinkSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile } from '../../../shared/http';
import { type FilesService, readSingleUpload } from '../../files';
import type { OutcomesService } from '../outcomes.service';

const idParams = z.object({ id: z.string().max(20) });
const reqParams = z.object({ id: z.string().max(20), key: z.string().min(1).max(200) });
const tags = ['outcomes'];

/** The teacher's training page, handing in outcomes, the review queue and reviews, outcome files. */
export function submissionsRoutes(
  outcomes: OutcomesService,
  files: Pick<FilesService, 'maxBytes'>,
): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/training',
      {
        schema: {
          tags,
          summary: '我的培训 My training (programmes, attendance, outcomes, completion, certificate, hours)',
          response: { 200: myTrainingSchema },
        },
      },
      async (req) => outcomes.myTraining(actorOf(req)),
    );
    app.post(
      '/classes/:id/outcomes/:key/file',
      {
        schema: {
          tags,
          summary: '提交成果文件 Hand in an outcome file (new version)',
          description:
            'multipart/form-data with one part `file`: PDF or DOCX; MP4 for a recording (OUTCOME_FILE_TYPES, MAX_FILE_MB)',
          consumes: ['multipart/form-data'],
          params: reqParams,
          response: { 201: outcomeSubmissionSchema },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        await outcomes.assertCanSubmit(actor, req.params.id);
        const upload = await readSingleUpload(req, files.maxBytes);
        return reply.code(201).send(await outcomes.submit(actor, req.params.id, req.params.key, { upload }));
      },
    );
    app.post(
      '/classes/:id/outcomes/:key/link',
      {
        schema: {
          tags,
          summary: '提交视频链接 Hand in a video link (recordings, demonstration lessons)',
          params: reqParams,
          body: submitOutcomeLinkSchema,
          response: { 201: outcomeSubmissionSchema },
        },
      },
      async (req, reply) =>
        reply.code(201).send(
          await outcomes.submit(actorOf(req), req.params.id, req.params.key, {
            link: req.body.link,
            ...(req.body.note ? { note: req.body.note } : {}),
          }),
        ),
    );
    app.get(
      '/outcomes',
      {
        schema: {
          tags,
          summary: '成果评审队列 Outcomes of a class (latest versions)',
          querystring: outcomeQueueQuerySchema,
          response: { 200: z.array(outcomeSubmissionSchema) },
        },
      },
      async (req) => outcomes.queue(actorOf(req), req.query),
    );
    app.post(
      '/outcomes/:id/review',
      {
        schema: {
          tags,
          summary: '评审成果 Accept with a score or return with a comment',
          params: idParams,
          body: reviewOutcomeSchema,
          response: { 200: outcomeSubmissionSchema },
        },
      },
      async (req) => outcomes.review(actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/outcomes/:id/file',
      { schema: { tags, summary: '下载成果文件 Download an outcome file', params: idParams } },
      async (req, reply) => {
        const f = await outcomes.file(actorOf(req), req.params.id);
        return sendFile(reply, f.name, f.mime, f.content);
      },
    );
  };
}
