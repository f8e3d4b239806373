/**
 * The client's transport: one request with the session cookie and the CSRF header, the server's error body as an
 * ApiError (with the client's own NETWORK_ERROR and BAD_RESPONSE), and every answer parsed against its contract.
 */
import { CSRF_HEADER, errorBodySchema, type Me, meSchema } from '@yanxun/contracts';

/** Codes the client itself produces, next to the server's ERROR_CODES. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'BAD_RESPONSE';

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string | null;
  /** the answer's Retry-After header (429, 503), in seconds from when it arrived */
  retryAfterSeconds?: number | null;
}

/** Every failed call ends here: the server's `{ error: { code, message, details?, requestId } }`, unchanged. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The structural bit of a zod schema we need; keeps zod itself out of the web's imports. */
export interface Parser<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export interface RequestOptions {
  query?: Query;
  json?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Login answers 401 for a wrong password: that is not "session gone", so do not redirect. */
  skipAuthRedirect?: boolean;
}

export interface ApiClientOptions {
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: typeof fetch;
  onUnauthorized?: (error: ApiError) => void;
}

const FALLBACK_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'FILE_TOO_LARGE',
  422: 'FILE_LIMIT_EXCEEDED',
  429: 'RATE_LIMITED',
  503: 'SERVER_BUSY',
};

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Retry-After: delta-seconds or an HTTP date → seconds from now (null when absent or unreadable). */
export function retryAfterOf(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function readError(res: Response): Promise<ApiError> {
  const headerRequestId = res.headers.get('x-request-id');
  const retryAfterSeconds = retryAfterOf(res.headers.get('retry-after'));
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const parsed = errorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details, requestId } = parsed.data.error;
    return new ApiError({ status: res.status, code, message, details, requestId, retryAfterSeconds });
  }
  return new ApiError({
    status: res.status,
    code: FALLBACK_CODES[res.status] ?? 'INTERNAL',
    message: res.statusText || `HTTP ${res.status}`,
    requestId: headerRequestId,
    retryAfterSeconds,
  });
}

export function parseWith<T>(parser: Parser<T>, data: unknown, what: string): T {
  const result = parser.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first ? first.path.map(String).join('.') : '';
  throw new ApiError({
    status: 200,
    code: 'BAD_RESPONSE',
    message: `Response of ${what} does not match the contract${where ? ` at ${where}` : ''}: ${first?.message ?? ''}`,
    details: result.error.issues,
  });
}

/** `attachment; filename*=UTF-8''%E6%95%99%E5%B8%88.xlsx` → 教师.xlsx */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      return star[1].trim();
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() ?? null;
}

export type ListQuery<T> = Partial<T>;

/** What the feature files of the client build on: one transport per client, holding the session's CSRF token. */
export interface Transport {
  send(method: Method, path: string, opts?: RequestOptions): Promise<Response>;
  /** The answer's JSON (undefined for 204 or an empty body). */
  json(method: Method, path: string, opts?: RequestOptions): Promise<unknown>;
  get<T>(parser: Parser<T>, path: string, query?: Query): Promise<T>;
  /** A write with an optional JSON body, its answer parsed. */
  write<T>(parser: Parser<T>, method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T>;
  /** Parse a Me and keep its CSRF token for the next writes. */
  acceptMe(data: unknown, what: string): Me;
  forgetCsrfToken(): void;
  getCsrfToken(): string | null;
  setUnauthorizedHandler(handler: ((error: ApiError) => void) | undefined): void;
}

export function createTransport(options: ApiClientOptions = {}): Transport {
  let csrfToken: string | null = null;
  let onUnauthorized = options.onUnauthorized;

  async function send(method: Method, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers = new Headers({ accept: 'application/json' });
    let body: BodyInit | undefined;
    if (opts.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(opts.json);
    } else if (opts.form) {
      body = opts.form; // the browser sets the multipart boundary
    }
    if (method !== 'GET' && csrfToken) headers.set(CSRF_HEADER, csrfToken);

    const doFetch = options.fetch ?? globalThis.fetch;
    let res: Response;
    try {
      res = await doFetch(buildUrl(path, opts.query), {
        method,
        headers,
        body,
        credentials: 'same-origin',
        signal: opts.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError({
        status: 0,
        code: 'NETWORK_ERROR',
        message: cause instanceof Error ? cause.message : 'network error',
      });
    }
    if (!res.ok) {
      const error = await readError(res);
      if (res.status === 401 && !opts.skipAuthRedirect) {
        csrfToken = null;
        onUnauthorized?.(error);
      }
      throw error;
    }
    return res;
  }

  async function json(method: Method, path: string, opts?: RequestOptions): Promise<unknown> {
    const res = await send(method, path, opts);
    if (res.status === 204) return undefined;
    const text = await res.text();
    if (!text) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      throw new ApiError({
        status: res.status,
        code: 'BAD_RESPONSE',
        message: `${path} did not return JSON`,
      });
    }
  }

  async function get<T>(parser: Parser<T>, path: string, query?: Query): Promise<T> {
    return parseWith(parser, await json('GET', path, { query }), `GET ${path}`);
  }

  async function write<T>(
    parser: Parser<T>,
    method: 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> {
    return parseWith(
      parser,
      await json(method, path, body === undefined ? {} : { json: body }),
      `${method} ${path}`,
    );
  }

  function acceptMe(data: unknown, what: string): Me {
    const me = parseWith(meSchema, data, what);
    csrfToken = me.csrfToken;
    return me;
  }

  return {
    send,
    write,
    json,
    get,
    acceptMe,
    forgetCsrfToken(): void {
      csrfToken = null;
    },
    getCsrfToken(): string | null {
      return csrfToken;
    },
    setUnauthorizedHandler(handler: ((error: ApiError) => void) | undefined): void {
      onUnauthorized = handler;
    },
  };
}
