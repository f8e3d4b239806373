-- 学时 compliance (issue 12 item 6): per teacher and school year, the sum of each category's standing postings
-- after the per-day cap (Σ min(amount, days × day cap); a reversal subtracts what its posting added). Year caps,
-- minimums and the cycle are applied when a report reads it, from the rules of that moment. Maintained in the same
-- statement as every posting and reversal (the hours module's repositories), so it is never staler than the last
-- posting; the day caps it was built with are in hour_totals_basis, and the server rebuilds it when they change.
CREATE TABLE hour_totals (
  -- the region key of the entries summed (the teacher's county when posted)
  county_id bigint NOT NULL,
  teacher_id bigint NOT NULL,
  school_year text NOT NULL,
  centralized integer NOT NULL DEFAULT 0,
  online integer NOT NULL DEFAULT 0,
  practice integer NOT NULL DEFAULT 0,
  school_based integer NOT NULL DEFAULT 0,
  workshop integer NOT NULL DEFAULT 0,
  studio integer NOT NULL DEFAULT 0,
  research integer NOT NULL DEFAULT 0,
  self_study integer NOT NULL DEFAULT 0,
  other integer NOT NULL DEFAULT 0,
  -- entries summed (postings and reversals)
  entries integer NOT NULL DEFAULT 0,
  PRIMARY KEY (county_id, teacher_id, school_year)
-- room on each page, so adding a posting to a row is a HOT update (no index entry written)
) WITH (fillfactor = 80);
CREATE INDEX hour_totals_teacher_idx ON hour_totals (teacher_id, school_year);

-- the day caps (tenths per day, by category) hour_totals was built with; built_at null: never built
CREATE TABLE hour_totals_basis (
  id smallint PRIMARY KEY CHECK (id = 1),
  day_caps jsonb NOT NULL,
  built_at timestamptz
);
INSERT INTO hour_totals_basis (id, day_caps, built_at) VALUES (1, '{}'::jsonb, NULL);

-- a posting credits a positive amount; only a reversal is negative
ALTER TABLE hour_entries ADD CONSTRAINT hour_entries_posting_positive
  CHECK (reverses_id IS NOT NULL OR amount_tenths > 0);

-- a reversal also carries its posting's days, so the per-day cap cancels exactly
CREATE OR REPLACE FUNCTION hour_entries_check_reversal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o hour_entries%ROWTYPE;
BEGIN
  IF NEW.reverses_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO o FROM hour_entries WHERE county_id = NEW.county_id AND id = NEW.reverses_id;
  IF NOT FOUND OR o.reverses_id IS NOT NULL OR o.teacher_id <> NEW.teacher_id
    OR NEW.amount_tenths <> -o.amount_tenths OR NEW.credit_key <> o.credit_key OR NEW.revision <> o.revision
    OR NEW.category <> o.category OR NEW.school_year <> o.school_year
    OR NEW.days IS DISTINCT FROM o.days THEN
    RAISE EXCEPTION 'a reversal must cancel exactly one posting of the same teacher and credit'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
