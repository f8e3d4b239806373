import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import { AppError } from './app-error';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
  }
}

/** The signed-in actor, or a 401. Used as the first line of every protected handler. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}

/** Send a binary file with a UTF-8 file name (Chinese names survive in every browser). */
export function sendFile(reply: FastifyReply, fileName: string, contentType: string, body: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(body);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
