-- Yanxun schema 0011: exam upload dry runs held in the database, so that the commit works on any
-- server process and after a restart. PostgreSQL 15 SQL.
-- One row per dry run, keyed by the region key of the exam's owner (its county; for a city- or province-level
-- owner, that city or province, as teachers), Citus-ready. `payload` is the parsed score matrix and the rows to
-- write, compact and deflated by the exams module (exams.staging.ts); it is dropped (NULL) by the commit and by
-- the cleanup of expired dry runs, while the row stays a while longer to say "already committed" / "expired".

CREATE TABLE exam_uploads (
  county_id bigint NOT NULL,
  id text NOT NULL,
  exam_id bigint NOT NULL REFERENCES exams (id) ON DELETE CASCADE,
  account_id bigint NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  committed_at timestamptz,
  -- the ExamUpload summary returned by the dry run (counts, the first errors)
  summary jsonb NOT NULL,
  -- every error kept (up to the module's cap), for the error workbook
  errors jsonb NOT NULL DEFAULT '[]',
  -- the item sheet (core ItemSpec[]) the rows were validated against
  items jsonb NOT NULL DEFAULT '[]',
  payload bytea,
  payload_bytes integer NOT NULL DEFAULT 0,
  PRIMARY KEY (county_id, id)
);
-- the payload is deflated already: do not try to compress it again
ALTER TABLE exam_uploads ALTER COLUMN payload SET STORAGE EXTERNAL;
CREATE INDEX exam_uploads_expires_idx ON exam_uploads (expires_at);
CREATE INDEX exam_uploads_exam_idx ON exam_uploads (exam_id, created_at);
