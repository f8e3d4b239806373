/**
 * Every refusal of the HTTP layer — Fastify's (body too large, bad JSON, unsupported media type, bad URL, a
 * parameter too long), @fastify/multipart's limits, and Node's parser before Fastify (headers or URL too large,
 * an unknown method, a timeout) — answers in the app's one error shape `{ error: { code, message, details?,
 * requestId } }`, with a Chinese message naming the limit that applied. Requests that Node's parser refuses are
 * sent over a real socket (inject() has no parser).
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../db/database';
import { createTestDatabase } from '../test/db';
import {
  buildAccount,
  buildTestApp,
  login,
  orgByName,
  type Session,
  seedRegion,
  type TestApp,
} from '../test/factories';
import { ITEMS_CSV, multipartFiles } from '../test/fixtures/exam-files';
import { postExam } from '../test/routes';
import { clientErrorResponse, handleClientError, refusalOf } from './http-errors';

let h: DatabaseHandle;
let t: TestApp;
let s: Session;
let port: number;
let examId: string;

const CJK = /[\u4e00-\u9fff]/;

/** The app's error shape, the status and the code; returns the error for further checks. */
function shape(status: number, statusCode: number, body: unknown, code: string) {
  expect(statusCode).toBe(status);
  const b = body as { error: { code: string; message: string; requestId: string; details?: unknown } };
  expect(Object.keys(b)).toEqual(['error']);
  expect(b.error.code).toBe(code);
  expect(b.error.message).toMatch(CJK);
  expect(b.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(Object.keys(b.error).every((k) => ['code', 'message', 'details', 'requestId'].includes(k))).toBe(
    true,
  );
  return b.error;
}

/** Send raw bytes; resolve with status and parsed JSON body of the answer. */
function raw(data: string): Promise<{ status: number; headers: string; body: unknown }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let out = '';
    sock.setEncoding('latin1');
    sock.on('data', (d) => {
      out += d;
    });
    sock.on('error', () => {}); // the server closes the connection after answering
    sock.on('close', () => {
      const at = out.indexOf('\r\n\r\n');
      if (at < 0) return reject(new Error(`no HTTP answer: ${out.slice(0, 200)}`));
      const text = Buffer.from(out.slice(at + 4), 'latin1').toString('utf8');
      resolve({ status: Number(out.slice(9, 12)), headers: out.slice(0, at), body: JSON.parse(text) });
    });
    sock.write(data);
  });
}

const upload = (url: string, files: Record<string, { name: string; body: string | Buffer }>, extra = '') => {
  const { payload, contentType } = multipartFiles(files);
  const boundary = contentType.split('boundary=')[1] ?? '';
  const fields = extra
    ? Buffer.from(
        extra
          .split(',')
          .map((f) => `--${boundary}\r\nContent-Disposition: form-data; name="${f}"\r\n\r\nx\r\n`)
          .join(''),
      )
    : Buffer.alloc(0);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...s.headers, 'content-type': contentType },
    payload: Buffer.concat([fields, payload]),
  });
};

beforeAll(async () => {
  h = await createTestDatabase();
  await seedRegion(h.db, 200);
  t = await buildTestApp(h.db);
  const city = await orgByName(h.db, 'city', '清远');
  await buildAccount(h.db, 'he_city', 'bureau_admin', city);
  s = await login(t.app, 'he_city');
  const r = await postExam(t, s, city.id, { name: '限制测试' });
  examId = r.json().id;
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as net.AddressInfo).port;
}, 120_000);

afterAll(async () => {
  await t?.app.close();
  await h?.close();
});

describe('hardening: one error shape everywhere, naming the limit that applied', () => {
  it('a 2 MB JSON body → 413 BODY_TOO_LARGE naming the 1 MB JSON limit (not the upload limit)', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x'.repeat(2 * 1024 * 1024), password: 'y' },
    });
    const e = shape(413, r.statusCode, r.json(), 'BODY_TOO_LARGE');
    expect(e.message).toContain('请求体上限 1 MB');
    expect(e.details).toEqual({ limit: 1024 * 1024 });
    // just under the limit is not refused for its size
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'x'.repeat(1024 * 1024 - 100), password: 'y' },
    });
    expect(ok.json().error.code).not.toBe('BODY_TOO_LARGE');
  });

  it('bad JSON and an empty JSON body → 400 BAD_REQUEST', async () => {
    for (const payload of ['{abc:', '']) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      shape(400, r.statusCode, r.json(), 'BAD_REQUEST');
    }
  });

  it('a body that is neither JSON nor multipart → 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const type of ['text/plain', 'application/xml', 'text/csv']) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': type },
        payload: 'username=a',
      });
      const e = shape(415, r.statusCode, r.json(), 'UNSUPPORTED_MEDIA_TYPE');
      expect(e.message).toContain('application/json');
    }
  });

  it('multipart: a file over MAX_UPLOAD_MB → 413 FILE_TOO_LARGE naming it (5 MB in tests)', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 0x31);
    const r = await upload(`/api/v1/exams/${examId}/uploads`, {
      scores: { name: 'scores.csv', body: big },
      items: { name: 'items.csv', body: ITEMS_CSV },
    });
    const e = shape(413, r.statusCode, r.json(), 'FILE_TOO_LARGE');
    expect(e.message).toContain('上限 5 MB');
  });

  it('multipart: too many files names the route’s limit (3 for exam scores, 1 for an import)', async () => {
    const f = { name: 'a.csv', body: 'x' };
    const exam = await upload(`/api/v1/exams/${examId}/uploads`, { scores: f, items: f, prior: f, more: f });
    const e = shape(413, exam.statusCode, exam.json(), 'TOO_MANY_PARTS');
    expect(e.message).toContain('最多 3 个文件');
    expect(e.details).toEqual({ limit: 3, kind: 'files' });
    const imp = await upload('/api/v1/imports', { file: f, file2: f }, 'kind');
    expect(shape(413, imp.statusCode, imp.json(), 'TOO_MANY_PARTS').message).toContain('最多 1 个文件');
  });

  it('multipart: too many fields names the limit (5)', async () => {
    const r = await upload('/api/v1/imports', { file: { name: 'a.csv', body: 'x' } }, 'a,b,c,d,e,f');
    const e = shape(413, r.statusCode, r.json(), 'TOO_MANY_PARTS');
    expect(e.message).toContain('最多 5 个字段');
  });

  it('a long query string → 414 URI_TOO_LONG naming the 16 KB limit (was 431 in Fastify’s shape)', async () => {
    const r = await raw(`GET /api/v1/teachers?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    const e = shape(414, r.status, r.body, 'URI_TOO_LONG');
    expect(e.message).toContain('16 KB');
    expect(r.headers).toMatch(/content-type: application\/json/i);
  });

  it('a header over the limit → 431 HEADERS_TOO_LARGE naming 16 KB; just under passes the parser', async () => {
    const r = await raw(`GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`);
    expect(shape(431, r.status, r.body, 'HEADERS_TOO_LARGE').message).toContain('16 KB');
    const ok = await raw(
      `GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(15_000)}\r\nConnection: close\r\n\r\n`,
    );
    shape(401, ok.status, ok.body, 'UNAUTHENTICATED');
  });

  it('an unknown HTTP method → 405; a method the route lacks → 404 NOT_FOUND, both in the app’s shape', async () => {
    shape(405, ...(await rawPair(`FOO /api/v1/auth/me HTTP/1.1\r\nHost: x\r\n\r\n`)), 'METHOD_NOT_ALLOWED');
    const del = await t.app.inject({ method: 'DELETE', url: '/api/v1/auth/me' });
    shape(404, del.statusCode, del.json(), 'NOT_FOUND');
  });

  it('a badly encoded URL → 400, a path parameter over 100 characters → 414 naming the limit', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/exams/%zz' });
    shape(400, bad.statusCode, bad.json(), 'BAD_REQUEST');
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/exams/${'1'.repeat(101)}` });
    const e = shape(414, long.statusCode, long.json(), 'URI_TOO_LONG');
    expect(e.message).toContain('上限 100 个字符');
    // 100 characters is routed (and refused by the route: not an id of this deployment)
    const at = await t.app.inject({ method: 'GET', url: `/api/v1/exams/${'1'.repeat(100)}` });
    expect(at.statusCode).not.toBe(414);
  });

  it('a malformed request and a request timeout answer in the shape too (408 names the timeout)', async () => {
    const r = await raw('POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}');
    shape(400, r.status, r.body, 'BAD_REQUEST');

    const written: string[] = [];
    const socket = Object.assign(new net.Socket(), {
      write: (d: string) => written.push(d) > 0,
    });
    Object.defineProperty(socket, 'writable', { value: true });
    socket.on('error', () => {}); // destroyed with the error, as Node's own handler does
    handleClientError(Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
    const text = written.join('');
    expect(text.startsWith('HTTP/1.1 408 ')).toBe(true);
    const body = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
    expect(shape(408, 408, body, 'REQUEST_TIMEOUT').message).toContain('超时');
    expect(clientErrorResponse(Object.assign(new Error('x'), { code: 'HPE_INVALID_METHOD' }))).toMatch(
      /^HTTP\/1\.1 405 /,
    );
  });

  it('any other 4xx of Fastify or a plugin gets a code and a Chinese message by its status, never its English text', () => {
    const limits = { maxUploadBytes: 5 * 1024 * 1024 };
    const err = (code: string, statusCode: number) =>
      Object.assign(new Error('English text'), { code, statusCode });
    expect(refusalOf(err('FST_ERR_VALIDATION', 400), null, limits)).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    expect(refusalOf(err('FST_SOMETHING_NEW', 429), null, limits)).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      message: '操作过于频繁，请稍后再试',
    });
    expect(refusalOf(err('FST_SOMETHING_NEW', 418), null, limits)).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
    });
    expect(refusalOf(err('FST_BROKEN', 500), null, limits)).toBeNull();
  });

  it('an unknown API route → 404 NOT_FOUND in the shape (unchanged)', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    shape(404, r.statusCode, r.json(), 'NOT_FOUND');
  });
});

async function rawPair(data: string): Promise<[number, unknown]> {
  const r = await raw(data);
  return [r.status, r.body];
}
