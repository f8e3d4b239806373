import { BOARD_ITEM_CODES, type BoardItem, LIGHTS } from '@yanxun/core/classes/class-rules';
import { z } from 'zod';
import { NAME_LIMITS, plainTextSchema } from './identifiers';

/**
 * Classes (期/班) of a programme and check-in: timetable, the deadline board
 * (R-004-09 … R-004-15), rotating QR check-in (注册/报到 and per session), the live board, leave requests.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const idString = z.string().regex(/^\d{1,18}$/, '编号应为数字');
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

/** The deadline board's lights and items are core's (packages/core/src/classes/class-rules.ts). */
export { BOARD_ITEM_CODES, type BoardItem, LIGHTS, type Light } from '@yanxun/core/classes/class-rules';
export const lightSchema = z.enum(LIGHTS);
export const lightCountsSchema = z.object({
  green: z.number().int(),
  amber: z.number().int(),
  red: z.number().int(),
  grey: z.number().int(),
});

export const DOCUMENT_KINDS = ['registration_notice', 'timetable', 'bulletin', 'final_report'] as const;
export type ClassDocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 'register' (注册), 'arrive' (报到), or 's<session id>' for a timetable session. */
export const slotSchema = z.string().regex(/^(register|arrive|s\d{1,18})$/, '签到类型不正确');

export const createClassSchema = z.object({
  programmeId: idString,
  name: plainTextSchema(NAME_LIMITS.name, '班级名称'),
  periodNo: z.number().int().min(1).max(99).default(1),
  startDate: isoDate,
  endDate: isoDate,
  venue: plainTextSchema(NAME_LIMITS.title, '地点', 0).default(''),
  providerOrgId: idString,
});
export type CreateClassRequest = z.input<typeof createClassSchema>;

export const updateClassSchema = z.object({
  name: plainTextSchema(NAME_LIMITS.name, '班级名称'),
  startDate: isoDate,
  endDate: isoDate,
  venue: plainTextSchema(NAME_LIMITS.title, '地点', 0),
});
export type UpdateClassRequest = z.infer<typeof updateClassSchema>;

export const classListQuerySchema = z.object({
  programmeId: idString.optional(),
});
export type ClassListQuery = z.infer<typeof classListQuerySchema>;

export const classSummarySchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string(),
  name: z.string(),
  periodNo: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
  providerOrgId: z.string(),
  providerOrgName: z.string(),
  enrolled: z.number().int(),
  lights: lightCountsSchema,
  canManage: z.boolean(),
});
export type ClassSummary = z.infer<typeof classSummarySchema>;

export const classSessionSchema = z.object({
  id: z.string(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  title: z.string(),
  mode: z.string(),
  location: z.string(),
});
export type ClassSession = z.infer<typeof classSessionSchema>;

export const createSessionSchema = z.object({
  date: isoDate,
  startsAt: hhmm,
  endsAt: hhmm,
  title: plainTextSchema(NAME_LIMITS.title, '课次名称'),
  mode: z.enum(['centralized', 'online', 'shadowing', 'practice', 'workshop']).default('centralized'),
  location: plainTextSchema(NAME_LIMITS.title, '地点', 0).default(''),
});
export type CreateSessionRequest = z.input<typeof createSessionSchema>;

/** core's `BoardItem`: a fixed item, or `final_report:<index>` for an item of the pack's final report list. */
export const boardItemSchema = z.object({
  code: z.union([z.enum(BOARD_ITEM_CODES), z.templateLiteral(['final_report:', z.number()])]),
  label: z.string(),
  ruleId: z.string(),
  light: lightSchema,
  dueDate: z.string(),
  basis: z.union([
    z.object({ kind: z.literal('fixed'), date: z.string() }),
    z.object({
      kind: z.literal('offset'),
      anchor: z.enum(['class_start', 'class_end']),
      anchorDate: z.string(),
      offsetDays: z.number().int(),
    }),
  ]),
  today: z.string(),
  submittedOn: z.string().nullable(),
  late: z.boolean(),
  days: z.number().int(),
  count: z.object({ submitted: z.number().int(), required: z.number().int() }).optional(),
  message: z.string(),
}) satisfies z.ZodType<BoardItem>;

export const classDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  item: z.string(),
  title: z.string(),
  submittedOn: z.string(),
});
export type ClassDocument = z.infer<typeof classDocumentSchema>;

export const createDocumentSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** For a final report: which item of the pack's list (R-004-15). */
  item: plainTextSchema(100, '材料项', 0).default(''),
  title: plainTextSchema(NAME_LIMITS.title, '标题', 0).default(''),
  submittedOn: isoDate,
});
export type CreateDocumentRequest = z.input<typeof createDocumentSchema>;

export const classDetailSchema = classSummarySchema.extend({
  sessions: z.array(classSessionSchema),
  documents: z.array(classDocumentSchema),
  board: z.array(boardItemSchema),
  checkin: z.object({
    open: z.boolean(),
    opensOn: z.string(),
    closesOn: z.string(),
    rotationSeconds: z.number().int(),
    ruleId: z.string(),
  }),
  canDisplay: z.boolean(),
});
export type ClassDetail = z.infer<typeof classDetailSchema>;

export const enrolSchema = z.object({
  /** Teachers of selected nominations to place; omitted → every selected nomination not yet in a class. */
  teacherIds: z.array(idString).max(5000).optional(),
});
export type EnrolRequest = z.infer<typeof enrolSchema>;

export const enrolResultSchema = z.object({
  enrolled: z.number().int(),
  skipped: z.array(z.object({ teacherId: z.string(), reason: z.string(), ruleId: z.string() })),
});
export type EnrolResult = z.infer<typeof enrolResultSchema>;

export const enrolmentSchema = z.object({
  teacherId: z.string(),
  teacherName: z.string(),
  schoolName: z.string(),
  registeredAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const displayQuerySchema = z.object({ slot: slotSchema.default('arrive') });

export const checkinDisplaySchema = z.object({
  classId: z.string(),
  className: z.string(),
  slot: z.string(),
  slotLabel: z.string(),
  /** The path the QR code encodes (the page prefixes its own origin). */
  path: z.string(),
  token: z.string(),
  shortCode: z.string(),
  rotationSeconds: z.number().int(),
  /** When this code stops being shown (ms since epoch); it is still accepted for the grace windows after. */
  expiresAt: z.number(),
  serverTime: z.number(),
  checkedIn: z.number().int(),
  total: z.number().int(),
  open: z.boolean(),
  /** The days check-in is open (the class's dates and the pack's days before, Y-004-CHECKIN-OPEN). */
  opensOn: z.string(),
  closesOn: z.string(),
  ruleId: z.string(),
});
export type CheckinDisplay = z.infer<typeof checkinDisplaySchema>;

export const checkinRequestSchema = z
  .object({
    t: z.string().max(200).optional(),
    code: z
      .string()
      .regex(/^\d{6}$/, '数字码应为 6 位数字')
      .optional(),
  })
  .refine((b) => (b.t ? 1 : 0) + (b.code ? 1 : 0) === 1, '请扫码或输入 6 位数字码（二选一）');
export type CheckinRequest = z.infer<typeof checkinRequestSchema>;

export const checkinResultSchema = z.object({
  status: z.enum(['checked_in', 'already']),
  classId: z.string(),
  className: z.string(),
  slot: z.string(),
  slotLabel: z.string(),
  checkedAt: z.string(),
  message: z.string(),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;

/** Reasons a check-in is refused; `details.reason` of the error, with `details.ruleId`. */
export const CHECKIN_REFUSALS = [
  'invalid',
  'expired',
  'not_open',
  'other_class',
  'not_enrolled',
  'not_teacher',
] as const;
export type CheckinRefusal = (typeof CHECKIN_REFUSALS)[number];

/**
 * Which refusal sentence the server wrote, `details.refusal` of the error, with its values beside it in `details`
 * (className, opensOn, closesOn, today, sessionDate, rotationSeconds, minutes): the web words it from these.
 */
export const CHECKIN_REFUSAL_CASES = [
  'bad_token',
  'slot_not_in_class',
  'outside_days',
  'not_session_day',
  'qr_expired',
  'wrong_code',
  'too_many_codes',
  'other_class',
  'not_enrolled_class',
  'not_enrolled_any',
  'not_teacher',
] as const;
export type CheckinRefusalCase = (typeof CHECKIN_REFUSAL_CASES)[number];

export const liveBoardSchema = z.object({
  classId: z.string(),
  slot: z.string(),
  slotLabel: z.string(),
  total: z.number().int(),
  checkedIn: z.number().int(),
  onLeave: z.number().int(),
  notYet: z.array(z.object({ teacherId: z.string(), teacherName: z.string(), schoolName: z.string() })),
  recent: z.array(z.object({ teacherId: z.string(), teacherName: z.string(), checkedAt: z.string() })),
});
export type LiveBoard = z.infer<typeof liveBoardSchema>;

export const manualAttendanceSchema = z.object({ teacherId: idString, slot: slotSchema });
export type ManualAttendanceRequest = z.infer<typeof manualAttendanceSchema>;

export const leaveRequestSchema = z.object({
  sessionId: idString,
  reason: z.string().trim().min(2).max(500),
});
export type LeaveRequestBody = z.infer<typeof leaveRequestSchema>;

export const leaveDecisionSchema = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export type LeaveDecision = z.input<typeof leaveDecisionSchema>;

export const leaveSchema = z.object({
  id: z.string(),
  classId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  sessionDate: z.string(),
  teacherId: z.string(),
  teacherName: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Leave = z.infer<typeof leaveSchema>;

export const classAlertSchema = z.object({
  classId: z.string(),
  className: z.string(),
  programmeTitle: z.string(),
  code: z.string(),
  label: z.string(),
  ruleId: z.string(),
  light: lightSchema,
  dueDate: z.string(),
  days: z.number().int(),
  /** For counted items (工作简报): how many there are and how many are needed. */
  count: z.object({ submitted: z.number().int(), required: z.number().int() }).optional(),
  /** The sentence in Chinese; the web writes it from code, light, days, dueDate and count. */
  message: z.string(),
});
export type ClassAlert = z.infer<typeof classAlertSchema>;

/** A teacher's own classes (the phone page). */
export const myClassSchema = z.object({
  classId: z.string(),
  className: z.string(),
  programmeTitle: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  venue: z.string(),
  registeredAt: z.string().nullable(),
  arrivedAt: z.string().nullable(),
});
export type MyClass = z.infer<typeof myClassSchema>;

// ── authperf: the provider organisations a class can be given to (开班 form) ──
export const classProviderSchema = z.object({ id: z.string(), name: z.string() });
export type ClassProvider = z.infer<typeof classProviderSchema>;
