/**
 * 学时 from other platforms: the systems records come from, a dry run's verdict on each row, the review queue and
 * the platforms that post xAPI statements. 学时 in tenths.
 */
import { z } from 'zod';
import { hourCategorySchema } from './hours';

/** The platforms records are imported from (their code is the provenance system of the ledger entry). */
export const EXTERNAL_SYSTEMS = {
  smartedu: '国家中小学智慧教育平台',
  provincial_ce: '省继续教育管理系统',
} as const;
export const externalSystemSchema = z.enum(['smartedu', 'provincial_ce']);
export type ExternalSystem = z.infer<typeof externalSystemSchema>;

/** What a row of an import comes to. */
export const externalVerdictSchema = z.enum([
  'new',
  'unchanged',
  'changed',
  'queued',
  'already_queued',
  'invalid',
]);
export type ExternalVerdict = z.infer<typeof externalVerdictSchema>;

export const externalRowProblemSchema = z.object({
  column: z.string(),
  value: z.string(),
  rule: z.string(),
  message: z.string(),
  /** A conflict or change by its code (EXT.OVER_DAY_CAP …) and values, for the web to word. */
  code: z.string().optional(),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** One row's verdict: which row, the record, and why (the rule and the value when it is not plain new). */
export const externalRowSchema = z.object({
  row: z.number().int(),
  verdict: externalVerdictSchema,
  recordId: z.string(),
  name: z.string(),
  title: z.string(),
  hoursTenths: z.number().int().nullable(),
  problems: z.array(externalRowProblemSchema),
});
export type ExternalRow = z.infer<typeof externalRowSchema>;

export const externalCountsSchema = z.object({
  total: z.number().int(),
  new: z.number().int(),
  unchanged: z.number().int(),
  changed: z.number().int(),
  queued: z.number().int(),
  already_queued: z.number().int(),
  invalid: z.number().int(),
});
export type ExternalCounts = z.infer<typeof externalCountsSchema>;

/** A dry run: the counts, the rows (the first 1,000 with a verdict other than new first), until when it may be committed. */
export const externalBatchSchema = z.object({
  id: z.string(),
  system: externalSystemSchema,
  fileName: z.string(),
  counts: externalCountsSchema,
  rows: z.array(externalRowSchema),
  expiresAt: z.string(),
  committedAt: z.string().nullable(),
});
export type ExternalBatch = z.infer<typeof externalBatchSchema>;

/** What a commit wrote: postings, reversals (of changed records), rows queued. */
export const externalCommitSchema = z.object({
  id: z.string(),
  counts: externalCountsSchema,
  posted: z.number().int(),
  reversed: z.number().int(),
  queued: z.number().int(),
});
export type ExternalCommit = z.infer<typeof externalCommitSchema>;

export const externalQueueKindSchema = z.enum(['unknown_teacher', 'over_cap', 'overlap']);

export const externalQueueItemSchema = z.object({
  id: z.string(),
  kind: externalQueueKindSchema,
  ruleId: z.string(),
  message: z.string(),
  system: z.string(),
  recordId: z.string(),
  idNumberMasked: z.string(),
  name: z.string(),
  title: z.string(),
  category: hourCategorySchema,
  hoursTenths: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  status: z.enum(['open', 'posted', 'dismissed']),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type ExternalQueueItem = z.infer<typeof externalQueueItemSchema>;

export const resolveQueueSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('post') }),
  z.object({ action: z.literal('dismiss'), reason: z.string().trim().min(2).max(500) }),
]);
export type ResolveQueueRequest = z.infer<typeof resolveQueueSchema>;

export const createXapiPlatformSchema = z.object({
  name: z.string().trim().min(2).max(100),
  system: z.string().trim().min(1).max(40),
  orgId: z.string().max(20),
});
export type CreateXapiPlatformRequest = z.infer<typeof createXapiPlatformSchema>;

/** A platform as created: the token is shown this once (only its sha256 is kept). */
export const xapiPlatformCreatedSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type XapiPlatformCreated = z.infer<typeof xapiPlatformCreatedSchema>;

/** A registered platform as its administrators see it (never the token). */
export const xapiPlatformSchema = z.object({
  id: z.string(),
  name: z.string(),
  system: z.string(),
  /** The unit whose teachers it may post for. */
  unitName: z.string().nullable(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Why it was revoked (from the audited revocation). */
  revokedReason: z.string().nullable(),
  /** Statements taken from it so far, and when the last came. */
  statements: z.number().int(),
  lastStatementAt: z.string().nullable(),
});
export type XapiPlatform = z.infer<typeof xapiPlatformSchema>;
export const xapiPlatformListSchema = z.object({ items: z.array(xapiPlatformSchema) });
export type XapiPlatformList = z.infer<typeof xapiPlatformListSchema>;

export const revokeXapiPlatformSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type RevokeXapiPlatformRequest = z.infer<typeof revokeXapiPlatformSchema>;
