-- Verification codes of issued documents: a teacher's 学时证明 (each issue its own document) and a 结业证书
-- (one live code per certificate; a revoked certificate revokes its code, a restored one gets a new code).
-- The facts are frozen at issue: the public page shows what the paper said, whatever the ledger says later.
-- Citus: distributed by county_id like its peers; the public lookup by code alone reads every shard's
-- verification_codes_code_idx (a code is 95 random bits: unique in practice, and a lookup finds one row).
CREATE TABLE verification_codes (
  county_id bigint NOT NULL,
  code text COLLATE "C" NOT NULL CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{20}$'),
  kind text NOT NULL CHECK (kind IN ('transcript', 'certificate')),
  teacher_id bigint NOT NULL,
  -- the facts as printed
  teacher_name text NOT NULL,
  title text NOT NULL,
  hours_tenths integer NOT NULL CHECK (hours_tenths BETWEEN 0 AND 1000000),
  issuer_name text NOT NULL,
  issuer_org_id bigint,
  issued_on date NOT NULL,
  -- the certificate vouched for (kind = 'certificate')
  programme_id bigint,
  class_id bigint,
  certificate_no text,
  -- the rest of what the paper says (a transcript's school years and cycle)
  details jsonb NOT NULL DEFAULT '{}',
  issued_by bigint,
  issued_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by bigint,
  revoke_reason text,
  PRIMARY KEY (county_id, code),
  CHECK (kind <> 'certificate' OR (programme_id IS NOT NULL AND certificate_no IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL))
);
CREATE INDEX verification_codes_code_idx ON verification_codes (code);
CREATE INDEX verification_codes_teacher_idx ON verification_codes (teacher_id, issued_at);
-- one live code per certificate: two renders at once share it
CREATE UNIQUE INDEX verification_codes_live_certificate ON verification_codes (county_id, programme_id, teacher_id)
  WHERE kind = 'certificate' AND revoked_at IS NULL;
