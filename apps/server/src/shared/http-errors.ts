/**
 * Every error the HTTP layer can produce — the app's AppError, zod validation, Fastify's own refusals (body too
 * large, bad JSON, unsupported media type, bad URL, a path parameter too long), @fastify/multipart's limits, and
 * what Node's HTTP parser refuses before Fastify sees a request (headers or URL too large, timeouts, garbage) —
 * as the one body `{ error: { code, message, details?, requestId } }`, in Chinese, naming the limit that applied.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorBody, ErrorCode } from '@yanxun/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, STATUS } from './app-error';

/** Largest JSON (or other non-multipart) request body. */
export const JSON_BODY_LIMIT = 1024 * 1024;
/** Longest path parameter (Fastify's router; ids are far shorter). */
export const MAX_PARAM_LENGTH = 100;
/** Multipart defaults of every upload route; a route may allow more files (its `config.multipartLimits`). */
export const MULTIPART_LIMITS = { files: 1, fields: 5, parts: 20 } as const;

export interface MultipartLimits {
  files?: number;
  fields?: number;
  parts?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the multipart limits this route passes to `req.parts()` / `req.file()`, for the refusal's message */
    multipartLimits?: MultipartLimits;
  }
}

export interface HttpLimits {
  /** the multipart file limit (MAX_UPLOAD_MB) */
  maxUploadBytes: number;
}

interface Refusal {
  status: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

const refusal = (code: ErrorCode, message: string, details?: unknown): Refusal => ({
  status: STATUS[code],
  code,
  message,
  ...(details === undefined ? {} : { details }),
});

/** The Chinese message of a 4xx by status, for errors no case below knows by code. */
const BY_STATUS: Record<number, [ErrorCode, string]> = {
  400: ['BAD_REQUEST', '请求格式不正确'],
  404: ['NOT_FOUND', '接口不存在'],
  405: ['METHOD_NOT_ALLOWED', '不支持的请求方法'],
  406: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型'],
  408: ['REQUEST_TIMEOUT', '请求超时，请重试'],
  413: ['BODY_TOO_LARGE', `提交的内容过大：请求体上限 ${mb(JSON_BODY_LIMIT)}`],
  414: ['URI_TOO_LONG', '网址过长'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型：接口只接受 application/json 或 multipart/form-data'],
  429: ['RATE_LIMITED', '操作过于频繁，请稍后再试'],
  431: ['HEADERS_TOO_LARGE', '请求头过大'],
};

/** An error of Fastify, a plugin or the app → status, code, Chinese message, details; null = a server fault. */
export function refusalOf(err: unknown, req: FastifyRequest | null, limits: HttpLimits): Refusal | null {
  if (err instanceof AppError)
    return { status: err.status, code: err.code, message: err.message, details: err.details };
  if (hasZodFastifySchemaValidationErrors(err))
    return refusal('VALIDATION_FAILED', '请求参数不正确', {
      issues: err.validation.map((v) => ({ path: v.instancePath, message: v.message, params: v.params })),
    });
  const e = err as { code?: unknown; statusCode?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const multipart = { ...MULTIPART_LIMITS, ...req?.routeOptions.config.multipartLimits };
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return refusal('FILE_TOO_LARGE', `文件过大：上限 ${mb(limits.maxUploadBytes)}，请拆分后再导入`, {
        limit: limits.maxUploadBytes,
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return refusal(
        'BODY_TOO_LARGE',
        `提交的内容过大：请求体上限 ${mb(JSON_BODY_LIMIT)}（上传文件请用文件上传，上限 ${mb(limits.maxUploadBytes)}）`,
        { limit: JSON_BODY_LIMIT },
      );
    case 'FST_FILES_LIMIT':
      return refusal('TOO_MANY_PARTS', `上传的文件过多：此处一次最多 ${multipart.files} 个文件`, {
        limit: multipart.files,
        kind: 'files',
      });
    case 'FST_FIELDS_LIMIT':
      return refusal('TOO_MANY_PARTS', `表单字段过多：一次最多 ${multipart.fields} 个字段`, {
        limit: multipart.fields,
        kind: 'fields',
      });
    case 'FST_PARTS_LIMIT':
      return refusal('TOO_MANY_PARTS', `上传的部分过多：文件与字段合计最多 ${multipart.parts} 个`, {
        limit: multipart.parts,
        kind: 'parts',
      });
    case 'FST_ERR_VALIDATION':
      return refusal('VALIDATION_FAILED', '请求参数不正确', { reason: (err as Error).message });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return refusal('BAD_REQUEST', '请求体不是有效的 JSON', { reason: code });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return refusal('BAD_REQUEST', '请求体为空：声明为 JSON 的请求须带 JSON 内容', { reason: code });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return refusal('BAD_REQUEST', '请求体长度与 Content-Length 不符', { reason: code });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return refusal(
        'UNSUPPORTED_MEDIA_TYPE',
        '不支持的内容类型：接口只接受 application/json 或 multipart/form-data',
        { reason: code },
      );
    case 'FST_ERR_BAD_URL':
      return refusal('BAD_REQUEST', '网址不正确：含有无法解码的字符', { reason: code });
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return refusal('URI_TOO_LONG', `网址中的参数过长：上限 ${MAX_PARAM_LENGTH} 个字符`, {
        limit: MAX_PARAM_LENGTH,
      });
    case 'FST_PROTO_VIOLATION':
    case 'FST_MP_PREMATURE_CLOSE':
      return refusal('BAD_REQUEST', '上传的表单数据不完整或格式不正确', { reason: code });
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 500 || status < 400) return null;
  const [c, message] = BY_STATUS[status] ?? BY_STATUS[400] ?? ['BAD_REQUEST', '请求格式不正确'];
  return refusal(c, message, { reason: code || status });
}

/** The one error body. */
export function errorBody(r: Pick<Refusal, 'code' | 'message' | 'details'>, requestId: string): ErrorBody {
  return {
    error: {
      code: r.code,
      message: r.message,
      ...(r.details === undefined ? {} : { details: r.details }),
      requestId,
    },
  };
}

/** Fastify's `frameworkErrors` (bad URL encoding, a path parameter too long): before routing, no route config. */
export function sendFrameworkError(err: unknown, requestId: string, reply: FastifyReply, limits: HttpLimits) {
  const r = refusalOf(err, null, limits) ?? refusal('BAD_REQUEST', '请求格式不正确');
  return reply.code(r.status).send(errorBody(r, requestId));
}

/**
 * What Node's parser refuses before there is a request (Fastify's `clientErrorHandler`): the same body on a raw
 * response, with a fresh request id. A header overflow while still inside the request line is a URI too long.
 */
export function clientErrorResponse(err: NodeJS.ErrnoException & { rawPacket?: Buffer }): string {
  const max = http.maxHeaderSize;
  let r: Refusal;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    r = refusal('REQUEST_TIMEOUT', '请求超时：服务器在限定时间内没有收到完整的请求，请重试');
  else if (err.code === 'HPE_HEADER_OVERFLOW') {
    const head = err.rawPacket ? err.rawPacket.subarray(0, 4096).toString('latin1') : '';
    const inRequestLine = /^[A-Z]+ \//.test(head) && !head.includes('\n');
    r = inRequestLine
      ? refusal('URI_TOO_LONG', `网址过长：网址与请求头合计上限 ${kb(max)}，请减少查询条件`, { limit: max })
      : refusal('HEADERS_TOO_LARGE', `请求头过大：网址与请求头合计上限 ${kb(max)}`, { limit: max });
  } else if (err.code === 'HPE_INVALID_METHOD') r = refusal('METHOD_NOT_ALLOWED', '不支持的请求方法');
  else r = refusal('BAD_REQUEST', '请求格式不正确（HTTP 协议错误）', { reason: err.code ?? 'CLIENT_ERROR' });
  const body = JSON.stringify(errorBody(r, randomUUID()));
  return (
    `HTTP/1.1 ${r.status} ${http.STATUS_CODES[r.status] ?? 'Error'}\r\n` +
    `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: close\r\n\r\n${body}`
  );
}

/** Fastify's `clientErrorHandler`: answer in the app's shape, then close the connection. */
export function handleClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  // a reset connection has nobody left to answer
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(clientErrorResponse(err));
  socket.destroy(err);
}
