/** The growth archive: a teacher's (staff who may read the teacher, or the teacher) and the signed-in teacher's own. */
import { teacherArchiveSchema } from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, sendFile } from '../../shared/http';
import type { ArchiveService } from './archive.service';

const idParams = z.object({ id: z.string().max(20) });
const tags = ['archive'];
const PDF = 'application/pdf';

export function archiveRoutes(archive: ArchiveService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/teachers/:id/archive',
      {
        schema: {
          tags,
          summary: "教师成长档案 A teacher's growth archive (R3-T09)",
          params: idParams,
          response: { 200: teacherArchiveSchema },
        },
      },
      async (req) => archive.teacherArchive(actorOf(req), req.params.id),
    );
    app.get(
      '/teachers/:id/archive.pdf',
      {
        schema: {
          tags,
          summary: '教师成长档案（PDF，导出留痕）The growth archive as PDF (audited)',
          params: idParams,
        },
      },
      async (req, reply) => {
        const f = await archive.archivePdf(actorOf(req), req.params.id);
        return sendFile(reply, f.name, PDF, f.content);
      },
    );
    app.get(
      '/me/archive',
      {
        schema: {
          tags,
          summary: '我的成长档案 The signed-in teacher’s own growth archive',
          response: { 200: teacherArchiveSchema },
        },
      },
      async (req) => archive.myArchive(actorOf(req)),
    );
    app.get(
      '/me/archive.pdf',
      {
        schema: { tags, summary: '我的成长档案（PDF）The signed-in teacher’s own growth archive as PDF' },
      },
      async (req, reply) => {
        const f = await archive.myArchivePdf(actorOf(req));
        return sendFile(reply, f.name, PDF, f.content);
      },
    );
  };
}
