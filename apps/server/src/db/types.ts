import type { ColumnType, Generated } from 'kysely';

/** Kysely's view of the schema; kept in step with db/migrations by hand, checked by the migration test. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns come back as 'YYYY-MM-DD' strings (the pg type parser is set in db/database.ts). */
type DateString = ColumnType<string, string, string>;
/** bigint ids come back as strings from pg. */
type Id = ColumnType<string, string | number | bigint, string | number | bigint>;
type GeneratedId = ColumnType<string, string | number | bigint | undefined, never>;

export interface CodeEntriesTable {
  table_name: string;
  code: string;
  name: string;
  name_en: string;
  sort: number;
}

export interface OrgsTable {
  id: GeneratedId;
  parent_id: Id | null;
  path: string;
  depth: number;
  kind: string;
  code: string | null;
  name: string;
  name_pinyin: Generated<string>;
  province_id: Id | null;
  city_id: Id | null;
  county_id: Id | null;
  stages: Generated<string[]>;
  school_type: string | null;
  location_type: string | null;
  group_name: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeachersTable {
  county_id: Id;
  id: ColumnType<string, string | number | bigint | undefined, never>;
  id_number: string;
  name: string;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  gender: string;
  birth_date: DateString;
  phone: string | null;
  school_id: Id;
  org_path: string;
  stage: string | null;
  subject: string | null;
  title: string | null;
  backbone: string | null;
  teaching_start_date: DateString | null;
  training_start_year: number | null;
  roles_held: Generated<string[]>;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeacherIdentitiesTable {
  id_number: string;
  teacher_id: Id;
  county_id: Id;
}

export interface TeacherPostingsTable {
  county_id: Id;
  id: GeneratedId;
  teacher_id: Id;
  school_id: Id;
  from_date: DateString;
  to_date: DateString | null;
  reason: string | null;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface AccountsTable {
  id: GeneratedId;
  username: string;
  display_name: string;
  password_hash: string;
  teacher_id: Id | null;
  must_change_password: Generated<boolean>;
  disabled: Generated<boolean>;
  password_changed_at: Timestamp;
  created_at: Timestamp;
}

export interface RoleGrantsTable {
  id: GeneratedId;
  account_id: Id;
  role: string;
  org_id: Id;
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  account_id: Id;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: GeneratedId;
  at: Timestamp;
  actor_id: Id | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  org_id: Id | null;
  details: ColumnType<unknown, string, string>;
  request_id: string | null;
  ip: string | null;
}

export interface ImportJobsTable {
  id: GeneratedId;
  kind: string;
  file_name: string;
  status: string;
  progress: Generated<number>;
  total_rows: Generated<number>;
  valid_rows: Generated<number>;
  error_rows: Generated<number>;
  to_create: Generated<number>;
  to_update: Generated<number>;
  unchanged: Generated<number>;
  committed_rows: Generated<number>;
  commit_mode: string | null;
  error_code: string | null;
  error_message: string | null;
  account_id: Id;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
  /** all row errors found; only the first MAX_ERRORS_KEPT are in import_errors (0014) */
  error_count: Generated<number>;
  /** a validated dry run may be committed until then (0014) */
  expires_at: NullableTimestamp;
}

export interface ImportErrorsTable {
  job_id: Id;
  seq: number;
  row_number: number;
  column_name: string;
  value: string;
  rule: string;
  message: string;
}

export interface PolicyPacksTable {
  id: string;
  region_org_id: Id | null;
  region_code: string;
  year: number;
  version: number;
  status: string;
  title: string;
  builtin: Generated<boolean>;
  derived_from: string | null;
  /** The core PolicyPack; written as JSON text. */
  body: ColumnType<unknown, string, string>;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface ProgrammesTable {
  id: GeneratedId;
  pack_id: string;
  project_type_code: string;
  track_code: string;
  level: string;
  year: number;
  owner_org_id: Id;
  owner_path: string;
  title: string;
  selection_deadline: DateString;
  start_date: DateString;
  end_date: DateString;
  total_seats: number;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface QuotaAllocationsTable {
  region_id: Id;
  programme_id: Id;
  org_id: Id;
  org_path: string;
  parent_org_id: Id | null;
  seats: number;
  rural_seats: Generated<number>;
  allocated: Generated<number>;
  used: Generated<number>;
  updated_at: Timestamp;
}

export interface NominationsTable {
  county_id: Id;
  id: ColumnType<string, string | number | bigint | undefined, never>;
  programme_id: Id;
  teacher_id: Id;
  school_id: Id;
  org_path: string;
  quota_region_id: Id;
  quota_org_id: Id;
  status: string;
  /** core's EligibilityResult; written as JSON text. */
  eligibility: ColumnType<unknown, string, string>;
  override_reason: string | null;
  reason: string | null;
  replaces_id: Id | null;
  replaced_by_id: Id | null;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** 0006: who confirmed a competitive shortlist's outcome, and when. */
  decided_by: Id | null;
  decided_at: NullableTimestamp;
}

export interface IntegrityRecordsTable {
  county_id: Id;
  id: ColumnType<string, string | number | bigint | undefined, never>;
  teacher_id: Id;
  org_path: string;
  kind: string;
  record_date: DateString;
  programme_id: Id | null;
  evidence: string | null;
  standing: Generated<boolean>;
  created_by: Id | null;
  created_at: Timestamp;
  /** 0006: appeals (R-004-20). */
  appeal_status: Generated<string>;
  appeal_reason: string | null;
  appealed_at: NullableTimestamp;
  appeal_decided_by: Id | null;
  appeal_decided_at: NullableTimestamp;
  appeal_decision_reason: string | null;
  standing_reason: string | null;
}

// ---- 0006 programmes, continued (substitution requests, refusals, notifications) ----------------------------

export interface SubstitutionRequestsTable {
  region_id: Id;
  id: GeneratedId;
  programme_id: Id;
  quota_org_id: Id;
  approver_org_id: Id;
  org_path: string;
  nomination_county_id: Id;
  nomination_id: Id;
  replaced_teacher_id: Id;
  teacher_county_id: Id;
  teacher_id: Id;
  reason: string;
  /** core's EligibilityResult of the replacement at request time; written as JSON text. */
  eligibility: ColumnType<unknown, string, string>;
  override_reason: string | null;
  status: Generated<string>;
  requested_by: Id | null;
  requested_at: Timestamp;
  decided_by: Id | null;
  decided_at: NullableTimestamp;
  decision_reason: string | null;
  new_nomination_id: Id | null;
}

export interface NominationRefusalsTable {
  county_id: Id;
  id: GeneratedId;
  programme_id: Id;
  teacher_id: Id;
  org_path: string;
  quota_org_id: Id;
  failed_rules: string[];
  needs_override: boolean;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  county_id: Id;
  id: GeneratedId;
  teacher_id: Id;
  kind: string;
  title: string;
  body: string;
  entity: string | null;
  entity_id: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

/** 0016: a notification to an account (staff), numbered from the same sequence as the teachers'. */
export interface AccountNotificationsTable {
  account_id: Id;
  id: GeneratedId;
  kind: string;
  title: string;
  body: string;
  entity: string | null;
  entity_id: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

// ---- plans (0005): files, training plans and versions, approved providers, spending ----

/** bigint amounts (fen) come back as strings from pg; convert with Number() (safe below 2^53 fen). */
type BigIntAmount = ColumnType<string, string | number | bigint, string | number | bigint>;

export interface FilesTable {
  id: GeneratedId;
  owner_org_id: Id;
  owner_path: string;
  purpose: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: Id | null;
  created_at: Timestamp;
}

export interface PlansTable {
  id: GeneratedId;
  programme_id: Id;
  provider_org_id: Id;
  provider_path: string;
  status: string;
  current_version: Generated<number>;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionsTable {
  plan_id: Id;
  version: number;
  body: ColumnType<unknown, string, string>;
  file_id: Id | null;
  check_result: ColumnType<unknown, string | null | undefined, string | null>;
  submitted_at: NullableTimestamp;
  submitted_by: Id | null;
  decision: string | null;
  review_comment: string | null;
  reviewed_by: Id | null;
  reviewed_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ProgrammeProvidersTable {
  programme_id: Id;
  provider_org_id: Id;
  plan_id: Id;
  approved_by: Id | null;
  approved_at: Timestamp;
}

export interface ProgrammeSpendingTable {
  id: GeneratedId;
  programme_id: Id;
  category: string;
  amount_fen: BigIntAmount;
  spent_on: DateString;
  note: string | null;
  created_by: Id | null;
  created_at: Timestamp;
}

// ---- classes and check-in (migration 0004) ----

export interface ClassesTable {
  id: GeneratedId;
  programme_id: Id;
  name: string;
  period_no: Generated<number>;
  start_date: DateString;
  end_date: DateString;
  venue: Generated<string>;
  provider_org_id: Id;
  provider_path: string;
  owner_path: string;
  dates_reported_on: DateString;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ClassSessionsTable {
  id: GeneratedId;
  class_id: Id;
  session_date: DateString;
  starts_at: string;
  ends_at: string;
  title: string;
  mode: Generated<string>;
  location: Generated<string>;
}

export interface ClassDocumentsTable {
  id: GeneratedId;
  class_id: Id;
  kind: string;
  item: Generated<string>;
  title: Generated<string>;
  submitted_on: DateString;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface ClassEnrolmentsTable {
  county_id: Id;
  class_id: Id;
  teacher_id: Id;
  programme_id: Id;
  nomination_id: Id;
  org_path: string;
  created_at: Timestamp;
}

export interface AttendanceTable {
  county_id: Id;
  class_id: Id;
  slot: string;
  teacher_id: Id;
  checked_at: Timestamp;
  method: string;
  recorded_by: Id | null;
}

export interface LeaveRequestsTable {
  county_id: Id;
  id: ColumnType<string, string | number | bigint | undefined, never>;
  class_id: Id;
  session_id: Id;
  teacher_id: Id;
  reason: string;
  status: Generated<string>;
  decided_by: Id | null;
  decided_at: NullableTimestamp;
  decision_note: string | null;
  created_at: Timestamp;
}

// ---- outcomes and completion ----
export interface OutcomeSubmissionsTable {
  county_id: Id;
  id: GeneratedId;
  class_id: Id;
  programme_id: Id;
  teacher_id: Id;
  org_path: string;
  requirement: string;
  version: number;
  file_id: Id | null;
  link: string | null;
  note: Generated<string>;
  status: Generated<string>;
  score: number | null;
  review_comment: string | null;
  reviewed_by: Id | null;
  reviewed_at: NullableTimestamp;
  submitted_by: Id | null;
  submitted_at: Timestamp;
}

export interface CompletionResultsTable {
  county_id: Id;
  class_id: Id;
  teacher_id: Id;
  programme_id: Id;
  org_path: string;
  completed: boolean;
  attendance_pct: ColumnType<string, number | string, number | string>;
  checks: ColumnType<unknown, string, string>;
  hours_tenths: Generated<number>;
  evaluated_at: Timestamp;
  evaluated_by: Id | null;
}

export interface CertificateCountersTable {
  programme_id: Id;
  last_seq: Generated<number>;
}

export interface CertificatesTable {
  programme_id: Id;
  seq: number;
  certificate_no: string;
  county_id: Id;
  teacher_id: Id;
  class_id: Id;
  issued_at: Timestamp;
  revoked_at: NullableTimestamp;
}

// ---- the 学时 ledger (0018): append-only ----
export interface HourEntriesTable {
  county_id: Id;
  id: GeneratedId;
  teacher_id: Id;
  org_path: string;
  amount_tenths: number;
  days: number | null;
  category: string;
  occurred_on: DateString;
  school_year: string;
  source: string;
  credit_key: string;
  revision: Generated<number>;
  rule_id: string;
  programme_id: Id | null;
  class_id: Id | null;
  provenance_system: string | null;
  provenance_record: string | null;
  reverses_id: Id | null;
  reason: string | null;
  posted_by: Id | null;
  posted_at: Timestamp;
}

// ---- 学时申报 (0019) ----
export interface HourClaimsTable {
  county_id: Id;
  id: GeneratedId;
  teacher_id: Id;
  school_id: Id;
  org_path: string;
  category: string;
  kind: string;
  title: string;
  issuer: string;
  certificate_no: string | null;
  certificate_key: string | null;
  start_date: DateString;
  end_date: DateString;
  hours_tenths: number;
  status: Generated<string>;
  submitted_by: Id | null;
  submitted_at: Timestamp;
  school_due_on: DateString;
  county_due_on: ColumnType<string | null, string | null | undefined, string | null>;
  school_decided_by: Id | null;
  school_decided_at: NullableTimestamp;
  school_comment: string | null;
  county_decided_by: Id | null;
  county_decided_at: NullableTimestamp;
  county_comment: string | null;
  return_reason: string | null;
  withdrawn_at: NullableTimestamp;
}

export interface HourClaimEvidenceTable {
  county_id: Id;
  claim_id: Id;
  file_id: Id;
  position: number;
  sha256: string;
}

// ---- 学时 totals for compliance (0022) ----
/** Per teacher and school year: each category's standing postings after the per-day cap, in tenths. */
export interface HourTotalsTable {
  county_id: Id;
  teacher_id: Id;
  school_year: string;
  centralized: Generated<number>;
  online: Generated<number>;
  practice: Generated<number>;
  school_based: Generated<number>;
  workshop: Generated<number>;
  studio: Generated<number>;
  research: Generated<number>;
  self_study: Generated<number>;
  other: Generated<number>;
  entries: Generated<number>;
}

export interface HourTotalsBasisTable {
  id: number;
  day_caps: Json;
  built_at: Timestamp | null;
}

// ---- 学时 from other platforms (0021) ----
export interface HourImportBatchesTable {
  id: GeneratedId;
  system: string;
  file_name: string;
  created_by: Id;
  scope: string[];
  rows: Json;
  summary: Json;
  created_at: Timestamp;
  expires_at: Timestamp;
  committed_at: Timestamp | null;
}

export interface HourImportQueueTable {
  id: GeneratedId;
  org_path: string;
  teacher_id: Id | null;
  kind: string;
  rule_id: string;
  message: string;
  system: string;
  record_id: string;
  id_number: string;
  name: string;
  title: string;
  category: string;
  amount_tenths: number;
  start_date: DateString;
  end_date: DateString;
  fingerprint: string;
  batch_id: Id | null;
  status: Generated<string>;
  reason: string | null;
  resolved_by: Id | null;
  resolved_at: Timestamp | null;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface XapiPlatformsTable {
  id: GeneratedId;
  name: string;
  system: string;
  org_path: string;
  token_sha256: string;
  created_by: Id;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
  /** why it was revoked (0023) */
  revoked_reason: string | null;
}

export interface XapiStatementsTable {
  statement_id: string;
  platform_id: Id;
  teacher_id: Id;
  verb: string;
  duration_seconds: number;
  amount_tenths: number;
  occurred_on: DateString;
  received_at: Timestamp;
  /** a voiding statement: the statement it voided (0023) */
  voids_statement_id: string | null;
}

// ---- verification codes of issued documents (0020) ----
export interface VerificationCodesTable {
  county_id: Id;
  code: string;
  kind: string;
  teacher_id: Id;
  teacher_name: string;
  title: string;
  hours_tenths: number;
  issuer_name: string;
  issuer_org_id: Id | null;
  issued_on: DateString;
  programme_id: Id | null;
  class_id: Id | null;
  certificate_no: string | null;
  details: ColumnType<unknown, string | undefined, string>;
  issued_by: Id | null;
  issued_at: Timestamp;
  revoked_at: NullableTimestamp;
  revoked_by: Id | null;
  revoke_reason: string | null;
}

// ---- exams (0009) ----
type Json = ColumnType<unknown, string, string>;

export interface ExamCyclesTable {
  id: GeneratedId;
  name: string;
  semester: string;
  owner_org_id: Id;
  owner_path: string;
  sample: ColumnType<unknown | null, string | null | undefined, string | null>;
  students_per_school: number | null;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface ExamsTable {
  id: GeneratedId;
  name: string;
  semester: string;
  stage: string;
  subject: string;
  grade: string;
  full_marks: number;
  kind: string;
  exam_date: ColumnType<string | null, string | null | undefined, string | null>;
  owner_org_id: Id;
  owner_path: string;
  cycle_id: Id | null;
  items: ColumnType<unknown | null, string | null | undefined, string | null>;
  students: Generated<number>;
  absent: Generated<number>;
  data_version: Generated<number>;
  analysis: ColumnType<unknown | null, string | null | undefined, string | null>;
  analysis_version: Generated<number>;
  report_settings: ColumnType<unknown, string | undefined, string>;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExamStudentsTable {
  county_id: Id;
  exam_id: Id;
  student_id: string;
  school_id: Id;
  school_path: string;
  class_name: string;
  absent: Generated<boolean>;
  total: number | null;
  scores: number[] | null;
  prior_score: number | null;
  source_row: number;
}

// ---- parents and the public (0010) ----
export interface ExamReleasesTable {
  exam_id: Id;
  public_summary: ColumnType<unknown | null, string | null | undefined, string | null>;
  public_version: number | null;
  public_at: NullableTimestamp;
  public_by: Id | null;
  parents_at: NullableTimestamp;
  parents_by: Id | null;
  updated_at: Timestamp;
}

export interface AppSecretsTable {
  name: string;
  value: Buffer;
  created_at: Generated<Date>;
}

export interface ExamAccessCodesTable {
  county_id: Id;
  student_id: string;
  school_id: Id;
  school_path: string;
  code_hash: string;
  issued_at: Timestamp;
  issued_by: Id | null;
}

export interface ExamIndicatorSystemsTable {
  id: GeneratedId;
  owner_org_id: Id;
  owner_path: string;
  stage: string;
  subject: string;
  indicators: Json;
  updated_by: Id | null;
  updated_at: Timestamp;
}

// ---- exam upload dry runs (0011) ----
export interface ExamUploadsTable {
  county_id: Id;
  id: string;
  exam_id: Id;
  account_id: Id;
  created_at: Timestamp;
  expires_at: Timestamp;
  committed_at: NullableTimestamp;
  summary: Json;
  errors: ColumnType<unknown, string | undefined, string>;
  items: ColumnType<unknown, string | undefined, string>;
  /** deflated rows to write (modules/exams/upload/staging.ts); null once committed, superseded or expired */
  payload: ColumnType<Uint8Array | null, Uint8Array | null | undefined, Uint8Array | null>;
  payload_bytes: Generated<number>;
}
// ---- end exam upload dry runs ----

// ---- shortlist (0012): the provider's selection from a competitive shortlist (R-004-59) ----

export interface ShortlistSelectionsTable {
  programme_id: Id;
  provider_org_id: Id;
  provider_path: string;
  status: Generated<string>;
  round: Generated<number>;
  owner_confirms: boolean | null;
  submitted_by: Id | null;
  submitted_at: NullableTimestamp;
  decided_by: Id | null;
  decided_at: NullableTimestamp;
  return_comment: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ShortlistMarksTable {
  county_id: Id;
  nomination_id: Id;
  programme_id: Id;
  quota_org_id: Id;
  score_tenths: number | null;
  decision: string | null;
  reason: string | null;
  marked_by: Id | null;
  marked_at: Timestamp;
}

// ---- throttle (0015): failure throttles shared by every server process ----
export interface ThrottleCountersTable {
  key_hash: string;
  scope: string;
  subject_hash: string | null;
  failures: Generated<number>;
  window_start: Timestamp;
  last_failure_at: NullableTimestamp;
  blocked_until: NullableTimestamp;
  forget_at: Timestamp;
}

// ---- the trainer pool (0025) ----
type JsonDefault = ColumnType<unknown, string | undefined, string>;

export interface TrainerRecordsTable {
  county_id: Id;
  id: GeneratedId;
  teacher_id: Id;
  pool_org_id: Id;
  org_path: string;
  school_id: Id;
  school_path: string;
  route: string;
  status: string;
  statement: string | null;
  consent_on: DateString | null;
  consent_note: string | null;
  term_start: DateString | null;
  term_end: DateString | null;
  overrides: JsonDefault;
  revocation_reason: string | null;
  ended_on: DateString | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TrainerEventsTable {
  county_id: Id;
  id: GeneratedId;
  record_id: Id;
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  details: JsonDefault;
  actor_id: Id | null;
  actor_name: string | null;
  at: Timestamp;
}

export interface TrainerAssessmentsTable {
  county_id: Id;
  record_id: Id;
  year: number;
  result: string;
  note: string | null;
  assessed_by: Id | null;
  assessed_at: Timestamp;
}

export interface TrainerAssignmentsTable {
  county_id: Id;
  id: GeneratedId;
  record_id: Id;
  target_kind: string;
  target_id: Id;
  target_title: string;
  role: string;
  year: number;
  starts_on: DateString;
  assigned_by: Id | null;
  assigned_at: Timestamp;
}

// ---- studios and workshops (0024) ----
export interface CommunitiesTable {
  county_id: Id;
  id: GeneratedId;
  kind: string;
  workshop_class: string | null;
  level: string;
  name: string;
  host_teacher_id: Id;
  host_org_id: Id;
  org_path: string;
  stage: string | null;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface CommunityMembersTable {
  county_id: Id;
  id: GeneratedId;
  community_id: Id;
  teacher_id: Id;
  role: string;
  school_id: Id;
  joined_on: DateString;
  join_reason: string | null;
  left_on: ColumnType<string | null, string | null | undefined, string | null>;
  leave_reason: string | null;
  created_by: Id | null;
}

export interface CommunityRegistrationsTable {
  county_id: Id;
  id: GeneratedId;
  community_id: Id;
  registered_on: DateString;
  first_school_year: string;
  registered_by: Id | null;
}

export interface CommunityAdjustmentsTable {
  county_id: Id;
  id: GeneratedId;
  community_id: Id;
  registration_id: Id;
  adjusted_on: DateString;
  reason: string;
  adjusted_by: Id | null;
}

export interface CommunityPlanSessionsTable {
  county_id: Id;
  id: GeneratedId;
  community_id: Id;
  school_year: string;
  planned_on: DateString;
  kind: string;
  live_lessons: number;
  discussions: number;
  host_school_id: Id;
}

export interface CommunityActivitiesTable {
  county_id: Id;
  id: GeneratedId;
  community_id: Id;
  held_on: DateString;
  kind: string;
  title: string;
  host_school_id: Id;
  record: string | null;
  hours_tenths: number;
  status: Generated<string>;
  closed_at: NullableTimestamp;
  closed_by: Id | null;
  postings: Generated<number>;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface CommunityActivityFilesTable {
  county_id: Id;
  activity_id: Id;
  file_id: Id;
  added_by: Id | null;
  added_at: Timestamp;
}

export interface CommunityAttendanceTable {
  county_id: Id;
  activity_id: Id;
  member_id: Id;
  teacher_id: Id;
  attended: boolean;
}

export interface CommunityReviewsTable {
  county_id: Id;
  community_id: Id;
  month: string;
  feedback: string;
  reviewed_by: Id | null;
  reviewed_at: Timestamp;
}

// ---- 校本研修 (0026) ----
export interface SchoolResearchPlansTable {
  county_id: Id;
  id: GeneratedId;
  school_id: Id;
  org_path: string;
  school_year: string;
  version: number;
  form: Json;
  status: string;
  submitted_on: DateString;
  submitted_at: Timestamp;
  submitted_by: Id | null;
  due_on: DateString;
  late: boolean;
  decided_by: Id | null;
  decided_at: NullableTimestamp;
  return_reason: string | null;
}

export interface SchoolResearchRecordsTable {
  county_id: Id;
  id: GeneratedId;
  school_id: Id;
  org_path: string;
  school_year: string;
  semester: number;
  held_on: DateString;
  topic: string;
  form: string;
  note: string | null;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SchoolResearchAttendanceTable {
  county_id: Id;
  record_id: Id;
  teacher_id: Id;
  hours_tenths: number;
}

export interface SchoolResearchCreditsTable {
  county_id: Id;
  record_id: Id;
  teacher_id: Id;
  certified_tenths: number;
  revision: number;
  certified_by: Id | null;
  certified_at: Timestamp;
}

export interface SchoolResearchAssessmentsTable {
  county_id: Id;
  school_id: Id;
  school_year: string;
  semester: number;
  org_path: string;
  grade: string;
  comment: string;
  assessed_by: Id | null;
  assessed_at: Timestamp;
}

export interface SchoolResearchDrawsTable {
  county_id: Id;
  id: GeneratedId;
  school_year: string;
  semester: number;
  ratio: number;
  seed: string;
  rule_id: string;
  note: string;
  candidates: string[];
  picks: string[];
  drawn_by: Id | null;
  drawn_at: Timestamp;
}

export interface SchoolResearchChecksTable {
  county_id: Id;
  draw_id: Id;
  school_id: Id;
  result: string;
  comment: string;
  recorded_by: Id | null;
  recorded_at: Timestamp;
}

// ---- 学校教师培训经费 (0033) ----
export interface SchoolTrainingBudgetsTable {
  county_id: Id;
  school_id: Id;
  year: number;
  org_path: string;
  public_funds_fen: BigIntAmount;
  budget_fen: BigIntAmount;
  used_fen: BigIntAmount;
  note: string | null;
  entered_by: Id | null;
  entered_at: Timestamp;
  updated_by: Id | null;
  updated_at: Timestamp;
}

// ---- 帮扶结对 (pairings) and community titles (0028) ----
export interface PairingsTable {
  county_id: Id;
  id: GeneratedId;
  kind: string;
  lead_id: Id;
  org_path: string;
  from_year: string;
  to_year: string;
  note: string | null;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PairingPartnersTable {
  county_id: Id;
  pairing_id: Id;
  partner_id: Id;
  partner_path: string;
  added_at: Timestamp;
}

export interface PairingActivitiesTable {
  county_id: Id;
  id: GeneratedId;
  pairing_id: Id;
  held_on: DateString;
  title: string;
  place: string;
  participants: number;
  notes: string | null;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface CommunityTitlesTable {
  county_id: Id;
  community_id: Id;
  year: number;
  title: string;
  source: string;
  recorded_by: Id | null;
  recorded_at: Timestamp;
}

// ---- evaluation (0027) ----

export interface EvaluationRubricsTable {
  county_id: Id;
  id: GeneratedId;
  rubric_id: Id;
  version: number;
  owner_org_id: Id;
  org_path: string;
  title: string;
  body: Json;
  warnings: JsonDefault;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface EvaluationCampaignsTable {
  county_id: Id;
  id: GeneratedId;
  owner_org_id: Id;
  org_path: string;
  name: string;
  year: number;
  subject_kind: string;
  rubric_ref: string;
  rubric: Json;
  normalisation: string;
  normalisation_by: Id | null;
  normalisation_at: Timestamp;
  metric_bindings: JsonDefault;
  status: string;
  appeal_days: Generated<number>;
  provisional_at: NullableTimestamp;
  appeal_closes_on: DateString | null;
  published_at: NullableTimestamp;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EvaluationSubjectsTable {
  county_id: Id;
  id: GeneratedId;
  campaign_id: Id;
  ref_id: Id;
  name: string;
  org_path: string;
  self_scores: JsonDefault;
  self_at: NullableTimestamp;
  moderations: JsonDefault;
  veto_clearances: JsonDefault;
}

export interface EvaluationRatersTable {
  county_id: Id;
  subject_id: Id;
  account_id: Id;
  campaign_id: Id;
  position: number;
  sheet: JsonDefault;
  assigned_by: Id | null;
  assigned_at: Timestamp;
  saved_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
}

export interface EvaluationEvidenceTable {
  county_id: Id;
  id: GeneratedId;
  subject_id: Id;
  unit_id: string;
  file_id: Id;
  name: string;
  uploaded_by: Id | null;
  uploaded_at: Timestamp;
}

export interface EvaluationAppealsTable {
  county_id: Id;
  id: GeneratedId;
  campaign_id: Id;
  subject_id: Id;
  unit_id: string;
  reason: string;
  filed_by: Id | null;
  filed_at: Timestamp;
  status: string;
  new_score: number | null;
  decision_reason: string | null;
  decided_by: Id | null;
  decided_at: NullableTimestamp;
}

export interface DB {
  code_entries: CodeEntriesTable;
  orgs: OrgsTable;
  teachers: TeachersTable;
  teacher_identities: TeacherIdentitiesTable;
  teacher_postings: TeacherPostingsTable;
  accounts: AccountsTable;
  role_grants: RoleGrantsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  import_jobs: ImportJobsTable;
  import_errors: ImportErrorsTable;
  policy_packs: PolicyPacksTable;
  programmes: ProgrammesTable;
  quota_allocations: QuotaAllocationsTable;
  nominations: NominationsTable;
  integrity_records: IntegrityRecordsTable;
  // plans (0005)
  files: FilesTable;
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  programme_providers: ProgrammeProvidersTable;
  programme_spending: ProgrammeSpendingTable;
  // classes and check-in (0004)
  classes: ClassesTable;
  class_sessions: ClassSessionsTable;
  class_documents: ClassDocumentsTable;
  class_enrolments: ClassEnrolmentsTable;
  attendance: AttendanceTable;
  leave_requests: LeaveRequestsTable;
  // 0006
  substitution_requests: SubstitutionRequestsTable;
  nomination_refusals: NominationRefusalsTable;
  notifications: NotificationsTable;
  account_notifications: AccountNotificationsTable;
  // ---- outcomes and completion ----
  outcome_submissions: OutcomeSubmissionsTable;
  completion_results: CompletionResultsTable;
  certificate_counters: CertificateCountersTable;
  certificates: CertificatesTable;
  // exams (0009)
  exam_cycles: ExamCyclesTable;
  exams: ExamsTable;
  exam_students: ExamStudentsTable;
  exam_indicator_systems: ExamIndicatorSystemsTable;
  // ---- parents and the public (0010) ----
  exam_releases: ExamReleasesTable;
  exam_access_codes: ExamAccessCodesTable;
  app_secrets: AppSecretsTable;
  // exam upload dry runs (0011)
  exam_uploads: ExamUploadsTable;
  // ---- shortlist (0012) ----
  shortlist_selections: ShortlistSelectionsTable;
  shortlist_marks: ShortlistMarksTable;
  // ---- throttle (0015) ----
  throttle_counters: ThrottleCountersTable;
  // ---- the 学时 ledger (0018) ----
  hour_entries: HourEntriesTable;
  // ---- 学时申报 (0019) ----
  hour_claims: HourClaimsTable;
  hour_claim_evidence: HourClaimEvidenceTable;
  // ---- 学时 from other platforms (0021) ----
  hour_import_batches: HourImportBatchesTable;
  hour_import_queue: HourImportQueueTable;
  xapi_platforms: XapiPlatformsTable;
  xapi_statements: XapiStatementsTable;
  // ---- verification codes (0020) ----
  verification_codes: VerificationCodesTable;
  // ---- 学时 totals for compliance (0022) ----
  hour_totals: HourTotalsTable;
  hour_totals_basis: HourTotalsBasisTable;
  // ---- the trainer pool (0025) ----
  trainer_records: TrainerRecordsTable;
  trainer_events: TrainerEventsTable;
  trainer_assessments: TrainerAssessmentsTable;
  trainer_assignments: TrainerAssignmentsTable;
  // ---- studios and workshops (0024) ----
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  community_registrations: CommunityRegistrationsTable;
  community_adjustments: CommunityAdjustmentsTable;
  community_plan_sessions: CommunityPlanSessionsTable;
  community_activities: CommunityActivitiesTable;
  community_activity_files: CommunityActivityFilesTable;
  community_attendance: CommunityAttendanceTable;
  community_reviews: CommunityReviewsTable;
  // ---- 校本研修 (0026) ----
  school_research_plans: SchoolResearchPlansTable;
  school_research_records: SchoolResearchRecordsTable;
  school_research_attendance: SchoolResearchAttendanceTable;
  school_research_credits: SchoolResearchCreditsTable;
  school_research_assessments: SchoolResearchAssessmentsTable;
  school_research_draws: SchoolResearchDrawsTable;
  school_research_checks: SchoolResearchChecksTable;
  // ---- 学校教师培训经费 (0033) ----
  school_training_budgets: SchoolTrainingBudgetsTable;
  // ---- 帮扶结对 (pairings) and community titles (0028) ----
  pairings: PairingsTable;
  pairing_partners: PairingPartnersTable;
  pairing_activities: PairingActivitiesTable;
  community_titles: CommunityTitlesTable;
  // ---- 五育 comprehensive evaluation (0029) ----
  five_edu_frameworks: FiveEduFrameworksTable;
  five_edu_rounds: FiveEduRoundsTable;
  five_edu_round_schools: FiveEduRoundSchoolsTable;
  five_edu_sample: FiveEduSampleTable;
  five_edu_values: FiveEduValuesTable;
  // ---- evaluation (0027) ----
  evaluation_rubrics: EvaluationRubricsTable;
  evaluation_campaigns: EvaluationCampaignsTable;
  evaluation_subjects: EvaluationSubjectsTable;
  evaluation_raters: EvaluationRatersTable;
  evaluation_evidence: EvaluationEvidenceTable;
  evaluation_appeals: EvaluationAppealsTable;
  // ---- annual selections (0031) ----
  evaluation_selections: EvaluationSelectionsTable;
  evaluation_selection_candidates: EvaluationSelectionCandidatesTable;
  evaluation_honours: EvaluationHonoursTable;
}

// ---- 五育 comprehensive evaluation (0029) ----
export interface FiveEduFrameworksTable {
  county_id: Id;
  id: GeneratedId;
  org_path: string;
  year: number;
  version: number;
  name: string;
  status: string;
  body: ColumnType<unknown, string, string>;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
}

export interface FiveEduRoundsTable {
  county_id: Id;
  id: GeneratedId;
  framework_id: Id;
  org_id: Id;
  org_path: string;
  year: number;
  name: string;
  student_bp: number;
  staff_bp: number;
  seed: string | null;
  drawn_at: NullableTimestamp;
  drawn_by: Id | null;
  created_by: Id | null;
  created_at: Timestamp;
}

export interface FiveEduRoundSchoolsTable {
  county_id: Id;
  round_id: Id;
  school_id: Id;
  school_path: string;
  grades: ColumnType<unknown, string, string>;
}

export interface FiveEduSampleTable {
  county_id: Id;
  round_id: Id;
  kind: string;
  member: string;
  school_id: Id;
  stratum: string;
  rank: number;
}

export interface FiveEduValuesTable {
  county_id: Id;
  round_id: Id;
  school_id: Id;
  indicator_code: string;
  value: number;
  source: string;
  recorded_by: Id | null;
  recorded_at: Timestamp;
}

// ---- annual selections (0031) ----
export interface EvaluationSelectionsTable {
  county_id: Id;
  id: GeneratedId;
  owner_org_id: Id;
  org_path: string;
  year: number;
  category: string;
  name: string;
  campaign_id: Id | null;
  eligible_bands: JsonDefault;
  max_awards: number | null;
  status: string;
  created_by: Id | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_by: Id | null;
  published_at: NullableTimestamp;
}

export interface EvaluationSelectionCandidatesTable {
  county_id: Id;
  id: GeneratedId;
  selection_id: Id;
  holder_kind: string;
  holder_id: Id;
  name: string;
  org_path: string;
  unit_name: string | null;
  subject_id: Id | null;
  rank: number | null;
  score: number | null;
  max_score: number | null;
  percent: number | null;
  band_code: string | null;
  band_label: string | null;
  eligible: boolean;
  selected: boolean;
  reason: string | null;
  decided_by: Id | null;
  decided_at: Timestamp;
}

export interface EvaluationHonoursTable {
  county_id: Id;
  id: GeneratedId;
  selection_id: Id;
  candidate_id: Id;
  code: string;
  certificate_no: string;
  holder_kind: string;
  holder_id: Id;
  holder_name: string;
  unit_name: string | null;
  year: number;
  title: string;
  issuer_name: string;
  issued_on: DateString;
  issued_by: Id | null;
  issued_at: Timestamp;
  /** revocation (0032): who, when and why; all null while the certificate stands */
  revoked_at: NullableTimestamp;
  revoked_by: Id | null;
  revoke_reason: string | null;
}
