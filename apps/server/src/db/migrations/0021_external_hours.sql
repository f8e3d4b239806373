-- 学时 from other platforms (issue 12 item 4): uploaded batches between dry run and commit, the review queue of
-- records that may not go straight to the ledger, the platforms that post xAPI statements (a token stored as its
-- sha256 only) and the statements received (a statement id is counted once, whoever replays it).

-- a dry run's parsed rows, kept until committed or expired; committing re-checks every row against the database
CREATE TABLE hour_import_batches (
  id bigserial PRIMARY KEY,
  system text NOT NULL CHECK (length(system) BETWEEN 1 AND 40),
  file_name text NOT NULL,
  -- the importer and the subtree roots they imported for (their hours.import scope when uploading)
  created_by bigint NOT NULL,
  scope text[] NOT NULL,
  rows jsonb NOT NULL,
  summary jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  committed_at timestamptz
);

-- records held back from the ledger until a county officer posts or dismisses them; one row per record version
-- (fingerprint = hours, category, dates), so a re-import of the same record does not queue it twice
CREATE TABLE hour_import_queue (
  id bigserial PRIMARY KEY,
  -- the unit it is reviewed under: the teacher's, or the importer's scope root for an unknown teacher
  org_path text COLLATE "C" NOT NULL,
  teacher_id bigint,
  kind text NOT NULL CHECK (kind IN ('unknown_teacher', 'over_cap', 'overlap')),
  rule_id text NOT NULL,
  message text NOT NULL,
  system text NOT NULL,
  record_id text NOT NULL CHECK (length(record_id) BETWEEN 1 AND 100),
  id_number text NOT NULL,
  name text NOT NULL,
  title text NOT NULL,
  category text NOT NULL,
  amount_tenths integer NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  fingerprint text NOT NULL,
  batch_id bigint,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'posted', 'dismissed')),
  reason text,
  resolved_by bigint,
  resolved_at timestamptz,
  created_by bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'dismissed' OR length(reason) >= 2)
);
CREATE UNIQUE INDEX hour_import_queue_record ON hour_import_queue (id_number, system, record_id, fingerprint);
CREATE INDEX hour_import_queue_path ON hour_import_queue (org_path, id) WHERE status = 'open';

-- platforms that post xAPI statements: HTTP Basic, user = platform id, password = a token shown once
CREATE TABLE xapi_platforms (
  id bigserial PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
  system text NOT NULL CHECK (length(system) BETWEEN 1 AND 40),
  -- the subtree whose teachers it may post for
  org_path text COLLATE "C" NOT NULL,
  token_sha256 text NOT NULL,
  created_by bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- every statement taken, by its id: a replay (same id) is answered without posting again
CREATE TABLE xapi_statements (
  statement_id uuid PRIMARY KEY,
  platform_id bigint NOT NULL REFERENCES xapi_platforms (id),
  teacher_id bigint NOT NULL,
  verb text NOT NULL,
  duration_seconds integer NOT NULL,
  amount_tenths integer NOT NULL,
  occurred_on date NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
