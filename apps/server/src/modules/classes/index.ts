export {
  type ClassesRepository,
  createClassesRepository,
  removeEnrolmentsOfNomination,
} from './classes.repository';
export { classesRoutes } from './classes.routes';
export { type ClassesService, createClassesService } from './classes.service';
