import { z } from 'zod';
import { eligibilityResultSchema, NOMINATION_STATUSES } from './programs';

/**
 * shortlist: the provider's selection from a competitive shortlist (差额遴选, R-004-59 "培训对象采取1:1.2差额
 * 方式由承训高校遴选确定"). The approved provider of a programme scores and marks its candidates, submits; the
 * programme's owner confirms or returns it when the pack's `shortlistSelection.ownerConfirms` says so.
 */

const idString = z.string().regex(/^\d{1,18}$/, '编号应为数字');

/** open (being marked) → submitted → confirmed, or → returned (with a comment) → submitted again. */
export const SHORTLIST_SELECTION_STATUSES = ['open', 'submitted', 'returned', 'confirmed'] as const;
export type ShortlistSelectionStatus = (typeof SHORTLIST_SELECTION_STATUSES)[number];

export const SHORTLIST_DECISIONS = ['selected', 'not_selected'] as const;
export type ShortlistDecision = (typeof SHORTLIST_DECISIONS)[number];

export const shortlistCandidateSchema = z.object({
  nominationId: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  gender: z.string(),
  /** Masked as everywhere (the provider never sees a full ID number). */
  idNumberMasked: z.string(),
  title: z.string().nullable(),
  subject: z.string().nullable(),
  stage: z.string().nullable(),
  schoolId: z.string(),
  schoolName: z.string(),
  /** The nominating unit (the quota node whose places the candidate competes for). */
  quotaOrgId: z.string(),
  quotaOrgName: z.string(),
  /** The nomination's status: `candidate` until the selection is confirmed. */
  status: z.enum(NOMINATION_STATUSES),
  eligibility: eligibilityResultSchema,
  overrideReason: z.string().nullable(),
  nominatedAt: z.string(),
  /** 0–100 with one decimal; null when not scored. */
  score: z.number().nullable(),
  /** Rank by score over the whole programme (1, 2, 2, 4 …); null without a score. */
  rank: z.number().int().nullable(),
  decision: z.enum(SHORTLIST_DECISIONS).nullable(),
  reason: z.string().nullable(),
  markedBy: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export type ShortlistCandidate = z.infer<typeof shortlistCandidateSchema>;

export const shortlistNodeSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  /** Free places of the node (own seats not passed down, not yet used). */
  places: z.number().int(),
  /** ⌈places × ratio⌉: the most candidates the node could put up. */
  cap: z.number().int(),
  candidates: z.number().int(),
  selected: z.number().int(),
  notSelected: z.number().int(),
  undecided: z.number().int(),
});
export type ShortlistNodeBody = z.infer<typeof shortlistNodeSchema>;

export const shortlistProblemSchema = z.object({
  code: z.string(),
  ruleId: z.string(),
  orgId: z.string().nullable(),
  values: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const shortlistSelectionSchema = z.object({
  programmeId: z.string(),
  programmeTitle: z.string(),
  projectTypeCode: z.string(),
  ownerOrgName: z.string(),
  providerOrgId: z.string(),
  providerName: z.string(),
  /** The programme's selection deadline (R-004-18): marks and submissions close after it (Asia/Shanghai). */
  selectionDeadline: z.string(),
  deadlinePassed: z.boolean(),
  ruleId: z.string(),
  ratio: z.number(),
  /** The pack setting: whether the owner confirms (with its rule and reading). */
  ownerConfirms: z.object({ value: z.boolean(), ruleId: z.string(), note: z.string().nullable() }),
  status: z.enum(SHORTLIST_SELECTION_STATUSES),
  round: z.number().int(),
  totalPlaces: z.number().int(),
  selected: z.number().int(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnComment: z.string().nullable(),
  /** What the viewer may do now. */
  canSelect: z.boolean(),
  canReview: z.boolean(),
  nodes: z.array(shortlistNodeSchema),
  candidates: z.array(shortlistCandidateSchema),
  /** What would stop a submission now (undecided candidates, over places …). */
  problems: z.array(shortlistProblemSchema),
});
export type ShortlistSelection = z.infer<typeof shortlistSelectionSchema>;

export const shortlistSummarySchema = z.object({
  programmeId: z.string(),
  programmeTitle: z.string(),
  ownerOrgName: z.string(),
  providerName: z.string(),
  selectionDeadline: z.string(),
  status: z.enum(SHORTLIST_SELECTION_STATUSES),
  totalSeats: z.number().int(),
  candidates: z.number().int(),
  selected: z.number().int(),
  submittedAt: z.string().nullable(),
});
export type ShortlistSummary = z.infer<typeof shortlistSummarySchema>;

export const shortlistMarkSchema = z
  .object({
    nominationId: idString,
    /** 0–100, at most one decimal; null clears the score; absent keeps it. */
    score: z
      .number()
      .min(0)
      .max(100)
      .refine((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9, '分数最多一位小数')
      .nullable()
      .optional(),
    /** null clears the decision; absent keeps it. */
    decision: z.enum(SHORTLIST_DECISIONS).nullable().optional(),
    /** Required for not selected (the teacher is told it). */
    reason: z.string().trim().max(500).nullable().optional(),
  })
  .strict();
export type ShortlistMark = z.infer<typeof shortlistMarkSchema>;

/** One or more marks, written all or nothing. */
export const shortlistMarksRequestSchema = z.object({ marks: z.array(shortlistMarkSchema).min(1).max(1000) });
export type ShortlistMarksRequest = z.infer<typeof shortlistMarksRequestSchema>;

export const shortlistReturnRequestSchema = z.object({ comment: z.string().trim().min(2).max(1000) });
export type ShortlistReturnRequest = z.infer<typeof shortlistReturnRequestSchema>;
