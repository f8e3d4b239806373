/**
 * What the imports module needs of the org and people modules, wired in services.ts from their
 * createOrgQueries / createOrgService / createPeopleQueries. `trx` is the commit's transaction: the reads that
 * hold rows and the writes happen in it, so the commit writes all or nothing.
 */
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { OrgRow, SchoolWrite } from '../org';
import type { TeacherRecord, TeacherWrite } from '../people';

/** Org nodes by code or by id; inside the commit read in its transaction, and held (FOR UPDATE) with `lock`. */
export interface OrgLookup {
  findByCodes(codes: string[], trx?: Database, options?: { lock?: boolean }): Promise<OrgRow[]>;
  findByIdsIn(ids: string[], trx: Database, options?: { lock?: boolean }): Promise<OrgRow[]>;
}

/** The places a school may go under: nodes by id, and the 乡镇/街道 of counties. */
export interface PlaceLookup {
  findByIds(ids: string[]): Promise<OrgRow[]>;
  townshipsOf(countyIds: string[]): Promise<OrgRow[]>;
}

/** Writing a schools import, in the commit's transaction. */
export interface SchoolWriter {
  insertSchools(rows: SchoolWrite[], trx: Database): Promise<void>;
  updateSchools(rows: Array<SchoolWrite & { id: string }>, trx: Database): Promise<void>;
}

/** A school row of an export, with the codes of its county and 乡镇/街道. */
export type SchoolExportRow = OrgRow & { county_code: string | null; township_code: string | null };

/** What an export covers: a node the actor may see, and the schools under some paths. */
export interface SchoolExport {
  loadVisible(actor: Actor, id: string): Promise<OrgRow>;
  schoolsForExport(roots: string[]): Promise<SchoolExportRow[]>;
}

export type ImportOrgs = OrgLookup & PlaceLookup & SchoolWriter & SchoolExport;

/** Teachers by ID number (the upsert key); inside the commit read in its transaction, held with `lock`. */
export interface TeacherLookup {
  findByIdNumbers(
    idNumbers: string[],
    trx?: Database,
    options?: { lock?: boolean },
  ): Promise<Map<string, TeacherRecord>>;
}

/** A teacher's move to another school, as a teachers import makes it. */
export interface TeacherMove {
  id: string;
  fromCountyId: string;
  toCountyId: string;
  schoolId: string;
  orgPath: string;
}

/** Writing a teachers import, in the commit's transaction. */
export interface TeacherWriter {
  insertTeachers(
    rows: TeacherWrite[],
    postingDate: string,
    actorId: string | null,
    trx: Database,
  ): Promise<void>;
  updateTeachers(rows: Array<TeacherWrite & { id: string }>, trx: Database): Promise<void>;
  moveTeachers(
    moves: TeacherMove[],
    date: string,
    reason: string | null,
    actorId: string | null,
    trx: Database,
  ): Promise<void>;
}

/** A teacher row of an export, with the school's code and the sort key of the next page. */
export type TeacherExportRow = TeacherRecord & { school_code: string | null; name_pinyin: string };

/** Teachers of some paths in export order, one page after `after`. */
export interface TeacherExport {
  exportBatch(
    roots: string[],
    after: { orgPath: string; pinyin: string; id: string } | null,
    limit: number,
  ): Promise<TeacherExportRow[]>;
}

export type ImportPeople = TeacherLookup & TeacherWriter & TeacherExport;
