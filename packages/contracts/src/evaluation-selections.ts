/**
 * Annual selections (评优评先, R3-G18, R3-S06…S08): each December a bureau or 进修学校 selects 优秀工作坊, 优秀工作室,
 * 校本研修示范校 and 先进单位 from a published campaign's ranking (the eligible bands and the most awards are the
 * selection's policy), and 先进个人 by nomination with a reason; published, each awardee gets a certificate of honour
 * (荣誉证书) with a verification code.
 */
import { z } from 'zod';
import type { EvaluationSubjectKind } from './evaluation';

export const SELECTION_CATEGORIES = [
  'excellent_workshop',
  'excellent_studio',
  'demonstration_school',
  'advanced_unit',
  'advanced_individual',
] as const;
export const selectionCategorySchema = z.enum(SELECTION_CATEGORIES);
export type SelectionCategory = z.infer<typeof selectionCategorySchema>;

export interface SelectionCategoryRule {
  label: string;
  labelEn: string;
  /** the rules the category comes from (the first is shown with a refusal) */
  ruleIds: string[];
  /** the campaign's subjects it is drawn from; null: teachers nominated with a reason (no campaign) */
  subjectKind: EvaluationSubjectKind | null;
  /** whether the award is recorded as the community's title (优秀工作坊 R3-W15, 优秀工作室 R3-G18) */
  recordsTitle: boolean;
}

/** The categories as data: what each is called, the rules it comes from, and whom it is drawn from. */
export const SELECTION_CATEGORY_RULES: Record<SelectionCategory, SelectionCategoryRule> = {
  excellent_workshop: {
    label: '优秀工作坊',
    labelEn: 'Excellent workshop',
    ruleIds: ['R3-G18', 'R3-W15'],
    subjectKind: 'workshop',
    recordsTitle: true,
  },
  excellent_studio: {
    label: '优秀工作室',
    labelEn: 'Excellent studio',
    ruleIds: ['R3-G18'],
    subjectKind: 'studio',
    recordsTitle: true,
  },
  demonstration_school: {
    label: '校本研修示范校',
    labelEn: 'Demonstration school (school-based research)',
    ruleIds: ['R3-G18'],
    subjectKind: 'school',
    recordsTitle: false,
  },
  advanced_unit: {
    label: '校本研修先进单位',
    labelEn: 'Advanced unit (school-based research)',
    ruleIds: ['R3-S06', 'R3-S07'],
    subjectKind: 'school',
    recordsTitle: false,
  },
  advanced_individual: {
    label: '校本研修先进个人',
    labelEn: 'Advanced individual (school-based research)',
    ruleIds: ['R3-S06', 'R3-S08'],
    subjectKind: null,
    recordsTitle: false,
  },
};

export const SELECTION_BANDS = ['excellent', 'good', 'pass', 'fail'] as const;
export const selectionBandSchema = z.enum(SELECTION_BANDS);

export const SELECTION_STATUSES = ['draft', 'published'] as const;
export const selectionStatusSchema = z.enum(SELECTION_STATUSES);
export type SelectionStatus = z.infer<typeof selectionStatusSchema>;

export const createSelectionSchema = z.object({
  ownerOrgId: z.string().max(20),
  year: z.number().int().min(2000).max(2100),
  category: selectionCategorySchema,
  name: z.string().trim().min(2).max(200).optional(),
  /** the published campaign the candidates come from (every category but 先进个人) */
  campaignId: z.string().max(20).optional(),
  /** the bands a candidate must be in to be selected */
  eligibleBands: z.array(selectionBandSchema).min(1).max(4).default(['excellent']),
  /** the most awards; none: every eligible candidate */
  maxAwards: z.number().int().min(1).max(1000).nullable().default(null),
});
export type CreateSelection = z.infer<typeof createSelectionSchema>;
export type CreateSelectionInput = z.input<typeof createSelectionSchema>;

export const selectionCandidateSchema = z.object({
  id: z.string(),
  holderKind: z.enum(['org', 'community', 'teacher']),
  holderId: z.string(),
  name: z.string(),
  unitName: z.string().nullable(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  max: z.number().nullable(),
  percent: z.number().nullable(),
  band: z.string().nullable(),
  bandLabel: z.string().nullable(),
  /** in an eligible band (always for a nominated teacher) */
  eligible: z.boolean(),
  selected: z.boolean(),
  reason: z.string().nullable(),
});
export type SelectionCandidate = z.infer<typeof selectionCandidateSchema>;

export const selectionHonourSchema = z.object({
  id: z.string(),
  candidateId: z.string(),
  holderName: z.string(),
  title: z.string(),
  certificateNo: z.string(),
  /** the code as printed, XXXX-XXXX-XXXX-XXXX-XXXX */
  code: z.string(),
  issuedOn: z.string(),
  /** revoked by the awarding unit (Y-EVAL-HONOUR-REVOKE): when, by whom and why; null while it stands */
  revokedAt: z.string().nullable(),
  revokedOn: z.string().nullable(),
  revokedByName: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type SelectionHonour = z.infer<typeof selectionHonourSchema>;

/** Revoking a certificate of honour awarded in error: why, in words (the public page shows only the date). */
export const revokeHonourSchema = z.object({ reason: z.string().trim().min(2).max(500) });
export type RevokeHonour = z.infer<typeof revokeHonourSchema>;

export const selectionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  category: selectionCategorySchema,
  categoryLabel: z.string(),
  ruleIds: z.array(z.string()),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  eligibleBands: z.array(z.string()),
  maxAwards: z.number().int().nullable(),
  status: selectionStatusSchema,
  candidates: z.number().int(),
  selected: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type SelectionSummary = z.infer<typeof selectionSummarySchema>;

export const selectionDetailSchema = selectionSummarySchema.extend({
  candidateList: z.array(selectionCandidateSchema),
  honours: z.array(selectionHonourSchema),
  /** the campaign's bands (code and label), best first, for the policy's choice */
  bands: z.array(z.object({ code: z.string(), label: z.string() })),
  canManage: z.boolean(),
});
export type SelectionDetail = z.infer<typeof selectionDetailSchema>;

/** The officer's decisions: selecting or not; a departure from the pre-check needs a reason. */
export const decideSelectionSchema = z.object({
  decisions: z
    .array(
      z.object({
        candidateId: z.string().max(20),
        selected: z.boolean(),
        reason: z.string().trim().min(2).max(500).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type DecideSelection = z.infer<typeof decideSelectionSchema>;

/** 先进个人: a teacher of the owner's subtree, nominated with a reason (R3-S08's criteria in words). */
export const nominateIndividualSchema = z.object({
  teacherId: z.string().max(20),
  reason: z.string().trim().min(2).max(500),
});
export type NominateIndividual = z.infer<typeof nominateIndividualSchema>;
