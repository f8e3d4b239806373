/**
 * What the pairings module needs from other modules, declared here and wired in services.ts: schools (the org
 * module), studios and workshops (the communities module) and the communities rules in force for a unit (the
 * programs module's packs). None takes an actor: this module checks its own scope.
 */
import type { CommunityRules } from '@yanxun/core';

/** An org node as this module reads it. */
export interface PairingOrg {
  id: string;
  name: string;
  kind: string;
  path: string;
  county_id: string | null;
  city_id: string | null;
  province_id: string | null;
}

export interface OrgsPort {
  findById(id: string): Promise<PairingOrg | undefined>;
  findByIds(ids: string[]): Promise<PairingOrg[]>;
  /** A unit's direct children: the statistics walk a province or city down to its counties. */
  childrenOf(id: string): Promise<PairingOrg[]>;
}

/** A studio or workshop as this module reads it: what core's R3-G20 check needs, its region key and host path. */
export interface PairingCommunity {
  id: string;
  name: string;
  kind: string;
  level: string;
  hostOrgId: string;
  countyId: string;
  orgPath: string;
}

export interface CommunitiesPort {
  /** Communities by id (unknown ids left out). */
  refsOf(ids: string[]): Promise<PairingCommunity[]>;
}

export interface RulesPort {
  communityRules(orgPath: string, on: string): Promise<CommunityRules>;
  /** The same for many units at once (a list's lead units), by path. */
  communityRulesAt(orgPaths: string[], on: string): Promise<ReadonlyMap<string, CommunityRules>>;
}
