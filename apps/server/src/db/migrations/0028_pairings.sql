-- 帮扶结对 (pairings, S003): a 教师发展学校 with the weak schools it helps (R3-B05), a 校本研修示范校 with the schools
-- it leads (R3-B06), a 市级名师工作室 with a 镇级教师工作坊 (R3-G20); their school years and joint activities. Every
-- table carries the lead's region key (county_id) leading its keys (Citus); org_path is the lead's path (the lead
-- school, or the studio's host unit) and partner_path each partner's, so both sides read their pairings by subtree.
CREATE SEQUENCE pairings_id_seq;
CREATE TABLE pairings (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('pairings_id_seq'),
  kind text NOT NULL CHECK (kind IN ('dev_school', 'demo_school', 'studio_workshop')),
  -- a school (org id) for dev_school/demo_school; a studio (community id) for studio_workshop
  lead_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  from_year text NOT NULL CHECK (from_year ~ '^\d{4}-\d{4}$'),
  to_year text NOT NULL CHECK (to_year ~ '^\d{4}-\d{4}$' AND to_year >= from_year),
  note text,
  created_by bigint,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  UNIQUE (county_id, kind, lead_id, from_year)
);
ALTER SEQUENCE pairings_id_seq OWNED BY pairings.id;
CREATE INDEX pairings_id_idx ON pairings (id);
CREATE INDEX pairings_path_idx ON pairings (org_path);

-- The partners: schools (org ids) or workshops (community ids), with their paths.
CREATE TABLE pairing_partners (
  county_id bigint NOT NULL,
  pairing_id bigint NOT NULL,
  partner_id bigint NOT NULL,
  partner_path text COLLATE "C" NOT NULL,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, pairing_id, partner_id),
  FOREIGN KEY (county_id, pairing_id) REFERENCES pairings (county_id, id) ON DELETE CASCADE
);
CREATE INDEX pairing_partners_path_idx ON pairing_partners (partner_path);

-- Joint activities (结对活动): a day, a title, a place, who took part and notes.
CREATE SEQUENCE pairing_activities_id_seq;
CREATE TABLE pairing_activities (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('pairing_activities_id_seq'),
  pairing_id bigint NOT NULL,
  held_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  participants integer NOT NULL CHECK (participants BETWEEN 0 AND 100000),
  notes text,
  created_by bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, pairing_id) REFERENCES pairings (county_id, id) ON DELETE CASCADE
);
ALTER SEQUENCE pairing_activities_id_seq OWNED BY pairing_activities.id;
CREATE INDEX pairing_activities_pairing_idx ON pairing_activities (pairing_id, held_on);

-- A community's titles by year (R3-W15: 优秀工作坊), recorded by the bureau or by the annual selection.
CREATE TABLE community_titles (
  county_id bigint NOT NULL,
  community_id bigint NOT NULL,
  year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title text NOT NULL CHECK (title IN ('excellent_workshop')),
  source text NOT NULL CHECK (source IN ('bureau', 'selection')),
  recorded_by bigint,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, community_id, year, title)
);
CREATE INDEX community_titles_community_idx ON community_titles (community_id);
