-- 校本研修 (school-based research, S003 附件 5). Every table carries the school's region key (county_id) leading
-- its keys (Citus) and, where lists read by subtree, the school's org path.
--
-- The annual plan on the 《年度校本研修方案申请表》 (R3-S03): one row per submitted version; the newest is the
-- plan. A return keeps its row (status 'returned' with the reason) and a resubmission is the next version.
CREATE SEQUENCE school_research_plans_id_seq;
CREATE TABLE school_research_plans (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('school_research_plans_id_seq'),
  school_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'),
  version integer NOT NULL CHECK (version >= 1),
  form jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'returned', 'approved')),
  -- the day (Asia/Shanghai) it was submitted, and the last day on time then in force (core schoolPlanDue)
  submitted_on date NOT NULL,
  submitted_at timestamptz NOT NULL,
  submitted_by bigint,
  due_on date NOT NULL,
  late boolean NOT NULL,
  decided_by bigint,
  decided_at timestamptz,
  return_reason text,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, school_id, school_year, version),
  CHECK ((status = 'returned') = (return_reason IS NOT NULL)),
  CHECK ((status = 'submitted') = (decided_at IS NULL))
);
ALTER SEQUENCE school_research_plans_id_seq OWNED BY school_research_plans.id;
CREATE INDEX school_research_plans_id_idx ON school_research_plans (id);
CREATE INDEX school_research_plans_path_idx ON school_research_plans (school_year, org_path);

-- Implementation records (研修活动记录): an activity held on a day, with its participants and their 学时.
CREATE SEQUENCE school_research_records_id_seq;
CREATE TABLE school_research_records (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('school_research_records_id_seq'),
  school_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'),
  semester smallint NOT NULL CHECK (semester IN (1, 2)),
  held_on date NOT NULL,
  topic text NOT NULL CHECK (length(topic) BETWEEN 2 AND 200),
  form text NOT NULL,
  note text,
  created_by bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE school_research_records_id_seq OWNED BY school_research_records.id;
CREATE INDEX school_research_records_id_idx ON school_research_records (id);
CREATE INDEX school_research_records_school_idx ON school_research_records (school_id, school_year, held_on);

-- Who took part in a record, with the 学时 (tenths) it gives each.
CREATE TABLE school_research_attendance (
  county_id bigint NOT NULL,
  record_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  hours_tenths integer NOT NULL CHECK (hours_tenths > 0 AND hours_tenths <= 240),
  PRIMARY KEY (county_id, record_id, teacher_id)
);

-- What the school has certified into the 学时 ledger per record and teacher (R3-S02): the amount standing and the
-- revision of its credit key ('school_research:<record>:<revision>'); a correction reverses the standing credit
-- and posts the next revision. 0 tenths: nothing stands (the teacher was removed).
CREATE TABLE school_research_credits (
  county_id bigint NOT NULL,
  record_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  certified_tenths integer NOT NULL CHECK (certified_tenths >= 0),
  revision integer NOT NULL CHECK (revision >= 1),
  certified_by bigint,
  certified_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, record_id, teacher_id)
);

-- The 进修学校's semester assessment (学期考核, R3-S05): one per school, school year and semester.
CREATE TABLE school_research_assessments (
  county_id bigint NOT NULL,
  school_id bigint NOT NULL,
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'),
  semester smallint NOT NULL CHECK (semester IN (1, 2)),
  org_path text COLLATE "C" NOT NULL,
  grade text NOT NULL CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
  comment text NOT NULL,
  assessed_by bigint,
  assessed_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, school_id, school_year, semester)
);

-- End-of-term spot checks (R3-S04): the seed, the ratio and the candidate schools are stored with the picks, so
-- anyone can re-run core's spotCheckDraw and get the same schools.
CREATE SEQUENCE school_research_draws_id_seq;
CREATE TABLE school_research_draws (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('school_research_draws_id_seq'),
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'),
  semester smallint NOT NULL CHECK (semester IN (1, 2)),
  ratio double precision NOT NULL CHECK (ratio >= 0 AND ratio <= 1),
  seed text NOT NULL CHECK (length(seed) BETWEEN 1 AND 100),
  rule_id text NOT NULL,
  note text NOT NULL,
  candidates text[] NOT NULL,
  picks text[] NOT NULL,
  drawn_by bigint,
  drawn_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE school_research_draws_id_seq OWNED BY school_research_draws.id;
CREATE INDEX school_research_draws_id_idx ON school_research_draws (id);

-- The result of checking one drawn school's process materials.
CREATE TABLE school_research_checks (
  county_id bigint NOT NULL,
  draw_id bigint NOT NULL,
  school_id bigint NOT NULL,
  result text NOT NULL CHECK (result IN ('good', 'pass', 'needs_work')),
  comment text NOT NULL,
  recorded_by bigint,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, draw_id, school_id)
);
