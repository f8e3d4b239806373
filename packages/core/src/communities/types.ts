/**
 * The vocabulary of studios, workshops, the trainer pool and school-based research: kinds, levels and member
 * roles with their Chinese labels, what a check reports (`CommunityFinding`), and the shape of the pack's
 * `communities` section (the values are in `rules.ts`). Declared here, apart from the rules, so `PolicyPack` can
 * name the section without an import cycle (this file imports only `PolicyValue`).
 */
import type { PolicyValue } from '../programs/policy-value';

// ---------------------------------------------------------------------------------------------------------
// Kinds, levels, roles

/** What a community is: the 工作室 of S002/S003/S004 and the 教师工作坊 of S003. */
export const COMMUNITY_KINDS = [
  'master_teacher_studio',
  'master_principal_studio',
  'master_head_teacher_studio',
  'rural_chief_teacher_studio',
  'training_expert_studio',
  'master_online_studio',
  'workshop',
] as const;
export type CommunityKind = (typeof COMMUNITY_KINDS)[number];

export const COMMUNITY_KIND_LABELS: Record<CommunityKind, string> = {
  master_teacher_studio: '名师工作室',
  master_principal_studio: '名校长工作室',
  master_head_teacher_studio: '名班主任工作室',
  rural_chief_teacher_studio: '乡村首席教师工作室',
  training_expert_studio: '培训专家工作室',
  master_online_studio: '名师网络工作室',
  workshop: '教师工作坊',
};

/** The three classes of 教师工作坊 (R3-W01). */
export const WORKSHOP_CLASSES = ['class_1', 'class_2', 'class_3'] as const;
export type WorkshopClass = (typeof WORKSHOP_CLASSES)[number];

export const WORKSHOP_CLASS_LABELS: Record<WorkshopClass, string> = {
  class_1: '一类（名师工作室）',
  class_2: '二类（年级学科工作坊）',
  class_3: '三类（跨学段领域工作坊）',
};

/** Who set the community up and manages it. */
export const COMMUNITY_LEVELS = ['province', 'city', 'county', 'town', 'school'] as const;
export type CommunityLevel = (typeof COMMUNITY_LEVELS)[number];

export const COMMUNITY_LEVEL_LABELS: Record<CommunityLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  town: '镇级',
  school: '校级',
};

/**
 * A member's place in a community. `host` is the 主持人 (坊主); `core` the 核心成员; `formal` a registered
 * 正式成员 who is not core; `mentee` a 学员 (徒弟) of a studio, e.g. the 新入职教师 of a 名师网络工作室;
 * `applicant` a 申报成员 named in a registration that is not yet approved.
 */
export const MEMBER_ROLES = ['host', 'core', 'formal', 'mentee', 'applicant'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  host: '主持人',
  core: '核心成员',
  formal: '正式成员',
  mentee: '学员',
  applicant: '申报成员',
};

/** A studio or workshop. */
export interface Community {
  id: string;
  name: string;
  kind: CommunityKind;
  level: CommunityLevel;
  /** For a workshop: its class (R3-W01). */
  workshopClass?: WorkshopClass;
  /** The host unit (主持单位): the school whose core members R3-W05 limits. */
  hostSchoolId: string;
  /** The 学段 (a `STAGES` code) the workshop serves; R3-W07 does not apply outside compulsory education. */
  stage?: string;
}

export interface CommunityMember {
  id: string;
  /** The teacher's name, for messages. */
  name: string;
  role: MemberRole;
  schoolId: string;
}

/** A school as the composition rules see it. */
export interface SchoolRef {
  id: string;
  name: string;
  /** The 中心校 a primary school is under: it and its 中心校 are one area (R3-W04). Null or absent: its own area. */
  centralSchoolId?: string | null;
}

// ---------------------------------------------------------------------------------------------------------
// What a check reports

export type FindingSeverity = 'error' | 'warning';
export type FindingValue = number | string | boolean | null | readonly string[];

/**
 * One reason a check gives: the rule, whether it blocks (error) or asks for a look or an override (warning), a
 * plain Chinese sentence for the user (no rule ID in it) and the numbers for the officer.
 */
export interface CommunityFinding {
  /** Which sentence it is (COMM.…), so a page can word it from the values in the reader's language. */
  code?: string;
  rule: string;
  severity: FindingSeverity;
  message: string;
  values: Record<string, FindingValue>;
}

// ---------------------------------------------------------------------------------------------------------
// The pack's `communities` section

/** 教师工作坊 (S003 附件): composition, plan, registration and 学时. */
export interface WorkshopRules {
  /** R3-W02: 核心成员 5–7. */
  coreMin: PolicyValue<number>;
  coreMax: PolicyValue<number>;
  /** Reading of R3-W02: whether the 主持人 (坊主) counts as one of the core members. */
  hostCountsAsCore: PolicyValue<boolean>;
  /** R3-W03: 正式成员总数 20–30. */
  formalMin: PolicyValue<number>;
  formalMax: PolicyValue<number>;
  /** Reading of R3-W03: the total counts the whole team ('team') or only members who are not core ('non_core'). */
  formalBase: PolicyValue<'team' | 'non_core'>;
  /** R3-W04: core members from at least this many different areas (a 中心校 and its primaries: one area). */
  coreAreasMin: PolicyValue<number>;
  /** R3-W05: the host unit's core members at most this share (0–1) of … */
  hostUnitCoreMaxShare: PolicyValue<number>;
  /** … the whole team ('team', "团队总数") or the core group ('core'). */
  hostUnitShareBase: PolicyValue<'team' | 'core'>;
  /** R3-W07: 申报成员 from at least this many different areas … */
  memberAreasMin: PolicyValue<number>;
  /** … except for workshops of these 学段 (`STAGES` codes outside compulsory education). */
  memberAreasExemptStages: PolicyValue<string[]>;
  /** R3-W06: each core member's school hosts at least this many concentrated activities a school year. */
  hostingsPerCoreUnitMin: PolicyValue<number>;
  /** R3-W08: the months of the school year (1–12) that need a concentrated session ("每月"), holidays left out. */
  sessionMonths: PolicyValue<number[]>;
  /** R3-W08: concentrated sessions a month in those months, and in the school year. */
  sessionsPerMonthMin: PolicyValue<number>;
  sessionsPerYearMin: PolicyValue<number>;
  /** R3-W09: live lessons (现场授课) a session, and 议课/讲座 a session at least. */
  liveLessonsMin: PolicyValue<number>;
  liveLessonsMax: PolicyValue<number>;
  discussionsMin: PolicyValue<number>;
  /** R3-W10: professional reading forums (专业阅读论坛) a school year. */
  readingForumsMin: PolicyValue<number>;
  /** R3-W12: a workshop member's priority in nominations, and the programme levels it applies to. */
  memberPriority: PolicyValue<MembershipPriority>;
  /** R3-W14: a registration holds for this many school years, with at most this many roster adjustments in each. */
  registrationYears: PolicyValue<number>;
  adjustmentsPerYearMax: PolicyValue<number>;
  /** R3-W16: 学时 (tenths) a day of workshop, and at most a school year (the `hours` section's values). */
  dayCapTenths: PolicyValue<number>;
  yearCapTenths: PolicyValue<number>;
}

/** The "1 + N (+ M)" shape of a studio: hosts, members (core) and, for a 名师网络工作室, mentees. */
export interface StudioShapeRules {
  hosts: PolicyValue<number>;
  coreMin: PolicyValue<number>;
  coreMax: PolicyValue<number>;
  menteesMin?: PolicyValue<number>;
  menteesMax?: PolicyValue<number>;
}

export interface StudioRules {
  /** R-004-33: 名师网络工作室 1 + 10 + 50~100. */
  network: StudioShapeRules;
  /** R-004-50: 县域名师名校长名班主任工作室 1 + 10. */
  county: StudioShapeRules;
  /** R-004-62: 培训专家工作室 1 + 10. */
  trainingExpert: StudioShapeRules;
  /** R-004-24: the "师带徒" subsidy per studio (fen; the pack's `funding.studioSubsidyFen`) … */
  subsidyFen: PolicyValue<number>;
  /** … for studios of these kinds. */
  subsidisedKinds: PolicyValue<CommunityKind[]>;
  /** R3-B07: teachers a 三名 studio leads a year, at least. */
  ledPerYearMin: PolicyValue<number>;
  /** R3-B05/B06: schools a 教师发展学校 or 示范校 helps, min and max. */
  pairedSchoolsMin: PolicyValue<number>;
  pairedSchoolsMax: PolicyValue<number>;
  /** R3-G20: the two-way pair: a studio of this level with a workshop of that level. */
  pairStudioLevel: PolicyValue<CommunityLevel>;
  pairWorkshopLevel: PolicyValue<CommunityLevel>;
}

/** 教师培训者团队 (trainer pool, S003 附件) and the county's 培训师队伍 (rubric). */
export interface TrainerRules {
  /** R3-P01: a county's trainer team has at least this many members. */
  countyTeamMin: PolicyValue<number>;
  /** R3-P02: at least this share (0–1) of them take an active part in projects. */
  activeShareMin: PolicyValue<number>;
  /** R3-P03 ("原则上", soft): `TITLES` codes that are 副高级 or above. */
  titles: PolicyValue<string[]>;
  /** R3-P04: first appointment, age at least (soft, "一般") and at most (hard). */
  firstAgeMin: PolicyValue<number>;
  firstAgeMax: PolicyValue<number>;
  /** R3-P05: renewal, age at most. */
  renewalAgeMax: PolicyValue<number>;
  /** R3-P06: a term, in years. */
  termYears: PolicyValue<number>;
  /** R3-P12: a trainer's priority in nominations, and the programme levels it applies to. */
  priority: PolicyValue<MembershipPriority>;
}

/** Codes of the priorities membership earns (the nomination's candidate flags that carry them). */
export const MEMBERSHIP_PRIORITY_CODES = ['workshop_member', 'trainer_pool_member'] as const;
export type MembershipPriorityCode = (typeof MEMBERSHIP_PRIORITY_CODES)[number];

/** A priority membership earns: shown on a nomination of a programme of these levels (never a reason to refuse). */
export interface MembershipPriority {
  code: MembershipPriorityCode;
  label: string;
  /** `PROGRAM_LEVEL_CODES` */
  levels: string[];
}

/** 校本研修 (S003 附件 5). */
export interface SchoolBasedRules {
  /** R3-S02: 学时 (tenths) a school year (the `hours` section's value). */
  yearMinTenths: PolicyValue<number>;
  /** R3-S03: the plan is due before this week of the school year begins … */
  planDueBeforeWeek: PolicyValue<number>;
  /** … weeks counted from the first school day ('from_start') or as calendar weeks from Monday ('calendar'). */
  planWeekBasis: PolicyValue<'from_start' | 'calendar'>;
  /** R3-S04: the share (0–1) of schools whose process materials the 进修学校 samples at term end. */
  spotCheckRatio: PolicyValue<number>;
  /**
   * R3-B09: the training budget's least share (0–1) of the school's annual public-funds budget, and the least share
   * of it used. Optional so packs saved before the rule still load; `trainingBudgetRulesOf` supplies the defaults.
   */
  trainingBudgetShareMin?: PolicyValue<number>;
  trainingBudgetUseMin?: PolicyValue<number>;
}

/** R3-G17 / R3-G18: the monthly review and the annual selection. */
export interface ReviewRules {
  /** R3-G18: the month (1–12) of the annual selection. */
  selectionMonth: PolicyValue<number>;
  /** Y-COMM-ATTENDANCE: a month's attendance below this share (0–1) is flagged in the review. */
  attendanceMin: PolicyValue<number>;
}

/** The pack's `communities` section. */
export interface CommunityRules {
  workshop: WorkshopRules;
  studios: StudioRules;
  trainers: TrainerRules;
  schoolBased: SchoolBasedRules;
  review: ReviewRules;
}
