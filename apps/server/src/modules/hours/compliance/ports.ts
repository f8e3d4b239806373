/**
 * What compliance needs from other modules, declared here and wired in services.ts: the people module's roster
 * as a relation to join in SQL, and org look-ups.
 */
import type { RawBuilder } from 'kysely';

/** A teacher who owes continuing education, as the roster relation gives them. */
export interface RosterRow {
  county_id: string;
  id: string;
  name: string;
  name_pinyin: string;
  school_id: string;
  org_path: string;
  roles_held: string[];
}

/** The teachers who owe continuing education under these subtrees (the people module decides who). */
export type RosterPort = (roots: string[]) => RawBuilder<RosterRow>;

/** A unit of the org tree as compliance reads it. */
export interface ComplianceOrg {
  id: string;
  name: string;
  kind: string;
  path: string;
}

export interface ComplianceOrgsPort {
  findById(id: string): Promise<ComplianceOrg | undefined>;
  findByIds(ids: string[]): Promise<ComplianceOrg[]>;
  /** The paths of the org tree's tops, oldest first. */
  topPaths(): Promise<string[]>;
}
