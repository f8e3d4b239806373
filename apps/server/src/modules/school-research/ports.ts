/** What 校本研修 needs from other modules, as narrow interfaces wired in services.ts. */
import type { CommunityRules } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { CreditInput } from '../hours';

/** An org node as the org module answers it (schools and counties). */
export interface OrgNode {
  id: string;
  path: string;
  kind: string;
  name: string;
  county_id: string | null;
}

/** The org module: schools and counties by id, and the number of schools under a node. */
export interface OrgsPort {
  findById(id: string): Promise<OrgNode | undefined>;
  findByIds(ids: string[]): Promise<OrgNode[]>;
  /** How many schools are under a path (R3-B09's county share). */
  schoolCount(path: string): Promise<number>;
}

/** The people module: a teacher's school and region key, names for lists. */
export interface TeachersPort {
  cardOf(teacherId: string): Promise<{ countyId: string; schoolId: string; orgPath: string } | undefined>;
  namesOf(ids: string[]): Promise<Array<{ id: string; name: string }>>;
  /** Teachers' current schools by id, in one read (unknown ids left out). */
  placesOf(ids: string[]): Promise<Array<{ id: string; schoolId: string }>>;
}

/** The hours module's postings: credits once per key, reversals with a reason, in the caller's transaction. */
export interface HoursPort {
  postCredits(rows: CreditInput[], trx: Database): Promise<number>;
  reverseCredits(
    creditKey: string,
    teacherIds: string[],
    w: { by: string | null; reason: string },
    trx: Database,
  ): Promise<number>;
}

/** The rules in force for a unit on a day: the school-year start and 24 学时 of the 学时 rules, the pack's communities section. */
export interface RulesPort {
  rulesIn(
    orgPath: string,
    on: string,
  ): Promise<{ schoolYearStart: string; yearMinTenths: number; community: CommunityRules }>;
  /** The communities section in force for many units at once (a list's schools), by path. */
  communityRulesAt(orgPaths: string[], on: string): Promise<ReadonlyMap<string, CommunityRules>>;
}
