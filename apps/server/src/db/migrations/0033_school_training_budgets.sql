-- 学校教师培训经费 (R3-B09): a school's annual public-funds budget, its teachers' training budget and what was used
-- on the teachers' training, in fen, per budget year (公历年). One row per school and year; a correction updates
-- it and the audit log keeps the before and after. Keyed by the school's region key first.
CREATE TABLE school_training_budgets (
  county_id bigint NOT NULL,
  school_id bigint NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  org_path text COLLATE "C" NOT NULL,
  public_funds_fen bigint NOT NULL CHECK (public_funds_fen > 0 AND public_funds_fen <= 10000000000),
  budget_fen bigint NOT NULL CHECK (budget_fen >= 0 AND budget_fen <= public_funds_fen),
  used_fen bigint NOT NULL CHECK (used_fen >= 0 AND used_fen <= 10000000000),
  note text CHECK (note IS NULL OR length(note) <= 500),
  entered_by bigint,
  entered_at timestamptz NOT NULL,
  updated_by bigint,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, school_id, year)
);
CREATE INDEX school_training_budgets_path_idx ON school_training_budgets (year, org_path);
