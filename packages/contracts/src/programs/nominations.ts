/**
 * Nominations with their eligibility checks, withdrawal and substitution (替训), and the selecting level's
 * decision on a competitive (差额, R-004-59) shortlist.
 */
import { z } from 'zod';
import { pageQuerySchema } from '../org';
import { idString } from './fields';

export const eligibilityCheckSchema = z.object({
  /** What the check is about (core's EligibilityCheckCode: age, title, integrity …); absent in results stored before it. */
  code: z.string().optional(),
  ruleId: z.string(),
  label: z.string(),
  passed: z.boolean(),
  soft: z.boolean(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The check in Chinese; the web words it from code and values. */
  message: z.string(),
  override: z.object({ reason: z.string(), by: z.string().nullable() }).optional(),
});
export type EligibilityCheckBody = z.infer<typeof eligibilityCheckSchema>;

export const eligibilityResultSchema = z.object({
  projectTypeCode: z.string(),
  trackCode: z.string(),
  referenceDate: z.string(),
  eligible: z.boolean(),
  needsOverride: z.boolean(),
  checks: z.array(eligibilityCheckSchema),
  priorities: z.array(z.object({ ruleId: z.string(), code: z.string(), label: z.string() })),
});
export type EligibilityResultBody = z.infer<typeof eligibilityResultSchema>;

const candidateExtras = {
  /** Attestation codes the nominating unit confirms (health, target group …, R-004-57). */
  attestations: z.array(z.string().max(64)).max(20).optional(),
  /** Priority flags (R-004-67 …). */
  flags: z.array(z.string().max(64)).max(20).optional(),
  /** Reason for passing a failed soft rule ("原则上", e.g. age > 45, R-004-56); recorded with the nomination. */
  overrideReason: z.string().trim().min(2).max(500).optional(),
};

export const eligibilityRequestSchema = z.object({ teacherId: idString, ...candidateExtras });
export type EligibilityRequest = z.infer<typeof eligibilityRequestSchema>;

/** `candidate` and `not_selected`: a competitive (差额, R-004-59) programme's shortlist before and after selection. */
export const NOMINATION_STATUSES = [
  'candidate',
  'selected',
  'not_selected',
  'waitlisted',
  'withdrawn',
  'replaced',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const nominateRequestSchema = z.object({
  teacherId: idString,
  /** The quota node whose seats are used; defaults to the teacher's school. */
  quotaOrgId: idString.optional(),
  /** When the seats are full: go on the waitlist instead of being refused. */
  waitlist: z.boolean().optional(),
  ...candidateExtras,
});
export type NominateRequest = z.infer<typeof nominateRequestSchema>;

export const nominationSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  quotaOrgId: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  /** 1-based place on the waitlist of the quota node, for waitlisted nominations. */
  waitlistPosition: z.number().int().nullable(),
  eligibility: eligibilityResultSchema,
  overrideReason: z.string().nullable(),
  reason: z.string().nullable(),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  createdAt: z.string(),
  /** When the selecting level decided a candidate's outcome (R-004-59). */
  decidedAt: z.string().nullable().optional(),
});
export type Nomination = z.infer<typeof nominationSchema>;

export const nominationListQuerySchema = pageQuerySchema.extend({
  status: z.enum(NOMINATION_STATUSES).optional(),
  orgId: idString.optional(),
});
export type NominationListQuery = z.infer<typeof nominationListQuerySchema>;

export const withdrawRequestSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type WithdrawRequest = z.infer<typeof withdrawRequestSchema>;

export const withdrawResultSchema = z.object({
  withdrawn: nominationSchema,
  /** The waitlisted nomination that took the freed seat, if any. */
  promoted: nominationSchema.nullable(),
});
export type WithdrawResult = z.infer<typeof withdrawResultSchema>;

export const substituteRequestSchema = z.object({
  teacherId: idString,
  reason: z.string().trim().min(2).max(500),
  ...candidateExtras,
});
export type SubstituteRequest = z.infer<typeof substituteRequestSchema>;

export const substituteResultSchema = z.object({ replaced: nominationSchema, nomination: nominationSchema });
export type SubstituteResult = z.infer<typeof substituteResultSchema>;

/** The selecting level's final list of a competitive programme (R-004-59): the candidates it selects. */
export const confirmShortlistRequestSchema = z.object({
  /** Quota node whose candidates are decided; every candidate there not listed becomes not selected. */
  orgId: idString,
  selectedIds: z.array(idString).max(5000),
  reason: z.string().trim().max(500).optional(),
});
export type ConfirmShortlistRequest = z.infer<typeof confirmShortlistRequestSchema>;

export const shortlistResultSchema = z.object({
  orgId: z.string(),
  seats: z.number().int(),
  ruleId: z.string(),
  results: z.array(
    z.object({
      nominationId: z.string(),
      teacherId: z.string(),
      teacherName: z.string(),
      status: z.enum(['selected', 'not_selected']),
      ruleId: z.string(),
      message: z.string(),
    }),
  ),
});
export type ShortlistResult = z.infer<typeof shortlistResultSchema>;

export const SUBSTITUTION_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;

/** A 替训 request: the nominating unit asks, the level that allocated its seats decides. */
export const substitutionRequestSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  quotaOrgId: z.string(),
  approverOrgId: z.string(),
  nominationId: z.string(),
  replacedTeacherId: z.string(),
  replacedTeacherName: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  reason: z.string(),
  /** The replacement's eligibility at request time. */
  eligibility: eligibilityResultSchema,
  overrideReason: z.string().nullable(),
  status: z.enum(SUBSTITUTION_STATUSES),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  newNominationId: z.string().nullable(),
});
export type SubstitutionRequestBody = z.infer<typeof substitutionRequestSchema>;

export const substitutionListQuerySchema = pageQuerySchema.extend({
  status: z.enum(SUBSTITUTION_STATUSES).optional(),
});
export type SubstitutionListQuery = z.infer<typeof substitutionListQuerySchema>;

export const substitutionDecisionSchema = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
});
export type SubstitutionDecision = z.infer<typeof substitutionDecisionSchema>;

export const substitutionDecisionResultSchema = z.object({
  request: substitutionRequestSchema,
  /** On approval: the replaced nomination and the new one. */
  replaced: nominationSchema.nullable(),
  nomination: nominationSchema.nullable(),
});
export type SubstitutionDecisionResult = z.infer<typeof substitutionDecisionResultSchema>;
