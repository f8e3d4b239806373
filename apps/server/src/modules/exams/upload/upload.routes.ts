/** Routes of score uploads: the dry run (multipart), its error workbook, the commit. */
import { commitExamUploadSchema } from '@yanxun/contracts';
import { uploadFileName } from '@yanxun/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../../shared/app-error';
import { actorOf, sendFile, XLSX_MIME } from '../../../shared/http';
import type { Bound } from '../context';
import type { commit, uploadErrorsWorkbook } from './commit.service';
import type { upload } from './dry-run.service';
import type { UploadFiles } from './upload-settings';

const idParams = z.object({ id: z.string().max(20) });
const uploadParams = z.object({ id: z.string().max(20), uploadId: z.string().max(40) });
/** three files in one request (the app's default is one); named in the refusal of a fourth */
const UPLOAD_LIMITS = { files: 3 };

export interface UploadApi {
  upload: Bound<typeof upload>;
  uploadErrorsWorkbook: Bound<typeof uploadErrorsWorkbook>;
  commit: Bound<typeof commit>;
}

export function uploadRoutes(exams: UploadApi): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['exams'];
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
  };
}
