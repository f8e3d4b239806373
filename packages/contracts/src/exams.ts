import { z } from 'zod';

/** Exams and teaching-quality monitoring (issue 4). */
export const examKindSchema = z.enum(['routine', 'monitoring']);
export type ExamKind = z.infer<typeof examKindSchema>;
export const examAudienceSchema = z.enum(['monitoring', 'school', 'parent', 'public']);
export type ExamAudience = z.infer<typeof examAudienceSchema>;
export const reportModeSchema = z.enum(['full', 'scores', 'grades']);
export type ReportMode = z.infer<typeof reportModeSchema>;

export const gradeCutSchema = z.object({ grade: z.string().min(1).max(8), from: z.number().min(0).max(1) });
export const reportSettingsSchema = z.object({
  gradeCuts: z.array(gradeCutSchema).min(2).max(8).optional(),
  minGroupN: z.number().int().min(1).max(1000).optional(),
});
export type ReportSettings = z.infer<typeof reportSettingsSchema>;

export const createExamSchema = z.object({
  name: z.string().trim().min(1).max(100),
  semester: z.string().trim().min(1).max(40),
  stage: z.string().min(1).max(20),
  subject: z.string().min(1).max(40),
  grade: z.string().trim().min(1).max(20),
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
  file: z.enum(['scores', 'items', 'prior']),
  row: z.number(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});
export type ExamInputError = z.infer<typeof examInputErrorSchema>;

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
  // branch examupload: when the stored dry run can no longer be committed (ISO time)
  expiresAt: z.string().optional(),
});
export type ExamUpload = z.infer<typeof examUploadSchema>;

export interface GradeCount {
  grade: string;
  count: number;
  rate: number | null;
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
  n: number;
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
    gradeCuts: { grade: string; from: number }[];
    ranks: boolean;
    notes: string[];
  };
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
  name: z.string().trim().min(1).max(100),
  semester: z.string().trim().min(1).max(40),
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
  name: z.string().trim().min(1).max(100),
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
