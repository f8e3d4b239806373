-- 五育 comprehensive evaluation (CD-24, CD-25, TL-14). A framework is a region's (a city or county bureau's) per
-- year: the five dimensions' weights, core elements and monitorable indicators as one jsonb document, versioned
-- (a published version is frozen; a change is a new version). A round monitors a subtree's schools against one
-- published framework: the schools fixed when it opens with their students per grade (no student roster is held),
-- the seeded stratified sample, and the indicator values per school. Every table carries the owner's region key
-- (county_id: the owning bureau's org id) leading its keys (Citus).
CREATE SEQUENCE five_edu_frameworks_id_seq;
CREATE TABLE five_edu_frameworks (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('five_edu_frameworks_id_seq'),
  org_path text COLLATE "C" NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  version integer NOT NULL CHECK (version >= 1),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  body jsonb NOT NULL,
  created_by bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_at timestamptz,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, year, version)
);
ALTER SEQUENCE five_edu_frameworks_id_seq OWNED BY five_edu_frameworks.id;
CREATE INDEX five_edu_frameworks_id_idx ON five_edu_frameworks (id);
CREATE INDEX five_edu_frameworks_path_idx ON five_edu_frameworks (org_path);

CREATE SEQUENCE five_edu_rounds_id_seq;
CREATE TABLE five_edu_rounds (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('five_edu_rounds_id_seq'),
  framework_id bigint NOT NULL,
  org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  year integer NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  -- the share drawn per stratum, in hundredths of a percent (500 = 5 %)
  student_bp integer NOT NULL CHECK (student_bp BETWEEN 1 AND 10000),
  staff_bp integer NOT NULL CHECK (staff_bp BETWEEN 1 AND 10000),
  seed text,
  drawn_at timestamptz,
  drawn_by bigint,
  created_by bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, framework_id) REFERENCES five_edu_frameworks (county_id, id)
);
ALTER SEQUENCE five_edu_rounds_id_seq OWNED BY five_edu_rounds.id;
CREATE INDEX five_edu_rounds_id_idx ON five_edu_rounds (id);
CREATE INDEX five_edu_rounds_path_idx ON five_edu_rounds (org_path);

-- The participating schools, fixed when the round opens, with their students per grade ({"7": 420, …}).
CREATE TABLE five_edu_round_schools (
  county_id bigint NOT NULL,
  round_id bigint NOT NULL,
  school_id bigint NOT NULL,
  school_path text COLLATE "C" NOT NULL,
  grades jsonb NOT NULL,
  PRIMARY KEY (county_id, round_id, school_id),
  FOREIGN KEY (county_id, round_id) REFERENCES five_edu_rounds (county_id, id) ON DELETE CASCADE
);
CREATE INDEX five_edu_round_schools_path_idx ON five_edu_round_schools (school_path);

-- The drawn sample: students as a position on the school's own grade list, staff as a teacher id.
CREATE TABLE five_edu_sample (
  county_id bigint NOT NULL,
  round_id bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('student', 'staff')),
  member text NOT NULL,
  school_id bigint NOT NULL,
  stratum text NOT NULL,
  rank integer NOT NULL,
  PRIMARY KEY (county_id, round_id, kind, member),
  FOREIGN KEY (county_id, round_id) REFERENCES five_edu_rounds (county_id, id) ON DELETE CASCADE
);

-- Indicator values per school (entered, uploaded, or a questionnaire's per-school aggregate).
CREATE TABLE five_edu_values (
  county_id bigint NOT NULL,
  round_id bigint NOT NULL,
  school_id bigint NOT NULL,
  indicator_code text NOT NULL,
  value double precision NOT NULL,
  source text NOT NULL CHECK (source IN ('entered', 'upload')),
  recorded_by bigint,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, round_id, school_id, indicator_code),
  FOREIGN KEY (county_id, round_id) REFERENCES five_edu_rounds (county_id, id) ON DELETE CASCADE
);
