-- xAPI bookkeeping kept where it belongs: the reason a platform was revoked, and which statement a voiding
-- statement voided (Y-HOURS-XAPI-VOID), so a replayed void is recognised exactly.
ALTER TABLE xapi_platforms ADD COLUMN revoked_reason text CHECK (length(revoked_reason) <= 500);
UPDATE xapi_platforms p SET revoked_reason = (
  SELECT a.details->>'reason' FROM audit_log a
  WHERE a.entity = 'xapi_platforms' AND a.action = 'hours.platform.revoke' AND a.entity_id = p.id::text
  ORDER BY a.id DESC LIMIT 1
) WHERE p.revoked_at IS NOT NULL;

-- a voiding statement names the statement it voided (others: null)
ALTER TABLE xapi_statements ADD COLUMN voids_statement_id uuid;
