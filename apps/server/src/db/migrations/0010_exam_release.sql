-- Yanxun schema 0010: parents and the public.
-- exam_releases: what the office has released of an exam: a frozen public summary (region aggregates only)
-- and whether parents may see their child's result. Small (one row per exam): a reference table under Citus.
-- exam_access_codes: one access code per student (county_id leads the key, like exam_students), stored as an
-- HMAC-SHA256 of (server secret, county, student, code); the code itself is only in the school's Excel list.

CREATE TABLE exam_releases (
  exam_id bigint PRIMARY KEY REFERENCES exams (id),
  -- the public summary as published (core publicSummary), null = not published
  public_summary jsonb,
  -- the exam's data_version the summary was built from (a re-upload makes it stale until republished)
  public_version integer,
  public_at timestamptz,
  public_by bigint,
  -- null = not released to parents
  parents_at timestamptz,
  parents_by bigint,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX exam_releases_public_idx ON exam_releases (public_at) WHERE public_summary IS NOT NULL;

CREATE TABLE exam_access_codes (
  county_id bigint NOT NULL,
  student_id text NOT NULL,
  school_id bigint NOT NULL,
  school_path text COLLATE "C" NOT NULL,
  -- hex HMAC-SHA256; the code is never stored
  code_hash text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by bigint,
  -- wrong codes in a row; at the policy's maxFailures the code is locked until locked_until
  failed_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  PRIMARY KEY (county_id, student_id)
);
-- a parent gives the student id only (the county is not asked)
CREATE INDEX exam_access_codes_student_idx ON exam_access_codes (student_id);
CREATE INDEX exam_access_codes_school_idx ON exam_access_codes (school_id);

-- one student's rows across exams (the parent view)
CREATE INDEX exam_students_student_idx ON exam_students (county_id, student_id);

-- app_secrets: keys a deployment must keep across restarts and share between its servers, generated on first
-- use when no environment variable gives one (today: 'exam-code', the access codes' HMAC key, unless
-- EXAM_CODE_SECRET is set). Readable only by the database roles that can read everything else.
CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
