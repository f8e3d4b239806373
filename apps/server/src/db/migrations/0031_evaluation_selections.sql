-- Annual selections (评优评先, R3-G18, R3-S06…S08): each December a bureau or 进修学校 selects 优秀工作坊, 优秀工作室,
-- 校本研修示范校, 先进单位 from a published campaign's ranking, and 先进个人 by nomination. Every row carries the
-- selection's region key (county_id: the owner org's regionKeyOf) first in its keys, like migration 0027's tables.
--
-- A selection: its category, the campaign it is drawn from (none for 先进个人), the policy it was drawn under (the
-- eligible bands and the most awards), draft → published.
CREATE SEQUENCE evaluation_selections_id_seq;
CREATE TABLE evaluation_selections (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_selections_id_seq'),
  owner_org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  category text NOT NULL CHECK (category IN
    ('excellent_workshop', 'excellent_studio', 'demonstration_school', 'advanced_unit', 'advanced_individual')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  campaign_id bigint,
  -- band codes of the campaign's rubric a candidate must be in to be pre-checked (e.g. ["excellent"])
  eligible_bands jsonb NOT NULL DEFAULT '[]',
  max_awards integer CHECK (max_awards IS NULL OR max_awards BETWEEN 1 AND 1000),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  created_by bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  published_by bigint,
  published_at timestamptz,
  PRIMARY KEY (county_id, id),
  CHECK ((status = 'published') = (published_at IS NOT NULL)),
  CHECK ((category = 'advanced_individual') = (campaign_id IS NULL))
);
ALTER SEQUENCE evaluation_selections_id_seq OWNED BY evaluation_selections.id;
CREATE INDEX evaluation_selections_id_idx ON evaluation_selections (id);
CREATE INDEX evaluation_selections_path_idx ON evaluation_selections (org_path, year);

-- A candidate: a campaign subject with its rank, score and band as they were when the selection was drawn, or a
-- nominated teacher; `selected` is the officer's decision, `reason` says why it departs from the policy (or why
-- the teacher is nominated).
CREATE SEQUENCE evaluation_selection_candidates_id_seq;
CREATE TABLE evaluation_selection_candidates (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_selection_candidates_id_seq'),
  selection_id bigint NOT NULL,
  holder_kind text NOT NULL CHECK (holder_kind IN ('org', 'community', 'teacher')),
  holder_id bigint NOT NULL,
  name text NOT NULL,
  -- the school of a teacher, the host unit of a community, the org itself
  org_path text COLLATE "C" NOT NULL,
  unit_name text,
  subject_id bigint,
  rank integer,
  score double precision,
  max_score double precision,
  percent double precision,
  band_code text,
  band_label text,
  eligible boolean NOT NULL,
  selected boolean NOT NULL,
  reason text CHECK (reason IS NULL OR length(reason) BETWEEN 2 AND 500),
  decided_by bigint,
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, selection_id, holder_kind, holder_id)
);
ALTER SEQUENCE evaluation_selection_candidates_id_seq OWNED BY evaluation_selection_candidates.id;
CREATE INDEX evaluation_selection_candidates_selection_idx ON evaluation_selection_candidates (selection_id);

-- A certificate of honour (荣誉证书) issued on publish, with the facts as printed and its verification code (the
-- same 20-character form as verification_codes', found by the public verification page by code alone).
CREATE SEQUENCE evaluation_honours_id_seq;
CREATE TABLE evaluation_honours (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_honours_id_seq'),
  selection_id bigint NOT NULL,
  candidate_id bigint NOT NULL,
  code text COLLATE "C" NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
  certificate_no text NOT NULL,
  holder_kind text NOT NULL CHECK (holder_kind IN ('org', 'community', 'teacher')),
  holder_id bigint NOT NULL,
  holder_name text NOT NULL,
  unit_name text,
  year integer NOT NULL,
  title text NOT NULL,
  issuer_name text NOT NULL,
  issued_on date NOT NULL,
  issued_by bigint,
  issued_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, code),
  UNIQUE (county_id, certificate_no),
  UNIQUE (county_id, selection_id, candidate_id)
);
ALTER SEQUENCE evaluation_honours_id_seq OWNED BY evaluation_honours.id;
CREATE INDEX evaluation_honours_code_idx ON evaluation_honours (code);
CREATE INDEX evaluation_honours_holder_idx ON evaluation_honours (holder_id, holder_kind);
