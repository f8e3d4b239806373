/** Integrity records (诚信档案, R-004-20) and their appeals. */
import { INTEGRITY_KIND_CODES } from '@yanxun/core/programs/policy-pack';
import { z } from 'zod';
import { pageQuerySchema } from '../org';
import { idString, isoDate } from './fields';

/** 无特殊情况未参训 / 被劝退 / 未结业: the kinds of record; core's policy-pack.ts. */
export { INTEGRITY_KIND_CODES, type IntegrityKind } from '@yanxun/core/programs/policy-pack';

export const integrityRecordSchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  kind: z.enum(INTEGRITY_KIND_CODES),
  recordDate: z.string(),
  programmeId: z.string().nullable(),
  evidence: z.string().nullable(),
  standing: z.boolean(),
  createdAt: z.string(),
  /** The last day of the bar (R-004-20): record date + the pack's years, anniversary reading applied. */
  barEndsOn: z.string(),
  appeal: z.object({
    status: z.enum(['none', 'pending', 'upheld', 'rejected']),
    reason: z.string().nullable(),
    appealedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
  }),
  /** Why a record no longer stands (appeal upheld …). */
  standingReason: z.string().nullable(),
});
export type IntegrityRecordBody = z.infer<typeof integrityRecordSchema>;

export const createIntegrityRecordSchema = z.object({
  teacherId: idString,
  kind: z.enum(INTEGRITY_KIND_CODES),
  recordDate: isoDate,
  programmeId: idString.optional(),
  evidence: z.string().trim().max(2000).optional(),
});
export type CreateIntegrityRecordRequest = z.infer<typeof createIntegrityRecordSchema>;

export const integrityListQuerySchema = pageQuerySchema.extend({ teacherId: idString.optional() });
export type IntegrityListQuery = z.infer<typeof integrityListQuerySchema>;

export const integrityAppealRequestSchema = z.object({ reason: z.string().trim().min(2).max(2000) });
export type IntegrityAppealRequest = z.infer<typeof integrityAppealRequestSchema>;

export const integrityAppealDecisionSchema = z.object({
  decision: z.enum(['upheld', 'rejected']),
  reason: z.string().trim().min(2).max(2000),
});
export type IntegrityAppealDecision = z.infer<typeof integrityAppealDecisionSchema>;
