/**
 * What the 五育 module needs from other modules, declared here and wired in five-education-wiring.ts: org nodes and
 * the schools of a subtree (the org module), the principals and teachers of a subtree (the people module's roster),
 * and the bounded sheet reader. None takes an actor: this module checks its own scope.
 */
import type { SheetRow } from '../../shared/sheets/xlsx';

/** An org node as this module reads it. */
export interface FiveEduOrg {
  id: string;
  name: string;
  kind: string;
  path: string;
  county_id: string | null;
}

export interface OrgsPort {
  findById(id: string): Promise<FiveEduOrg | undefined>;
  findByIds(ids: string[]): Promise<FiveEduOrg[]>;
  /** The schools (kind 'school') of a subtree, by path. */
  schoolsUnder(path: string): Promise<FiveEduOrg[]>;
}

/** A principal or teacher on the roster (the people module decides who is: not 离职 or 退休). */
export interface StaffMember {
  id: string;
  name: string;
  schoolId: string;
}

export interface StaffPort {
  staffUnder(path: string): Promise<StaffMember[]>;
  namesOf(ids: string[]): Promise<{ id: string; name: string }[]>;
}

/** The bounded sheet reader (the server: the upload worker pool). */
export interface SheetsPort {
  readRows: (buf: Uint8Array, fileName: string, onBatch: (rows: SheetRow[]) => void) => Promise<number>;
  checkFile?: ((buf: Uint8Array, fileName: string) => Promise<void>) | undefined;
}
