// ---- examaud: parents and the public (issue 4 item 4) ----
export { examReleaseRoutes } from './exams.release.routes';
export { createExamReleaseService, type ExamReleaseService } from './exams.release.service';
export { createExamsRepository, type ExamStudentWrite } from './exams.repository';
export { examsRoutes } from './exams.routes';
export { createExamsService, type ExamsService } from './exams.service';
// ---- end examaud ----
