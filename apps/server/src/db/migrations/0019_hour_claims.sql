-- 学时申报: a teacher claims 学时 for outside training, a paper, a lecture or a competition with evidence files;
-- the teacher's school reviews it (submitted → school_approved), then the county (→ approved, which posts the
-- credit 'claim:<id>' to hour_entries in the same transaction); either may return it with a reason, and the
-- teacher may withdraw it while it waits. Who decided, when and why stays on the row (and in the audit log).
-- Citus: both tables carry the teacher's region key (county_id) leading their keys.
CREATE SEQUENCE hour_claims_id_seq;
CREATE TABLE hour_claims (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('hour_claims_id_seq'),
  teacher_id bigint NOT NULL,
  school_id bigint NOT NULL,
  -- the teacher's school when the claim was made: who reviews it
  org_path text COLLATE "C" NOT NULL,
  category text NOT NULL CHECK (category IN ('centralized', 'online', 'practice', 'school_based', 'workshop',
    'studio', 'research', 'self_study', 'other')),
  kind text NOT NULL CHECK (kind IN ('outside_training', 'paper', 'lecture', 'competition', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 200),
  certificate_no text CHECK (certificate_no IS NULL OR length(certificate_no) BETWEEN 1 AND 100),
  -- issuer + certificate number folded (core certificateKey), for the duplicate check; null without a number
  certificate_key text,
  start_date date NOT NULL,
  end_date date NOT NULL CHECK (end_date >= start_date),
  -- tenths of a 学时
  hours_tenths integer NOT NULL CHECK (hours_tenths > 0 AND hours_tenths <= 100000),
  status text NOT NULL DEFAULT 'submitted'
    CHECK (status IN ('submitted', 'school_approved', 'approved', 'returned', 'withdrawn')),
  submitted_by bigint,
  submitted_at timestamptz NOT NULL,
  -- the last day of each review, from the rule in force when that review began (Y-HOURS-CLAIM-DEADLINE)
  school_due_on date NOT NULL,
  county_due_on date,
  school_decided_by bigint,
  school_decided_at timestamptz,
  school_comment text,
  county_decided_by bigint,
  county_decided_at timestamptz,
  county_comment text,
  return_reason text,
  withdrawn_at timestamptz,
  PRIMARY KEY (county_id, id),
  CHECK ((status = 'returned') = (return_reason IS NOT NULL)),
  CHECK (return_reason IS NULL OR length(return_reason) >= 2),
  CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL))
);
ALTER SEQUENCE hour_claims_id_seq OWNED BY hour_claims.id;
CREATE INDEX hour_claims_id_idx ON hour_claims (id);
CREATE INDEX hour_claims_teacher_idx ON hour_claims (teacher_id, submitted_at);
-- review queues: a subtree range of org paths, by status
CREATE INDEX hour_claims_queue_idx ON hour_claims (org_path, status);
CREATE INDEX hour_claims_certificate_idx ON hour_claims (certificate_key) WHERE certificate_key IS NOT NULL;

-- The evidence files of a claim (the files module keeps the bytes), with their SHA-256 for the duplicate check.
CREATE TABLE hour_claim_evidence (
  county_id bigint NOT NULL,
  claim_id bigint NOT NULL,
  file_id bigint NOT NULL,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 5),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  PRIMARY KEY (county_id, claim_id, file_id),
  UNIQUE (county_id, claim_id, position)
);
CREATE INDEX hour_claim_evidence_sha256_idx ON hour_claim_evidence (sha256);
