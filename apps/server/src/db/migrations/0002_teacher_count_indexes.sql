-- Subtree counts (org tree badges, list totals) as index-only scans of a small deduplicated index; pinyin-initials search as an index range (docs/PERFORMANCE.md).
CREATE INDEX teachers_active_path_idx ON teachers (org_path) WHERE status <> 'left';
CREATE INDEX teachers_initials_idx ON teachers (name_initials text_pattern_ops);
