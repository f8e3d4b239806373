/**
 * 学时申报 (claims): a teacher claims 学时 with evidence files (multipart: the JSON field `claim` and up to
 * `CLAIM_EVIDENCE_MAX_FILES` file parts `evidence`); the school reviews, then the county, and the county's
 * approval posts the credit to the ledger. The rules (24 学时 a day, dates, lengths, deadlines, duplicates) are
 * core's `hours/claims.ts`: these schemas check the shape only, so a refusal always names its rule.
 */
import {
  CLAIM_CERTIFICATE_MAX,
  CLAIM_EVIDENCE_KINDS,
  CLAIM_EVIDENCE_MAX_FILES,
  CLAIM_ISSUER_MAX,
  CLAIM_KIND_LABELS,
  CLAIM_KINDS,
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  CLAIM_TITLE_MAX,
} from '@yanxun/core/hours/types';
import { z } from 'zod';
import { hourCategorySchema } from './hours';

export {
  CLAIM_CERTIFICATE_MAX,
  CLAIM_EVIDENCE_KINDS,
  CLAIM_EVIDENCE_MAX_FILES,
  CLAIM_ISSUER_MAX,
  CLAIM_KIND_LABELS,
  CLAIM_KINDS,
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  CLAIM_TITLE_MAX,
};

export const hourClaimKindSchema = z.enum(CLAIM_KINDS);
export type HourClaimKind = z.infer<typeof hourClaimKindSchema>;
export const hourClaimStatusSchema = z.enum(CLAIM_STATUSES);
export type HourClaimStatus = z.infer<typeof hourClaimStatusSchema>;

/** The `claim` field of the multipart request (JSON). Strings are bounded loosely; core's rules decide. */
export const createHourClaimSchema = z.object({
  category: hourCategorySchema,
  kind: hourClaimKindSchema,
  title: z.string().max(2000),
  issuer: z.string().max(2000),
  certificateNo: z.string().max(2000).nullish(),
  startDate: z.string().max(20),
  endDate: z.string().max(20),
  /** tenths of a 学时 (12.5 学时 = 125) */
  hoursTenths: z.number(),
});
export type CreateHourClaim = z.infer<typeof createHourClaimSchema>;

export const hourClaimEvidenceSchema = z.object({
  fileId: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
});
export type HourClaimEvidence = z.infer<typeof hourClaimEvidenceSchema>;

/** A claim as the teacher and the reviewers read it. */
export const hourClaimSchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  schoolName: z.string(),
  category: hourCategorySchema,
  kind: hourClaimKindSchema,
  title: z.string(),
  issuer: z.string(),
  certificateNo: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  hoursTenths: z.number().int(),
  status: hourClaimStatusSchema,
  submittedAt: z.string(),
  /** the last day of the review under way (the school's, then the county's); null once decided */
  dueOn: z.string().nullable(),
  /** the review under way is past its last day (Y-HOURS-CLAIM-DEADLINE) */
  overdue: z.boolean(),
  schoolDecidedAt: z.string().nullable(),
  schoolComment: z.string().nullable(),
  countyDecidedAt: z.string().nullable(),
  countyComment: z.string().nullable(),
  returnReason: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  evidence: z.array(hourClaimEvidenceSchema),
  /** which review the reader may make now */
  canDecide: z.enum(['school', 'county']).nullable(),
  canWithdraw: z.boolean(),
});
export type HourClaim = z.infer<typeof hourClaimSchema>;

/** The review queue: a status, or (absent) the claims waiting for the reader's own review. */
export const hourClaimQueueQuerySchema = z.object({ status: hourClaimStatusSchema.optional() });
export type HourClaimQueueQuery = z.infer<typeof hourClaimQueueQuerySchema>;

/** Approve (the school passes it to the county; the county posts it) or return with a reason. */
export const decideHourClaimSchema = z.object({
  decision: z.enum(['approve', 'return']),
  reason: z.string().trim().max(500).optional(),
});
export type DecideHourClaim = z.infer<typeof decideHourClaimSchema>;

/** The evidence kinds by name, for the file picker (the server checks the content). */
export const CLAIM_EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png';
