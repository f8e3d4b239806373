import type { Actor } from './actor';
import { notFound } from './app-error';
import { type Permission, requirePermission } from './permissions';

/**
 * Out of scope reads exactly like not found. A record the actor may not see gets the same 404, code and
 * message as an id that does not exist, so another region's data is not even confirmed to exist. The order of
 * checks that makes this hold:
 *
 * 1. what the actor's roles cannot do anywhere: 403, before anything is looked up (the same for every id);
 * 2. the look-up, and what the actor may not see: 404 through `visibleOr404` (the same as a missing id);
 * 3. only then what the actor sees but may not do here: 403 with a reason.
 *
 * Nothing that depends on a record's content (its status, its results, a conflict) may be told before step 2.
 */
export function visibleOr404<T>(row: T | undefined, visible: (row: T) => boolean, what: string): T {
  if (row === undefined || !visible(row)) throw notFound(what);
  return row;
}

/**
 * An org node the actor knows of: inside the subtree of one of its grants, or above one (its own chain of
 * ancestors, shown in every breadcrumb). Any other node, a sibling school or another county, is not known.
 */
export function orgKnown(actor: Actor, path: string): boolean {
  return actor.grants.some((g) => path.startsWith(g.orgPath) || g.orgPath.startsWith(path));
}

/**
 * An org node to act on with `permission`: 403 when the actor's roles carry it nowhere; 404 for a node that does
 * not exist or that the actor does not know of; 403 for a node it knows of but where it lacks the permission.
 */
export function orgForAction<T extends { path: string }>(
  actor: Actor,
  permission: Permission,
  org: T | undefined,
  what: string,
): T {
  requirePermission(actor, permission);
  const row = visibleOr404(org, (o) => orgKnown(actor, o.path), what);
  requirePermission(actor, permission, row.path);
  return row;
}
