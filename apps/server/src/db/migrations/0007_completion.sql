-- Yanxun schema 0007: outcomes and completion: outcome submissions of trainees with every
-- version kept and reviewed with a score or returned; completion (结业) results per class and teacher with
-- each rule's result; certificates numbered per programme without gaps; a simple per-teacher hours record.
-- PostgreSQL 15 SQL. Citus: outcome_submissions, completion_results and teacher_hours carry the teacher's
-- region key (county_id) leading every primary and unique key; certificate_counters and certificates are
-- small per-programme tables (numbering must be global to a programme).

CREATE SEQUENCE outcome_submissions_id_seq;
CREATE TABLE outcome_submissions (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('outcome_submissions_id_seq'),
  class_id bigint NOT NULL,
  programme_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  -- the requirement key of the pack: '<item code>' or '<item code>:<part>'
  requirement text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  file_id bigint,
  link text,
  note text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'returned', 'accepted')),
  score integer CHECK (score BETWEEN 0 AND 100),
  review_comment text,
  reviewed_by bigint,
  reviewed_at timestamptz,
  submitted_by bigint,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((file_id IS NULL) <> (link IS NULL)),
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE outcome_submissions_id_seq OWNED BY outcome_submissions.id;
CREATE UNIQUE INDEX outcome_submissions_version_key
  ON outcome_submissions (county_id, class_id, teacher_id, requirement, version);
CREATE INDEX outcome_submissions_class_idx ON outcome_submissions (class_id, status);
CREATE INDEX outcome_submissions_teacher_idx ON outcome_submissions (teacher_id);
CREATE INDEX outcome_submissions_id_idx ON outcome_submissions (id);

-- The last completion run's result for each enrolled teacher of a class.
CREATE TABLE completion_results (
  county_id bigint NOT NULL,
  class_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  programme_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  completed boolean NOT NULL,
  attendance_pct numeric(4, 1) NOT NULL,
  -- every rule with pass/fail, message and values (core CompletionCheck[])
  checks jsonb NOT NULL,
  hours_tenths integer NOT NULL DEFAULT 0,
  evaluated_at timestamptz NOT NULL DEFAULT now(),
  evaluated_by bigint,
  PRIMARY KEY (county_id, class_id, teacher_id)
);
CREATE INDEX completion_results_class_idx ON completion_results (class_id);
CREATE INDEX completion_results_teacher_idx ON completion_results (teacher_id);

-- Certificate numbering: one row per programme, locked by every completion run of the programme so numbers
-- are assigned in one transaction without gaps or duplicates.
CREATE TABLE certificate_counters (
  programme_id bigint PRIMARY KEY REFERENCES programmes (id),
  last_seq integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0)
);

-- A certificate keeps its number for good: revoked when a re-run finds the teacher not completed, restored
-- (same number) when a later run finds them completed again.
CREATE TABLE certificates (
  programme_id bigint NOT NULL REFERENCES programmes (id),
  seq integer NOT NULL CHECK (seq >= 1),
  certificate_no text NOT NULL UNIQUE,
  county_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  class_id bigint NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (programme_id, seq),
  UNIQUE (programme_id, teacher_id)
);
CREATE INDEX certificates_teacher_idx ON certificates (teacher_id);

-- 学时 posted to a teacher's record: one row per teacher and programme (a re-run never posts twice);
-- reversed with a reason rather than deleted. A later issue grows this into the full ledger.
CREATE SEQUENCE teacher_hours_id_seq;
CREATE TABLE teacher_hours (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('teacher_hours_id_seq'),
  teacher_id bigint NOT NULL,
  programme_id bigint NOT NULL,
  class_id bigint,
  org_path text COLLATE "C" NOT NULL,
  hours_tenths integer NOT NULL CHECK (hours_tenths >= 0),
  source text NOT NULL DEFAULT 'completion',
  rule_id text NOT NULL,
  posted_at timestamptz NOT NULL DEFAULT now(),
  posted_by bigint,
  reversed_at timestamptz,
  reversed_by bigint,
  reverse_reason text,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE teacher_hours_id_seq OWNED BY teacher_hours.id;
CREATE UNIQUE INDEX teacher_hours_programme_key ON teacher_hours (county_id, teacher_id, programme_id);
CREATE INDEX teacher_hours_teacher_idx ON teacher_hours (teacher_id);
CREATE INDEX teacher_hours_id_idx ON teacher_hours (id);
