/**
 * 校本研修 (school-based research, S003 附件 5): a school's annual plan on the 《年度校本研修方案申请表》 (R3-S03),
 * its review by the 进修学校, implementation records with attendance, the 学时 certified into the ledger (R3-S02),
 * semester assessments (R3-S05), end-of-term spot checks by a seeded draw (R3-S04) and the year's archive (R3-S09).
 * The rules are core's `communities/school-based.ts`: these schemas check shapes only.
 */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
/** '2026-2027' */
export const schoolYearSchema = z.string().regex(/^\d{4}-\d{4}$/, '学年格式应为 2026-2027');

/** 研修内容 (附件 5 第四条 "主要内容包括"). */
export const SCHOOL_RESEARCH_CONTENTS = [
  '时事政策与法规',
  '教师人文素养',
  '教师职业道德',
  '教育教学理念',
  '教育技术能力',
  '日常教育教学研讨',
  '学科教学方式的推广普及',
  '区域性教育教学资源的整合利用',
  '校本课程开发',
] as const;

/** 研修方式 (附件 5 第四条 "主要方式有"); a record's form is one of these. */
export const SCHOOL_RESEARCH_FORMS = [
  '集体备课',
  '学习观摩',
  '教学反思',
  '经验交流',
  '集体学习',
  '网络学习与研讨',
  '外出考察与观摩',
  '教育科学课题研究',
] as const;

export const semesterSchema = z.union([z.literal(1), z.literal(2)]);
export type Semester = z.infer<typeof semesterSchema>;

/** A project of the plan (研修项目): R3-S13 asks the project, semester and year goals to hang together. */
export const schoolResearchProjectSchema = z.object({
  name: z.string().trim().min(1).max(100),
  semester: semesterSchema,
  lead: z.string().trim().min(1).max(50),
  /** planned 学时 per teacher, in tenths */
  plannedTenths: z.number().int().min(0).max(2400),
});

/** The fields of the 《年度校本研修方案申请表》. */
export const schoolResearchFormSchema = z.object({
  /** 研修主题 */
  theme: z.string().trim().min(2).max(100),
  /** 负责人 (the principal is the first responsible, 第五条) */
  leader: z.string().trim().min(1).max(50),
  /** 学年目标 */
  yearGoals: z.string().trim().min(2).max(2000),
  /** 学期目标: first and second semester */
  semesterGoals: z.object({
    first: z.string().trim().min(2).max(1000),
    second: z.string().trim().min(2).max(1000),
  }),
  contents: z.array(z.enum(SCHOOL_RESEARCH_CONTENTS)).min(1).max(SCHOOL_RESEARCH_CONTENTS.length),
  forms: z.array(z.enum(SCHOOL_RESEARCH_FORMS)).min(1).max(SCHOOL_RESEARCH_FORMS.length),
  projects: z.array(schoolResearchProjectSchema).min(1).max(30),
  /** 考核办法 (the school's phase assessment, 第五条 (二)) */
  assessment: z.string().trim().min(2).max(1000),
});
export type SchoolResearchForm = z.infer<typeof schoolResearchFormSchema>;

export const submitSchoolPlanSchema = z.object({
  schoolYear: schoolYearSchema,
  form: schoolResearchFormSchema,
});
export type SubmitSchoolPlan = z.infer<typeof submitSchoolPlanSchema>;

export const SCHOOL_PLAN_STATUSES = ['submitted', 'returned', 'approved'] as const;
export const schoolPlanStatusSchema = z.enum(SCHOOL_PLAN_STATUSES);
export type SchoolPlanStatus = z.infer<typeof schoolPlanStatusSchema>;

export const decideSchoolPlanSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }),
  z.object({ decision: z.literal('return'), reason: z.string().trim().min(2).max(500) }),
]);
export type DecideSchoolPlan = z.infer<typeof decideSchoolPlanSchema>;

/** A finding of a rule with its values (a late plan: R3-S03). */
export const schoolResearchFindingSchema = z.object({
  /** which sentence (COMM.SCHOOL_PLAN_LATE), for the page to word it */
  code: z.string().optional(),
  rule: z.string(),
  message: z.string(),
  values: z.record(z.string(), z.unknown()),
});

export const schoolPlanVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: schoolPlanStatusSchema,
  form: schoolResearchFormSchema,
  submittedOn: z.string(),
  submittedAt: z.string(),
  late: z.boolean(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type SchoolPlanVersion = z.infer<typeof schoolPlanVersionSchema>;

/** The plan's due date (R3-S03) and where the school stands against it. */
export const schoolPlanDueSchema = z.object({
  firstSchoolDay: z.string(),
  lastDay: z.string(),
  /** the plan is due before this week of the school year (the pack's planDueBeforeWeek: 2 by default) */
  beforeWeek: z.number().int(),
  rule: z.string(),
});

/** A school's plan row in the 进修学校's list (its newest version). */
export const schoolPlanRowSchema = z.object({
  planId: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  schoolYear: z.string(),
  version: z.number().int(),
  status: schoolPlanStatusSchema,
  theme: z.string(),
  firstSubmittedOn: z.string(),
  submittedOn: z.string(),
  /** the first submission came after the due date (R3-S03): accepted, marked */
  late: z.boolean(),
  /** this school's due date by the rules in force for it (a county's own pack may differ from the list's) */
  due: schoolPlanDueSchema,
  finding: schoolResearchFindingSchema.nullable(),
  canDecide: z.boolean(),
});
export type SchoolPlanRow = z.infer<typeof schoolPlanRowSchema>;

export const schoolPlanListSchema = z.object({
  schoolYear: z.string(),
  due: schoolPlanDueSchema,
  plans: z.array(schoolPlanRowSchema),
});
export type SchoolPlanList = z.infer<typeof schoolPlanListSchema>;

export const participantSchema = z.object({
  teacherId: z.string().regex(/^\d{1,19}$/),
  hoursTenths: z.number().int().min(1).max(240),
});

export const recordInputSchema = z.object({
  schoolYear: schoolYearSchema,
  semester: semesterSchema,
  heldOn: isoDate,
  topic: z.string().trim().min(2).max(200),
  form: z.enum(SCHOOL_RESEARCH_FORMS),
  note: z.string().trim().max(2000).nullish(),
  participants: z.array(participantSchema).min(1).max(500),
});
export type RecordInput = z.infer<typeof recordInputSchema>;

export const recordParticipantSchema = z.object({
  teacherId: z.string(),
  teacherName: z.string(),
  hoursTenths: z.number().int(),
  /** what stands in the ledger for this record (0: nothing, or reversed) */
  certifiedTenths: z.number().int(),
});

export const schoolResearchRecordSchema = z.object({
  id: z.string(),
  semester: semesterSchema,
  heldOn: z.string(),
  topic: z.string(),
  form: z.string(),
  note: z.string().nullable(),
  participants: z.array(recordParticipantSchema),
  /** attendance differs from what the ledger holds: certify to post or correct */
  needsCertification: z.boolean(),
});
export type SchoolResearchRecord = z.infer<typeof schoolResearchRecordSchema>;

export const certifyResultSchema = z.object({
  posted: z.number().int(),
  reversed: z.number().int(),
  unchanged: z.number().int(),
});
export type CertifyResult = z.infer<typeof certifyResultSchema>;

export const ASSESSMENT_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export const ASSESSMENT_GRADE_LABELS: Record<(typeof ASSESSMENT_GRADES)[number], string> = {
  excellent: '优秀',
  good: '良好',
  pass: '合格',
  fail: '不合格',
};
export const assessmentGradeSchema = z.enum(ASSESSMENT_GRADES);

export const assessSemesterSchema = z.object({
  schoolYear: schoolYearSchema,
  semester: semesterSchema,
  grade: assessmentGradeSchema,
  comment: z.string().trim().min(2).max(1000),
});
export type AssessSemester = z.infer<typeof assessSemesterSchema>;

export const semesterAssessmentSchema = z.object({
  semester: semesterSchema,
  grade: assessmentGradeSchema,
  comment: z.string(),
  assessedAt: z.string(),
});

/** A teacher's 学时 of the year certified into the ledger, against the year's minimum (R3-S02). */
export const certifiedTeacherSchema = z.object({
  teacherId: z.string(),
  teacherName: z.string(),
  certifiedTenths: z.number().int(),
  meetsMinimum: z.boolean(),
});

/** A school's 校本研修 year: what the school page shows and the archive of R3-S09 holds. */
export const schoolResearchYearSchema = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  schoolYear: z.string(),
  due: schoolPlanDueSchema,
  /** not submitted yet and past due, or the first submission late (R3-S03) */
  finding: schoolResearchFindingSchema.nullable(),
  plan: schoolPlanVersionSchema.nullable(),
  versions: z.array(schoolPlanVersionSchema),
  records: z.array(schoolResearchRecordSchema),
  assessments: z.array(semesterAssessmentSchema),
  yearMinTenths: z.number().int(),
  certified: z.array(certifiedTeacherSchema),
  canSubmit: z.boolean(),
  canReview: z.boolean(),
});
export type SchoolResearchYear = z.infer<typeof schoolResearchYearSchema>;

export const drawSpotCheckSchema = z.object({
  countyId: z.string().regex(/^\d{1,19}$/),
  schoolYear: schoolYearSchema,
  semester: semesterSchema,
  /** 0–1; the pack's ratio when absent */
  ratio: z.number().min(0).max(1).optional(),
  /** fixed and published before the list is known; a date-and-random seed when absent */
  seed: z.string().trim().min(1).max(100).optional(),
});
export type DrawSpotCheck = z.infer<typeof drawSpotCheckSchema>;

export const SPOT_CHECK_RESULTS = ['good', 'pass', 'needs_work'] as const;
export const spotCheckResultSchema = z.enum(SPOT_CHECK_RESULTS);

export const recordSpotCheckSchema = z.object({
  result: spotCheckResultSchema,
  comment: z.string().trim().min(2).max(1000),
});
export type RecordSpotCheck = z.infer<typeof recordSpotCheckSchema>;

export const spotCheckSchema = z.object({
  id: z.string(),
  countyId: z.string(),
  schoolYear: z.string(),
  semester: semesterSchema,
  ratio: z.number(),
  seed: z.string(),
  rule: z.string(),
  note: z.string(),
  candidateCount: z.number().int(),
  drawnAt: z.string(),
  picks: z.array(
    z.object({
      schoolId: z.string(),
      schoolName: z.string(),
      result: spotCheckResultSchema.nullable(),
      comment: z.string().nullable(),
    }),
  ),
  /** re-running core's draw over the stored candidates and seed gives the same picks */
  reproducible: z.boolean(),
});
export type SpotCheck = z.infer<typeof spotCheckSchema>;

export const spotCheckListQuerySchema = z.object({
  countyId: z.string().regex(/^\d{1,19}$/),
  schoolYear: schoolYearSchema,
});

export const schoolYearQuerySchema = z.object({ schoolYear: schoolYearSchema.optional() });
