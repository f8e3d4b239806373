-- Evaluation (issue 14): officers' rubrics, campaigns scored by several raters with evidence, self-evaluation,
-- moderation and appeals. A campaign's rows share its region key (county_id: the owner org's region key, core's
-- regionKeyOf) leading every key, so a campaign lives on one shard (Citus); `org_path` columns are read by subtree.
--
-- An officer's rubric: one row per saved version (the body is core's Rubric as JSON, checked by checkRubric). The
-- built-ins A/B/C are core's and never stored; a campaign keeps a snapshot of the version it uses.
CREATE SEQUENCE evaluation_rubrics_id_seq;
CREATE TABLE evaluation_rubrics (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_rubrics_id_seq'),
  -- the id of the rubric's first version: every version of one rubric shares it
  rubric_id bigint NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  owner_org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body jsonb NOT NULL,
  -- checkRubric's warnings when saved (errors refuse the save)
  warnings jsonb NOT NULL DEFAULT '[]',
  created_by bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, rubric_id, version)
);
ALTER SEQUENCE evaluation_rubrics_id_seq OWNED BY evaluation_rubrics.id;
CREATE INDEX evaluation_rubrics_id_idx ON evaluation_rubrics (id);
CREATE INDEX evaluation_rubrics_path_idx ON evaluation_rubrics (org_path, rubric_id, version);

-- A campaign (评价活动): draft → open (self-evaluation, evidence) → scoring → appeal → published.
CREATE SEQUENCE evaluation_campaigns_id_seq;
CREATE TABLE evaluation_campaigns (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_campaigns_id_seq'),
  owner_org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  subject_kind text NOT NULL CHECK (subject_kind IN ('county', 'school', 'workshop', 'studio', 'provider')),
  -- 'builtin:A' or 'rubric:<rubric_id>@<version>', and the rubric as it was taken
  rubric_ref text NOT NULL,
  rubric jsonb NOT NULL,
  normalisation text NOT NULL CHECK (normalisation IN ('item_points', 'declared', 'scale_to_100')),
  normalisation_by bigint,
  normalisation_at timestamptz NOT NULL,
  -- unit id → metric key of the live items
  metric_bindings jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('draft', 'open', 'scoring', 'appeal', 'published')),
  appeal_days integer NOT NULL DEFAULT 5 CHECK (appeal_days BETWEEN 1 AND 60),
  -- set when the provisional results are released: appeals until appeal_closes_on (inclusive, Asia/Shanghai)
  provisional_at timestamptz,
  appeal_closes_on date,
  published_at timestamptz,
  created_by bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  CHECK ((provisional_at IS NULL) = (appeal_closes_on IS NULL))
);
ALTER SEQUENCE evaluation_campaigns_id_seq OWNED BY evaluation_campaigns.id;
CREATE INDEX evaluation_campaigns_id_idx ON evaluation_campaigns (id);
CREATE INDEX evaluation_campaigns_path_idx ON evaluation_campaigns (org_path, year);

-- A subject of a campaign: an org (county, school, provider) or a community (workshop, studio) by id, with the
-- path that decides who may see it and who speaks for it; its self-scores and the owner's moderation.
CREATE SEQUENCE evaluation_subjects_id_seq;
CREATE TABLE evaluation_subjects (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_subjects_id_seq'),
  campaign_id bigint NOT NULL,
  ref_id bigint NOT NULL,
  name text NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  -- unit id → score (tenths of a point)
  self_scores jsonb NOT NULL DEFAULT '{}',
  self_at timestamptz,
  -- unit id → { value, reason, by, at }; veto id → { reason, by, at }
  moderations jsonb NOT NULL DEFAULT '{}',
  veto_clearances jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, campaign_id, ref_id)
);
ALTER SEQUENCE evaluation_subjects_id_seq OWNED BY evaluation_subjects.id;
CREATE INDEX evaluation_subjects_id_idx ON evaluation_subjects (id);
CREATE INDEX evaluation_subjects_path_idx ON evaluation_subjects (org_path);

-- A rater assigned to a subject, with the sheet (core's RubricEntry plus comments and adjustments) as saved; a
-- submitted sheet is locked.
CREATE TABLE evaluation_raters (
  county_id bigint NOT NULL,
  subject_id bigint NOT NULL,
  account_id bigint NOT NULL,
  campaign_id bigint NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  sheet jsonb NOT NULL DEFAULT '{}',
  assigned_by bigint,
  assigned_at timestamptz NOT NULL,
  saved_at timestamptz,
  submitted_at timestamptz,
  PRIMARY KEY (county_id, subject_id, account_id)
);
CREATE INDEX evaluation_raters_account_idx ON evaluation_raters (account_id, campaign_id);
CREATE INDEX evaluation_raters_campaign_idx ON evaluation_raters (campaign_id);

-- Evidence (佐证材料) of a subject for a scored unit: a file in the files store.
CREATE SEQUENCE evaluation_evidence_id_seq;
CREATE TABLE evaluation_evidence (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_evidence_id_seq'),
  subject_id bigint NOT NULL,
  unit_id text NOT NULL,
  file_id bigint NOT NULL,
  name text NOT NULL,
  uploaded_by bigint,
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE evaluation_evidence_id_seq OWNED BY evaluation_evidence.id;
CREATE INDEX evaluation_evidence_subject_idx ON evaluation_evidence (subject_id, unit_id);

-- An appeal (申诉) of a unit's provisional score, and the owner's decision.
CREATE SEQUENCE evaluation_appeals_id_seq;
CREATE TABLE evaluation_appeals (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('evaluation_appeals_id_seq'),
  campaign_id bigint NOT NULL,
  subject_id bigint NOT NULL,
  unit_id text NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 2 AND 1000),
  filed_by bigint,
  filed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'upheld', 'dismissed')),
  -- tenths of a point, when upheld
  new_score integer,
  decision_reason text,
  decided_by bigint,
  decided_at timestamptz,
  PRIMARY KEY (county_id, id),
  CHECK ((status = 'pending') = (decided_at IS NULL)),
  CHECK ((status = 'upheld') = (new_score IS NOT NULL))
);
ALTER SEQUENCE evaluation_appeals_id_seq OWNED BY evaluation_appeals.id;
CREATE INDEX evaluation_appeals_campaign_idx ON evaluation_appeals (campaign_id, subject_id);
CREATE UNIQUE INDEX evaluation_appeals_pending_key ON evaluation_appeals (county_id, subject_id, unit_id)
  WHERE status = 'pending';
