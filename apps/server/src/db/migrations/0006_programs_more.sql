-- Yanxun schema 0006: programmes, continued: differential shortlists (差额遴选,
-- R-004-59), substitution (替训) as a request the allocating level decides, refused nomination attempts for the
-- selection-quality KPI (R3-B03), integrity-record appeals (R-004-20) and teacher notifications.
-- PostgreSQL 15 SQL. Every new big table carries a region key leading its primary key (Citus-ready).

-- Nominations of a competitive programme start as candidates (候选) and end selected or not selected.
ALTER TABLE nominations DROP CONSTRAINT nominations_status_check;
ALTER TABLE nominations ADD CONSTRAINT nominations_status_check
  CHECK (status IN ('candidate', 'selected', 'not_selected', 'waitlisted', 'withdrawn', 'replaced'));
DROP INDEX nominations_live_key;
CREATE UNIQUE INDEX nominations_live_key ON nominations (county_id, programme_id, teacher_id)
  WHERE status IN ('candidate', 'selected', 'waitlisted');
CREATE INDEX nominations_candidates_idx ON nominations (programme_id, quota_org_id) WHERE status = 'candidate';
ALTER TABLE nominations ADD COLUMN decided_by bigint;
ALTER TABLE nominations ADD COLUMN decided_at timestamptz;

-- 替训 requests: the nominating unit asks, the level that allocated its seats approves or refuses. Keyed by the
-- region key of the nominating (quota) unit; `org_path` is that unit's path (scope of reads).
CREATE SEQUENCE substitution_requests_id_seq;
CREATE TABLE substitution_requests (
  region_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('substitution_requests_id_seq'),
  programme_id bigint NOT NULL,
  quota_org_id bigint NOT NULL,
  approver_org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  nomination_county_id bigint NOT NULL,
  nomination_id bigint NOT NULL,
  replaced_teacher_id bigint NOT NULL,
  teacher_county_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  reason text NOT NULL,
  eligibility jsonb NOT NULL,
  override_reason text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'cancelled')),
  requested_by bigint,
  requested_at timestamptz NOT NULL DEFAULT now(),
  decided_by bigint,
  decided_at timestamptz,
  decision_reason text,
  new_nomination_id bigint,
  PRIMARY KEY (region_id, id)
);
ALTER SEQUENCE substitution_requests_id_seq OWNED BY substitution_requests.id;
CREATE INDEX substitution_requests_programme_idx ON substitution_requests (programme_id, org_path, id);
CREATE INDEX substitution_requests_id_idx ON substitution_requests (id);
-- one open request per selected nomination
CREATE UNIQUE INDEX substitution_requests_pending_key ON substitution_requests (region_id, nomination_id)
  WHERE status = 'pending';

-- Refused nomination attempts (ineligible on a hard rule, or a soft one without a reason): the
-- selection-quality KPI counts them. Keyed by the teacher's region key.
CREATE SEQUENCE nomination_refusals_id_seq;
CREATE TABLE nomination_refusals (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('nomination_refusals_id_seq'),
  programme_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  quota_org_id bigint NOT NULL,
  failed_rules text[] NOT NULL,
  needs_override boolean NOT NULL,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE nomination_refusals_id_seq OWNED BY nomination_refusals.id;
CREATE INDEX nomination_refusals_programme_idx ON nomination_refusals (programme_id, org_path);

-- Appeals of integrity records (R-004-20): the teacher appeals with a reason, the bureau decides. Upheld: the
-- record stops standing (standing_reason says why); rejected: it stays.
ALTER TABLE integrity_records ADD COLUMN appeal_status text NOT NULL DEFAULT 'none'
  CHECK (appeal_status IN ('none', 'pending', 'upheld', 'rejected'));
ALTER TABLE integrity_records ADD COLUMN appeal_reason text;
ALTER TABLE integrity_records ADD COLUMN appealed_at timestamptz;
ALTER TABLE integrity_records ADD COLUMN appeal_decided_by bigint;
ALTER TABLE integrity_records ADD COLUMN appeal_decided_at timestamptz;
ALTER TABLE integrity_records ADD COLUMN appeal_decision_reason text;
ALTER TABLE integrity_records ADD COLUMN standing_reason text;
CREATE INDEX integrity_records_programme_idx ON integrity_records (programme_id) WHERE programme_id IS NOT NULL;

-- Notifications to a teacher, keyed by the teacher's region key.
CREATE SEQUENCE notifications_id_seq;
CREATE TABLE notifications (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('notifications_id_seq'),
  teacher_id bigint NOT NULL,
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  entity text,
  entity_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE notifications_id_seq OWNED BY notifications.id;
CREATE INDEX notifications_teacher_idx ON notifications (teacher_id, id DESC);
