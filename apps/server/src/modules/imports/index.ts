export { importRoutes } from './imports.routes';
export { createImportsService, type ImportsService } from './imports.service';
