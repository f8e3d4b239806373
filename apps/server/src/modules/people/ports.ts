import type { Actor } from '../../shared/actor';
import type { OrgRow } from '../org';

/** What the people module needs of the org tree: a node the actor may see, and the nodes above a teacher. */
export interface PeopleOrgs {
  /** The node, if the actor may read it (else "not found"). */
  loadVisible(actor: Actor, id: string): Promise<OrgRow>;
  /** The nodes on a path, root first. */
  ancestorsOf(path: string): Promise<OrgRow[]>;
}
