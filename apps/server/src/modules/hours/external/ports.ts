/**
 * What records of other platforms need from the people module (wired in services.ts): teachers by ID number,
 * read in the caller's transaction. Whether the importer may see a teacher is decided here by the teacher's unit
 * (`org_path`) against the importer's hours.import scope.
 */
import type { Database } from '../../../db/database';
import type { OrgNamesPort } from '../ports';

export interface ExternalTeacher {
  id: string;
  county_id: string;
  org_path: string;
  name: string;
}

export interface TeacherIdNumbers {
  findByIdNumbers(idNumbers: string[], trx?: Database): Promise<Map<string, ExternalTeacher>>;
}

/** An org node's materialised path (the subtree a platform may post for), or undefined for an unknown id. */
export interface OrgPaths {
  pathOf(orgId: string): Promise<string | undefined>;
  /** Units' names by id (unknown ids left out), to label the platforms listed. */
  namesOf: OrgNamesPort;
}
