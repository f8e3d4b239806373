/**
 * Evaluation (评价): the rubric library, campaigns scored by several raters with evidence and live data, the
 * subject's self-evaluation and appeals, the scorecard. The rules are core's `evaluation/` (checkRubric,
 * checkEntry, scoreRubric, aggregateRaters): these schemas check the shape only, so a refusal names its rule.
 * Points are numbers with at most one decimal (core refuses finer ones with the unit and the value).
 */
import { z } from 'zod';
import { scorecardHistorySchema } from './evaluation-history';
import { unitHowFactsSchema } from './evaluation-how';

export const EVALUATION_NORMALISATIONS = ['item_points', 'declared', 'scale_to_100'] as const;
export const evaluationNormalisationSchema = z.enum(EVALUATION_NORMALISATIONS);
export type EvaluationNormalisation = z.infer<typeof evaluationNormalisationSchema>;

export const EVALUATION_SUBJECT_KINDS = ['county', 'school', 'workshop', 'studio', 'provider'] as const;
export const evaluationSubjectKindSchema = z.enum(EVALUATION_SUBJECT_KINDS);
export type EvaluationSubjectKind = z.infer<typeof evaluationSubjectKindSchema>;

/** draft → open (self-evaluation, evidence) → scoring → appeal (window from provisional results) → published */
export const EVALUATION_STATUSES = ['draft', 'open', 'scoring', 'appeal', 'published'] as const;
export const evaluationStatusSchema = z.enum(EVALUATION_STATUSES);
export type EvaluationStatus = z.infer<typeof evaluationStatusSchema>;

/** The evidence kinds a subject may upload (by content). */
export const EVALUATION_EVIDENCE_KINDS = ['pdf', 'jpg', 'png', 'xlsx', 'docx'] as const;

// ---- rubrics: core's Rubric as JSON (shape only; checkRubric decides) ----
const text = (max: number) => z.string().max(max);
const policyValue = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ value, ruleId: text(40), source: text(200), note: text(2000).optional() });

const deductionSchema = z.object({
  per: z.literal('person_time'),
  points: z.number(),
  floor: z.number().optional(),
  reasons: z.array(z.object({ code: text(60), label: text(100) })).max(20),
  ruleId: text(40),
  source: text(200),
  note: text(2000).optional(),
});
const vetoSchema = z.object({
  id: text(60),
  label: text(200),
  effect: z.enum(['fail', 'zero']),
  enabled: z.boolean(),
  ruleId: text(40),
  source: text(200),
  note: text(2000).optional(),
});

export interface RubricNodeInput {
  id: string;
  title?: string | undefined;
  text?: string | undefined;
  points?: number | undefined;
  form?: 'review_documents' | 'review_archives' | 'site_visit' | 'review_materials' | undefined;
  departments: string[];
  evidence: string[];
  deduction?: z.infer<typeof deductionSchema> | undefined;
  veto?: z.infer<typeof vetoSchema> | undefined;
  scoreGroup?: string | undefined;
  metric?: string | undefined;
  source: string;
  note?: string | undefined;
  children?: RubricNodeInput[] | undefined;
}

export const rubricNodeSchema: z.ZodType<RubricNodeInput> = z.lazy(() =>
  z.object({
    id: text(60).min(1),
    title: text(200).optional(),
    text: text(4000).optional(),
    points: z.number().optional(),
    form: z.enum(['review_documents', 'review_archives', 'site_visit', 'review_materials']).optional(),
    departments: z.array(text(100)).max(20).default([]),
    evidence: z.array(text(500)).max(50).default([]),
    deduction: deductionSchema.optional(),
    veto: vetoSchema.optional(),
    scoreGroup: text(60).optional(),
    metric: text(60).optional(),
    source: text(200).default(''),
    note: text(2000).optional(),
    children: z.array(rubricNodeSchema).max(100).optional(),
  }),
);

export const rubricDocumentSchema = z.object({
  id: text(100).min(1),
  title: text(200).min(1),
  /** the region (issuer) the title begins with, which a clone replaces with its owner's name */
  region: text(100).optional(),
  source: text(200).default(''),
  version: text(60).default('1'),
  declaredTotal: z.number().optional(),
  nodes: z.array(rubricNodeSchema).min(1).max(100),
  scoreGroups: z
    .array(
      z.object({
        id: text(60),
        title: text(200),
        points: z.number(),
        form: z.enum(['review_documents', 'review_archives', 'site_visit', 'review_materials']).optional(),
        source: text(200),
        note: text(2000).optional(),
      }),
    )
    .max(50)
    .default([]),
  bands: policyValue(
    z
      .array(
        z.object({
          code: z.enum(['excellent', 'good', 'pass', 'fail']),
          label: text(20),
          minPercent: z.number(),
        }),
      )
      .min(1)
      .max(10),
  ),
  normalisation: policyValue(evaluationNormalisationSchema),
  note: text(4000).optional(),
});
export type RubricDocument = z.infer<typeof rubricDocumentSchema>;

/** A finding of core's checkRubric: the sentence, where (node path) and the numbers. */
export const rubricFindingSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  path: z.string(),
  values: z.record(z.string(), z.unknown()),
});
export type RubricFindingBody = z.infer<typeof rubricFindingSchema>;

/** A scored unit of a rubric (an item, an indicator scored whole, a merged cell). */
export const rubricUnitSchema = z.object({
  id: z.string(),
  kind: z.enum(['item', 'group', 'indicator']),
  title: z.string(),
  max: z.number(),
  sectionId: z.string(),
  sectionTitle: z.string(),
  path: z.string(),
  form: z.string().nullable(),
  departments: z.array(z.string()),
  evidence: z.array(z.string()),
  deduction: z
    .object({
      ruleId: z.string(),
      points: z.number(),
      reasons: z.array(z.object({ code: z.string(), label: z.string() })),
    })
    .nullable(),
});
export type RubricUnitBody = z.infer<typeof rubricUnitSchema>;

export const rubricSummarySchema = z.object({
  /** 'builtin:A' or 'rubric:<id>@<version>' */
  ref: z.string(),
  rubricId: z.string().nullable(),
  title: z.string(),
  /** the region the title begins with ('济源示范区'): a clone's suggested title puts its owner's name there */
  region: z.string().nullable(),
  version: z.string(),
  builtin: z.boolean(),
  ownerOrgId: z.string().nullable(),
  ownerOrgName: z.string().nullable(),
  /** the actor may save a next version (it manages the owner org) */
  canEdit: z.boolean(),
  defaultNormalisation: evaluationNormalisationSchema,
  warnings: z.array(rubricFindingSchema),
  createdAt: z.string().nullable(),
  /** units the rubric declares a live metric on (a new campaign binds them by default); `whole` false: numbers only */
  liveBindings: z.array(
    z.object({
      unitId: z.string(),
      nodeId: z.string(),
      whole: z.boolean(),
      metric: z.lazy(() => metricDefinitionSchema),
    }),
  ),
  /** the maximum under the rubric's own normalisation */
  maxPoints: z.number(),
});
export type RubricSummary = z.infer<typeof rubricSummarySchema>;

export const rubricDetailSchema = rubricSummarySchema.extend({
  rubric: rubricDocumentSchema,
  units: z.array(rubricUnitSchema),
});
export type RubricDetail = z.infer<typeof rubricDetailSchema>;

/** Save an officer's rubric: a new rubric, or (rubricId) its next version. */
export const saveRubricSchema = z.object({
  ownerOrgId: z.string().max(20),
  rubricId: z.string().max(20).optional(),
  rubric: rubricDocumentSchema,
});
export type SaveRubric = z.infer<typeof saveRubricSchema>;

export const cloneRubricSchema = z.object({
  ownerOrgId: z.string().max(20),
  from: z.string().max(60),
  title: z.string().max(200).optional(),
});
export type CloneRubric = z.infer<typeof cloneRubricSchema>;

// ---- live metrics ----
export const metricDefinitionSchema = z.object({
  key: z.string(),
  label: z.string(),
  subjectKinds: z.array(evaluationSubjectKindSchema),
  ruleId: z.string(),
});
export type MetricDefinition = z.infer<typeof metricDefinitionSchema>;

/** A live value for a unit: the suggested score and the numbers behind it. */
export const liveValueSchema = z.object({
  unitId: z.string(),
  metricKey: z.string(),
  label: z.string(),
  suggested: z.number().nullable(),
  detail: z.string(),
  deductions: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** the numbers of `detail` by a code, for the page to word it (R3-B03's person-times) */
  facts: z.object({ code: z.string(), values: z.record(z.string(), z.number()) }).optional(),
  ruleId: z.string(),
});
export type LiveValue = z.infer<typeof liveValueSchema>;

// ---- campaigns ----
export const createCampaignSchema = z.object({
  ownerOrgId: z.string().max(20),
  name: z.string().min(2).max(200),
  year: z.number().int().min(2000).max(2100),
  subjectKind: evaluationSubjectKindSchema,
  rubricRef: z.string().max(60),
  normalisation: evaluationNormalisationSchema,
  appealDays: z.number().int().min(1).max(60).default(5),
  /** org ids (county, school, provider) or community ids (workshop, studio) */
  subjects: z.array(z.string().max(20)).min(1).max(5000),
  /** unit id → metric key */
  metricBindings: z.record(z.string().max(60), z.string().max(60)).default({}),
});
export type CreateCampaign = z.infer<typeof createCampaignSchema>;

export const assignRatersSchema = z.object({
  assignments: z
    .array(
      z.object({ subjectId: z.string().max(20), usernames: z.array(z.string().max(100)).min(1).max(20) }),
    )
    .min(1)
    .max(5000),
});
export type AssignRaters = z.infer<typeof assignRatersSchema>;

export const advanceCampaignSchema = z.object({ to: evaluationStatusSchema });
export type AdvanceCampaign = z.infer<typeof advanceCampaignSchema>;

export const moderateSchema = z.union([
  z.object({ unitId: z.string().max(60), value: z.number(), reason: z.string().min(2).max(1000) }),
  z.object({ vetoId: z.string().max(60), reason: z.string().min(2).max(1000) }),
]);
export type Moderate = z.infer<typeof moderateSchema>;

export const raterProgressSchema = z.object({
  accountId: z.string(),
  /** the name to the owner; 专家1/2/3 to the subject */
  label: z.string(),
  submitted: z.boolean(),
  savedAt: z.string().nullable(),
});

export const campaignSubjectSchema = z.object({
  id: z.string(),
  refId: z.string(),
  name: z.string(),
  evidenceUnits: z.number().int(),
  units: z.number().int(),
  selfScored: z.boolean(),
  raters: z.array(raterProgressSchema),
  pendingAppeals: z.number().int(),
  provisional: z.object({ score: z.number(), max: z.number(), band: z.string() }).nullable(),
  /** units where some rater is far from the others (Y-EVAL-OUTLIER), with the widest range */
  outlierUnits: z.array(z.string()),
  widestRange: z.number().nullable(),
});
export type CampaignSubject = z.infer<typeof campaignSubjectSchema>;

export const campaignSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  year: z.number().int(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  subjectKind: evaluationSubjectKindSchema,
  rubricRef: z.string(),
  rubricTitle: z.string(),
  normalisation: evaluationNormalisationSchema,
  normalisationBy: z.string().nullable(),
  normalisationAt: z.string(),
  status: evaluationStatusSchema,
  appealDays: z.number().int(),
  appealClosesOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  subjectCount: z.number().int(),
});
export type CampaignSummary = z.infer<typeof campaignSummarySchema>;

export const campaignDetailSchema = campaignSummarySchema.extend({
  units: z.array(rubricUnitSchema),
  warnings: z.array(rubricFindingSchema),
  metricBindings: z.record(z.string(), z.string()),
  metrics: z.array(metricDefinitionSchema),
  subjects: z.array(campaignSubjectSchema),
  appeals: z.array(z.lazy(() => appealSchema)),
  /** what the next step needs, in words (empty: it may be taken) */
  blockers: z.array(z.string()),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

// ---- evidence, self-evaluation, appeals ----
export const evidenceItemSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  name: z.string(),
  uploadedAt: z.string(),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

export const selfScoresSchema = z.object({ scores: z.record(z.string().max(60), z.number()) });
export type SelfScores = z.infer<typeof selfScoresSchema>;

export const fileAppealSchema = z.object({ unitId: z.string().max(60), reason: z.string().min(2).max(1000) });
export type FileAppeal = z.infer<typeof fileAppealSchema>;

export const decideAppealSchema = z.object({
  decision: z.enum(['uphold', 'dismiss']),
  newScore: z.number().optional(),
  reason: z.string().min(2).max(1000),
});
export type DecideAppeal = z.infer<typeof decideAppealSchema>;

export const appealSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  subjectName: z.string(),
  unitId: z.string(),
  unitTitle: z.string(),
  reason: z.string(),
  filedAt: z.string(),
  status: z.enum(['pending', 'upheld', 'dismissed']),
  newScore: z.number().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type Appeal = z.infer<typeof appealSchema>;

// ---- raters ----
export const sheetUnitSchema = z.object({
  score: z.number().optional(),
  deductions: z
    .array(z.object({ reason: z.string().max(60), count: z.number() }))
    .max(20)
    .optional(),
  comment: z.string().max(2000).optional(),
  /** why the score departs from the live value's suggestion */
  adjustReason: z.string().max(1000).optional(),
});
export const saveSheetSchema = z.object({
  units: z.record(z.string().max(60), sheetUnitSchema),
  vetoes: z.record(z.string().max(60), z.boolean()).default({}),
  comment: z.string().max(4000).optional(),
});
export type SaveSheet = z.infer<typeof saveSheetSchema>;

export const raterTaskSchema = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  year: z.number().int(),
  status: evaluationStatusSchema,
  submitted: z.boolean(),
  scoredUnits: z.number().int(),
  units: z.number().int(),
});
export type RaterTask = z.infer<typeof raterTaskSchema>;

export const raterSheetSchema = z.object({
  task: raterTaskSchema,
  units: z.array(rubricUnitSchema),
  vetoes: z.array(z.object({ id: z.string(), label: z.string() })),
  evidence: z.array(evidenceItemSchema),
  selfScores: z.record(z.string(), z.number()),
  live: z.array(liveValueSchema),
  sheet: saveSheetSchema,
  canEdit: z.boolean(),
});
export type RaterSheet = z.infer<typeof raterSheetSchema>;

// ---- the scorecard ----
export const scorecardUnitSchema = z.object({
  unitId: z.string(),
  title: z.string(),
  sectionId: z.string(),
  max: z.number(),
  raw: z.number().nullable(),
  deducted: z.number(),
  final: z.number(),
  how: z.string(),
  howFacts: unitHowFactsSchema.optional(),
  rules: z.array(z.string()),
  self: z.number().nullable(),
  ratings: z.array(z.object({ rater: z.string(), score: z.number(), outlier: z.boolean() })),
  mean: z.number().nullable(),
  range: z.number().nullable(),
  sd: z.number().nullable(),
  moderated: z.object({ value: z.number(), reason: z.string() }).nullable(),
  evidence: z.array(evidenceItemSchema),
  live: liveValueSchema.nullable(),
});
export type ScorecardUnit = z.infer<typeof scorecardUnitSchema>;

export const scorecardSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  year: z.number().int(),
  status: evaluationStatusSchema,
  subjectId: z.string(),
  subjectName: z.string(),
  rubricTitle: z.string(),
  normalisation: z.object({ value: evaluationNormalisationSchema, label: z.string(), ruleId: z.string() }),
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      declared: z.number().nullable(),
      itemMax: z.number(),
      score: z.number(),
      counted: z.number(),
      how: z.string(),
    }),
  ),
  units: z.array(scorecardUnitSchema),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  band: z.object({ code: z.string(), label: z.string() }),
  vetoes: z.array(
    z.object({ id: z.string(), label: z.string(), triggered: z.boolean(), cleared: z.boolean() }),
  ),
  how: z.string(),
  rounding: z.string(),
  raters: z.number().int(),
  appeals: z.array(appealSchema),
  appealClosesOn: z.string().nullable(),
  canAppeal: z.boolean(),
  /** earlier published results of the same subject and rubric lineage, oldest first */
  history: z.array(scorecardHistorySchema).optional(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const rankingRowSchema = z.object({
  rank: z.number().int(),
  subjectId: z.string(),
  subjectName: z.string(),
  score: z.number(),
  max: z.number(),
  percent: z.number(),
  band: z.string(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

/** A subject as its own users see it (the county bureau, the school, the workshop's host school). */
export const subjectViewSchema = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  campaign: campaignSummarySchema,
  units: z.array(rubricUnitSchema),
  evidence: z.array(evidenceItemSchema),
  selfScores: z.record(z.string(), z.number()),
  canUpload: z.boolean(),
  appeals: z.array(appealSchema),
  scorecardReady: z.boolean(),
});
export type SubjectView = z.infer<typeof subjectViewSchema>;

export const mySubjectSchema = z.object({
  subjectId: z.string(),
  subjectName: z.string(),
  campaign: campaignSummarySchema,
});
export type MySubject = z.infer<typeof mySubjectSchema>;

/** The answer of a step that returns nothing else (moderation, an appeal's decision). */
export const evaluationOkSchema = z.object({ ok: z.literal(true) });
