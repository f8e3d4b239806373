/**
 * The org module: the tree of administrative units, offices and schools. `createOrgService` is what the routes
 * and the other modules' ports call; `createOrgQueries` is what services.ts wires into other modules' ports.
 */

import type { SchoolListQuery } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import type { OrgContext } from './context';
import type { OrgRepository } from './org.repository';
import { ancestorIds, loadVisible } from './org-access';
import { listSchools, school } from './schools/schools';
import { children, detail, roots } from './tree/tree';

export {
  createOrgRepository,
  type OrgCounts,
  type OrgRepository,
  type OrgRow,
  regionKeyOf,
  type SchoolWrite,
} from './org.repository';
export { ancestorIds, toOrgNode } from './org-access';

export function createOrgService(deps: { repo: OrgRepository }) {
  const ctx: OrgContext = { repo: deps.repo };
  return {
    loadVisible: (actor: Actor, id: string) => loadVisible(ctx, actor, id),
    roots: (actor: Actor) => roots(ctx, actor),
    detail: (actor: Actor, id: string) => detail(ctx, actor, id),
    children: (actor: Actor, id: string) => children(ctx, actor, id),
    listSchools: (actor: Actor, query: SchoolListQuery) => listSchools(ctx, actor, query),
    school: (actor: Actor, id: string) => school(ctx, actor, id),
  };
}

export type OrgService = ReturnType<typeof createOrgService>;

/**
 * The org rows other modules read and the school writes of an import, offered for their ports (wired in
 * services.ts); no actor checks here: the needing module checks its actor's scope.
 */
export function createOrgQueries(repo: OrgRepository) {
  return {
    /** The nodes on a path, root first. */
    ancestorsOf: (path: string) => repo.findByIds(ancestorIds(path)),
    findByIds: repo.findByIds,
    findByIdsIn: repo.findByIdsIn,
    findByCodes: repo.findByCodes,
    townshipsOf: repo.townshipsOf,
    schoolsForExport: repo.schoolsForExport,
    insertSchools: repo.insertSchools,
    updateSchools: repo.updateSchools,
  };
}

export type OrgQueries = ReturnType<typeof createOrgQueries>;
