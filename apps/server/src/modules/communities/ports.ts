/**
 * What the communities module needs from other modules, declared here and wired in services.ts: teachers' current
 * schools (the people module), org rows (the org module), the ledger's postings (the hours module) and the rules in
 * force for a unit (the programs module's packs). Each is narrow; none takes an actor: this module checks its own.
 */

import type { FileMeta } from '@yanxun/contracts';
import type { CommunityRules } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { FileRow, StoredKind, Upload } from '../files';
import type { CreditInput } from '../hours';

/** A teacher as this module reads them: the name and where they teach today. */
export interface TeacherPlace {
  id: string;
  name: string;
  /** the region key of the teacher's rows (the ledger posts under it) */
  countyId: string;
  schoolId: string;
  orgPath: string;
}

export interface PeoplePort {
  /** Teachers by id (unknown ids left out), with their current school. */
  placesOf(teacherIds: string[]): Promise<TeacherPlace[]>;
}

/** An org node as this module reads it. */
export interface CommunityOrg {
  id: string;
  name: string;
  kind: string;
  path: string;
  county_id: string | null;
  city_id: string | null;
  province_id: string | null;
}

export interface OrgsPort {
  findById(id: string): Promise<CommunityOrg | undefined>;
  findByIds(ids: string[]): Promise<CommunityOrg[]>;
  /** The 中心校 of those schools that are in one's area (Y-COMM-CENTRAL-AREA); others are left out. */
  centralSchoolsOf(schoolIds: string[]): Promise<Map<string, string>>;
}

/** The ledger: post credits once per credit key, inside this module's transaction. */
export interface HoursPort {
  postCredits(rows: CreditInput[], trx: Database): Promise<number>;
}

/** The community rules (the pack's `communities` section) and the school year's first day for a unit. */
export interface RulesPort {
  communityRules(orgPath: string, on: string): Promise<CommunityRules>;
  /** The same for many units at once (a review's host units), by path. */
  communityRulesAt(orgPaths: string[], on: string): Promise<ReadonlyMap<string, CommunityRules>>;
  /** 'MM-DD' */
  schoolYearStart(orgPath: string, on: string): Promise<string>;
}

/** The files module: an activity's photos and files stored (kinds by content, size bounded) and read back. */
export interface FilesPort {
  maxBytes: number;
  storeAnyOf(
    actor: Actor,
    owner: { id: string; path: string },
    purpose: string,
    allowed: StoredKind[],
    upload: Upload,
    options: { trx?: Database; ruleId?: string },
  ): Promise<FileMeta>;
  metaOf(ids: string[]): Promise<Map<string, FileMeta>>;
  meta(id: string): Promise<FileRow | undefined>;
  content(id: string): Promise<Buffer | undefined>;
}
