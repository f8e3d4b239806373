/** 帮扶结对's public face: its service, routes and repository factory for services.ts, and the ports it needs. */
export type { PairingsDeps } from './context';
export { createPairingsRepository, type PairingsRepository } from './pairings.repository';
export { pairingsRoutes } from './pairings.routes';
export { createPairingsService, type PairingsService } from './pairings.service';
export type { CommunitiesPort, OrgsPort, PairingCommunity, PairingOrg, RulesPort } from './ports';
