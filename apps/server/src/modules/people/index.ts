/**
 * The people module: teachers (list, detail, audited identifiers, transfers) and the national code tables.
 * `createPeopleService` and `createCodesService` are what the routes call; `createPeopleQueries` is what
 * services.ts wires into other modules' ports.
 */
import type { CodeTables, TeacherListQuery, TransferRequest } from '@yanxun/contracts';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import type { AuditService } from '../audit';
import { codeTablesForApi, syncCodeEntries } from './codes/codes';
import type { PeopleContext } from './context';
import type { PeopleRepository } from './people.repository';
import type { PeopleOrgs } from './ports';
import { rosterRelation } from './teachers/roster';
import { detail, revealIdNumber, revealPhone } from './teachers/teacher-detail';
import { list } from './teachers/teacher-list';
import { transfer } from './teachers/transfer';

export {
  createPeopleRepository,
  type PeopleRepository,
  type TeacherRecord,
  type TeacherWrite,
} from './people.repository';
export type { PeopleOrgs } from './ports';
export type { RosterRow } from './teachers/roster';
export { identifierView, mayReveal } from './teachers/teacher-identifiers';

export function createPeopleService(deps: {
  db: Database;
  repo: PeopleRepository;
  orgs: PeopleOrgs;
  audit: AuditService;
  clock?: () => Date;
}) {
  const ctx: PeopleContext = {
    db: deps.db,
    repo: deps.repo,
    orgs: deps.orgs,
    audit: deps.audit,
    now: deps.clock ?? (() => new Date()),
  };
  return {
    list: (actor: Actor, query: TeacherListQuery) => list(ctx, actor, query),
    detail: (actor: Actor, id: string) => detail(ctx, actor, id),
    revealIdNumber: (actor: Actor, id: string) => revealIdNumber(ctx, actor, id),
    revealPhone: (actor: Actor, id: string) => revealPhone(ctx, actor, id),
    transfer: (actor: Actor, id: string, req: TransferRequest) => transfer(ctx, actor, id, req),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

/** The national code tables (学段, 学科, 职称 …): read by the web app, mirrored into code_entries for SQL reports. */
export function createCodesService(deps: { repo: Pick<PeopleRepository, 'upsertCodeEntries'> }) {
  const tables = codeTablesForApi();
  return {
    /** Every table under the API's names; any signed-in account may read them. */
    all(_actor: Actor): CodeTables {
      return tables;
    },
    syncToDatabase: () => syncCodeEntries(deps.repo),
  };
}

export type CodesService = ReturnType<typeof createCodesService>;

/**
 * The teacher rows other modules read and the teacher writes of an import, offered for their ports (wired in
 * services.ts); no actor checks here: the needing module checks its actor's scope.
 */
export function createPeopleQueries(repo: PeopleRepository) {
  return {
    findByIdNumbers: repo.findByIdNumbers,
    exportBatch: repo.exportBatch,
    insertTeachers: repo.insertTeachers,
    updateTeachers: repo.updateTeachers,
    moveTeachers: repo.moveTeachers,
    /** The posts a teacher holds (岗位职务 codes: 'researcher' is 教研员), none for an unknown id. */
    rolesOf: async (teacherId: string): Promise<string[]> =>
      (await repo.findById(teacherId))?.roles_held ?? [],
    /** Teachers' names by id, for lists other modules label (no scope check: the caller has one). */
    namesOf: async (ids: string[]) => (await repo.placesOf(ids)).map((t) => ({ id: t.id, name: t.name })),
    /** Teachers' names and current schools by id (the communities module's roster reads them). */
    placesOf: async (ids: string[]) =>
      (await repo.placesOf(ids)).map((t) => ({
        id: t.id,
        name: t.name,
        countyId: t.county_id,
        schoolId: t.school_id,
        orgPath: t.org_path,
      })),
    /** Teachers with a 骨干 level on record under a node, still on the staff (the evaluation's R3-B01 item). */
    backboneCount: (path: string) => repo.backboneCount(path),
    /** Teachers who owe continuing education under these subtrees, as a relation for a report's SQL. */
    rosterRelation,
    /**
     * A teacher's card: the county (the table key), the school and its path, the ID number's last four (what a
     * 学时证明 prints besides the detail, and where a 学时申报 is filed).
     */
    cardOf: async (teacherId: string) => {
      const t = await repo.findById(teacherId);
      return (
        t && {
          countyId: t.county_id,
          schoolId: t.school_id,
          orgPath: t.org_path,
          idTail: t.id_number.slice(-4),
        }
      );
    },
    /**
     * What the trainer pool's eligibility reads (R3-P03 … R3-P05): birth date and 职称 code, with the teacher's
     * school (name, path) and county; unknown ids left out; one query.
     */
    trainerFactsOf: async (teacherIds: string[]) => {
      const rows = await repo.findByIds([...new Set(teacherIds)]);
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        birthDate: t.birth_date,
        title: t.title,
        schoolId: t.school_id,
        schoolName: t.school_name,
        orgPath: t.org_path,
        countyId: t.county_id,
      }));
    },
  };
}

export type PeopleQueries = ReturnType<typeof createPeopleQueries>;
