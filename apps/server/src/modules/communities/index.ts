/**
 * The communities module (studios 工作室 and workshops 工作坊): its service, routes and repository factory for
 * services.ts, and the ports it needs. Other modules read it through `studioRolesOf` (the growth archive).
 */
export { activityCreditKey } from './activities';
export { type CommunitiesRepository, createCommunitiesRepository } from './communities.repository';
export { communitiesRoutes } from './communities.routes';
export { type CommunitiesService, createCommunitiesService } from './communities.service';
export type { CommunitiesDeps } from './context';
export type { CommunityOrg, HoursPort, OrgsPort, PeoplePort, RulesPort, TeacherPlace } from './ports';
