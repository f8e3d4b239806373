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
