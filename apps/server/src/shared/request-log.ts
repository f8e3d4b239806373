/**
 * The request log (LOG_LEVEL): one line per request at `info` when it is answered — method, url, status,
 * milliseconds, with the request id (`reqId`) that pino puts on every line of the request — and the request's
 * details (headers without the cookie or CSRF token, client address) at `debug` as it arrives. Fastify's own
 * controller writes two `info` lines per request (incoming, completed); this replaces those two.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms };
    const msg = `${request.method} ${request.url} ${reply.statusCode} ${ms} ms`;
    if (error) reply.log.error({ ...line, err: error }, msg);
    else reply.log.info(line, msg);
  }
}
