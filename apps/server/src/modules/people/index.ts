export { type CodesService, createCodesService } from './codes.service';
export {
  createPeopleRepository,
  type PeopleRepository,
  type TeacherRecord,
  type TeacherWrite,
} from './people.repository';
export { peopleRoutes } from './people.routes';
export { createPeopleService, type PeopleService } from './people.service';
export { identifierView, mayReveal } from './teacher-identifiers';
