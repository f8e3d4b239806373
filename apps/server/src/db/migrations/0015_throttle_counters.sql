-- Yanxun schema 0015: failure throttles kept in the database, so every server process of a deployment agrees.
-- One row per throttle key: (scope, parts) such as ('login.account_address', username, client address) or
-- ('parent.student_address', student id, client address). The key is stored only as a SHA-256 hash: the table
-- never holds usernames, student ids or addresses. Counters are written with one INSERT … ON CONFLICT … DO UPDATE
-- … RETURNING each (modules/throttle), so concurrent failures on several servers all count.
--
-- The per-account lock (accounts.failed_attempts/locked_until) and the per-student code lock
-- (exam_access_codes.failed_count/locked_until) let a stranger lock the owner out; they are replaced by
-- per-(account, address) and per-(student, address) throttles here and their columns are dropped.
-- Small, written only on failures and known-address records; stays on the coordinator under Citus (like sessions).

CREATE TABLE throttle_counters (
  -- hex SHA-256 of the scope and the key's parts
  key_hash text PRIMARY KEY,
  -- which rule the row counts under ('login.account_address', 'parent.address', … ; '*.known' rows record a
  -- success from an address, with no failures)
  scope text NOT NULL,
  -- hex SHA-256 of the subject the key is about (e.g. a student id), so a school's reissued code can clear
  -- every address's count for that student at once; null when nothing needs that
  subject_hash text,
  -- failures in the current streak
  failures integer NOT NULL DEFAULT 0,
  -- when the current streak began, and its last failure
  window_start timestamptz NOT NULL,
  last_failure_at timestamptz,
  -- the key must wait until then (null: no wait)
  blocked_until timestamptz,
  -- the streak (or the known-address record) is forgotten from then on, and the row may be deleted
  forget_at timestamptz NOT NULL
);
CREATE INDEX throttle_counters_forget_idx ON throttle_counters (forget_at);
CREATE INDEX throttle_counters_subject_idx ON throttle_counters (subject_hash) WHERE subject_hash IS NOT NULL;

ALTER TABLE accounts DROP COLUMN failed_attempts, DROP COLUMN locked_until;
ALTER TABLE exam_access_codes DROP COLUMN failed_count, DROP COLUMN locked_until;
