import type { ImportJob, Me } from '@yanxun/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, createApiClient, fileNameFromDisposition, retryAfterOf } from './api';

const ME: Me = {
  id: 'u1',
  username: 'admin',
  teacherId: null,
  displayName: '张主任',
  grants: [{ role: 'bureau_admin', orgId: 'o1', orgName: '南山区教育局', orgKind: 'county' }],
  csrfToken: 'csrf-123',
  mustChangePassword: false,
};

const JOB: ImportJob = {
  id: 'j1',
  kind: 'teachers',
  fileName: 't.xlsx',
  status: 'queued',
  progress: 0,
  totalRows: 0,
  validRows: 0,
  errorRows: 0,
  toCreate: 0,
  toUpdate: 0,
  unchanged: 0,
  committedRows: 0,
  commitMode: null,
  error: null,
  createdAt: '2025-01-01T00:00:00Z',
  finishedAt: null,
  errorCount: 0,
  expiresAt: null,
};

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

function errorResponse(status: number, code: string, message: string, details?: unknown): Response {
  return jsonResponse({ error: { code, message, details, requestId: 'req-9' } }, status);
}

type FetchMock = ReturnType<typeof vi.fn<typeof fetch>>;

function lastCall(mock: FetchMock): { url: string; init: RequestInit; headers: Headers } {
  const call = mock.mock.calls.at(-1);
  if (!call) throw new Error('fetch was not called');
  const [input, init = {}] = call;
  return { url: String(input), init, headers: new Headers(init.headers) };
}

let fetchMock: FetchMock;

beforeEach(() => {
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CSRF', () => {
  it('sends the token from login as x-csrf-token on POST, but not on GET', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(jsonResponse(ME));
    await client.login({ username: 'admin', password: 'pw' });

    fetchMock.mockResolvedValueOnce(jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }));
    await client.listTeachers({ q: '张' });
    expect(lastCall(fetchMock).headers.has('x-csrf-token')).toBe(false);

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await client.transferTeacher('t1', { schoolId: 's2', date: '2025-09-01' });
    const { init, headers, url } = lastCall(fetchMock);
    expect(url).toBe('/api/v1/teachers/t1/transfer');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(headers.get('x-csrf-token')).toBe('csrf-123');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ schoolId: 's2', date: '2025-09-01' });
  });

  it('takes the token from GET /auth/me too, and forgets it on logout', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(jsonResponse({ ...ME, csrfToken: 'from-me' }));
    await client.me();
    fetchMock.mockResolvedValueOnce(jsonResponse(JOB));
    await client.commitImport('j1', 'all');
    expect(lastCall(fetchMock).headers.get('x-csrf-token')).toBe('from-me');

    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await client.logout();
    expect(client.getCsrfToken()).toBeNull();
  });

  it('uploads imports as multipart with kind before file, and the CSRF header', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(jsonResponse(ME));
    await client.login({ username: 'admin', password: 'pw' });
    fetchMock.mockResolvedValueOnce(jsonResponse(JOB, 202));
    const job = await client.createImport('teachers', new File(['x'], 't.xlsx'));
    expect(job.id).toBe('j1');
    const { init, headers } = lastCall(fetchMock);
    expect(headers.get('x-csrf-token')).toBe('csrf-123');
    expect(headers.has('content-type')).toBe(false); // the browser adds the multipart boundary
    const form = init.body;
    if (!(form instanceof FormData)) throw new Error('body should be FormData');
    expect([...form.keys()]).toEqual(['kind', 'file']);
    expect(form.get('kind')).toBe('teachers');
  });
});

describe('errors', () => {
  it('throws an ApiError carrying code, message, details and requestId', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(
      errorResponse(423, 'ACCOUNT_LOCKED', 'locked', { lockedUntil: '2025-03-01T08:30:00Z' }),
    );
    const error = await client.login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 423,
      code: 'ACCOUNT_LOCKED',
      message: 'locked',
      details: { lockedUntil: '2025-03-01T08:30:00Z' },
      requestId: 'req-9',
    });
  });

  it('reads Retry-After (seconds or an HTTP date) of a 429 into retryAfterSeconds', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(
      jsonResponse(
        {
          error: { code: 'RATE_LIMITED', message: '等', details: { retryAfterSeconds: 900 }, requestId: 'r' },
        },
        429,
        { 'retry-after': '900' },
      ),
    );
    const error = await client.login({ username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfterSeconds: 900 });
    expect(retryAfterOf('Wed, 21 Oct 2015 07:30:00 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(120);
    expect(retryAfterOf(null)).toBeNull();
    expect(retryAfterOf('soon')).toBeNull();
  });

  it('falls back to a code from the status when the body is not an error envelope', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(
      new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    await expect(client.orgRoots()).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });
    fetchMock.mockResolvedValueOnce(new Response('', { status: 403 }));
    await expect(client.orgRoots()).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const client = createApiClient();
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(client.codes()).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });

  it('rejects a response that breaks the contract instead of rendering garbage', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(jsonResponse({ items: [{ id: 1 }], total: 1, page: 1, pageSize: 20 }));
    await expect(client.listSchools({})).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});

describe('401', () => {
  it('calls the unauthorized handler and drops the CSRF token when the session is gone', async () => {
    const onUnauthorized = vi.fn();
    const client = createApiClient({ onUnauthorized });
    fetchMock.mockResolvedValueOnce(jsonResponse(ME));
    await client.login({ username: 'admin', password: 'pw' });

    fetchMock.mockResolvedValueOnce(errorResponse(401, 'SESSION_EXPIRED', 'expired'));
    await expect(client.teacher('t1')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0]?.[0]).toBeInstanceOf(ApiError);
    expect(client.getCsrfToken()).toBeNull();
  });

  it('does not redirect when the login itself answers 401 (wrong password)', async () => {
    const onUnauthorized = vi.fn();
    const client = createApiClient({ onUnauthorized });
    fetchMock.mockResolvedValueOnce(errorResponse(401, 'INVALID_CREDENTIALS', 'bad'));
    await expect(client.login({ username: 'a', password: 'b' })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not call the handler for 403', async () => {
    const onUnauthorized = vi.fn();
    const client = createApiClient({ onUnauthorized });
    fetchMock.mockResolvedValueOnce(errorResponse(403, 'FORBIDDEN', 'no'));
    await expect(client.org('x')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});

describe('helpers', () => {
  it('builds query strings without empty values', () => {
    expect(buildUrl('/api/v1/teachers', { q: '张', orgId: undefined, stage: '', page: 2 })).toBe(
      '/api/v1/teachers?q=%E5%BC%A0&page=2',
    );
    expect(buildUrl('/x', {})).toBe('/x');
  });

  it('reads UTF-8 file names from Content-Disposition', () => {
    expect(
      fileNameFromDisposition('attachment; filename="t.xlsx"; filename*=UTF-8\'\'%E6%95%99%E5%B8%88.xlsx'),
    ).toBe('教师.xlsx');
    expect(fileNameFromDisposition('attachment; filename="schools.xlsx"')).toBe('schools.xlsx');
    expect(fileNameFromDisposition(null)).toBeNull();
  });

  it('returns the blob and server file name of a download', async () => {
    const client = createApiClient();
    fetchMock.mockResolvedValueOnce(
      new Response(new Blob(['PK']), {
        status: 200,
        headers: { 'content-disposition': "attachment; filename*=UTF-8''errors.xlsx" },
      }),
    );
    const file = await client.fetchFile('/api/v1/imports/j1/errors.xlsx');
    expect(file.fileName).toBe('errors.xlsx');
    expect(await file.blob.text()).toBe('PK');
  });
});
