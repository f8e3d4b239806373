import { z } from 'zod';

/** Every error code the API can return. The web maps each to a Chinese message. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'CSRF_FAILED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'PASSWORD_POLICY',
  'FILE_TOO_LARGE',
  'FILE_UNREADABLE',
  'FILE_EMPTY',
  'FILE_LIMIT_EXCEEDED',
  'HEADER_MISMATCH',
  'IMPORT_NOT_READY',
  'IMPORT_HAS_ERRORS',
  'RATE_LIMITED',
  'SERVER_BUSY',
  // a commit that would remove many stored rows waits for a confirmation naming their number
  'CONFIRM_REMOVAL',
  // refusals of the HTTP layer itself (Fastify, its plugins, Node's parser), each naming the limit that applied
  'BAD_REQUEST',
  'BODY_TOO_LARGE',
  'TOO_MANY_PARTS',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
  'URI_TOO_LONG',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
