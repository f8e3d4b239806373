import type { ErrorCode } from '@yanxun/contracts';

export const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_POLICY: 400,
  FILE_TOO_LARGE: 413,
  FILE_UNREADABLE: 400,
  FILE_EMPTY: 400,
  FILE_LIMIT_EXCEEDED: 422,
  HEADER_MISMATCH: 400,
  IMPORT_NOT_READY: 409,
  IMPORT_HAS_ERRORS: 409,
  RATE_LIMITED: 429,
  SERVER_BUSY: 503,
  CONFIRM_REMOVAL: 409,
  BAD_REQUEST: 400,
  BODY_TOO_LARGE: 413,
  TOO_MANY_PARTS: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  METHOD_NOT_ALLOWED: 405,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  INTERNAL: 500,
};

/** The one error type of the application. Services throw it; the error handler turns it into the API shape. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或不在您的管辖范围内`);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError('FORBIDDEN', message);
