-- Yanxun schema 0012 (shortlist): the provider's selection from a competitive shortlist (差额遴选, R-004-59
-- "培训对象采取1:1.2差额方式由承训高校遴选确定"). The approved provider of a programme scores its candidates and
-- marks each selected or not selected (with a reason), then submits; the programme's owner confirms or returns
-- it when the pack says so (`shortlistSelection.ownerConfirms`). Confirmation turns the marks into nomination
-- outcomes and takes the seats. PostgreSQL 15 SQL.

-- One selection per programme (small: lives next to programmes). `round` counts submissions; the last return
-- comment stays until the next decision. Every write to a programme's marks first updates this row, so the
-- marks of one programme are serialised here (the per-node and total limits are counted under this lock).
CREATE TABLE shortlist_selections (
  programme_id bigint PRIMARY KEY REFERENCES programmes (id),
  provider_org_id bigint NOT NULL REFERENCES orgs (id),
  provider_path text COLLATE "C" NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'returned', 'confirmed')),
  round integer NOT NULL DEFAULT 0 CHECK (round >= 0),
  -- the pack setting in force when the selection was submitted
  owner_confirms boolean,
  submitted_by bigint,
  submitted_at timestamptz,
  decided_by bigint,
  decided_at timestamptz,
  return_comment text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR submitted_at IS NOT NULL),
  CHECK (status NOT IN ('returned', 'confirmed') OR decided_at IS NOT NULL),
  CHECK (status <> 'returned' OR (return_comment IS NOT NULL AND return_comment <> ''))
);
CREATE INDEX shortlist_selections_provider_idx ON shortlist_selections (provider_path);

-- The provider's mark on one candidate, keyed by the nomination's region key (as nominations). A not-selected
-- mark always carries its reason (the teacher is told it).
CREATE TABLE shortlist_marks (
  county_id bigint NOT NULL,
  nomination_id bigint NOT NULL,
  programme_id bigint NOT NULL,
  quota_org_id bigint NOT NULL,
  score_tenths integer CHECK (score_tenths BETWEEN 0 AND 1000),
  decision text CHECK (decision IN ('selected', 'not_selected')),
  reason text,
  marked_by bigint,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_id, nomination_id),
  CHECK (decision IS DISTINCT FROM 'not_selected' OR (reason IS NOT NULL AND reason <> ''))
);
CREATE INDEX shortlist_marks_programme_idx ON shortlist_marks (programme_id, quota_org_id);
