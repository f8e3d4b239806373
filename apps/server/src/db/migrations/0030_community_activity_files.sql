-- Photos and files of a studio's or workshop's activity (issue 13: "attendance, records, photos and files"). The
-- files module holds the bytes; this links them to the activity, under the activity's region key.
CREATE TABLE community_activity_files (
  county_id bigint NOT NULL,
  activity_id bigint NOT NULL,
  file_id bigint NOT NULL,
  added_by bigint,
  added_at timestamptz NOT NULL,
  PRIMARY KEY (county_id, activity_id, file_id)
);
CREATE INDEX community_activity_files_file_idx ON community_activity_files (file_id);
