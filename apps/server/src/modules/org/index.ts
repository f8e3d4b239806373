export {
  createOrgRepository,
  type OrgRepository,
  type OrgRow,
  regionKeyOf,
  type SchoolWrite,
} from './org.repository';
export { orgRoutes } from './org.routes';
export { ancestorIds, createOrgService, type OrgService, toOrgNode } from './org.service';
