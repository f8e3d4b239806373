import { IMPORT_KINDS } from '@yanxun/core/import-columns';
import { z } from 'zod';

/** What an import brings in; the columns of each kind are core's import-columns.ts. */
export { headerEnOf, IMPORT_KINDS, type ImportKind } from '@yanxun/core/import-columns';
/** Each row error code in plain words (core's row-rules.ts): the import error table shows these. */
export { ROW_RULE_TEXTS, type RowRule, rowRuleText } from '@yanxun/core/row-rules';
export const importKindSchema = z.enum(IMPORT_KINDS);

/**
 * queued → validating → validated (dry-run done; see counts) → committing → committed
 *                     ↘ failed (unreadable file: see error)
 */
export const IMPORT_STATUSES = [
  'queued',
  'validating',
  'validated',
  'committing',
  'committed',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importJobSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  /** 0..100 */
  progress: z.number(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  /** rows with at least one error */
  errorRows: z.number().int(),
  /** all errors found; the error list and report hold the first MAX_ERRORS_KEPT of them */
  errorCount: z.number().int(),
  /** dry-run preview: how many rows would be created / updated / left unchanged */
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  committedRows: z.number().int(),
  commitMode: z.enum(['all', 'valid']).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** a validated dry run may be committed until then */
  expiresAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  /** A code of ROW_RULE_TEXTS; a string, since a job stored by an older version may hold one no longer listed. */
  rule: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const commitImportSchema = z.object({ mode: z.enum(['all', 'valid']) });
export type CommitImportRequest = z.infer<typeof commitImportSchema>;
