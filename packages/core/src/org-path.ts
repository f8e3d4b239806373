/**
 * Materialized paths for the org tree: the ids from the root down to a node, each followed by '/', with a
 * leading '/': the root 1 is '/1/', its child 5 is '/1/5/', a school below is '/1/5/23/'. A subtree query
 * is a prefix match (`path LIKE '/1/5/%'`).
 */

const ORG_PATH = /^\/(?:[A-Za-z0-9_-]+\/)+$/;
const ORG_ID = /^[A-Za-z0-9_-]+$/;

export function isValidOrgPath(path: string): boolean {
  return ORG_PATH.test(path);
}

function requirePath(path: string): string {
  if (!isValidOrgPath(path)) throw new RangeError(`not an org path: "${path}"`);
  return path;
}

/** The ids on the path, root first, including the node itself. */
export function idsOf(path: string): string[] {
  return requirePath(path).slice(1, -1).split('/');
}

/** The path of child `id` under `parentPath`. */
export function childPath(parentPath: string, id: string | number): string {
  const childId = String(id);
  if (!ORG_ID.test(childId)) throw new RangeError(`not an org id: "${childId}"`);
  return `${requirePath(parentPath)}${childId}/`;
}

/** Whether the node at `path` is `rootPath` itself or lies below it. */
export function isInSubtree(path: string, rootPath: string): boolean {
  return requirePath(path).startsWith(requirePath(rootPath));
}

/** The ids of the node's ancestors, root first, excluding the node itself. */
export function ancestorIdsOf(path: string): string[] {
  return idsOf(path).slice(0, -1);
}

/** The node's own id (the last one on the path). */
export function idOfPath(path: string): string {
  return idsOf(path).at(-1) ?? '';
}

/** The parent's path, or undefined for a root. */
export function parentPathOf(path: string): string | undefined {
  const ids = idsOf(path);
  return ids.length > 1 ? `/${ids.slice(0, -1).join('/')}/` : undefined;
}

/** Depth of the node: a root ('/1/') is at depth 0, its children at depth 1. */
export function depthOf(path: string): number {
  return idsOf(path).length - 1;
}
