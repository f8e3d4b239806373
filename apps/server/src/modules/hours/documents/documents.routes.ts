/** Issued documents: a teacher's 学时证明 (PDF), the documents issued for a teacher, revoking a 学时证明. */
import {
  issuedDocumentSchema,
  issuedDocumentsSchema,
  publicVerificationSchema,
  revokeDocumentSchema,
} from '@yanxun/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, publicOrigin, sendFile } from '../../../shared/http';
import type { HoursService } from '../hours.service';

const idParams = z.object({ id: z.string().max(20) });
const codeParams = z.object({ code: z.string().max(40) });
const tags = ['hours'];

export function documentsRoutes(hours: HoursService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/teachers/:id/transcripts',
      {
        schema: {
          tags,
          summary: '出具学时证明（PDF，含验证码与二维码）Issue a transcript of hours as PDF, with its code',
          params: idParams,
        },
      },
      async (req, reply) => {
        const f = await hours.issueTranscript(actorOf(req), req.params.id, publicOrigin(req));
        reply.header('x-verification-code', f.code);
        return sendFile(reply, f.name, 'application/pdf', f.content);
      },
    );
    app.post(
      '/me/transcripts',
      {
        schema: {
          tags,
          summary: '教师自助打印本人学时证明（PDF，含验证码）A teacher prints their own transcript of hours',
        },
      },
      async (req, reply) => {
        const f = await hours.issueOwnTranscript(actorOf(req), publicOrigin(req));
        reply.header('x-verification-code', f.code);
        return sendFile(reply, f.name, 'application/pdf', f.content);
      },
    );
    app.get(
      '/teachers/:id/documents',
      {
        schema: {
          tags,
          summary: '教师已出具的证明与证书 Documents issued for a teacher',
          params: idParams,
          response: { 200: issuedDocumentsSchema },
        },
      },
      async (req) => hours.documentsOf(actorOf(req), req.params.id),
    );
    app.post(
      '/verification-codes/:code/revoke',
      {
        schema: {
          tags,
          summary: '撤销学时证明 Revoke an issued transcript (the public page shows it revoked)',
          params: codeParams,
          body: revokeDocumentSchema,
          response: { 200: issuedDocumentSchema },
        },
      },
      async (req) => hours.revokeDocument(actorOf(req), req.params.code, req.body),
    );
  };
}

/** The public verification page's API (no sign-in). */
export function verifyRoutes(hours: HoursService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/verify/:code',
      {
        schema: {
          tags,
          summary: '证明与证书核验（无需登录）Verify a transcript or certificate by its code (public)',
          security: [],
          params: codeParams,
          response: { 200: publicVerificationSchema },
        },
      },
      async (req) => hours.verify(req.params.code, { ip: req.ip ?? null, requestId: req.id }),
    );
  };
}
