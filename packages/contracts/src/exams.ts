import {
  EXAM_AUDIENCES,
  EXAM_KINDS,
  type ExamAudience,
  type ExamKind,
  type GradeCount,
  type GradeCut,
  REPORT_MODES,
  type RegionScope,
  type ReportMode,
  type ReportSettings,
} from '@yanxun/core/exams/audience';
import { EXAM_INPUT_FILES, EXAM_INPUT_RULES, type ExamInputError } from '@yanxun/core/exams/model';
import type { ParentExamEntry, PublicSummaryBody } from '@yanxun/core/exams/release';
import { z } from 'zod';
import { NAME_LIMITS, plainTextSchema, studentIdSchema } from './identifiers';

/**
 * Exams and teaching-quality monitoring. Who sees what (audiences, report modes, grade bands) and what parents and
 * the public may see are core's (packages/core/src/exams/audience.ts, release.ts); their types are re-exported here.
 */
export {
  EXAM_AUDIENCES,
  EXAM_KINDS,
  type ExamAudience,
  type ExamKind,
  type GradeBandLabel,
  type GradeCount,
  type GradeCut,
  gradeBandLabels,
  REGION_SCOPES,
  REPORT_MODES,
  type RegionScope,
  type ReportMode,
  type ReportSettings,
} from '@yanxun/core/exams/audience';
export {
  EXAM_INPUT_RULE_TEXTS,
  EXAM_INPUT_RULES,
  type ExamInputError,
  type ExamInputFile,
  type ExamInputRule,
} from '@yanxun/core/exams/model';
export type { ParentExamEntry, PublicSummaryBody } from '@yanxun/core/exams/release';

export const examKindSchema = z.enum(EXAM_KINDS);
export const examAudienceSchema = z.enum(EXAM_AUDIENCES);
export const reportModeSchema = z.enum(REPORT_MODES);

export const gradeCutSchema = z.object({
  grade: plainTextSchema(8, '等级'),
  from: z.number().min(0).max(1),
}) satisfies z.ZodType<GradeCut>;
export const reportSettingsSchema = z.object({
  gradeCuts: z.array(gradeCutSchema).min(2).max(8).optional(),
  minGroupN: z.number().int().min(1).max(1000).optional(),
}) satisfies z.ZodType<ReportSettings>;

export const createExamSchema = z.object({
  name: plainTextSchema(NAME_LIMITS.name, '考试名称'),
  semester: plainTextSchema(40, '学期'),
  stage: z.string().min(1).max(20),
  subject: z.string().min(1).max(40),
  grade: plainTextSchema(20, '年级'),
  fullMarks: z.number().positive().max(10000),
  kind: examKindSchema,
  examDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .optional(),
  ownerOrgId: z.string().max(20),
  cycleId: z.string().max(20).nullable().optional(),
  reportSettings: reportSettingsSchema.optional(),
});
export type CreateExamRequest = z.infer<typeof createExamSchema>;

export const examSchema = z.object({
  id: z.string(),
  name: z.string(),
  semester: z.string(),
  stage: z.string(),
  subject: z.string(),
  grade: z.string(),
  fullMarks: z.number(),
  kind: examKindSchema,
  examDate: z.string().nullable(),
  ownerOrgId: z.string(),
  ownerName: z.string(),
  cycleId: z.string().nullable(),
  students: z.number(),
  absent: z.number(),
  items: z.number(),
  hasData: z.boolean(),
  reportSettings: reportSettingsSchema,
  createdAt: z.string(),
});
export type Exam = z.infer<typeof examSchema>;

export const examInputErrorSchema = z.object({
  file: z.enum(EXAM_INPUT_FILES),
  row: z.number(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  rule: z.enum(EXAM_INPUT_RULES),
  message: z.string(),
}) satisfies z.ZodType<ExamInputError>;

export const examUploadSchema = z.object({
  id: z.string(),
  examId: z.string(),
  ok: z.boolean(),
  students: z.number(),
  absent: z.number(),
  items: z.number(),
  schools: z.number(),
  withPrior: z.number(),
  errors: z.array(examInputErrorSchema),
  errorCount: z.number(),
  committed: z.boolean(),
  // when the stored dry run can no longer be committed (ISO time)
  expiresAt: z.string().optional(),
});
export type ExamUpload = z.infer<typeof examUploadSchema>;

/**
 * Committing a dry run. A commit that would remove more than the deployment's share of the exam's stored
 * students (absent from the upload) is refused with 409 CONFIRM_REMOVAL { removed, current, share } until it is
 * sent again with `confirmRemoval` equal to that `removed`.
 */
export const commitExamUploadSchema = z.object({
  confirmRemoval: z.number().int().min(0).max(10_000_000).optional(),
});
export type CommitExamUploadRequest = z.infer<typeof commitExamUploadSchema>;

/** details of a 409 CONFIRM_REMOVAL */
export interface ConfirmRemovalDetails {
  removed: number;
  current: number;
  share: number;
}

export interface ReportTotals {
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  max: number | null;
  min: number | null;
  excellentRate: number | null;
  passRate: number | null;
  lowRate: number | null;
}

export interface ReportSchoolRow {
  schoolId: string;
  school: string;
  countyId: string;
  /** true: fewer than minGroupN students; every number below is null ("—, n < minGroupN") */
  suppressed: boolean;
  n: number | null;
  grades: GradeCount[] | null;
  totals: ReportTotals | null;
  aboveMeanRate: number | null;
  standardised: number | null;
  /** 1 = highest mean; only for audiences the policy allows ranks */
  rank: number | null;
  valueAdded: { va: number; ciLow: number | null; ciHigh: number | null; n: number } | null;
}

export interface ReportItem {
  itemId: string;
  maxScore: number;
  difficulty: number | null;
  discrimination27: number | null;
  itemTotalR: number | null;
}

export interface ExamWarning {
  rule: string;
  examId: string;
  examName: string;
  schoolId: string;
  school: string;
  metric: string;
  value: number;
  reference: number;
  /** EW-DROP: the margin the fall exceeded (the same unit as value; rates as fractions). */
  margin?: number;
  n: number;
  /** The sentence in Chinese; the web writes it from rule, metric and the values. */
  message: string;
}

export interface ExamReport {
  exam: Exam;
  audience: ExamAudience;
  mode: ReportMode;
  policy: {
    id: string;
    ruleIds: string[];
    minGroupN: number;
    gradeCuts: GradeCut[];
    ranks: boolean;
    notes: string[];
  };
  /** the exam owner's region, whose aggregate `overall` is: a school's report labels it (全市) above its own row */
  region: { orgId: string; name: string; scope: RegionScope };
  /** the whole exam (the region's aggregate); in grade mode only n and grades */
  overall: {
    n: number;
    absent: number;
    grades: GradeCount[];
    totals: ReportTotals | null;
    alpha: number | null;
  };
  /** 10-point score bands of the exam (not in grade mode) */
  bands: { label: string; from: number; to: number; count: number }[] | null;
  items: ReportItem[] | null;
  schools: ReportSchoolRow[];
  valueAdded: { matched: number; slope: number; intercept: number } | null;
  warnings: ExamWarning[] | null;
}

export const createCycleSchema = z.object({
  name: plainTextSchema(NAME_LIMITS.name, '周期名称'),
  semester: plainTextSchema(40, '学期'),
  ownerOrgId: z.string().max(20),
});
export const drawSampleSchema = z.object({
  seed: z.string().trim().min(1).max(64),
  schools: z.number().int().min(1).max(100000),
  studentsPerSchool: z.number().int().min(1).max(10000).nullable().optional(),
  stage: z.string().max(20).optional(),
});
export type DrawSampleRequest = z.infer<typeof drawSampleSchema>;

export interface ExamCycle {
  id: string;
  name: string;
  semester: string;
  ownerOrgId: string;
  ownerName: string;
  exams: Exam[];
  sample: {
    seed: string;
    size: number;
    population: number;
    studentsPerSchool: number | null;
    strata: {
      key: string;
      countyId: string;
      location: string;
      population: number;
      allocated: number;
      selected: string[];
    }[];
  } | null;
}

export interface TrendPoint {
  examId: string;
  examName: string;
  examDate: string | null;
  mode: ReportMode;
  suppressed: boolean;
  n: number | null;
  scoreRate: number | null;
  passRate: number | null;
  va: number | null;
  vaLow: number | null;
  vaHigh: number | null;
  grades: GradeCount[] | null;
}

export interface SchoolTrend {
  schoolId: string;
  school: string;
  points: TrendPoint[];
}

export const indicatorSchema = z.object({
  name: plainTextSchema(NAME_LIMITS.name, '指标名称'),
  weight: z.number().gt(0).max(100),
  description: z.string().max(500).optional(),
});
export const indicatorSystemSchema = z.object({
  ownerOrgId: z.string().max(20),
  stage: z.string().min(1).max(20),
  subject: z.string().min(1).max(40),
  indicators: z.array(indicatorSchema).max(100),
});
export type IndicatorSystemRequest = z.infer<typeof indicatorSystemSchema>;
export interface IndicatorSystem extends IndicatorSystemRequest {
  id: string;
  weightTotal: number;
  updatedAt: string;
}

// ---- parents, the public and the grade cut-off page ----
export const gradePreviewSchema = z.object({ gradeCuts: z.array(gradeCutSchema).min(2).max(8) });
export type GradePreviewRequest = z.infer<typeof gradePreviewSchema>;

/** The distribution with cut-offs not yet saved, next to the saved one (`current`); null = suppressed. */
export interface GradeCutPreview {
  examId: string;
  fullMarks: number;
  gradeCuts: GradeCut[];
  minGroupN: number;
  n: number;
  overall: GradeCount[] | null;
  current: GradeCount[] | null;
  schools: {
    schoolId: string;
    school: string;
    suppressed: boolean;
    n: number | null;
    grades: GradeCount[] | null;
  }[];
}

export const examReleaseRequestSchema = z.object({
  /** publish (or take back) the public summary */
  public: z.boolean(),
  /** let parents see their child's result (or stop it) */
  parents: z.boolean(),
});
export type ExamReleaseRequest = z.infer<typeof examReleaseRequestSchema>;

export interface ExamLabels {
  stage: string;
  stageEn: string;
  subject: string;
  subjectEn: string;
}

export interface ExamRelease {
  examId: string;
  publicAt: string | null;
  /** the scores changed after publication: republish to bring the summary up to date */
  publicStale: boolean;
  parentsAt: string | null;
  /** why the exam cannot be published to the public (owned by a school), else null */
  publicBlocked: string | null;
  summary: PublicSummaryBody | null;
}

/** One published summary, for anyone (no sign-in): no school appears anywhere in it. */
export interface PublicExamSummary {
  examId: string;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  grade: string;
  kind: ExamKind;
  examDate: string | null;
  /** the exam owner's region (a bureau), never a school */
  region: string;
  /** display names of stage and subject (the code tables need a sign-in) */
  labels: ExamLabels;
  publishedAt: string;
  summary: PublicSummaryBody;
}

export const parentResultsRequestSchema = z.object({
  studentId: studentIdSchema,
  code: z.string().trim().min(1).max(20),
});
export type ParentResultsRequest = z.infer<typeof parentResultsRequestSchema>;

export interface ParentResults {
  studentId: string;
  /** display names per exam id */
  labels: Record<string, ExamLabels>;
  entries: ParentExamEntry[];
  notes: string[];
  ruleIds: string[];
}

export const issueCodesSchema = z.object({
  /** only these students (a lost code); default: every student of the school without a code */
  studentIds: z.array(studentIdSchema).max(20000).optional(),
  /** replace existing codes too (all students, or the listed ones) */
  reissue: z.boolean().default(false),
});
export type IssueCodesRequest = z.infer<typeof issueCodesSchema>;

export interface AccessCodeStatus {
  schoolId: string;
  school: string;
  students: number;
  withCode: number;
  classes: { className: string; students: number; withCode: number }[];
}
