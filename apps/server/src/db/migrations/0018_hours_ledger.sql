-- The 学时 ledger: one append-only account of every credit a teacher earns, from any source. A correction is a
-- reversal entry (the negative of one posting, with a reason); nothing is updated or deleted, and the database
-- refuses it. `credit_key` names what is credited ('completion:<programme id>', 'claim:<id>',
-- 'import:<system>:<record>', 'xapi:<statement id>'); a credit is posted once per revision, so two completion runs
-- at once post it once, and a changed record of another platform can be a reversal plus revision + 1.
CREATE SEQUENCE hour_entries_id_seq;
CREATE TABLE hour_entries (
  county_id bigint NOT NULL,
  id bigint NOT NULL DEFAULT nextval('hour_entries_id_seq'),
  teacher_id bigint NOT NULL,
  -- the teacher's unit when posted (a transfer later does not move the entry)
  org_path text COLLATE "C" NOT NULL,
  -- tenths of a 学时; a reversal is negative
  amount_tenths integer NOT NULL CHECK (amount_tenths <> 0 AND amount_tenths BETWEEN -100000 AND 100000),
  -- days attended, where a per-day cap applies (工作坊 6 学时 a day, a centralised day 8)
  days integer CHECK (days IS NULL OR days BETWEEN 1 AND 366),
  category text NOT NULL CHECK (category IN ('centralized', 'online', 'practice', 'school_based', 'workshop',
    'studio', 'research', 'self_study', 'other')),
  occurred_on date NOT NULL,
  school_year text NOT NULL CHECK (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
  source text NOT NULL CHECK (source IN ('completion', 'claim', 'import', 'xapi', 'activity', 'adjustment')),
  credit_key text NOT NULL CHECK (length(credit_key) BETWEEN 1 AND 200),
  revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
  rule_id text NOT NULL,
  programme_id bigint,
  class_id bigint,
  provenance_system text,
  provenance_record text,
  reverses_id bigint,
  reason text,
  posted_by bigint,
  posted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_id, id),
  CHECK (reverses_id IS NULL OR (reason IS NOT NULL AND length(reason) >= 2))
);
ALTER SEQUENCE hour_entries_id_seq OWNED BY hour_entries.id;
-- a credit once per revision; a posting reversed once
CREATE UNIQUE INDEX hour_entries_credit_key ON hour_entries (county_id, teacher_id, credit_key, revision)
  WHERE reverses_id IS NULL;
CREATE UNIQUE INDEX hour_entries_reversal_key ON hour_entries (county_id, reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX hour_entries_teacher_idx ON hour_entries (teacher_id, occurred_on);
CREATE INDEX hour_entries_programme_path_idx ON hour_entries (programme_id, org_path) WHERE programme_id IS NOT NULL;
CREATE INDEX hour_entries_id_idx ON hour_entries (id);

-- append-only, in the database: no UPDATE, DELETE or TRUNCATE
CREATE FUNCTION hour_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'hour_entries is append-only: % refused (post a reversal instead)', TG_OP
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER hour_entries_no_change BEFORE UPDATE OR DELETE ON hour_entries
  FOR EACH ROW EXECUTE FUNCTION hour_entries_append_only();
CREATE TRIGGER hour_entries_no_truncate BEFORE TRUNCATE ON hour_entries
  FOR EACH STATEMENT EXECUTE FUNCTION hour_entries_append_only();

-- a reversal cancels exactly one posting of the same teacher and credit: the negative of its amount
CREATE FUNCTION hour_entries_check_reversal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o hour_entries%ROWTYPE;
BEGIN
  IF NEW.reverses_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO o FROM hour_entries WHERE county_id = NEW.county_id AND id = NEW.reverses_id;
  IF NOT FOUND OR o.reverses_id IS NOT NULL OR o.teacher_id <> NEW.teacher_id
    OR NEW.amount_tenths <> -o.amount_tenths OR NEW.credit_key <> o.credit_key OR NEW.revision <> o.revision
    OR NEW.category <> o.category OR NEW.school_year <> o.school_year THEN
    RAISE EXCEPTION 'a reversal must cancel exactly one posting of the same teacher and credit'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER hour_entries_reversal BEFORE INSERT ON hour_entries
  FOR EACH ROW EXECUTE FUNCTION hour_entries_check_reversal();

-- the completion postings so far, each with its reversal when it was reversed; their ids are kept
INSERT INTO hour_entries (county_id, id, teacher_id, org_path, amount_tenths, category, occurred_on, school_year,
  source, credit_key, revision, rule_id, programme_id, class_id, posted_by, posted_at)
SELECT h.county_id, h.id, h.teacher_id, h.org_path, h.hours_tenths, 'centralized', d.day,
  CASE WHEN extract(month FROM d.day) >= 9
    THEN extract(year FROM d.day)::int || '-' || (extract(year FROM d.day)::int + 1)
    ELSE (extract(year FROM d.day)::int - 1) || '-' || extract(year FROM d.day)::int END,
  'completion', 'completion:' || h.programme_id, 0, h.rule_id, h.programme_id, h.class_id, h.posted_by, h.posted_at
FROM teacher_hours h
LEFT JOIN classes c ON c.id = h.class_id
CROSS JOIN LATERAL (SELECT coalesce(c.end_date, (h.posted_at AT TIME ZONE 'Asia/Shanghai')::date) AS day) d
WHERE h.hours_tenths > 0;
SELECT setval('hour_entries_id_seq', greatest((SELECT max(id) FROM hour_entries), 1));
INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, category, occurred_on, school_year, source,
  credit_key, revision, rule_id, programme_id, class_id, reverses_id, reason, posted_by, posted_at)
SELECT e.county_id, e.teacher_id, e.org_path, -e.amount_tenths, e.category, e.occurred_on, e.school_year, e.source,
  e.credit_key, e.revision, e.rule_id, e.programme_id, e.class_id, e.id,
  CASE WHEN length(coalesce(h.reverse_reason, '')) >= 2 THEN h.reverse_reason ELSE '撤销学时' END,
  h.reversed_by, h.reversed_at
FROM teacher_hours h JOIN hour_entries e ON e.county_id = h.county_id AND e.id = h.id
WHERE h.reversed_at IS NOT NULL;

DROP TABLE teacher_hours;
