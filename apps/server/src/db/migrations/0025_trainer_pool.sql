-- The trainer pool (教师培训者团队, R3-P*): one record per teacher and pool (a county's or a city's team), its
-- current state, and the append-only history of every step (application, the unit's recommendation, the bureau's
-- approval or return, direct appointment with consent, annual assessment, renewal, release, revocation).
-- Citus: every table carries the pool unit's region key (county_id: the county, or the city for a city pool)
-- leading its keys.
CREATE SEQUENCE trainer_records_id_seq;
CREATE TABLE trainer_records (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('trainer_records_id_seq'),
  teacher_id bigint NOT NULL,
  -- the pool: a county or city org, and its path (who approves, whose team it counts in)
  pool_org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  -- the teacher's school when the record was made: who recommends (R3-P07)
  school_id bigint NOT NULL,
  school_path text COLLATE "C" NOT NULL,
  route text NOT NULL CHECK (route IN ('application', 'appointment')),
  status text NOT NULL CHECK (status IN ('applied', 'recommended', 'returned', 'approved', 'appointed',
    'released', 'revoked')),
  statement text CHECK (statement IS NULL OR length(statement) <= 2000),
  -- direct appointment (R3-P08): the day the expert consented, and how
  consent_on date,
  consent_note text CHECK (consent_note IS NULL OR length(consent_note) <= 500),
  -- the current term (R3-P06), from approval or appointment; renewed terms move both
  term_start date,
  term_end date CHECK (term_end IS NULL OR term_end >= term_start),
  -- soft-rule warnings the approving officer accepted: [{ rule, by, reason }] (R3-P03, R3-P04)
  overrides jsonb NOT NULL DEFAULT '[]',
  revocation_reason text CHECK (revocation_reason IS NULL OR revocation_reason IN ('conduct_code', 'duties',
    'discipline', 'criminal')),
  ended_on date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, pool_org_id, teacher_id),
  CHECK ((status = 'revoked') = (revocation_reason IS NOT NULL)),
  CHECK ((route = 'appointment') = (consent_on IS NOT NULL)),
  CHECK (status NOT IN ('approved', 'appointed', 'released', 'revoked') OR term_start IS NOT NULL)
);
ALTER SEQUENCE trainer_records_id_seq OWNED BY trainer_records.id;
CREATE INDEX trainer_records_id_idx ON trainer_records (id);
CREATE INDEX trainer_records_teacher_idx ON trainer_records (teacher_id);
-- lists by the pool's subtree and by the recommending school's subtree
CREATE INDEX trainer_records_pool_idx ON trainer_records (org_path, status);
CREATE INDEX trainer_records_school_idx ON trainer_records (school_path, status);

-- Every step, never updated or deleted: who, when, from which status to which, and why.
CREATE SEQUENCE trainer_events_id_seq;
CREATE TABLE trainer_events (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('trainer_events_id_seq'),
  record_id bigint NOT NULL,
  action text NOT NULL CHECK (action IN ('apply', 'recommend', 'return', 'approve', 'appoint', 'assess',
    'renew', 'release', 'revoke', 'assign', 'unassign')),
  from_status text,
  to_status text NOT NULL,
  reason text CHECK (reason IS NULL OR length(reason) <= 1000),
  details jsonb NOT NULL DEFAULT '{}',
  actor_id bigint,
  actor_name text,
  at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, record_id) REFERENCES trainer_records (county_id, id)
);
ALTER SEQUENCE trainer_events_id_seq OWNED BY trainer_events.id;
CREATE INDEX trainer_events_record_idx ON trainer_events (county_id, record_id, id);

-- The annual assessment by 教师教育科 (R3-P09): one result per member and year.
CREATE TABLE trainer_assessments (
  county_id bigint NOT NULL,
  record_id bigint NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  result text NOT NULL CHECK (result IN ('pass', 'fail')),
  note text CHECK (note IS NULL OR length(note) <= 1000),
  assessed_by bigint,
  assessed_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, record_id, year),
  FOREIGN KEY (county_id, record_id) REFERENCES trainer_records (county_id, id)
);

-- A member's work on a programme or a class (opaque ids, checked through the programs/classes ports), with the
-- year it counts for participation (R3-P02): the programme's or class's start year.
CREATE SEQUENCE trainer_assignments_id_seq;
CREATE TABLE trainer_assignments (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('trainer_assignments_id_seq'),
  record_id bigint NOT NULL,
  target_kind text NOT NULL CHECK (target_kind IN ('programme', 'class')),
  target_id bigint NOT NULL,
  target_title text NOT NULL CHECK (length(target_title) BETWEEN 1 AND 300),
  role text NOT NULL CHECK (role IN ('lecturer', 'mentor', 'reviewer')),
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  starts_on date NOT NULL,
  assigned_by bigint,
  assigned_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, record_id, target_kind, target_id, role),
  FOREIGN KEY (county_id, record_id) REFERENCES trainer_records (county_id, id)
);
ALTER SEQUENCE trainer_assignments_id_seq OWNED BY trainer_assignments.id;
CREATE INDEX trainer_assignments_year_idx ON trainer_assignments (county_id, year, record_id);
