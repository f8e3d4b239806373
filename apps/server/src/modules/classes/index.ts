export { type ClassesRepository, createClassesRepository } from './classes.repository';
export { classesRoutes } from './classes.routes';
export { type ClassesService, createClassesService } from './classes.service';
