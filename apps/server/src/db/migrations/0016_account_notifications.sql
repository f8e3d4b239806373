-- Yanxun schema 0016: notifications addressed to an account (a provider's staff, an office's officers), besides
-- those addressed to a teacher (0006). A plan submitted tells the owning office; a plan or a shortlist returned or
-- approved tells the provider. Ids come from the teachers' notifications' sequence, so one id names one
-- notification wherever it is kept (the bell lists both and marks either read by id).
-- Small (a few rows per account and month); keyed by the account, which is not regional (stays on the coordinator
-- under Citus, like sessions).

CREATE TABLE account_notifications (
  account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  id bigint NOT NULL DEFAULT nextval('notifications_id_seq'),
  kind text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  entity text,
  entity_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (account_id, id)
);
