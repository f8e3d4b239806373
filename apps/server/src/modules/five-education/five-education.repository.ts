/** `five_edu_*`: this module's tables only (frameworks, rounds, their schools, the sample, indicator values). */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type {
  FiveEduFrameworksTable,
  FiveEduRoundSchoolsTable,
  FiveEduRoundsTable,
  FiveEduSampleTable,
  FiveEduValuesTable,
} from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

export type FrameworkRow = Selectable<FiveEduFrameworksTable>;
export type RoundRow = Selectable<FiveEduRoundsTable>;
export type RoundSchoolRow = Selectable<FiveEduRoundSchoolsTable>;
export type SampleRow = Selectable<FiveEduSampleTable>;
export type ValueRow = Selectable<FiveEduValuesTable>;

/** Every ancestor path of a path, itself included: '/1/5/' → ['/1/', '/1/5/']. */
function pathsAbove(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

export function createFiveEduRepository(db: Database) {
  return {
    findFramework(id: string, trx: Database = db): Promise<FrameworkRow | undefined> {
      return trx.selectFrom('five_edu_frameworks').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Frameworks owned in the roots or above them (a county reads its city's). */
    listFrameworks(roots: string[]): Promise<FrameworkRow[]> {
      if (roots.length === 0) return Promise.resolve([]);
      const above = [...new Set(roots.flatMap(pathsAbove))];
      return db
        .selectFrom('five_edu_frameworks')
        .selectAll()
        .where((eb) => eb.or([inSubtrees(eb, 'org_path', roots), eb('org_path', 'in', above)]))
        .orderBy('year', 'desc')
        .orderBy('org_path')
        .orderBy('version', 'desc')
        .limit(500)
        .execute();
    },

    async nextVersion(countyId: string, year: number, trx: Database): Promise<number> {
      const r = await trx
        .selectFrom('five_edu_frameworks')
        .select((eb) => eb.fn.max<number | null>('version').as('v'))
        .where('county_id', '=', countyId)
        .where('year', '=', year)
        .executeTakeFirst();
      return (r?.v ?? 0) + 1;
    },

    async insertFramework(row: Insertable<FiveEduFrameworksTable>, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('five_edu_frameworks')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async updateFramework(
      countyId: string,
      id: string,
      set: { name?: string; body?: string; status?: string; updated_at: Date; published_at?: Date },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('five_edu_frameworks')
        .set(set)
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    findRound(id: string): Promise<RoundRow | undefined> {
      return db.selectFrom('five_edu_rounds').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Rounds over a subtree in the roots, or with a participating school in them (a school reads its own). */
    listRounds(roots: string[]): Promise<RoundRow[]> {
      if (roots.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('five_edu_rounds')
        .selectAll()
        .where((eb) =>
          eb.or([
            inSubtrees(eb, 'org_path', roots),
            eb(
              'id',
              'in',
              eb
                .selectFrom('five_edu_round_schools as s')
                .select('s.round_id')
                .where((e) => inSubtrees(e, 's.school_path', roots)),
            ),
          ]),
        )
        .orderBy('year', 'desc')
        .orderBy('id', 'desc')
        .limit(500)
        .execute();
    },

    async insertRound(
      row: Insertable<FiveEduRoundsTable>,
      schools: { school_id: string; school_path: string }[],
      trx: Database,
    ): Promise<string> {
      const r = await trx.insertInto('five_edu_rounds').values(row).returning('id').executeTakeFirstOrThrow();
      for (let i = 0; i < schools.length; i += 1000)
        await trx
          .insertInto('five_edu_round_schools')
          .values(
            schools
              .slice(i, i + 1000)
              .map((s) => ({ county_id: row.county_id, round_id: r.id, ...s, grades: '{}' })),
          )
          .execute();
      return r.id;
    },

    /** How many schools each round holds, in one statement. */
    async schoolCounts(roundIds: string[]): Promise<Map<string, number>> {
      if (roundIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('five_edu_round_schools')
        .select((eb) => ['round_id', eb.fn.countAll<string>().as('n')])
        .where('round_id', 'in', roundIds)
        .groupBy('round_id')
        .execute();
      return new Map(rows.map((r) => [r.round_id, Number(r.n)]));
    },

    findFrameworks(ids: string[]): Promise<FrameworkRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('five_edu_frameworks').selectAll().where('id', 'in', ids).execute();
    },

    schoolsOf(countyId: string, roundId: string): Promise<RoundSchoolRow[]> {
      return db
        .selectFrom('five_edu_round_schools')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('round_id', '=', roundId)
        .orderBy('school_path')
        .execute();
    },

    async setGrades(
      countyId: string,
      roundId: string,
      rows: { schoolId: string; grades: Record<string, number> }[],
      trx: Database,
    ): Promise<void> {
      for (const r of rows)
        await trx
          .updateTable('five_edu_round_schools')
          .set({ grades: JSON.stringify(r.grades) })
          .where('county_id', '=', countyId)
          .where('round_id', '=', roundId)
          .where('school_id', '=', r.schoolId)
          .execute();
    },

    async replaceSample(
      countyId: string,
      roundId: string,
      rows: Omit<Insertable<FiveEduSampleTable>, 'county_id' | 'round_id'>[],
      drawn: { seed: string; at: Date; by: string },
      trx: Database,
    ): Promise<void> {
      await trx
        .deleteFrom('five_edu_sample')
        .where('county_id', '=', countyId)
        .where('round_id', '=', roundId)
        .execute();
      for (let i = 0; i < rows.length; i += 2000)
        await trx
          .insertInto('five_edu_sample')
          .values(rows.slice(i, i + 2000).map((r) => ({ county_id: countyId, round_id: roundId, ...r })))
          .execute();
      await trx
        .updateTable('five_edu_rounds')
        .set({ seed: drawn.seed, drawn_at: drawn.at, drawn_by: drawn.by })
        .where('county_id', '=', countyId)
        .where('id', '=', roundId)
        .execute();
    },

    sampleOf(countyId: string, roundId: string): Promise<SampleRow[]> {
      return db
        .selectFrom('five_edu_sample')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('round_id', '=', roundId)
        .orderBy('kind')
        .orderBy('stratum')
        .orderBy('rank')
        .execute();
    },

    valuesOf(countyId: string, roundId: string): Promise<ValueRow[]> {
      return db
        .selectFrom('five_edu_values')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('round_id', '=', roundId)
        .execute();
    },

    async upsertValues(
      countyId: string,
      roundId: string,
      rows: { schoolId: string; code: string; value: number | null }[],
      meta: { source: string; by: string; at: Date },
      trx: Database,
    ): Promise<void> {
      const clear = rows.filter((r) => r.value === null);
      for (const r of clear)
        await trx
          .deleteFrom('five_edu_values')
          .where('county_id', '=', countyId)
          .where('round_id', '=', roundId)
          .where('school_id', '=', r.schoolId)
          .where('indicator_code', '=', r.code)
          .execute();
      const set = rows.flatMap((r) => (r.value === null ? [] : [{ ...r, value: r.value }]));
      for (let i = 0; i < set.length; i += 1000)
        await trx
          .insertInto('five_edu_values')
          .values(
            set.slice(i, i + 1000).map((r) => ({
              county_id: countyId,
              round_id: roundId,
              school_id: r.schoolId,
              indicator_code: r.code,
              value: r.value,
              source: meta.source,
              recorded_by: meta.by,
              recorded_at: meta.at,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['county_id', 'round_id', 'school_id', 'indicator_code']).doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              source: eb.ref('excluded.source'),
              recorded_by: eb.ref('excluded.recorded_by'),
              recorded_at: eb.ref('excluded.recorded_at'),
            })),
          )
          .execute();
    },
  };
}

export type FiveEduRepository = ReturnType<typeof createFiveEduRepository>;
