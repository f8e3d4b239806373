// ---- parents and the public ----
export { examReleaseRoutes } from './exams.release.routes';
export { createExamReleaseService, type ExamReleaseService } from './exams.release.service';
export { createExamsRepository, type ExamStudentWrite } from './exams.repository';
export { examsRoutes } from './exams.routes';
export { createExamsService, type ExamsService } from './exams.service';
