export { createShortlistsRepository, type ShortlistsRepository } from './shortlists.repository';
export { shortlistsRoutes } from './shortlists.routes';
export { createShortlistsService, type ShortlistsService } from './shortlists.service';
