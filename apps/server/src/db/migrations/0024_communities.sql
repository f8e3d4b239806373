-- Studios (工作室) and workshops (工作坊): the registry, memberships with their history, registrations and roster
-- adjustments (R3-W14), the school-year plan (R3-W08 … R3-W10), activities with attendance (the members' 学时 go to
-- hour_entries as 'community-activity:<id>', R3-W16) and the 进修学校's monthly feedback (R3-G17).
-- Citus: every table carries the community's region key (county_id: its host unit's county) leading its keys;
-- org_path is the host unit's path (a subtree is a prefix range).
CREATE SEQUENCE communities_id_seq;
CREATE TABLE communities (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('communities_id_seq'),
  kind text NOT NULL CHECK (kind IN ('master_teacher_studio', 'master_principal_studio',
    'master_head_teacher_studio', 'rural_chief_teacher_studio', 'training_expert_studio', 'master_online_studio',
    'workshop')),
  workshop_class text CHECK (workshop_class IN ('class_1', 'class_2', 'class_3')),
  level text NOT NULL CHECK (level IN ('province', 'city', 'county', 'town', 'school')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  host_teacher_id bigint NOT NULL,
  -- the host unit (主持单位): the org it belongs to
  host_org_id bigint NOT NULL,
  org_path text COLLATE "C" NOT NULL,
  stage text,
  created_by bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  CHECK ((kind = 'workshop') = (workshop_class IS NOT NULL))
);
ALTER SEQUENCE communities_id_seq OWNED BY communities.id;
CREATE INDEX communities_id_idx ON communities (id);
CREATE INDEX communities_path_idx ON communities (org_path);

-- A membership: never deleted; a member who leaves (or changes role) has the row ended with a date and a reason.
-- school_id is the school the member came from when joining; the current school is the people module's.
CREATE SEQUENCE community_members_id_seq;
CREATE TABLE community_members (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('community_members_id_seq'),
  community_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  role text NOT NULL CHECK (role IN ('host', 'core', 'formal', 'mentee', 'applicant')),
  school_id bigint NOT NULL,
  joined_on date NOT NULL,
  join_reason text,
  left_on date,
  leave_reason text,
  created_by bigint,
  PRIMARY KEY (county_id, id),
  CHECK ((left_on IS NULL) = (leave_reason IS NULL)),
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
ALTER SEQUENCE community_members_id_seq OWNED BY community_members.id;
-- one current membership per teacher and community
CREATE UNIQUE INDEX community_members_current_key ON community_members (county_id, community_id, teacher_id)
  WHERE left_on IS NULL;
CREATE INDEX community_members_community_idx ON community_members (county_id, community_id);
CREATE INDEX community_members_teacher_idx ON community_members (teacher_id);

-- A registration (注册) holds for 2 school years (R3-W14); each roster change under it is an adjustment.
CREATE SEQUENCE community_registrations_id_seq;
CREATE TABLE community_registrations (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('community_registrations_id_seq'),
  community_id bigint NOT NULL,
  registered_on date NOT NULL,
  first_school_year text NOT NULL CHECK (first_school_year ~ '^\d{4}-\d{4}$'),
  registered_by bigint,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE community_registrations_id_seq OWNED BY community_registrations.id;
CREATE INDEX community_registrations_community_idx ON community_registrations (county_id, community_id);

CREATE SEQUENCE community_adjustments_id_seq;
CREATE TABLE community_adjustments (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('community_adjustments_id_seq'),
  community_id bigint NOT NULL,
  registration_id bigint NOT NULL,
  adjusted_on date NOT NULL,
  reason text NOT NULL CHECK (length(reason) >= 2),
  adjusted_by bigint,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE community_adjustments_id_seq OWNED BY community_adjustments.id;
CREATE INDEX community_adjustments_community_idx ON community_adjustments (county_id, community_id);

-- The school-year plan: its concentrated sessions (a reading forum is one, without live lessons).
CREATE SEQUENCE community_plan_sessions_id_seq;
CREATE TABLE community_plan_sessions (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('community_plan_sessions_id_seq'),
  community_id bigint NOT NULL,
  school_year text NOT NULL CHECK (school_year ~ '^\d{4}-\d{4}$'),
  planned_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('session', 'reading_forum')),
  live_lessons smallint NOT NULL CHECK (live_lessons BETWEEN 0 AND 20),
  discussions smallint NOT NULL CHECK (discussions BETWEEN 0 AND 20),
  host_school_id bigint NOT NULL,
  PRIMARY KEY (county_id, id)
);
ALTER SEQUENCE community_plan_sessions_id_seq OWNED BY community_plan_sessions.id;
CREATE INDEX community_plan_sessions_idx ON community_plan_sessions (county_id, community_id, planned_on);
-- the monthly review counts the month's planned sessions of every community in one range scan
CREATE INDEX community_plan_sessions_month_idx ON community_plan_sessions (planned_on, county_id, community_id);

-- An activity held (or to be held): closing it posts the attendees' 学时 once.
CREATE SEQUENCE community_activities_id_seq;
CREATE TABLE community_activities (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('community_activities_id_seq'),
  community_id bigint NOT NULL,
  held_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('live_lesson', 'discussion', 'lecture', 'reading_forum')),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  host_school_id bigint NOT NULL,
  record text CHECK (record IS NULL OR length(record) <= 20000),
  -- the 学时 (tenths) an attendee earns: one day, capped by the pack's day cap
  hours_tenths integer NOT NULL CHECK (hours_tenths > 0 AND hours_tenths <= 240),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at timestamptz,
  closed_by bigint,
  postings integer NOT NULL DEFAULT 0,
  created_by bigint,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
ALTER SEQUENCE community_activities_id_seq OWNED BY community_activities.id;
CREATE INDEX community_activities_id_idx ON community_activities (id);
CREATE INDEX community_activities_idx ON community_activities (county_id, community_id, held_on);
CREATE INDEX community_activities_month_idx ON community_activities (held_on, county_id, community_id);

-- Attendance per member of an activity (one row per member the activity expected).
CREATE TABLE community_attendance (
  county_id bigint NOT NULL,
  activity_id bigint NOT NULL,
  member_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  attended boolean NOT NULL,
  PRIMARY KEY (county_id, activity_id, member_id)
);
CREATE INDEX community_attendance_teacher_idx ON community_attendance (teacher_id);

-- The 进修学校's feedback on a community's month (R3-G17).
CREATE TABLE community_reviews (
  county_id bigint NOT NULL,
  community_id bigint NOT NULL,
  month text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  feedback text NOT NULL CHECK (length(feedback) BETWEEN 2 AND 2000),
  reviewed_by bigint,
  reviewed_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, community_id, month)
);
