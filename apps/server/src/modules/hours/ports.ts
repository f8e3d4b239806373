/**
 * What the hours module needs from other modules, declared here and wired in services.ts: the people module's
 * decision whether the actor may read a teacher (it throws not-found otherwise, so an out-of-scope teacher's hours
 * read exactly like an unknown one's).
 */
import type { HourRules } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';

export interface TeachersPort {
  /** The teacher, if the actor may read them; throws not-found otherwise. */
  detail(
    actor: Actor,
    teacherId: string,
  ): Promise<{
    id: string;
    name: string;
    schoolName: string;
    countyName: string | null;
    rolesHeld: string[];
  }>;
  /**
   * The teacher's county (the table key), school and its path, and ID number's last four: what a 学时证明 prints
   * besides the detail, and where a 学时申报 is filed. Undefined for an unknown id.
   */
  cardOf(
    teacherId: string,
  ): Promise<{ countyId: string; schoolId: string; orgPath: string; idTail: string } | undefined>;
  /** The posts a teacher holds (岗位职务 codes), for the rules of a teacher group (教研员: R-002-19), where no
   * detail was read. */
  rolesOf(teacherId: string): Promise<string[]>;
  /** Teachers' names by id (unknown ids left out), to label a list the actor may already read. */
  namesOf(ids: string[]): Promise<Array<{ id: string; name: string }>>;
}

/**
 * The 学时 rules in force for a unit on a day (YYYY-MM-DD): the programs module's pack of the nearest region
 * (Y-HOURS-PACK-IN-FORCE); the school-year start and per-day caps are the same for every unit.
 */
export type HourRulesPort = (orgPath: string, on: string, trx?: Database) => Promise<HourRules>;

/** Units' names by id (unknown ids left out), to label a list the actor may already read. */
export type OrgNamesPort = (ids: string[]) => Promise<Array<{ id: string; name: string }>>;

/**
 * Certificates of honour (荣誉证书, the evaluation module's annual selections) found by code, so the one public
 * verification page answers for them too. The facts as printed; this module masks and words them.
 */
export interface HonoursPort {
  byCode(code: string): Promise<
    | {
        code: string;
        holder: string;
        holderIsPerson: boolean;
        title: string;
        certificateNo: string;
        issuer: string;
        issuedOn: string;
        /** the day the awarding unit revoked it, or null while it stands */
        revokedOn: string | null;
      }
    | undefined
  >;
}
