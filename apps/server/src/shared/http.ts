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
  interface FastifyInstance {
    /** PUBLIC_URL, or the listen address (config.ts): never a request's Host */
    publicUrl: string;
  }
}

/**
 * The address printed in an issued document's QR code and link: PUBLIC_URL, else the address the server listens
 * on; never the request's Host, which the client chooses (config.ts PUBLIC_URL).
 */
export function publicOrigin(req: FastifyRequest): string {
  return req.server.publicUrl;
}

/** The signed-in actor, or a 401. Used as the first line of every protected handler. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('UNAUTHENTICATED', '请先登录');
  return req.actor;
}

/** RFC 5987 ext-value of a UTF-8 file name: encodeURIComponent leaves ' ( ) * ! bare, which attr-char does not allow. */
export function rfc5987(fileName: string): string {
  return `UTF-8''${encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Send a binary file with a UTF-8 file name (filename*, RFC 6266/5987; Chinese names survive in every browser). */
export function sendFile(reply: FastifyReply, fileName: string, contentType: string, body: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=${rfc5987(fileName)}`)
    .send(body);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
