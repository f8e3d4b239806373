/** `communities`, `community_members`, `community_registrations`, `community_adjustments`, the plan's sessions. */
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../../db/database';
import type {
  CommunitiesTable,
  CommunityMembersTable,
  CommunityPlanSessionsTable,
  CommunityRegistrationsTable,
} from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

export type CommunityRow = Selectable<CommunitiesTable>;
export type MemberRow = Selectable<CommunityMembersTable>;
export type RegistrationRow = Selectable<CommunityRegistrationsTable>;
export type PlanSessionRow = Selectable<CommunityPlanSessionsTable>;

export interface CommunityFilter {
  roots: string[];
  kind?: string;
  level?: string;
  /** communities hosted by this teacher, whatever the roots */
  hostTeacherId?: string | null;
}

export function createRegistryRepository(db: Database) {
  return {
    findCommunity(id: string, trx: Database = db): Promise<CommunityRow | undefined> {
      return trx.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
    },

    findCommunities(ids: string[]): Promise<CommunityRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('communities').selectAll().where('id', 'in', ids).execute();
    },

    listCommunities(f: CommunityFilter): Promise<CommunityRow[]> {
      let q = db
        .selectFrom('communities')
        .selectAll()
        .where((eb) => {
          const host = f.hostTeacherId ? [eb('host_teacher_id', '=', f.hostTeacherId)] : [];
          return eb.or([inSubtrees(eb, 'org_path', f.roots), ...host]);
        });
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.level) q = q.where('level', '=', f.level);
      return q.orderBy('org_path').orderBy('id').limit(2000).execute();
    },

    async insertCommunity(row: Insertable<CommunitiesTable>, trx: Database): Promise<string> {
      const r = await trx.insertInto('communities').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    /** Every membership row of these communities, current and ended. */
    membersOf(countyId: string, communityIds: string[], trx: Database = db): Promise<MemberRow[]> {
      if (communityIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('community_members')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', 'in', communityIds)
        .orderBy('joined_on')
        .orderBy('id')
        .execute();
    },

    /** The current memberships of communities across counties, for lists. */
    currentMembersOfMany(ids: string[]): Promise<MemberRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('community_members')
        .selectAll()
        .where('community_id', 'in', ids)
        .where('left_on', 'is', null)
        .execute();
    },

    async insertMembers(rows: Insertable<CommunityMembersTable>[], trx: Database): Promise<void> {
      if (rows.length === 0) return;
      await trx.insertInto('community_members').values(rows).execute();
    },

    /** End current memberships (never deleted); the number ended. */
    async endMembers(
      countyId: string,
      communityId: string,
      memberIds: string[],
      w: { on: string; reason: string },
      trx: Database,
    ): Promise<number> {
      if (memberIds.length === 0) return 0;
      const r = await trx
        .updateTable('community_members')
        .set({ left_on: w.on, leave_reason: w.reason })
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .where('id', 'in', memberIds)
        .where('left_on', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** A teacher's memberships (current and ended) with their community, for the growth archive and /me. */
    membershipsOfTeacher(teacherId: string) {
      return db
        .selectFrom('community_members as m')
        .innerJoin('communities as c', (j) =>
          j.onRef('c.county_id', '=', 'm.county_id').onRef('c.id', '=', 'm.community_id'),
        )
        .select([
          'm.id',
          'm.role',
          'm.joined_on',
          'm.left_on',
          'c.county_id',
          'c.id as community_id',
          'c.name',
          'c.kind',
          'c.level',
          'c.org_path',
        ])
        .where('m.teacher_id', '=', teacherId)
        .orderBy('m.joined_on')
        .orderBy('m.id')
        .execute();
    },

    latestRegistration(countyId: string, communityId: string, trx: Database = db) {
      return trx
        .selectFrom('community_registrations')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .orderBy('registered_on', 'desc')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
    },

    /** The latest registration of each of these communities. */
    latestRegistrationsOf(ids: string[]): Promise<RegistrationRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('community_registrations')
        .selectAll()
        .distinctOn('community_id')
        .where('community_id', 'in', ids)
        .orderBy('community_id')
        .orderBy('registered_on', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    async insertRegistration(row: Insertable<CommunityRegistrationsTable>, trx: Database): Promise<string> {
      const r = await trx
        .insertInto('community_registrations')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    adjustmentsOf(countyId: string, registrationId: string, trx: Database = db) {
      return trx
        .selectFrom('community_adjustments')
        .select(['id', 'adjusted_on', 'reason'])
        .where('county_id', '=', countyId)
        .where('registration_id', '=', registrationId)
        .orderBy('adjusted_on')
        .orderBy('id')
        .execute();
    },

    async insertAdjustment(
      row: {
        county_id: string;
        community_id: string;
        registration_id: string;
        adjusted_on: string;
        reason: string;
        adjusted_by: string;
      },
      trx: Database,
    ): Promise<void> {
      await trx.insertInto('community_adjustments').values(row).execute();
    },

    /** Lock the community row: roster changes and registrations of one community one at a time. */
    async lockCommunity(countyId: string, id: string, trx: Database): Promise<void> {
      await trx
        .selectFrom('communities')
        .select('id')
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .forUpdate()
        .execute();
    },

    planOf(countyId: string, communityId: string, schoolYear: string): Promise<PlanSessionRow[]> {
      return db
        .selectFrom('community_plan_sessions')
        .selectAll()
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .where('school_year', '=', schoolYear)
        .orderBy('planned_on')
        .orderBy('id')
        .execute();
    },

    /** Replace a school year's plan (a plan is a draft of dates, not a record: it is rewritten whole). */
    async replacePlan(
      countyId: string,
      communityId: string,
      schoolYear: string,
      rows: Omit<Insertable<CommunityPlanSessionsTable>, 'county_id' | 'community_id' | 'school_year'>[],
      trx: Database,
    ): Promise<void> {
      await trx
        .deleteFrom('community_plan_sessions')
        .where('county_id', '=', countyId)
        .where('community_id', '=', communityId)
        .where('school_year', '=', schoolYear)
        .execute();
      if (rows.length === 0) return;
      await trx
        .insertInto('community_plan_sessions')
        .values(
          rows.map((r) => ({
            ...r,
            county_id: countyId,
            community_id: communityId,
            school_year: schoolYear,
          })),
        )
        .execute();
    },
  };
}

export type RegistryRepository = ReturnType<typeof createRegistryRepository>;
