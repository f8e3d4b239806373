/** The home module's public face: the landing page's service and route, and the ports it needs. */
export { homeRoutes } from './home.routes';
export { createHomeService, type HomeDeps, type HomeService } from './home.service';
export type {
  ClassesPort,
  OutcomesPort,
  OverviewPort,
  PlansPort,
  ShortlistsPort,
  WarningsPort,
} from './ports';
