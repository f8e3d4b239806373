export { createExamsRepository, type ExamStudentWrite } from './exams.repository';
export { examsRoutes } from './exams.routes';
export { createExamsService, type ExamsService } from './exams.service';
