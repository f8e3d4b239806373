-- A studio's 优秀工作室 title (R3-G18) is recorded by year beside a workshop's 优秀工作坊 (R3-W15): the communities
-- module gives each kind its title. The CHECK 0028 declared inline has PostgreSQL's default name; it is dropped if
-- present and re-added under that same name, so a database where it was named by hand ends in the same state.
ALTER TABLE community_titles DROP CONSTRAINT IF EXISTS community_titles_title_check;
ALTER TABLE community_titles ADD CONSTRAINT community_titles_title_check
  CHECK (title IN ('excellent_workshop', 'excellent_studio'));

-- A certificate of honour revoked by its awarding unit (an award made in error) stays on record: who revoked it,
-- when and why. The public page then says it was revoked and when, never why.
ALTER TABLE evaluation_honours ADD COLUMN revoked_at timestamptz;
ALTER TABLE evaluation_honours ADD COLUMN revoked_by bigint;
ALTER TABLE evaluation_honours ADD COLUMN revoke_reason text;
ALTER TABLE evaluation_honours ADD CONSTRAINT evaluation_honours_revoke_reason_check
  CHECK (revoke_reason IS NULL OR length(revoke_reason) BETWEEN 2 AND 500);
ALTER TABLE evaluation_honours ADD CONSTRAINT evaluation_honours_revoked_check
  CHECK ((revoked_at IS NULL) = (revoke_reason IS NULL));
