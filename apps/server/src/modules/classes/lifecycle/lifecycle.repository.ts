import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { ClassesTable, OrgsTable, ProgrammesTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** A class with its programme's title and pack, its provider's name and how many teachers are enrolled. */
export type ClassRow = Pick<
  Selectable<ClassesTable>,
  | 'id'
  | 'programme_id'
  | 'name'
  | 'period_no'
  | 'start_date'
  | 'end_date'
  | 'venue'
  | 'provider_org_id'
  | 'provider_path'
  | 'owner_path'
  | 'dates_reported_on'
> & {
  programme_title: Selectable<ProgrammesTable>['title'];
  pack_id: Selectable<ProgrammesTable>['pack_id'];
  provider_name: Selectable<OrgsTable>['name'];
  enrolled: number;
};

export interface ClassWrite {
  programmeId: string;
  name: string;
  periodNo: number;
  startDate: string;
  endDate: string;
  venue: string;
  providerOrgId: string;
  providerPath: string;
  ownerPath: string;
  datesReportedOn: string;
  createdBy: string | null;
}

function classQuery(db: Database) {
  return db
    .selectFrom('classes as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('orgs as o', 'o.id', 'c.provider_org_id')
    .select((eb) => [
      'c.id',
      'c.programme_id',
      'p.title as programme_title',
      'p.pack_id',
      'c.name',
      'c.period_no',
      'c.start_date',
      'c.end_date',
      'c.venue',
      'c.provider_org_id',
      'o.name as provider_name',
      'c.provider_path',
      'c.owner_path',
      'c.dates_reported_on',
      eb
        .selectFrom('class_enrolments as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .as('enrolled'),
    ]);
}

/** '/1/5/23/' → ['/1/', '/1/5/'] (the ancestors' paths). */
function prefixesOf(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, i) => `/${parts.slice(0, i + 1).join('/')}/`);
}

/** Classes, the providers they can be given to, and opening or changing a class. */
export function createLifecycleRepository(db: Database) {
  return {
    /** Every training provider (orgs of kind 'provider'): the choice when opening a class. */
    providers() {
      return db
        .selectFrom('orgs')
        .select(['id', 'name'])
        .where('kind', '=', 'provider')
        .orderBy('name')
        .execute();
    },

    findOrg(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'path', 'name', 'kind'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async findClass(id: string, trx: Database = db): Promise<ClassRow | undefined> {
      const r = await classQuery(trx).where('c.id', '=', id).executeTakeFirst();
      return r ? { ...r, enrolled: Number(r.enrolled ?? 0) } : undefined;
    },

    /**
     * Classes whose programme owner lies in the roots or above one of them, or whose provider lies in the
     * provider roots.
     */
    async listClasses(f: {
      ownerRoots: string[];
      providerRoots: string[];
      programmeId?: string | undefined;
      limit: number;
    }): Promise<ClassRow[]> {
      const ancestors = [...new Set(f.ownerRoots.flatMap(prefixesOf))];
      let q = classQuery(db).where((eb) =>
        eb.or([
          inSubtrees(eb, 'c.owner_path', f.ownerRoots),
          ancestors.length ? eb('c.owner_path', 'in', ancestors) : eb.val(false),
          inSubtrees(eb, 'c.provider_path', f.providerRoots),
        ]),
      );
      if (f.programmeId) q = q.where('c.programme_id', '=', f.programmeId);
      const rows = await q.orderBy('c.start_date', 'desc').orderBy('c.id', 'desc').limit(f.limit).execute();
      return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0) }));
    },

    /** The classes of these programmes (one statement). */
    async classesOfProgrammes(programmeIds: string[]): Promise<ClassRow[]> {
      if (programmeIds.length === 0) return [];
      const rows = await classQuery(db).where('c.programme_id', 'in', programmeIds).orderBy('c.id').execute();
      return rows.map((r) => ({ ...r, enrolled: Number(r.enrolled ?? 0) }));
    },

    async insertClass(w: ClassWrite, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('classes')
        .values({
          programme_id: w.programmeId,
          name: w.name,
          period_no: w.periodNo,
          start_date: w.startDate,
          end_date: w.endDate,
          venue: w.venue,
          provider_org_id: w.providerOrgId,
          provider_path: w.providerPath,
          owner_path: w.ownerPath,
          dates_reported_on: w.datesReportedOn,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateClass(
      id: string,
      w: { name: string; startDate: string; endDate: string; venue: string },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('classes')
        .set({
          name: w.name,
          start_date: w.startDate,
          end_date: w.endDate,
          venue: w.venue,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },
  };
}
