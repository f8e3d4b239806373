-- Import jobs keep only the first MAX_ERRORS_KEPT row errors; error_count is how many there were in all.
-- A validated dry run may be committed until expires_at.
ALTER TABLE import_jobs ADD COLUMN error_count integer NOT NULL DEFAULT 0;
ALTER TABLE import_jobs ADD COLUMN expires_at timestamptz;
