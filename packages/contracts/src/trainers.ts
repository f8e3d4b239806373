/**
 * The trainer pool (教师培训者团队, R3-P*): application → the school's recommendation → the bureau's approval
 * (R3-P07), direct appointment with consent (R3-P08), eligibility with overrides (R3-P03 … R3-P05), terms (R3-P06),
 * annual assessment (R3-P09), revocation (R3-P10), assignments and the county team's standing (R3-P01, R3-P02).
 * The rules are core's `communities/trainers.ts`; these schemas check the shape only.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const id = z.string().max(20);

export const TRAINER_STATUSES = [
  'applied',
  'recommended',
  'returned',
  'approved',
  'appointed',
  'released',
  'revoked',
] as const;
export const trainerStatusSchema = z.enum(TRAINER_STATUSES);
export type TrainerStatus = z.infer<typeof trainerStatusSchema>;

/** R3-P10's four reasons (core `REVOCATION_REASONS`; the server checks the two lists are the same). */
export const TRAINER_REVOCATION_REASONS = ['conduct_code', 'duties', 'discipline', 'criminal'] as const;
export const trainerRevocationReasonSchema = z.enum(TRAINER_REVOCATION_REASONS);
export type TrainerRevocationReason = z.infer<typeof trainerRevocationReasonSchema>;

/** A trainer's work on a programme or class: 主讲, 指导, 评审. */
export const TRAINER_ASSIGNMENT_ROLES = ['lecturer', 'mentor', 'reviewer'] as const;
export const trainerAssignmentRoleSchema = z.enum(TRAINER_ASSIGNMENT_ROLES);
export type TrainerAssignmentRole = z.infer<typeof trainerAssignmentRoleSchema>;

export const trainerOverrideSchema = z.object({ rule: z.string(), by: z.string(), reason: z.string() });
export type TrainerOverride = z.infer<typeof trainerOverrideSchema>;

/** One finding of core's `trainerEligibility`: a plain sentence, the rule and its values. */
export const trainerFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  values: z.record(z.string(), z.unknown()),
  overriddenBy: trainerOverrideSchema.optional(),
});
export type TrainerFinding = z.infer<typeof trainerFindingSchema>;

export const trainerEligibilitySchema = z.object({
  kind: z.enum(['first', 'renewal']),
  asOf: z.string(),
  age: z.number().int(),
  outcome: z.enum(['eligible', 'needs_override', 'ineligible']),
  findings: z.array(trainerFindingSchema),
});
export type TrainerEligibility = z.infer<typeof trainerEligibilitySchema>;

export const trainerEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type TrainerEvent = z.infer<typeof trainerEventSchema>;

export const trainerAssessmentSchema = z.object({
  year: z.number().int(),
  result: z.enum(['pass', 'fail']),
  note: z.string().nullable(),
  assessedAt: z.string(),
});
export type TrainerAssessment = z.infer<typeof trainerAssessmentSchema>;

export const trainerAssignmentSchema = z.object({
  id: z.string(),
  targetKind: z.enum(['programme', 'class']),
  targetId: z.string(),
  targetTitle: z.string(),
  role: trainerAssignmentRoleSchema,
  year: z.number().int(),
  startsOn: z.string(),
});
export type TrainerAssignment = z.infer<typeof trainerAssignmentSchema>;

/** A teacher's record in one pool, as the list shows it. */
export const trainerRecordSchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  poolOrgId: z.string(),
  poolName: z.string(),
  route: z.enum(['application', 'appointment']),
  status: trainerStatusSchema,
  statement: z.string().nullable(),
  consentOn: z.string().nullable(),
  consentNote: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  endedOn: z.string().nullable(),
  revocationReason: trainerRevocationReasonSchema.nullable(),
  overrides: z.array(trainerOverrideSchema),
  /**
   * The check for the next decision as of today: first appointment while the record waits, renewal (at the
   * term's end) for a member; null once the membership has ended.
   */
  eligibility: trainerEligibilitySchema.nullable(),
  lastAssessment: trainerAssessmentSchema.nullable(),
  updatedAt: z.string(),
});
export type TrainerRecord = z.infer<typeof trainerRecordSchema>;

/** One record with its whole history, assessments and assignments. */
export const trainerDetailSchema = trainerRecordSchema.extend({
  events: z.array(trainerEventSchema),
  assessments: z.array(trainerAssessmentSchema),
  assignments: z.array(trainerAssignmentSchema),
});
export type TrainerDetail = z.infer<typeof trainerDetailSchema>;

export const trainerListQuerySchema = z.object({
  status: trainerStatusSchema.optional(),
  /** a pool unit or any node above: records of pools in its subtree */
  orgId: id.optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TrainerListQuery = Partial<z.infer<typeof trainerListQuerySchema>>;

export const trainerPageSchema = z.object({ items: z.array(trainerRecordSchema), total: z.number().int() });
export type TrainerPage = z.infer<typeof trainerPageSchema>;

/** The pools a teacher may apply to: their county's and their city's. */
export const trainerPoolSchema = z.object({ id: z.string(), name: z.string(), kind: z.string() });
export type TrainerPool = z.infer<typeof trainerPoolSchema>;

export const myTrainerSchema = z.object({
  records: z.array(trainerDetailSchema),
  pools: z.array(trainerPoolSchema),
  /** the first-appointment check as of today, before any application */
  eligibility: trainerEligibilitySchema,
});
export type MyTrainer = z.infer<typeof myTrainerSchema>;

const reason = z.string().trim().max(1000);
const overrideRequest = z.object({ rule: z.string().max(20), reason: z.string().trim().min(2).max(500) });

export const applyTrainerSchema = z.object({
  /** the county (default) or the city whose team the teacher applies to */
  poolOrgId: id.optional(),
  statement: z.string().trim().min(10, '请用至少 10 个字说明申请理由与专长').max(2000),
});
export type ApplyTrainer = z.infer<typeof applyTrainerSchema>;

export const recommendTrainerSchema = z.object({
  decision: z.enum(['recommend', 'return']),
  reason: reason.optional(),
});
export type RecommendTrainer = z.infer<typeof recommendTrainerSchema>;

export const approveTrainerSchema = z.object({
  decision: z.enum(['approve', 'return']),
  reason: reason.optional(),
  /** a reason for each soft rule's warning the officer accepts (R3-P03, R3-P04) */
  overrides: z.array(overrideRequest).max(5).default([]),
  /** the first day of the term; default today */
  termStart: isoDate.optional(),
});
export type ApproveTrainer = z.input<typeof approveTrainerSchema>;

export const appointTrainerSchema = z.object({
  teacherId: id,
  poolOrgId: id,
  consentOn: isoDate,
  consentNote: z.string().trim().min(2, '请记录本人同意的方式').max(500),
  overrides: z.array(overrideRequest).max(5).default([]),
  termStart: isoDate.optional(),
});
export type AppointTrainer = z.input<typeof appointTrainerSchema>;

export const assessTrainerSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  result: z.enum(['pass', 'fail']),
  note: reason.optional(),
});
export type AssessTrainer = z.infer<typeof assessTrainerSchema>;

export const revokeTrainerSchema = z.object({
  reason: trainerRevocationReasonSchema,
  note: z.string().trim().min(2, '请填写撤销说明').max(1000),
});
export type RevokeTrainer = z.infer<typeof revokeTrainerSchema>;

export const assignTrainerSchema = z.object({
  targetKind: z.enum(['programme', 'class']),
  targetId: id,
  role: trainerAssignmentRoleSchema,
});
export type AssignTrainer = z.infer<typeof assignTrainerSchema>;

export const trainerStandingQuerySchema = z.object({
  orgId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type TrainerStandingQuery = Partial<z.infer<typeof trainerStandingQuerySchema>>;

/** One county's team (R3-P01 ≥ 50 members, R3-P02 ≥ 90 % of them assigned to work in the year). */
export const countyTrainerStandingSchema = z.object({
  orgId: z.string(),
  name: z.string(),
  size: z.number().int(),
  active: z.number().int(),
  activeShare: z.number().nullable(),
  findings: z.array(trainerFindingSchema),
});
export type CountyTrainerStanding = z.infer<typeof countyTrainerStandingSchema>;

export const trainerStandingSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  teamMin: z.number().int(),
  activeShareMin: z.number(),
  counties: z.array(countyTrainerStandingSchema),
});
export type TrainerStanding = z.infer<typeof trainerStandingSchema>;
