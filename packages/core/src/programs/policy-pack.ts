/**
 * Policy packs: every number a training programme obeys (eligibility, days, 学时, funding standards,
 * deadlines, quotas, bans) as versioned data per region and year. Each number is a `PolicyValue` that
 * carries the rule ID and the seed line it comes from, so a decision can say which rule and which value
 * produced it. Where a seed can be read more than one way, the reading is a value too (a "setting"), with
 * a note that names the reading chosen.
 *
 * Units: money in fen (1 元 = 100 fen), 学时 in tenths (60 学时 = 600), dates as 'YYYY-MM-DD'.
 */
import type { BackboneLevel, CodeEntry, LocationType } from '../codes';
import type { CommunityRules } from '../communities/types';
import { daysInMonth, isLeapYear, parseIsoDate } from '../dates';
import type { HourRules } from '../hours/types';
import type { PackSource } from './pack-source';
import type { PolicyValue } from './policy-value';

export type { PackSource, SourceDocument } from './pack-source';
export { type PolicyValue, pv } from './policy-value';

/** The selection deadline (学员遴选截止): what a selection step after it cites. */
export const SELECTION_DEADLINE_RULE_ID = 'R-004-18';
/** The integrity bar (未参训/被劝退/未结业 records bar provincial centralised training). */
export const INTEGRITY_BAN_RULE_ID = 'R-004-20';

/** 学时 → tenths of 学时, the integer unit hours are stored in. */
export function hoursToTenths(hours: number): number {
  return Math.round(hours * 10);
}

// ---------------------------------------------------------------------------------------------------------
// Codes

/** Programme levels: 国培 / 省培 / 市培 / 县培 / 校本研修 / 工作室研修, one model so a teacher's record joins them. */
export const PROGRAM_LEVEL_CODES = ['national', 'provincial', 'city', 'county', 'school', 'studio'] as const;
export type ProgramLevel = (typeof PROGRAM_LEVEL_CODES)[number];

export const PROGRAM_LEVELS: CodeEntry<ProgramLevel>[] = [
  { code: 'national', name: '国培计划', nameEn: 'National programme', aliases: ['国培'] },
  { code: 'provincial', name: '省培计划', nameEn: 'Provincial programme', aliases: ['省培'] },
  { code: 'city', name: '市培计划', nameEn: 'City programme', aliases: ['市培'] },
  { code: 'county', name: '县培计划', nameEn: 'County programme', aliases: ['县培'] },
  { code: 'school', name: '校本研修', nameEn: 'School-based research' },
  {
    code: 'studio',
    name: '工作室研修',
    nameEn: 'Studio research',
    aliases: ['三名工作室研修', '名师工作室研修'],
  },
];

/**
 * Roles in teacher-training work (R-004-55, R-004-66, R-004-44) that the general role table (`TEACHER_ROLES`
 * in codes.ts) does not have. Eligibility role lists may mix these with `TEACHER_ROLES` codes (researcher,
 * principal, vice_principal, training_admin).
 */
export const TRAINING_WORK_ROLES: CodeEntry[] = [
  { code: 'chief_expert', name: '项目首席专家', nameEn: 'Project chief expert', aliases: ['首席专家'] },
  {
    code: 'instructor',
    name: '授课专家',
    nameEn: 'Instructor (university expert, researcher, excellent teacher or principal)',
    aliases: ['高校专家', '优秀教师'],
  },
  {
    code: 'trainer',
    name: '教师培训机构专兼职培训者',
    nameEn: 'Full- or part-time trainer at a teacher-training institution',
    aliases: ['培训者', '专职培训者', '兼职培训者'],
  },
];

/** Integrity records (诚信档案, R-004-20). */
export const INTEGRITY_KIND_CODES = ['no_show', 'dismissed', 'not_completed'] as const;
export type IntegrityKind = (typeof INTEGRITY_KIND_CODES)[number];

export const INTEGRITY_KINDS: CodeEntry<IntegrityKind>[] = [
  { code: 'no_show', name: '无特殊情况未参训', nameEn: 'No-show without special circumstances' },
  { code: 'dismissed', name: '被劝退', nameEn: 'Dismissed' },
  { code: 'not_completed', name: '未结业', nameEn: 'Not completed' },
];

// ---------------------------------------------------------------------------------------------------------
// Pack model

/** Which date ages, 教龄 and training-work years are computed on (spec §7.7). */
export type ReferenceDateBasis =
  | { kind: 'selection_deadline' }
  | { kind: 'class_start' }
  | { kind: 'fixed'; date: string };

/**
 * How "从事…培训工作 N 年以上" is counted when only the start year is recorded:
 * - `year_difference`: reference year − start year (started 2018 → 3 years in 2021);
 * - `full_years_only`: as if the work started on the last day of the start year (2018 → 2 years on 2021-07-30).
 */
export type TrainingYearsCounting = 'year_difference' | 'full_years_only';

export interface PackSettings {
  referenceDate: PolicyValue<ReferenceDateBasis>;
  trainingYearsCounting: PolicyValue<TrainingYearsCounting>;
}

export interface ClassStaffing {
  chiefExperts: number;
  subjectClassTeachersPerClass: number;
  lifeClassTeachersPerClass: number;
}

export type PracticalShareBasis = 'hours' | 'days' | 'modules';

/** Delivery modes of a training plan's modules (R-004-31): 集中培训, 网络研修, 跟岗实践, 返岗实践, 工作坊. */
export const PLAN_MODE_CODES = ['centralized', 'online', 'shadowing', 'return_practice', 'workshop'] as const;
export type PlanMode = (typeof PLAN_MODE_CODES)[number];

/**
 * How a plan module of one mode is measured and what it counts towards: the project type's centralised days
 * (`centralized`), its online 学时 (`online`), or neither (`practice`: 返岗实践, counted in practice years).
 */
export interface PlanModeSpec {
  code: PlanMode;
  name: string;
  unit: 'days' | 'hours';
  countsAs: 'centralized' | 'online' | 'practice';
  /** Whether a module of this mode is practical (实践性课程) unless the provider says otherwise. */
  practicalByDefault: boolean;
}

export interface DesignRules {
  /** R-004-03: one training = one professional-development problem. */
  themeBased: PolicyValue<boolean>;
  /** R-004-04: the compulsory topics, delivered as asynchronous online modules. */
  compulsoryTopics: PolicyValue<string[]>;
  compulsoryTopicsDelivery: PolicyValue<'async_online'>;
  /** R-004-05: practical courses ≥ this share, in percent. */
  practicalShareMinPct: PolicyValue<number>;
  practicalShareBasis: PolicyValue<PracticalShareBasis>;
  /** R-004-07. */
  staffing: PolicyValue<ClassStaffing>;
  /** R-004-31: the modes a plan's modules may take, with their unit and what they count towards. */
  planModes: PolicyValue<PlanModeSpec[]>;
  /** R-004-05 on the `hours` basis: 学时 (tenths) one centralised day counts as. */
  dayHoursTenths: PolicyValue<number>;
}

/** A deadline relative to a class's dates. `offsetDays` < 0 is before the anchor; on the due date is on time. */
export interface DeadlineOffset {
  anchor: 'class_start' | 'class_end';
  offsetDays: number;
  /** Where the due date must lie relative to the anchor; validation checks the sign of `offsetDays`. */
  mustBe: 'before' | 'after';
}

export interface Deadlines {
  applicationDue: PolicyValue<string>;
  applicationFormat: PolicyValue<'sealed_pdf'>;
  selectionDue: PolicyValue<string>;
  classDatesDue: PolicyValue<string>;
  registrationNotice: PolicyValue<DeadlineOffset>;
  timetable: PolicyValue<DeadlineOffset>;
  bulletinsMin: PolicyValue<number>;
  /** R-004-14 "每个单位": per provider for each project it runs, or per provider overall. */
  bulletinsBasis: PolicyValue<'provider_project' | 'provider'>;
  finalReports: PolicyValue<DeadlineOffset>;
  finalReportItems: PolicyValue<string[]>;
}

/**
 * Running a class (期/班): how early the deadline board warns, and the rotating check-in code shown at the
 * venue. The seed has no numbers for these; they are Yanxun's own rules, kept in the pack so a
 * region can change them.
 */
export interface ClassOperations {
  /** A deadline not yet met turns amber this many days before it is due (on the due date: still amber). */
  dueSoonDays: PolicyValue<number>;
  /** The venue's QR code and short code change every this many seconds. */
  checkinRotationSeconds: PolicyValue<number>;
  /** How many earlier windows a scanned code is still accepted in (a phone slow to send). */
  checkinGraceWindows: PolicyValue<number>;
  /** Check-in (注册/报到, sessions) opens this many days before the class starts and closes after its end date. */
  checkinOpensDaysBefore: PolicyValue<number>;
}

/**
 * Outcomes and completion (结业) of a class: the seed names the outcomes (annex) and the consequence of not
 * completing (R-004-20) but gives no attendance threshold, outcome deadline or hours posting rule; these are
 * Yanxun's own rules, kept in the pack so a region can change them.
 */
export interface CompletionRules {
  /** Attendance share (percent of the class's sessions) a teacher needs for 结业; at the threshold passes. */
  minAttendancePct: PolicyValue<number>;
  /** How an approved leave counts: as attended, removed from the count (excused), or as an absence. */
  approvedLeave: PolicyValue<'present' | 'excused' | 'absent'>;
  /** Outcomes are due this many days after the class's end date (on the due date is on time). */
  outcomeDueDaysAfterEnd: PolicyValue<number>;
  /** An accepted outcome passes with at least this score (0–100). */
  outcomePassScore: PolicyValue<number>;
  /** Outcome parts or items (by name) that may be a video (MP4 upload or a link) instead of a document. */
  videoOutcomes: PolicyValue<string[]>;
  /** 学时 posted to a teacher who does not complete: none, or the programme's 学时 × attendance share. */
  partialHours: PolicyValue<'none' | 'attended_share'>;
  /** Certificate number: `<year>-<programme id>-<sequence>` with this many digits, no gaps per programme. */
  certificateSeqDigits: PolicyValue<number>;
}

export interface FundingStandards {
  /** R-004-22: 集中培训 per person per day. */
  centralizedPerPersonDayFen: PolicyValue<number>;
  /** R-004-23: 网络研修 per person per 学时. */
  onlinePerPersonHourFen: PolicyValue<number>;
  /** R-004-24: lump sum per subsidised studio. */
  studioSubsidyFen: PolicyValue<number>;
}

export interface IntegrityBan {
  years: PolicyValue<number>;
  kinds: PolicyValue<IntegrityKind[]>;
  /** Levels of programme the ban covers ("省级组织的…项目"). */
  appliesToLevels: PolicyValue<ProgramLevel[]>;
  /** Only tracks with centralised days ("集中培训项目") are barred. */
  centralizedOnly: PolicyValue<boolean>;
  /** On the anniversary of the record date itself: may the teacher attend again? */
  anniversary: PolicyValue<'allowed' | 'barred'>;
}

export interface Attestation {
  code: string;
  label: string;
}

export interface RoleRequirement {
  /** Codes of `TEACHER_ROLES` or `TRAINING_WORK_ROLES`; holding any one passes. */
  anyRole: string[];
  /** Holding any of these backbone levels also passes (e.g. 一线名师). */
  anyBackbone: BackboneLevel[];
}

export interface EligibilityRules {
  /** `soft` ("原则上"): a failure needs a recorded override instead of making the teacher ineligible. */
  age?: { min?: PolicyValue<number>; max?: PolicyValue<number>; soft: PolicyValue<boolean> };
  minTrainingWorkYears?: PolicyValue<number>;
  minTeachingYears?: PolicyValue<number>;
  schoolLocationTypes?: PolicyValue<LocationType[]>;
  backboneLevels?: PolicyValue<BackboneLevel[]>;
  roles?: PolicyValue<RoleRequirement>;
  titles?: PolicyValue<string[]>;
  stages?: PolicyValue<string[]>;
  /** Qualitative conditions the nominating unit confirms (health, target group …). */
  attestations?: PolicyValue<Attestation[]>;
  /** Flags that give priority in nomination; they never make anyone ineligible. */
  priorities?: PolicyValue<Attestation[]>;
}

/** A group of people trained (or leading) in a project type, with its own days, 学时 and eligibility. */
export interface ProjectTrack {
  code: string;
  name: string;
  /** `mentor` tracks lead studios (名师, 培训专家) rather than being trained. */
  kind: 'trainee' | 'mentor';
  centralizedDaysPerYear?: PolicyValue<number>;
  centralizedDaysTotal?: PolicyValue<number>;
  /** Online 学时 in tenths; per year or per cycle as `onlineHoursBasis` says. */
  onlineHoursTenths?: PolicyValue<number>;
  onlineHoursBasis?: PolicyValue<'per_year' | 'per_cycle'>;
  /** 返岗实践 / 校本实践, in years. */
  practiceYears?: PolicyValue<number>;
  /** The days and 学时 are minimums ("不少于"): a plan may exceed them. Otherwise a plan must match them. */
  planTotalsAreMinimum?: PolicyValue<boolean>;
  eligibility: EligibilityRules;
}

export type OutcomeOwner = 'trainee' | 'provider' | 'county' | 'dev_school' | 'studio';

export interface OutcomeItem {
  code: string;
  name: string;
  count: number;
  /** Parts one item must contain (a 课例: 教学设计, 课堂教学实录, 教学反思). */
  parts?: string[];
}

export interface OutcomeSet {
  owner: OutcomeOwner;
  /** For trainee-owned outcomes, the track they belong to. */
  trackCode?: string;
  /** `all`: every item is required; `any`: one of the items is enough. */
  mode: 'all' | 'any';
  items: OutcomeItem[];
}

export interface StudioRole {
  role: string;
  name: string;
  min: number;
  max: number;
  /** Track whose people fill this role, if any. */
  trackCode?: string;
}

export interface StudioStructure {
  code: string;
  name: string;
  roles: StudioRole[];
  durationYears: number;
  /** Receives the R-004-24 studio subsidy. */
  subsidised: boolean;
}

/** The county support-system package of project 2 (R-004-39 … R-004-53). */
export interface CountySystemSpec {
  projectCounties: PolicyValue<string[]>;
  trainingTeamSize: PolicyValue<number>;
  trainingTeamDomains: PolicyValue<string[]>;
  devSchools: PolicyValue<number>;
  devSchoolsPrimary: PolicyValue<number>;
  devSchoolsSecondary: PolicyValue<number>;
  teamMinPerDevSchool: PolicyValue<number>;
  teamMinPerStudio: PolicyValue<number>;
  studios: PolicyValue<number>;
  studioLeaders: PolicyValue<{
    masterTeachers: number;
    masterPrincipals: number;
    masterHeadTeachers: number;
  }>;
  youngMembers: PolicyValue<number>;
  pairing: PolicyValue<{ universities: number; qualitySchools: number; provincialTeams: number }>;
}

/** shortlist: the provider's selection from a competitive shortlist (差额遴选, R-004-59). */
export interface ShortlistSelectionRules {
  /** Whether the programme's owner (the office) must confirm the provider's submitted selection before it applies. */
  ownerConfirms: PolicyValue<boolean>;
}

export interface ProjectType {
  code: string;
  name: string;
  /** Other names the same project type goes by (spec §7.11). */
  aliases: string[];
  /** Where the project type itself is set up. */
  definedBy: { ruleId: string; source: string };
  level: PolicyValue<ProgramLevel>;
  cycleYears: PolicyValue<number>;
  traineeTotal?: PolicyValue<number>;
  /** Candidates per place in a competitive (差额) selection: 1.2 for "1:1.2". */
  competitiveRatio?: PolicyValue<number>;
  /** shortlist: how the provider's selection from the shortlist takes effect (R-004-59); `shortlistRulesOf` defaults it. */
  shortlistSelection?: ShortlistSelectionRules;
  /** A project-specific practical share; must not be below the pack-wide minimum. */
  practicalShareMinPct?: PolicyValue<number>;
  /** The first track is the one nominations are for unless another is named. */
  tracks: ProjectTrack[];
  outcomes: PolicyValue<OutcomeSet>[];
  studios: PolicyValue<StudioStructure>[];
  countySystem?: CountySystemSpec;
}

export interface PolicyPack {
  id: string;
  /** GB/T 2260 code of the region that publishes the pack. */
  regionCode: string;
  year: number;
  version: number;
  status: 'draft' | 'published';
  title: string;
  source: PackSource;
  derivedFrom?: { id: string; version: number };
  settings: PackSettings;
  design: DesignRules;
  deadlines: Deadlines;
  funding: FundingStandards;
  integrityBan: IntegrityBan;
  /** No overlapping enrolment in another programme at the same time. */
  noOverlappingEnrolment: PolicyValue<boolean>;
  projectTypes: ProjectType[];
  /** Optional so packs saved before classes existed still load; `classOperationsOf` supplies the defaults. */
  classOps?: ClassOperations;
  /** targets of the KPI report (0…1); optional, `kpiTargetsOf` (kpi.ts) supplies R3-B02 otherwise. */
  kpiTargets?: KpiTargets;
  /** Optional so packs saved before completion existed still load; `completionRulesOf` supplies the defaults. */
  completion?: CompletionRules;
  /** Optional so packs saved before the 学时 ledger existed still load; `hourRulesOf` supplies the defaults. */
  hours?: HourRules;
  /** Optional so packs saved before studios and workshops existed still load; `communityRulesOf` supplies the defaults. */
  communities?: CommunityRules;
}

/** KPI targets a pack may carry; a missing key has no target line. */
export interface KpiTargets {
  registrationRate?: PolicyValue<number>;
  arrivalRate?: PolicyValue<number>;
  attendanceRate?: PolicyValue<number>;
  completionRate?: PolicyValue<number>;
}

// ---------------------------------------------------------------------------------------------------------
// Look-ups and derived values

/** The project type whose code, name or alias is `codeOrName`, or undefined. */
export function findProjectType(pack: PolicyPack, codeOrName: string): ProjectType | undefined {
  const key = codeOrName.trim();
  return pack.projectTypes.find((t) => t.code === key || t.name === key || t.aliases.includes(key));
}

/** The track `trackCode` of a project type, or its first track when no code is given. */
export function findTrack(type: ProjectType, trackCode?: string): ProjectTrack | undefined {
  return trackCode === undefined ? type.tracks[0] : type.tracks.find((t) => t.code === trackCode);
}

/** Centralised days over the whole cycle: the stated total, else days per year × cycle years, else 0. */
export function totalCentralizedDays(type: ProjectType, track: ProjectTrack): number {
  if (track.centralizedDaysTotal) return track.centralizedDaysTotal.value;
  if (track.centralizedDaysPerYear) return track.centralizedDaysPerYear.value * type.cycleYears.value;
  return 0;
}

/** Online 学时 (tenths) over the whole cycle, honouring the per-year / per-cycle reading. */
export function totalOnlineTenths(type: ProjectType, track: ProjectTrack): number {
  if (!track.onlineHoursTenths) return 0;
  const perYear = track.onlineHoursBasis?.value === 'per_year';
  return perYear ? track.onlineHoursTenths.value * type.cycleYears.value : track.onlineHoursTenths.value;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar arithmetic for deadlines and bans

function requireDate(s: string, label: string): { year: number; month: number; day: number } {
  const parts = parseIsoDate(s);
  if (!parts) throw new RangeError(`${label} is not a YYYY-MM-DD calendar date: ${s}`);
  return parts;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `date` plus `days` calendar days (negative: earlier). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = requireDate(date, 'date');
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)}`;
}

/**
 * The anniversary `years` after `date`. A 29 February date lands on 1 March in common years, the same
 * convention `fullYearsBetween` uses, so `fullYearsBetween(d, addYears(d, n)) === n`.
 */
export function addYears(date: string, years: number): string {
  const { year, month, day } = requireDate(date, 'date');
  const y = year + years;
  if (month === 2 && day === 29 && !isLeapYear(y)) return `${pad(y, 4)}-03-01`;
  return `${pad(y, 4)}-${pad(month, 2)}-${pad(Math.min(day, daysInMonth(y, month)), 2)}`;
}

/** The due date of a class-relative deadline (a submission on that date is on time). */
export function deadlineDate(
  offset: DeadlineOffset,
  classDates: { startDate: string; endDate: string },
): string {
  const anchor = offset.anchor === 'class_start' ? classDates.startDate : classDates.endDate;
  return addDays(anchor, offset.offsetDays);
}

/** The date eligibility is judged on, per the pack's reference-date setting. */
export function resolveReferenceDate(pack: PolicyPack, programme: { startDate: string }): string {
  const basis = pack.settings.referenceDate.value;
  switch (basis.kind) {
    case 'selection_deadline':
      return pack.deadlines.selectionDue.value;
    case 'class_start':
      return programme.startDate;
    case 'fixed':
      return basis.date;
  }
}

/** Freeze an object graph in place (the built-in packs), returning it with its type unchanged. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
