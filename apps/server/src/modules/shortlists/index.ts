export type { ShortlistsDeps } from './context';
export type { Candidates, Programmes, Seats } from './ports';
export { createShortlistsRepository, type ShortlistsRepository } from './shortlists.repository';
export { shortlistsRoutes } from './shortlists.routes';
export { createShortlistsService, type ShortlistsService } from './shortlists.service';
