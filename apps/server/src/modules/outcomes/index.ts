export { createOutcomesRepository, type OutcomesRepository } from './outcomes.repository';
export { outcomesRoutes } from './outcomes.routes';
export { createOutcomesService, type OutcomesService } from './outcomes.service';
