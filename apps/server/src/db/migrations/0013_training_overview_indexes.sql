-- Yanxun schema 0013: indexes for the cross-programme overview (培训总览). The overview sums, for every
-- programme of a year, the enrolments, completion results and posted hours under the officer's org subtree in
-- one statement; these let each of those sums be an index range scan on (programme, org path) instead of a
-- scan of the whole table. No new tables; db/types.ts is unchanged.
CREATE INDEX class_enrolments_programme_path_idx ON class_enrolments (programme_id, org_path);
CREATE INDEX completion_results_programme_path_idx ON completion_results (programme_id, org_path);
CREATE INDEX teacher_hours_programme_path_idx ON teacher_hours (programme_id, org_path)
  WHERE reversed_at IS NULL;
