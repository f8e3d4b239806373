/** 五育 comprehensive evaluation's public face: its service, routes and repository factory, and the ports it needs. */
export type { FiveEduDeps } from './context';
export { createFiveEduRepository, type FiveEduRepository } from './five-education.repository';
export { fiveEduRoutes } from './five-education.routes';
export { createFiveEduService, type FiveEduService } from './five-education.service';
export type { FiveEduOrg, OrgsPort, SheetsPort, StaffMember, StaffPort } from './ports';
