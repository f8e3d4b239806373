/**
 * Studios (工作室) and workshops (工作坊): the registry, the roster with its history, registration (R3-W14), the
 * school-year plan, activities with attendance and 学时, the monthly review (R3-G17) and a teacher's own
 * communities. The rules are core's `communities/`: these schemas check the shape only, and every read and write
 * of a community returns its findings (a plain sentence, the rule and the values).
 */
import {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  COMMUNITY_LEVEL_LABELS,
  COMMUNITY_LEVELS,
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  WORKSHOP_CLASS_LABELS,
  WORKSHOP_CLASSES,
} from '@yanxun/core/communities/types';
import { z } from 'zod';
import { fileMetaSchema } from './plans';

export {
  COMMUNITY_KIND_LABELS,
  COMMUNITY_KINDS,
  COMMUNITY_LEVEL_LABELS,
  COMMUNITY_LEVELS,
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  WORKSHOP_CLASS_LABELS,
  WORKSHOP_CLASSES,
};

export const communityKindSchema = z.enum(COMMUNITY_KINDS);
export type CommunityKindCode = z.infer<typeof communityKindSchema>;
export const workshopClassSchema = z.enum(WORKSHOP_CLASSES);
export const communityLevelSchema = z.enum(COMMUNITY_LEVELS);
export type CommunityLevelCode = z.infer<typeof communityLevelSchema>;
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export type MemberRoleCode = z.infer<typeof memberRoleSchema>;

/** Where a community stands: not yet registered, registered (within its 2 school years), or expired. */
export const COMMUNITY_STATUSES = ['draft', 'registered', 'expired'] as const;
export const communityStatusSchema = z.enum(COMMUNITY_STATUSES);
export type CommunityStatus = z.infer<typeof communityStatusSchema>;

export const ACTIVITY_KINDS = ['live_lesson', 'discussion', 'lecture', 'reading_forum'] as const;
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof activityKindSchema>;
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  live_lesson: '现场授课',
  discussion: '议课',
  lecture: '讲座',
  reading_forum: '专业阅读论坛',
};

const id = z.string().regex(/^\d{1,18}$/, '应为编号');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const schoolYear = z.string().regex(/^\d{4}-\d{4}$/, '学年格式应为 2026-2027');

/** One finding of core's checks: the sentence for everyone, the rule and the values for officers. */
export const communityFindingSchema = z.object({
  /** which sentence (COMM.…), for the page to word it; absent on findings kept before codes were sent */
  code: z.string().optional(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  values: z.record(
    z.string(),
    z.union([z.number(), z.string(), z.boolean(), z.null(), z.array(z.string()).readonly()]),
  ),
});
export type CommunityFindingBody = z.infer<typeof communityFindingSchema>;

export const createCommunitySchema = z.object({
  kind: communityKindSchema,
  workshopClass: workshopClassSchema.optional(),
  level: communityLevelSchema,
  name: z.string().trim().min(2).max(100),
  hostTeacherId: id,
  /** The host unit (主持单位); absent: the host teacher's school. */
  hostOrgId: id.optional(),
  stage: z.string().max(20).optional(),
});
export type CreateCommunity = z.infer<typeof createCommunitySchema>;

export const communityListQuerySchema = z.object({
  kind: communityKindSchema.optional(),
  level: communityLevelSchema.optional(),
  status: communityStatusSchema.optional(),
});
export type CommunityListQuery = z.infer<typeof communityListQuerySchema>;

export const communitySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: communityKindSchema,
  workshopClass: workshopClassSchema.nullable(),
  level: communityLevelSchema,
  stage: z.string().nullable(),
  hostOrgId: z.string(),
  hostOrgName: z.string(),
  hostTeacherId: z.string(),
  hostTeacherName: z.string(),
  status: communityStatusSchema,
  memberCount: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
});
export type CommunitySummary = z.infer<typeof communitySummarySchema>;

export const communityMemberSchema = z.object({
  id: z.string(),
  teacherId: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  /** The school the member came from when joining. */
  schoolId: z.string(),
  schoolName: z.string(),
  /** The member's school today (the people module's); differs after a transfer. */
  currentSchoolId: z.string().nullable(),
  currentSchoolName: z.string().nullable(),
  joinedOn: z.string(),
  joinReason: z.string().nullable(),
  leftOn: z.string().nullable(),
  leaveReason: z.string().nullable(),
  /** The member's school changed since joining: what the move breaks (empty: nothing). */
  moved: z.boolean(),
  moveFindings: z.array(communityFindingSchema),
});
export type CommunityMember = z.infer<typeof communityMemberSchema>;

export const registrationViewSchema = z.object({
  registeredOn: z.string(),
  firstSchoolYear: z.string(),
  schoolYears: z.array(z.string()),
  validUntil: z.string(),
  valid: z.boolean(),
  adjustments: z.array(z.object({ on: z.string(), reason: z.string() })),
  findings: z.array(communityFindingSchema),
});
export type RegistrationView = z.infer<typeof registrationViewSchema>;

/**
 * A community's title of a year, its kind's: a workshop's 优秀工作坊 (R3-W15), a studio's 优秀工作室 (R3-G18); recorded by
 * the bureau by hand or by the annual selection (评优评先), which removes its own when the certificate is revoked.
 */
export const communityTitleSchema = z.object({
  year: z.number().int(),
  source: z.enum(['bureau', 'selection']),
});
export type CommunityTitle = z.infer<typeof communityTitleSchema>;
export const titleInputSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  awarded: z.boolean(),
});
export type TitleInput = z.infer<typeof titleInputSchema>;

/** R3-W15: a member who completed a two-year cycle in a titled workshop, offered for backbone recommendation. */
export const backboneCandidateSchema = z.object({
  memberId: z.string(),
  teacherId: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  schoolYears: z.array(z.string()),
  cycleEnd: z.string(),
  titleYears: z.array(z.number()),
  rule: z.string(),
  message: z.string(),
});
export type BackboneCandidate = z.infer<typeof backboneCandidateSchema>;

export const communityDetailSchema = communitySummarySchema.extend({
  members: z.array(communityMemberSchema),
  /** Ended memberships (left or role changed), newest first. */
  history: z.array(communityMemberSchema),
  registration: registrationViewSchema.nullable(),
  findings: z.array(communityFindingSchema),
  canManage: z.boolean(),
  canRecord: z.boolean(),
  /** the titles by year (优秀工作坊 / 优秀工作室 by kind), and a workshop's members offered for backbone (R3-W15) */
  titles: z.array(communityTitleSchema).optional(),
  backbone: z.array(backboneCandidateSchema).optional(),
  /** whether the actor may record the title (community.title over the host unit) */
  canTitle: z.boolean().optional(),
});
export type CommunityDetail = z.infer<typeof communityDetailSchema>;

/** One roster change: members added, members whose membership ends, with one reason for the whole change. */
export const rosterChangeSchema = z
  .object({
    reason: z.string().trim().min(2).max(200),
    add: z
      .array(z.object({ teacherId: id, role: memberRoleSchema }))
      .max(200)
      .default([]),
    end: z.array(id).max(200).default([]),
  })
  .refine((c) => c.add.length + c.end.length > 0, { message: '没有要调整的成员' });
export type RosterChange = z.input<typeof rosterChangeSchema>;

export const registerCommunitySchema = z.object({ firstSchoolYear: schoolYear.optional() });
export type RegisterCommunity = z.infer<typeof registerCommunitySchema>;

export const planSessionInputSchema = z.object({
  date: isoDate,
  kind: z.enum(['session', 'reading_forum']),
  liveLessons: z.number().int().min(0).max(20),
  discussions: z.number().int().min(0).max(20),
  hostSchoolId: id,
});
export const planInputSchema = z.object({ sessions: z.array(planSessionInputSchema).max(60) });
export type PlanInput = z.infer<typeof planInputSchema>;
export const planViewSchema = z.object({
  schoolYear: z.string(),
  sessions: z.array(planSessionInputSchema.extend({ id: z.string(), hostSchoolName: z.string() })),
  findings: z.array(communityFindingSchema),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const activityInputSchema = z.object({
  heldOn: isoDate,
  kind: activityKindSchema,
  title: z.string().trim().min(2).max(200),
  hostSchoolId: id,
  record: z.string().max(20000).optional(),
  /** The 学时 (tenths) an attendee earns; absent: the pack's day cap (6 学时). */
  hoursTenths: z.number().int().min(1).max(240).optional(),
});
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const activitySchema = z.object({
  id: z.string(),
  communityId: z.string(),
  heldOn: z.string(),
  kind: activityKindSchema,
  title: z.string(),
  hostSchoolId: z.string(),
  hostSchoolName: z.string(),
  record: z.string().nullable(),
  hoursTenths: z.number().int(),
  status: z.enum(['open', 'closed']),
  expected: z.number().int(),
  attended: z.number().int(),
  /** The 学时 postings made when it closed (one per attendee). */
  postings: z.number().int(),
  findings: z.array(communityFindingSchema),
  /** Its photos and files (Y-COMM-ACTIVITY-FILES). */
  files: z.array(fileMetaSchema).optional(),
});
export type Activity = z.infer<typeof activitySchema>;

/** Y-COMM-ACTIVITY-FILES: what an activity keeps of its photos and files, and which kinds. */
export const ACTIVITY_FILES_MAX = 20;
export const ACTIVITY_FILE_KINDS = ['jpg', 'png', 'pdf', 'docx', 'mp4'] as const;

export const attendanceInputSchema = z.object({ attended: z.array(id).max(500) });
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;
export const attendanceRowSchema = z.object({
  memberId: z.string(),
  teacherId: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  attended: z.boolean().nullable(),
});
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export const reviewQuerySchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  orgId: id.optional(),
});
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;

export const reviewRowSchema = z.object({
  communityId: z.string(),
  name: z.string(),
  kind: communityKindSchema,
  level: communityLevelSchema,
  hostOrgName: z.string(),
  planned: z.number().int(),
  held: z.number().int(),
  expectedAttendances: z.number().int(),
  attendances: z.number().int(),
  attendanceRate: z.number().nullable(),
  outputs: z.number().int(),
  membersLed: z.number().int(),
  findings: z.array(communityFindingSchema),
  feedback: z.string().nullable(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;
export const reviewSchema = z.object({
  month: z.string(),
  rows: z.array(reviewRowSchema),
  canFeedback: z.boolean(),
});
export type CommunityReview = z.infer<typeof reviewSchema>;

export const feedbackInputSchema = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  feedback: z.string().trim().min(2).max(2000),
});
export type FeedbackInput = z.infer<typeof feedbackInputSchema>;
export const feedbackResultSchema = z.object({ month: z.string(), feedback: z.string() });

/** A teacher's own studio or workshop: the role, the coming activities and the 学时 of this school year. */
export const myCommunitySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: communityKindSchema,
  level: communityLevelSchema,
  role: memberRoleSchema,
  joinedOn: z.string(),
  upcoming: z.array(
    z.object({ id: z.string(), heldOn: z.string(), kind: activityKindSchema, title: z.string() }),
  ),
  schoolYear: z.string(),
  countedTenths: z.number().int(),
  notCountedTenths: z.number().int(),
  /** R3-W15: the teacher completed a cycle in this workshop while it held the 优秀工作坊 title */
  backbone: backboneCandidateSchema.nullable().optional(),
});
export type MyCommunity = z.infer<typeof myCommunitySchema>;
