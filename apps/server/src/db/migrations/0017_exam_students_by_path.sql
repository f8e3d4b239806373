-- An exam set above a unit is listed to it when a school in its subtree sat it: the students of one exam under a
-- subtree's path range, found without reading the exam's other students.
CREATE INDEX exam_students_exam_path_idx ON exam_students (exam_id, school_path);
