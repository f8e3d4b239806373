import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSubtrees, subtreeRange } from '../shared/subtree';
import { createTestDatabase } from '../test/db';
import { connectPglite, type DatabaseHandle } from './database';
import { migrateToLatest } from './migrate';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const migrationNames = fs
  .readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .map((f) => f.replace(/\.sql$/, ''));

/**
 * Every table and column of the `DB` interface in db/types.ts, copied by hand. If a migration adds a column the
 * types do not know about (or the types promise one the migration never made), this list and one of the two
 * disagree, and the test below says which.
 */
const EXPECTED_COLUMNS: Record<string, string[]> = {
  code_entries: ['table_name', 'code', 'name', 'name_en', 'sort'],
  orgs: [
    'id',
    'parent_id',
    'path',
    'depth',
    'kind',
    'code',
    'name',
    'name_pinyin',
    'province_id',
    'city_id',
    'county_id',
    'stages',
    'school_type',
    'location_type',
    'group_name',
    'created_at',
    'updated_at',
  ],
  teachers: [
    'county_id',
    'id',
    'id_number',
    'name',
    'name_pinyin',
    'name_initials',
    'gender',
    'birth_date',
    'phone',
    'school_id',
    'org_path',
    'stage',
    'subject',
    'title',
    'backbone',
    'teaching_start_date',
    'training_start_year',
    'roles_held',
    'status',
    'created_at',
    'updated_at',
  ],
  teacher_identities: ['id_number', 'teacher_id', 'county_id'],
  teacher_postings: [
    'county_id',
    'id',
    'teacher_id',
    'school_id',
    'from_date',
    'to_date',
    'reason',
    'created_by',
    'created_at',
  ],
  accounts: [
    'id',
    'username',
    'display_name',
    'password_hash',
    'teacher_id',
    'must_change_password',
    'disabled',
    'password_changed_at',
    'created_at',
  ],
  role_grants: ['id', 'account_id', 'role', 'org_id', 'created_at'],
  sessions: [
    'token_hash',
    'account_id',
    'csrf_token',
    'created_at',
    'last_seen_at',
    'expires_at',
    'ip',
    'user_agent',
  ],
  audit_log: [
    'id',
    'at',
    'actor_id',
    'actor_name',
    'action',
    'entity',
    'entity_id',
    'org_id',
    'details',
    'request_id',
    'ip',
  ],
  import_jobs: [
    'id',
    'kind',
    'file_name',
    'status',
    'progress',
    'total_rows',
    'valid_rows',
    'error_rows',
    'to_create',
    'to_update',
    'unchanged',
    'committed_rows',
    'commit_mode',
    'error_code',
    'error_message',
    'account_id',
    'created_at',
    'finished_at',
    'error_count',
    'expires_at',
  ],
  import_errors: ['job_id', 'seq', 'row_number', 'column_name', 'value', 'rule', 'message'],
  policy_packs: [
    'id',
    'region_org_id',
    'region_code',
    'year',
    'version',
    'status',
    'title',
    'builtin',
    'derived_from',
    'body',
    'created_by',
    'created_at',
    'updated_at',
    'published_at',
  ],
  programmes: [
    'id',
    'pack_id',
    'project_type_code',
    'track_code',
    'level',
    'year',
    'owner_org_id',
    'owner_path',
    'title',
    'selection_deadline',
    'start_date',
    'end_date',
    'total_seats',
    'created_by',
    'created_at',
    'updated_at',
  ],
  quota_allocations: [
    'region_id',
    'programme_id',
    'org_id',
    'org_path',
    'parent_org_id',
    'seats',
    'rural_seats',
    'allocated',
    'used',
    'updated_at',
  ],
  nominations: [
    'county_id',
    'id',
    'programme_id',
    'teacher_id',
    'school_id',
    'org_path',
    'quota_region_id',
    'quota_org_id',
    'status',
    'eligibility',
    'override_reason',
    'reason',
    'replaces_id',
    'replaced_by_id',
    'created_by',
    'created_at',
    'updated_at',
    // 0006
    'decided_by',
    'decided_at',
  ],
  integrity_records: [
    'county_id',
    'id',
    'teacher_id',
    'org_path',
    'kind',
    'record_date',
    'programme_id',
    'evidence',
    'standing',
    'created_by',
    'created_at',
    // 0006
    'appeal_status',
    'appeal_reason',
    'appealed_at',
    'appeal_decided_by',
    'appeal_decided_at',
    'appeal_decision_reason',
    'standing_reason',
  ],
  // 0006
  substitution_requests: [
    'region_id',
    'id',
    'programme_id',
    'quota_org_id',
    'approver_org_id',
    'org_path',
    'nomination_county_id',
    'nomination_id',
    'replaced_teacher_id',
    'teacher_county_id',
    'teacher_id',
    'reason',
    'eligibility',
    'override_reason',
    'status',
    'requested_by',
    'requested_at',
    'decided_by',
    'decided_at',
    'decision_reason',
    'new_nomination_id',
  ],
  nomination_refusals: [
    'county_id',
    'id',
    'programme_id',
    'teacher_id',
    'org_path',
    'quota_org_id',
    'failed_rules',
    'needs_override',
    'created_by',
    'created_at',
  ],
  notifications: [
    'county_id',
    'id',
    'teacher_id',
    'kind',
    'title',
    'body',
    'entity',
    'entity_id',
    'created_at',
    'read_at',
  ],
  // 0016
  account_notifications: [
    'account_id',
    'id',
    'kind',
    'title',
    'body',
    'entity',
    'entity_id',
    'created_at',
    'read_at',
  ],
  // plans (0005)
  files: [
    'id',
    'owner_org_id',
    'owner_path',
    'purpose',
    'name',
    'mime',
    'size',
    'sha256',
    'content',
    'uploaded_by',
    'created_at',
  ],
  plans: [
    'id',
    'programme_id',
    'provider_org_id',
    'provider_path',
    'status',
    'current_version',
    'created_by',
    'created_at',
    'updated_at',
  ],
  plan_versions: [
    'plan_id',
    'version',
    'body',
    'file_id',
    'check_result',
    'submitted_at',
    'submitted_by',
    'decision',
    'review_comment',
    'reviewed_by',
    'reviewed_at',
    'created_at',
    'updated_at',
  ],
  programme_providers: ['programme_id', 'provider_org_id', 'plan_id', 'approved_by', 'approved_at'],
  programme_spending: [
    'id',
    'programme_id',
    'category',
    'amount_fen',
    'spent_on',
    'note',
    'created_by',
    'created_at',
  ],
  // classes and check-in (0004)
  classes: [
    'id',
    'programme_id',
    'name',
    'period_no',
    'start_date',
    'end_date',
    'venue',
    'provider_org_id',
    'provider_path',
    'owner_path',
    'dates_reported_on',
    'created_by',
    'created_at',
    'updated_at',
  ],
  class_sessions: ['id', 'class_id', 'session_date', 'starts_at', 'ends_at', 'title', 'mode', 'location'],
  class_documents: ['id', 'class_id', 'kind', 'item', 'title', 'submitted_on', 'created_by', 'created_at'],
  class_enrolments: [
    'county_id',
    'class_id',
    'teacher_id',
    'programme_id',
    'nomination_id',
    'org_path',
    'created_at',
  ],
  attendance: ['county_id', 'class_id', 'slot', 'teacher_id', 'checked_at', 'method', 'recorded_by'],
  leave_requests: [
    'county_id',
    'id',
    'class_id',
    'session_id',
    'teacher_id',
    'reason',
    'status',
    'decided_by',
    'decided_at',
    'decision_note',
    'created_at',
  ],
  // outcomes and completion (0007)
  outcome_submissions: [
    'county_id',
    'id',
    'class_id',
    'programme_id',
    'teacher_id',
    'org_path',
    'requirement',
    'version',
    'file_id',
    'link',
    'note',
    'status',
    'score',
    'review_comment',
    'reviewed_by',
    'reviewed_at',
    'submitted_by',
    'submitted_at',
  ],
  completion_results: [
    'county_id',
    'class_id',
    'teacher_id',
    'programme_id',
    'org_path',
    'completed',
    'attendance_pct',
    'checks',
    'hours_tenths',
    'evaluated_at',
    'evaluated_by',
  ],
  certificate_counters: ['programme_id', 'last_seq'],
  certificates: [
    'programme_id',
    'seq',
    'certificate_no',
    'county_id',
    'teacher_id',
    'class_id',
    'issued_at',
    'revoked_at',
  ],
  // the 学时 ledger (0018)
  hour_entries: [
    'county_id',
    'id',
    'teacher_id',
    'org_path',
    'amount_tenths',
    'days',
    'category',
    'occurred_on',
    'school_year',
    'source',
    'credit_key',
    'revision',
    'rule_id',
    'programme_id',
    'class_id',
    'provenance_system',
    'provenance_record',
    'reverses_id',
    'reason',
    'posted_by',
    'posted_at',
  ],
  hour_claims: [
    'county_id',
    'id',
    'teacher_id',
    'school_id',
    'org_path',
    'category',
    'kind',
    'title',
    'issuer',
    'certificate_no',
    'certificate_key',
    'start_date',
    'end_date',
    'hours_tenths',
    'status',
    'submitted_by',
    'submitted_at',
    'school_due_on',
    'county_due_on',
    'school_decided_by',
    'school_decided_at',
    'school_comment',
    'county_decided_by',
    'county_decided_at',
    'county_comment',
    'return_reason',
    'withdrawn_at',
  ],
  hour_claim_evidence: ['county_id', 'claim_id', 'file_id', 'position', 'sha256'],
  // 学时 totals for compliance (0022)
  hour_totals: [
    'county_id',
    'teacher_id',
    'school_year',
    'centralized',
    'online',
    'practice',
    'school_based',
    'workshop',
    'studio',
    'research',
    'self_study',
    'other',
    'entries',
  ],
  hour_totals_basis: ['id', 'day_caps', 'built_at'],
  // 学时 from other platforms (0021)
  hour_import_batches: [
    'id',
    'system',
    'file_name',
    'created_by',
    'scope',
    'rows',
    'summary',
    'created_at',
    'expires_at',
    'committed_at',
  ],
  hour_import_queue: [
    'id',
    'org_path',
    'teacher_id',
    'kind',
    'rule_id',
    'message',
    'system',
    'record_id',
    'id_number',
    'name',
    'title',
    'category',
    'amount_tenths',
    'start_date',
    'end_date',
    'fingerprint',
    'batch_id',
    'status',
    'reason',
    'resolved_by',
    'resolved_at',
    'created_by',
    'created_at',
  ],
  xapi_platforms: [
    'id',
    'name',
    'system',
    'org_path',
    'token_sha256',
    'created_by',
    'created_at',
    'revoked_at',
    'revoked_reason',
  ],
  xapi_statements: [
    'statement_id',
    'platform_id',
    'teacher_id',
    'verb',
    'duration_seconds',
    'amount_tenths',
    'occurred_on',
    'received_at',
    'voids_statement_id',
  ],
  // verification codes (0020)
  verification_codes: [
    'county_id',
    'code',
    'kind',
    'teacher_id',
    'teacher_name',
    'title',
    'hours_tenths',
    'issuer_name',
    'issuer_org_id',
    'issued_on',
    'programme_id',
    'class_id',
    'certificate_no',
    'details',
    'issued_by',
    'issued_at',
    'revoked_at',
    'revoked_by',
    'revoke_reason',
  ],
  // exams (0009)
  exam_cycles: [
    'id',
    'name',
    'semester',
    'owner_org_id',
    'owner_path',
    'sample',
    'students_per_school',
    'created_by',
    'created_at',
  ],
  exams: [
    'id',
    'name',
    'semester',
    'stage',
    'subject',
    'grade',
    'full_marks',
    'kind',
    'exam_date',
    'owner_org_id',
    'owner_path',
    'cycle_id',
    'items',
    'students',
    'absent',
    'data_version',
    'analysis',
    'analysis_version',
    'report_settings',
    'created_by',
    'created_at',
    'updated_at',
  ],
  exam_students: [
    'county_id',
    'exam_id',
    'student_id',
    'school_id',
    'school_path',
    'class_name',
    'absent',
    'total',
    'scores',
    'prior_score',
    'source_row',
  ],
  exam_indicator_systems: [
    'id',
    'owner_org_id',
    'owner_path',
    'stage',
    'subject',
    'indicators',
    'updated_by',
    'updated_at',
  ],
  // ---- parents and the public (0010) ----
  exam_releases: [
    'exam_id',
    'public_summary',
    'public_version',
    'public_at',
    'public_by',
    'parents_at',
    'parents_by',
    'updated_at',
  ],
  exam_access_codes: [
    'county_id',
    'student_id',
    'school_id',
    'school_path',
    'code_hash',
    'issued_at',
    'issued_by',
  ],
  app_secrets: ['name', 'value', 'created_at'],
  // exam upload dry runs (0011)
  exam_uploads: [
    'county_id',
    'id',
    'exam_id',
    'account_id',
    'created_at',
    'expires_at',
    'committed_at',
    'summary',
    'errors',
    'items',
    'payload',
    'payload_bytes',
  ],
  // ---- shortlist (0012) ----
  shortlist_selections: [
    'programme_id',
    'provider_org_id',
    'provider_path',
    'status',
    'round',
    'owner_confirms',
    'submitted_by',
    'submitted_at',
    'decided_by',
    'decided_at',
    'return_comment',
    'created_at',
    'updated_at',
  ],
  shortlist_marks: [
    'county_id',
    'nomination_id',
    'programme_id',
    'quota_org_id',
    'score_tenths',
    'decision',
    'reason',
    'marked_by',
    'marked_at',
  ],
  // ---- throttle (0015) ----
  throttle_counters: [
    'key_hash',
    'scope',
    'subject_hash',
    'failures',
    'window_start',
    'last_failure_at',
    'blocked_until',
    'forget_at',
  ],
  // ---- 校本研修 (0026) ----
  school_research_plans: [
    'county_id',
    'id',
    'school_id',
    'org_path',
    'school_year',
    'version',
    'form',
    'status',
    'submitted_on',
    'submitted_at',
    'submitted_by',
    'due_on',
    'late',
    'decided_by',
    'decided_at',
    'return_reason',
  ],
  school_research_records: [
    'county_id',
    'id',
    'school_id',
    'org_path',
    'school_year',
    'semester',
    'held_on',
    'topic',
    'form',
    'note',
    'created_by',
    'created_at',
    'updated_at',
  ],
  school_research_attendance: ['county_id', 'record_id', 'teacher_id', 'hours_tenths'],
  school_research_credits: [
    'county_id',
    'record_id',
    'teacher_id',
    'certified_tenths',
    'revision',
    'certified_by',
    'certified_at',
  ],
  school_research_assessments: [
    'county_id',
    'school_id',
    'school_year',
    'semester',
    'org_path',
    'grade',
    'comment',
    'assessed_by',
    'assessed_at',
  ],
  school_research_draws: [
    'county_id',
    'id',
    'school_year',
    'semester',
    'ratio',
    'seed',
    'rule_id',
    'note',
    'candidates',
    'picks',
    'drawn_by',
    'drawn_at',
  ],
  school_research_checks: [
    'county_id',
    'draw_id',
    'school_id',
    'result',
    'comment',
    'recorded_by',
    'recorded_at',
  ],
};

/** Columns the types mark nullable (`T | null`): the migration must not make them NOT NULL, nor the others nullable. */
const NULLABLE = new Set([
  'xapi_platforms.revoked_reason',
  'xapi_statements.voids_statement_id',
  'orgs.parent_id',
  'orgs.code',
  'orgs.province_id',
  'orgs.city_id',
  'orgs.county_id',
  'orgs.school_type',
  'orgs.location_type',
  'orgs.group_name',
  'teachers.phone',
  'teachers.stage',
  'teachers.subject',
  'teachers.title',
  'teachers.backbone',
  'teachers.teaching_start_date',
  'teachers.training_start_year',
  'teacher_postings.to_date',
  'teacher_postings.reason',
  'teacher_postings.created_by',
  'accounts.teacher_id',
  'sessions.ip',
  'sessions.user_agent',
  'audit_log.actor_id',
  'audit_log.actor_name',
  'audit_log.entity_id',
  'audit_log.org_id',
  'audit_log.request_id',
  'audit_log.ip',
  'import_jobs.commit_mode',
  'import_jobs.error_code',
  'import_jobs.error_message',
  'import_jobs.expires_at',
  'import_jobs.finished_at',
  'policy_packs.region_org_id',
  'policy_packs.derived_from',
  'policy_packs.created_by',
  'policy_packs.published_at',
  'programmes.created_by',
  'quota_allocations.parent_org_id',
  'nominations.override_reason',
  'nominations.reason',
  'nominations.replaces_id',
  'nominations.replaced_by_id',
  'nominations.created_by',
  'integrity_records.programme_id',
  'integrity_records.evidence',
  'integrity_records.created_by',
  // plans (0005)
  'files.uploaded_by',
  'plans.created_by',
  'plan_versions.file_id',
  'plan_versions.check_result',
  'plan_versions.submitted_at',
  'plan_versions.submitted_by',
  'plan_versions.decision',
  'plan_versions.review_comment',
  'plan_versions.reviewed_by',
  'plan_versions.reviewed_at',
  'programme_providers.approved_by',
  'programme_spending.note',
  'programme_spending.created_by',
  // classes and check-in (0004)
  'classes.created_by',
  'class_documents.created_by',
  'attendance.recorded_by',
  'leave_requests.decided_by',
  'leave_requests.decided_at',
  'leave_requests.decision_note',
  // 0006
  'nominations.decided_by',
  'nominations.decided_at',
  'integrity_records.appeal_reason',
  'integrity_records.appealed_at',
  'integrity_records.appeal_decided_by',
  'integrity_records.appeal_decided_at',
  'integrity_records.appeal_decision_reason',
  'integrity_records.standing_reason',
  'substitution_requests.override_reason',
  'substitution_requests.requested_by',
  'substitution_requests.decided_by',
  'substitution_requests.decided_at',
  'substitution_requests.decision_reason',
  'substitution_requests.new_nomination_id',
  'nomination_refusals.created_by',
  'notifications.entity',
  'notifications.entity_id',
  'notifications.read_at',
  'account_notifications.entity',
  'account_notifications.entity_id',
  'account_notifications.read_at',
  // outcomes and completion (0007)
  'outcome_submissions.file_id',
  'outcome_submissions.link',
  'outcome_submissions.score',
  'outcome_submissions.review_comment',
  'outcome_submissions.reviewed_by',
  'outcome_submissions.reviewed_at',
  'outcome_submissions.submitted_by',
  'completion_results.evaluated_by',
  'certificates.revoked_at',
  'hour_entries.days',
  'hour_entries.programme_id',
  'hour_entries.class_id',
  'hour_entries.provenance_system',
  'hour_entries.provenance_record',
  'hour_entries.reverses_id',
  'hour_entries.reason',
  'hour_entries.posted_by',
  'hour_claims.certificate_no',
  'hour_claims.certificate_key',
  'hour_claims.submitted_by',
  'hour_claims.county_due_on',
  'hour_claims.school_decided_by',
  'hour_claims.school_decided_at',
  'hour_claims.school_comment',
  'hour_claims.county_decided_by',
  'hour_claims.county_decided_at',
  'hour_claims.county_comment',
  'hour_claims.return_reason',
  'hour_claims.withdrawn_at',
  // 学时 totals for compliance (0022)
  'hour_totals_basis.built_at',
  // 学时 from other platforms (0021)
  'hour_import_batches.committed_at',
  'hour_import_queue.teacher_id',
  'hour_import_queue.batch_id',
  'hour_import_queue.reason',
  'hour_import_queue.resolved_by',
  'hour_import_queue.resolved_at',
  'hour_import_queue.created_by',
  'xapi_platforms.revoked_at',
  // exams (0009)
  'exam_cycles.sample',
  'exam_cycles.students_per_school',
  'exam_cycles.created_by',
  'exams.exam_date',
  'exams.cycle_id',
  'exams.items',
  'exams.analysis',
  'exams.created_by',
  'exam_students.total',
  'exam_students.scores',
  'exam_students.prior_score',
  'exam_indicator_systems.updated_by',
  'exam_releases.public_summary',
  'exam_releases.public_version',
  'exam_releases.public_at',
  'exam_releases.public_by',
  'exam_releases.parents_at',
  'exam_releases.parents_by',
  'exam_access_codes.issued_by',
  // exam upload dry runs (0011)
  'exam_uploads.committed_at',
  'exam_uploads.payload',
  // ---- shortlist (0012) ----
  'shortlist_selections.owner_confirms',
  'shortlist_selections.submitted_by',
  'shortlist_selections.submitted_at',
  'shortlist_selections.decided_by',
  'shortlist_selections.decided_at',
  'shortlist_selections.return_comment',
  'shortlist_marks.score_tenths',
  'shortlist_marks.decision',
  'shortlist_marks.reason',
  'shortlist_marks.marked_by',
  // ---- throttle (0015) ----
  'throttle_counters.subject_hash',
  'throttle_counters.last_failure_at',
  'throttle_counters.blocked_until',
  // ---- verification codes (0020) ----
  'verification_codes.issuer_org_id',
  'verification_codes.programme_id',
  'verification_codes.class_id',
  'verification_codes.certificate_no',
  'verification_codes.issued_by',
  'verification_codes.revoked_at',
  'verification_codes.revoked_by',
  'verification_codes.revoke_reason',
  // ---- 校本研修 (0026) ----
  'school_research_plans.submitted_by',
  'school_research_plans.decided_by',
  'school_research_plans.decided_at',
  'school_research_plans.return_reason',
  'school_research_records.note',
  'school_research_records.created_by',
  'school_research_credits.certified_by',
  'school_research_assessments.assessed_by',
  'school_research_draws.drawn_by',
  'school_research_checks.recorded_by',
]);

let h: DatabaseHandle;

beforeAll(async () => {
  h = await createTestDatabase();
});

afterAll(async () => {
  await h?.close();
});

async function columnsOf(db: DatabaseHandle['db']) {
  const r = await sql<{
    table_name: string;
    column_name: string;
    is_nullable: string;
    collation_name: string | null;
  }>`
    SELECT table_name, column_name, is_nullable, collation_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name, ordinal_position`.execute(db);
  return r.rows;
}

describe('migrations', () => {
  it('are all recorded in kysely_migration, in order', async () => {
    const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(h.db);
    expect(rows.rows.map((r) => r.name)).toEqual(migrationNames);
    expect(migrationNames.length).toBeGreaterThan(0);
  });

  it('create every table and column of db/types.ts, and nothing else', async () => {
    const cols = await columnsOf(h.db);
    const actual: Record<string, string[]> = {};
    for (const c of cols) actual[c.table_name] = [...(actual[c.table_name] ?? []), c.column_name];
    expect(Object.keys(actual).sort()).toEqual(Object.keys(EXPECTED_COLUMNS).sort());
    for (const [table, columns] of Object.entries(EXPECTED_COLUMNS)) {
      expect(actual[table]?.slice().sort(), table).toEqual(columns.slice().sort());
    }
  });

  it('make nullable exactly the columns the types call nullable', async () => {
    const cols = await columnsOf(h.db);
    const nullable = cols
      .filter((c) => c.is_nullable === 'YES')
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(nullable.sort()).toEqual([...NULLABLE].sort());
  });

  it('give the materialized paths COLLATE "C", which the subtree range relies on', async () => {
    const cols = await columnsOf(h.db);
    const collation = (t: string, c: string) =>
      cols.find((x) => x.table_name === t && x.column_name === c)?.collation_name;
    expect(collation('orgs', 'path')).toBe('C');
    expect(collation('teachers', 'org_path')).toBe('C');
  });

  it('running migrateToLatest again is a no-op', async () => {
    const all = sql<{
      name: string;
      timestamp: string;
    }>`SELECT name, timestamp FROM kysely_migration ORDER BY name`;
    const before = (await all.execute(h.db)).rows;
    expect(before).toHaveLength(migrationNames.length);
    expect(await migrateToLatest(h.db)).toEqual([]);
    expect(await migrateToLatest(h.db)).toEqual([]);
    expect((await all.execute(h.db)).rows).toEqual(before);
  });

  it('apply to an empty database, then a second run applies nothing', async () => {
    const instance = await PGlite.create();
    const fresh = await connectPglite({ instance });
    try {
      expect(await migrateToLatest(fresh.db)).toEqual(migrationNames);
      expect(await migrateToLatest(fresh.db)).toEqual([]);
      const tables = new Set((await columnsOf(fresh.db)).map((c) => c.table_name));
      expect([...tables].sort()).toEqual(Object.keys(EXPECTED_COLUMNS).sort());
    } finally {
      await fresh.close();
      await instance.close();
    }
  });
});

describe('subtree ranges over materialized paths', () => {
  it('subtreeRange turns the last "/" into "0"', () => {
    expect(subtreeRange('/1/5/')).toEqual(['/1/5/', '/1/50']);
    expect(subtreeRange('/1/')).toEqual(['/1/', '/10']);
    expect(subtreeRange('/1/5/23/')).toEqual(['/1/5/23/', '/1/5/230']);
  });

  it('a teacher at /1/50/… is not counted in /1/5/’s subtree', async () => {
    // the literal ids of the trap: 50 is 5 with a '0' appended (this file's database has no other orgs)
    const org = (id: number, parent: number | null, p: string, depth: number) => ({
      id,
      parent_id: parent,
      path: p,
      depth,
      kind: depth === 0 ? 'province' : 'school',
      name: `节点${id}`,
    });
    const P = (...ids: number[]) => `/${ids.join('/')}/`;
    await h.db
      .insertInto('orgs')
      .values([
        org(1, null, P(1), 0),
        org(5, 1, P(1, 5), 1),
        org(23, 5, P(1, 5, 23), 2),
        org(50, 1, P(1, 50), 1),
        org(501, 50, P(1, 50, 501), 2),
        org(51, 1, P(1, 51), 1),
      ])
      .execute();
    const at = [
      [5, P(1, 5)],
      [23, P(1, 5, 23)],
      [23, P(1, 5, 23)],
      [50, P(1, 50)],
      [501, P(1, 50, 501)],
      [51, P(1, 51)],
    ] as const;
    await h.db
      .insertInto('teachers')
      .values(
        at.map(([school, orgPath], i) => ({
          county_id: 1,
          id_number: `44180219880314${String(1000 + i)}`,
          name: `教师${i}`,
          gender: 'F',
          birth_date: '1988-03-14',
          school_id: school,
          org_path: orgPath,
        })),
      )
      .execute();

    // the shape org.repository's countsFor uses: org_path >= lo AND org_path < hi
    const countIn = async (root: string) => {
      const [lo, hi] = subtreeRange(root);
      const r = await sql<{ n: string }>`SELECT count(*) AS n FROM teachers t
        WHERE t.org_path >= ${lo} AND t.org_path < ${hi}`.execute(h.db);
      return Number(r.rows[0]?.n);
    };
    expect(await countIn(P(1, 5))).toBe(3);
    expect(await countIn(P(1, 5, 23))).toBe(2);
    expect(await countIn(P(1, 50))).toBe(2);
    expect(await countIn(P(1, 51))).toBe(1);
    expect(await countIn(P(1))).toBe(6);

    // and the Kysely helper the list queries use
    const viaHelper = await h.db
      .selectFrom('orgs as o')
      .select('o.id')
      .where((eb) => inSubtrees(eb, 'o.path', [P(1, 5)]))
      .orderBy('o.id')
      .execute();
    expect(viaHelper.map((r) => r.id)).toEqual(['5', '23']);
    const none = await h.db
      .selectFrom('orgs as o')
      .select('o.id')
      .where((eb) => inSubtrees(eb, 'o.path', []))
      .execute();
    expect(none).toEqual([]);
  });
});
