import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrgsTable, ProgrammesTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** A programme with its owner's name and the seats its nominations use. */
export type ProgrammeRow = Pick<
  Selectable<ProgrammesTable>,
  | 'id'
  | 'pack_id'
  | 'project_type_code'
  | 'track_code'
  | 'level'
  | 'year'
  | 'owner_org_id'
  | 'owner_path'
  | 'title'
  | 'selection_deadline'
  | 'start_date'
  | 'end_date'
  | 'total_seats'
> & {
  owner_name: Selectable<OrgsTable>['name'];
  used_seats: number;
  candidates: number;
};

export interface ProgrammeWrite {
  packId: string;
  projectTypeCode: string;
  trackCode: string;
  level: string;
  year: number;
  ownerOrgId: string;
  ownerPath: string;
  title: string;
  selectionDeadline: string;
  startDate: string;
  endDate: string;
  totalSeats: number;
  createdBy: string | null;
}

/** Every ancestor-or-self path of a materialized path: '/1/5/23/' → ['/1/', '/1/5/', '/1/5/23/']. */
function prefixesOf(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** Programmes: their rows, and the list of those a scope reaches. */
export function createProgrammesRepository(db: Database) {
  const programmeQuery = (trx: Database) =>
    trx
      .selectFrom('programmes as p')
      .innerJoin('orgs as o', 'o.id', 'p.owner_org_id')
      .select([
        'p.id',
        'p.pack_id',
        'p.project_type_code',
        'p.track_code',
        'p.level',
        'p.year',
        'p.owner_org_id',
        'p.owner_path',
        'o.name as owner_name',
        'p.title',
        'p.selection_deadline',
        'p.start_date',
        'p.end_date',
        'p.total_seats',
      ])
      .select(
        sql<number>`(SELECT coalesce(sum(q.used), 0)::int FROM quota_allocations q WHERE q.programme_id = p.id)`.as(
          'used_seats',
        ),
      )
      .select(
        sql<number>`(SELECT count(*)::int FROM nominations n WHERE n.programme_id = p.id AND n.status = 'candidate')`.as(
          'candidates',
        ),
      );

  return {
    /** Programmes owned inside the roots, or by an ancestor of a root (a province's programme reaches its counties). */
    async listProgrammes(f: {
      roots: string[];
      year?: number | undefined;
      level?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: ProgrammeRow[]; total: number }> {
      const ancestors = [...new Set(f.roots.flatMap(prefixesOf))];
      let q = programmeQuery(db).where((eb) =>
        eb.or([
          inSubtrees(eb, 'p.owner_path', f.roots),
          ancestors.length ? eb('p.owner_path', 'in', ancestors) : eb.val(false),
        ]),
      );
      if (f.year !== undefined) q = q.where('p.year', '=', f.year);
      if (f.level !== undefined) q = q.where('p.level', '=', f.level);
      let c = db
        .selectFrom('programmes as p')
        .where((eb) =>
          eb.or([
            inSubtrees(eb, 'p.owner_path', f.roots),
            ancestors.length ? eb('p.owner_path', 'in', ancestors) : eb.val(false),
          ]),
        );
      if (f.year !== undefined) c = c.where('p.year', '=', f.year);
      if (f.level !== undefined) c = c.where('p.level', '=', f.level);
      const [rows, total] = await Promise.all([
        q.orderBy('p.year', 'desc').orderBy('p.id', 'desc').offset(f.offset).limit(f.limit).execute(),
        c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    findProgramme(id: string, trx: Database = db): Promise<ProgrammeRow | undefined> {
      return programmeQuery(trx).where('p.id', '=', id).executeTakeFirst();
    },

    async insertProgramme(w: ProgrammeWrite, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('programmes')
        .values({
          pack_id: w.packId,
          project_type_code: w.projectTypeCode,
          track_code: w.trackCode,
          level: w.level,
          year: w.year,
          owner_org_id: w.ownerOrgId,
          owner_path: w.ownerPath,
          title: w.title,
          selection_deadline: w.selectionDeadline,
          start_date: w.startDate,
          end_date: w.endDate,
          total_seats: w.totalSeats,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateProgramme(
      id: string,
      w: { title: string; selectionDeadline: string; startDate: string; endDate: string; totalSeats: number },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('programmes')
        .set({
          title: w.title,
          selection_deadline: w.selectionDeadline,
          start_date: w.startDate,
          end_date: w.endDate,
          total_seats: w.totalSeats,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },

    async countNominations(programmeId: string, trx: Database): Promise<number> {
      const r = await trx
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('programme_id', '=', programmeId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async deleteProgramme(id: string, trx: Database): Promise<void> {
      await trx.deleteFrom('quota_allocations').where('programme_id', '=', id).execute();
      await trx.deleteFrom('programmes').where('id', '=', id).execute();
    },
  };
}
