import { type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/database';
import { inSubtrees, subtreeRange } from '../../shared/subtree';

export interface PackRow {
  id: string;
  region_org_id: string | null;
  region_path: string | null;
  region_name: string | null;
  region_code: string;
  year: number;
  version: number;
  status: string;
  title: string;
  builtin: boolean;
  derived_from: string | null;
  body: unknown;
  updated_at: Date;
}

export interface PackWrite {
  id: string;
  regionOrgId: string | null;
  regionCode: string;
  year: number;
  version: number;
  status: string;
  title: string;
  builtin: boolean;
  derivedFrom: string | null;
  body: unknown;
  createdBy: string | null;
}

export interface ProgrammeRow {
  id: string;
  pack_id: string;
  project_type_code: string;
  track_code: string;
  level: string;
  year: number;
  owner_org_id: string;
  owner_path: string;
  owner_name: string;
  title: string;
  selection_deadline: string;
  start_date: string;
  end_date: string;
  total_seats: number;
  used_seats: number;
}

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

export interface QuotaRow {
  region_id: string;
  programme_id: string;
  org_id: string;
  org_path: string;
  parent_org_id: string | null;
  seats: number;
  rural_seats: number;
  allocated: number;
  used: number;
}

export interface QuotaNodeRow extends QuotaRow {
  org_name: string;
  org_kind: string;
  waitlisted: number;
}

export interface QuotaKey {
  regionId: string;
  programmeId: string;
  orgId: string;
}

export interface QuotaWrite extends QuotaKey {
  orgPath: string;
  parentOrgId: string | null;
  seats: number;
  ruralSeats: number;
}

/** A teacher with what eligibility needs (the school's 城乡类型 included). */
export interface CandidateRow {
  county_id: string;
  id: string;
  name: string;
  name_pinyin: string;
  org_path: string;
  school_id: string;
  school_name: string;
  birth_date: string;
  teaching_start_date: string | null;
  training_start_year: number | null;
  backbone: string | null;
  roles_held: string[];
  title: string | null;
  stage: string | null;
  status: string;
  location_type: string | null;
}

export interface NominationRow {
  county_id: string;
  id: string;
  programme_id: string;
  teacher_id: string;
  teacher_name: string;
  school_id: string;
  school_name: string;
  org_path: string;
  quota_region_id: string;
  quota_org_id: string;
  status: string;
  eligibility: unknown;
  override_reason: string | null;
  reason: string | null;
  replaces_id: string | null;
  replaced_by_id: string | null;
  created_at: Date;
  decided_at: Date | null;
}

export interface NominationWrite {
  countyId: string;
  programmeId: string;
  teacherId: string;
  schoolId: string;
  orgPath: string;
  quotaRegionId: string;
  quotaOrgId: string;
  status: 'selected' | 'waitlisted' | 'candidate';
  eligibility: unknown;
  overrideReason: string | null;
  replacesId: string | null;
  createdBy: string | null;
}

export interface IntegrityRow {
  county_id: string;
  id: string;
  teacher_id: string;
  teacher_name: string;
  org_path: string;
  kind: string;
  record_date: string;
  programme_id: string | null;
  evidence: string | null;
  standing: boolean;
  created_at: Date;
  appeal_status: string;
  appeal_reason: string | null;
  appealed_at: Date | null;
  appeal_decided_at: Date | null;
  appeal_decision_reason: string | null;
  standing_reason: string | null;
}

export interface SubstitutionRow {
  region_id: string;
  id: string;
  programme_id: string;
  quota_org_id: string;
  approver_org_id: string;
  org_path: string;
  nomination_county_id: string;
  nomination_id: string;
  replaced_teacher_id: string;
  replaced_teacher_name: string;
  teacher_county_id: string;
  teacher_id: string;
  teacher_name: string;
  reason: string;
  eligibility: unknown;
  override_reason: string | null;
  status: string;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  new_nomination_id: string | null;
}

export interface SubstitutionWrite {
  regionId: string;
  programmeId: string;
  quotaOrgId: string;
  approverOrgId: string;
  orgPath: string;
  nominationCountyId: string;
  nominationId: string;
  replacedTeacherId: string;
  teacherCountyId: string;
  teacherId: string;
  reason: string;
  eligibility: unknown;
  overrideReason: string | null;
  requestedBy: string | null;
}

/** Counts of one org of the selection-quality report (R3-B03). */
export interface QualityCountsRow {
  org_id: string;
  nominations: number;
  selected: number;
  candidates: number;
  not_selected: number;
  waitlisted: number;
  withdrawn: number;
  replaced: number;
  overridden: number;
  ineligible_selected: number;
  refused: number;
  no_shows: number;
  not_completed: number;
}

/** Date classes of the preview grouping (core YearClasses): lo + number of cuts the date is on or before. */
interface YearClasses {
  lo: number;
  cuts: string[];
}

/** What the preview groups teachers by (the shape of core's GroupingPlan). */
export interface PreviewGrouping {
  age: YearClasses[] | null;
  teaching: YearClasses[] | null;
  training: Array<{ refYear: number; lo: number; hi: number }> | null;
  location: boolean;
  backbone: boolean;
  roles: boolean;
  title: boolean;
  stage: boolean;
}

/** One group of the what-if preview: teachers of a region key alike in everything the rules read. */
export interface PreviewGroupRow {
  /** The unit the preview counts by: the county, or the school when the scope lies in one county. */
  unit_id: string;
  /** Classes in plan order: age per reference date, then 教龄, then training-work years. */
  klass: Array<number | null>;
  location_type: string | null;
  backbone: string | null;
  roles_held: string[] | null;
  title: string | null;
  stage: string | null;
  n: number;
  birth_min: string;
  birth_max: string;
  teaching_min: string | null;
  teaching_max: string | null;
  training_min: number | null;
  training_max: number | null;
}

/** Statuses of teachers who can be nominated or counted in a preview. */
export const WORKING_STATUSES = ['active', 'on_leave', 'seconded'];

const CANDIDATE_COLUMNS = [
  't.county_id',
  't.id',
  't.name',
  't.name_pinyin',
  't.org_path',
  't.school_id',
  's.name as school_name',
  't.birth_date',
  't.teaching_start_date',
  't.training_start_year',
  't.backbone',
  't.roles_held',
  't.title',
  't.stage',
  't.status',
  's.location_type',
] as const;

/** Every ancestor-or-self path of a materialized path: '/1/5/23/' → ['/1/', '/1/5/', '/1/5/23/']. */
function prefixesOf(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The columns of a PackRow (policy_packs as p, left join orgs as o on the region). */
const PACK_COLUMNS = [
  'p.id',
  'p.region_org_id',
  'o.path as region_path',
  'o.name as region_name',
  'p.region_code',
  'p.year',
  'p.version',
  'p.status',
  'p.title',
  'p.builtin',
  'p.derived_from',
  'p.body',
  'p.updated_at',
] as const;

export function createProgramsRepository(db: Database) {
  const nominationQuery = (trx: Database) =>
    trx
      .selectFrom('nominations as n')
      .innerJoin('teachers as t', (j) =>
        j.onRef('t.county_id', '=', 'n.county_id').onRef('t.id', '=', 'n.teacher_id'),
      )
      .innerJoin('orgs as s', 's.id', 'n.school_id')
      .select([
        'n.county_id',
        'n.id',
        'n.programme_id',
        'n.teacher_id',
        't.name as teacher_name',
        'n.school_id',
        's.name as school_name',
        'n.org_path',
        'n.quota_region_id',
        'n.quota_org_id',
        'n.status',
        'n.eligibility',
        'n.override_reason',
        'n.reason',
        'n.replaces_id',
        'n.replaced_by_id',
        'n.created_at',
        'n.decided_at',
      ]);

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
      );

  const substitutionQuery = (trx: Database) =>
    trx
      .selectFrom('substitution_requests as r')
      .innerJoin('teachers as o', (j) =>
        j.onRef('o.county_id', '=', 'r.nomination_county_id').onRef('o.id', '=', 'r.replaced_teacher_id'),
      )
      .innerJoin('teachers as t', (j) =>
        j.onRef('t.county_id', '=', 'r.teacher_county_id').onRef('t.id', '=', 'r.teacher_id'),
      )
      .select([
        'r.region_id',
        'r.id',
        'r.programme_id',
        'r.quota_org_id',
        'r.approver_org_id',
        'r.org_path',
        'r.nomination_county_id',
        'r.nomination_id',
        'r.replaced_teacher_id',
        'o.name as replaced_teacher_name',
        'r.teacher_county_id',
        'r.teacher_id',
        't.name as teacher_name',
        'r.reason',
        'r.eligibility',
        'r.override_reason',
        'r.status',
        'r.requested_by',
        'r.requested_at',
        'r.decided_by',
        'r.decided_at',
        'r.decision_reason',
        'r.new_nomination_id',
      ]);

  return {
    // ----------------------------------------------------------------------------------------------- packs

    /** Insert the built-in packs, or refresh them when the code's version is newer. */
    async upsertBuiltinPacks(packs: PackWrite[]): Promise<void> {
      for (const p of packs) {
        await sql`
          INSERT INTO policy_packs (id, region_org_id, region_code, year, version, status, title, builtin, body)
          VALUES (${p.id}, NULL, ${p.regionCode}, ${p.year}, ${p.version}, ${p.status}, ${p.title}, true,
            ${JSON.stringify(p.body)}::jsonb)
          ON CONFLICT (id) DO UPDATE SET body = excluded.body, title = excluded.title, version = excluded.version,
            status = excluded.status, updated_at = now()
          WHERE policy_packs.builtin AND policy_packs.body IS DISTINCT FROM excluded.body`.execute(db);
      }
    },

    listPacks(filter: { year?: number | undefined; status?: string | undefined }): Promise<PackRow[]> {
      let q = db
        .selectFrom('policy_packs as p')
        .leftJoin('orgs as o', 'o.id', 'p.region_org_id')
        .select(PACK_COLUMNS);
      if (filter.year !== undefined) q = q.where('p.year', '=', filter.year);
      if (filter.status !== undefined) q = q.where('p.status', '=', filter.status);
      return q.orderBy('p.year', 'desc').orderBy('p.id').execute();
    },

    async findPack(id: string, trx: Database = db): Promise<PackRow | undefined> {
      return trx
        .selectFrom('policy_packs as p')
        .leftJoin('orgs as o', 'o.id', 'p.region_org_id')
        .select(PACK_COLUMNS)
        .where('p.id', '=', id)
        .executeTakeFirst();
    },

    /** Lock a pack row for an edit; undefined when it does not exist. */
    lockPack(id: string, trx: Database) {
      return trx
        .selectFrom('policy_packs')
        .select(['id', 'status'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Returns false when the id is taken. */
    async insertPack(p: PackWrite, trx: Database): Promise<boolean> {
      const r = await trx
        .insertInto('policy_packs')
        .values({
          id: p.id,
          region_org_id: p.regionOrgId,
          region_code: p.regionCode,
          year: p.year,
          version: p.version,
          status: p.status,
          title: p.title,
          builtin: p.builtin,
          derived_from: p.derivedFrom,
          body: JSON.stringify(p.body),
          created_by: p.createdBy,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return r !== undefined;
    },

    async updatePack(id: string, body: unknown, title: string, trx: Database): Promise<void> {
      await trx
        .updateTable('policy_packs')
        .set({ body: JSON.stringify(body), title, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async publishPack(id: string, body: unknown, trx: Database): Promise<void> {
      await trx
        .updateTable('policy_packs')
        .set({
          status: 'published',
          body: JSON.stringify(body),
          published_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('id', '=', id)
        .execute();
    },

    // ------------------------------------------------------------------------------------------ programmes

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

    // ---------------------------------------------------------------------------------------------- quotas

    findQuota(k: QuotaKey, trx: Database = db): Promise<QuotaRow | undefined> {
      return trx
        .selectFrom('quota_allocations')
        .select([
          'region_id',
          'programme_id',
          'org_id',
          'org_path',
          'parent_org_id',
          'seats',
          'rural_seats',
          'allocated',
          'used',
        ])
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .executeTakeFirst();
    },

    /** The node's row, locked until the transaction ends (allocation, pull-back, withdrawal). */
    lockQuota(k: QuotaKey, trx: Database): Promise<QuotaRow | undefined> {
      return trx
        .selectFrom('quota_allocations')
        .select([
          'region_id',
          'programme_id',
          'org_id',
          'org_path',
          'parent_org_id',
          'seats',
          'rural_seats',
          'allocated',
          'used',
        ])
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .forUpdate()
        .executeTakeFirst();
    },

    /** The children of a node, locked, in id order. */
    lockChildren(programmeId: string, parentOrgId: string, trx: Database): Promise<QuotaRow[]> {
      return trx
        .selectFrom('quota_allocations')
        .select([
          'region_id',
          'programme_id',
          'org_id',
          'org_path',
          'parent_org_id',
          'seats',
          'rural_seats',
          'allocated',
          'used',
        ])
        .where('programme_id', '=', programmeId)
        .where('parent_org_id', '=', parentOrgId)
        .orderBy('org_id')
        .forUpdate()
        .execute();
    },

    /** Existing rows for these orgs in the programme, whatever their parent. */
    quotasOfOrgs(programmeId: string, orgIds: string[], trx: Database): Promise<QuotaRow[]> {
      if (orgIds.length === 0) return Promise.resolve([]);
      return trx
        .selectFrom('quota_allocations')
        .select([
          'region_id',
          'programme_id',
          'org_id',
          'org_path',
          'parent_org_id',
          'seats',
          'rural_seats',
          'allocated',
          'used',
        ])
        .where('programme_id', '=', programmeId)
        .where(sql<boolean>`org_id = ANY(${orgIds}::bigint[])`)
        .execute();
    },

    /** Nodes of a programme inside the roots (null: all), with names and waitlist counts, in tree order. */
    quotaNodes(programmeId: string, roots: string[] | null): Promise<QuotaNodeRow[]> {
      let q = db
        .selectFrom('quota_allocations as q')
        .innerJoin('orgs as o', 'o.id', 'q.org_id')
        .select([
          'q.region_id',
          'q.programme_id',
          'q.org_id',
          'q.org_path',
          'q.parent_org_id',
          'q.seats',
          'q.rural_seats',
          'q.allocated',
          'q.used',
          'o.name as org_name',
          'o.kind as org_kind',
        ])
        .select(
          sql<number>`(SELECT count(*)::int FROM nominations n WHERE n.programme_id = q.programme_id
            AND n.quota_org_id = q.org_id AND n.status = 'waitlisted')`.as('waitlisted'),
        )
        .where('q.programme_id', '=', programmeId);
      if (roots !== null) q = q.where((eb) => inSubtrees(eb, 'q.org_path', roots));
      return q.orderBy('q.org_path').execute();
    },

    async insertQuota(w: QuotaWrite, trx: Database): Promise<void> {
      await trx
        .insertInto('quota_allocations')
        .values({
          region_id: w.regionId,
          programme_id: w.programmeId,
          org_id: w.orgId,
          org_path: w.orgPath,
          parent_org_id: w.parentOrgId,
          seats: w.seats,
          rural_seats: w.ruralSeats,
        })
        .execute();
    },

    /** Insert or overwrite the seats of child nodes (one statement per 5,000 via unnest). */
    async upsertQuotas(rows: QuotaWrite[], trx: Database): Promise<void> {
      for (let i = 0; i < rows.length; i += 5000) {
        const part = rows.slice(i, i + 5000);
        const col = <K extends keyof QuotaWrite>(k: K) => part.map((r) => r[k]);
        await sql`
          INSERT INTO quota_allocations (region_id, programme_id, org_id, org_path, parent_org_id, seats, rural_seats)
          SELECT * FROM unnest(${col('regionId')}::bigint[], ${col('programmeId')}::bigint[], ${col('orgId')}::bigint[],
            ${col('orgPath')}::text[], ${col('parentOrgId')}::bigint[], ${col('seats')}::int[], ${col('ruralSeats')}::int[])
          ON CONFLICT (region_id, programme_id, org_id) DO UPDATE
            SET seats = excluded.seats, rural_seats = excluded.rural_seats, updated_at = now()`.execute(trx);
      }
    },

    async setQuotaSeats(k: QuotaKey, seats: number, ruralSeats: number, trx: Database): Promise<void> {
      await trx
        .updateTable('quota_allocations')
        .set({ seats, rural_seats: ruralSeats, updated_at: sql`now()` })
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .execute();
    },

    async setAllocated(k: QuotaKey, allocated: number, trx: Database): Promise<void> {
      await trx
        .updateTable('quota_allocations')
        .set({ allocated, updated_at: sql`now()` })
        .where('region_id', '=', k.regionId)
        .where('programme_id', '=', k.programmeId)
        .where('org_id', '=', k.orgId)
        .execute();
    },

    /**
     * Take one seat of a node in a single atomic statement: concurrent takers queue on the row and each
     * re-reads `used` before its own update, so a full node answers undefined instead of going over.
     */
    async takeSeat(k: QuotaKey, trx: Database): Promise<{ seats: number; used: number } | undefined> {
      const r = await sql<{ seats: number; used: number }>`
        UPDATE quota_allocations SET used = used + 1, updated_at = now()
        WHERE region_id = ${k.regionId} AND programme_id = ${k.programmeId} AND org_id = ${k.orgId}
          AND allocated + used < seats
        RETURNING seats, used`.execute(trx);
      return r.rows[0];
    },

    async releaseSeat(k: QuotaKey, trx: Database): Promise<void> {
      await sql`UPDATE quota_allocations SET used = used - 1, updated_at = now()
        WHERE region_id = ${k.regionId} AND programme_id = ${k.programmeId} AND org_id = ${k.orgId} AND used > 0`.execute(
        trx,
      );
    },

    /** Orgs of `kinds` under a node (not the node itself), in path order. */
    orgsBelow(path: string, kinds: string[]) {
      const [lo, hi] = subtreeRange(path);
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'kind', 'path', 'county_id', 'city_id', 'province_id', 'parent_id'])
        .where('path', '>', lo)
        .where('path', '<', hi)
        .where(sql<boolean>`kind = ANY(${kinds}::text[])`)
        .orderBy('path')
        .execute();
    },

    /**
     * Working teachers under each node, and of those, how many teach at schools of `ruralTypes` and at schools of
     * `eligibleTypes` (one index range scan per node).
     */
    async teacherCounts(
      nodes: Array<{ id: string; path: string }>,
      ruralTypes: string[],
      eligibleTypes: string[] | null,
    ): Promise<Map<string, { all: number; rural: number; eligible: number }>> {
      const out = new Map<string, { all: number; rural: number; eligible: number }>();
      if (nodes.length === 0) return out;
      const r = await sql<{ id: string; all_n: number; rural_n: number; eligible_n: number }>`
        SELECT n.id,
          count(t.id)::int AS all_n,
          count(t.id) FILTER (WHERE s.location_type = ANY(${ruralTypes}::text[]))::int AS rural_n,
          count(t.id) FILTER (WHERE ${eligibleTypes === null} OR s.location_type = ANY(${eligibleTypes ?? []}::text[]))::int AS eligible_n
        FROM unnest(${nodes.map((x) => x.id)}::bigint[], ${nodes.map((x) => subtreeRange(x.path)[0])}::text[],
          ${nodes.map((x) => subtreeRange(x.path)[1])}::text[]) AS n(id, lo, hi)
        LEFT JOIN teachers t ON t.org_path >= n.lo AND t.org_path < n.hi AND t.status = ANY(${WORKING_STATUSES}::text[])
        LEFT JOIN orgs s ON s.id = t.school_id
        GROUP BY n.id`.execute(db);
      for (const row of r.rows) {
        out.set(String(row.id), { all: row.all_n, rural: row.rural_n, eligible: row.eligible_n });
      }
      return out;
    },

    // ---------------------------------------------------------------------------------------------- people

    findCandidate(teacherId: string): Promise<CandidateRow | undefined> {
      return db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(CANDIDATE_COLUMNS)
        .where('t.id', '=', teacherId)
        .executeTakeFirst();
    },

    /** Keyset batch of working teachers under the roots, in (org_path, name_pinyin, id) order. */
    candidateBatch(
      roots: string[],
      after: { orgPath: string; pinyin: string; id: string } | null,
      limit: number,
    ): Promise<CandidateRow[]> {
      let q = db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(CANDIDATE_COLUMNS)
        .where((eb) => inSubtrees(eb, 't.org_path', roots))
        .where(sql<boolean>`t.status = ANY(${WORKING_STATUSES}::text[])`);
      if (after) {
        q = q.where(
          sql<boolean>`(t.org_path, t.name_pinyin, t.id) > (${after.orgPath}, ${after.pinyin}, ${after.id}::bigint)`,
        );
      }
      return q.orderBy('t.org_path').orderBy('t.name_pinyin').orderBy('t.id').limit(limit).execute();
    },

    /**
     * The what-if preview's groups: working teachers under the roots without a standing integrity record,
     * counted per region key and per class of every attribute the plan says a rule reads (core
     * planEligibilityGrouping), with the earliest and latest value of each date attribute as representatives.
     * One scan of teachers joined to their schools, aggregated in PostgreSQL.
     */
    async previewGroups(
      roots: string[],
      plan: PreviewGrouping,
      unit: 'county' | 'school' = 'county',
    ): Promise<PreviewGroupRow[]> {
      const yearClass = (col: string, c: YearClasses) =>
        c.cuts.length === 0
          ? sql<number>`${c.lo}::int`
          : sql<number>`(${c.lo}::int + ${sql.join(
              c.cuts.map((cut) => sql`(${sql.ref(col)} <= ${cut}::date)::int`),
              sql` + `,
            )})`;
      const nullable = (col: string, e: RawBuilder<number>) =>
        sql<number | null>`CASE WHEN ${sql.ref(col)} IS NULL THEN NULL ELSE ${e} END`;
      const keys: RawBuilder<unknown>[] = [];
      for (const c of plan.age ?? []) keys.push(yearClass('t.birth_date', c));
      for (const c of plan.teaching ?? [])
        keys.push(nullable('t.teaching_start_date', yearClass('t.teaching_start_date', c)));
      for (const c of plan.training ?? []) {
        keys.push(
          nullable(
            't.training_start_year',
            sql<number>`least(greatest(${c.refYear}::int - t.training_start_year, ${c.lo}::int), ${c.hi}::int)`,
          ),
        );
      }
      const attr = (on: boolean, col: string) => (on ? sql.ref(col) : sql`NULL`);
      const klass =
        keys.length === 0 ? sql`ARRAY[]::int[]` : sql`ARRAY[${sql.join(keys.map((k) => sql`${k}::int`))}]`;
      const [first, ...rest] = roots;
      if (first === undefined) return [];
      const inRoots = sql.join(
        [first, ...rest].map((r) => {
          const [lo, hi] = subtreeRange(r);
          return sql`(t.org_path >= ${lo} AND t.org_path < ${hi})`;
        }),
        sql` OR `,
      );
      const r = await sql<PreviewGroupRow>`
        SELECT ${unit === 'school' ? sql.ref('t.school_id') : sql.ref('t.county_id')}::text AS unit_id, ${klass} AS klass,
          ${attr(plan.location, 's.location_type')} AS location_type, ${attr(plan.backbone, 't.backbone')} AS backbone,
          ${plan.roles ? sql`t.roles_held` : sql`NULL::text[]`} AS roles_held,
          ${attr(plan.title, 't.title')} AS title, ${attr(plan.stage, 't.stage')} AS stage,
          count(*)::int AS n,
          min(t.birth_date) AS birth_min, max(t.birth_date) AS birth_max,
          min(t.teaching_start_date) AS teaching_min, max(t.teaching_start_date) AS teaching_max,
          min(t.training_start_year)::int AS training_min, max(t.training_start_year)::int AS training_max
        FROM teachers t
        JOIN orgs s ON s.id = t.school_id
        WHERE (${inRoots}) AND t.status = ANY(${WORKING_STATUSES}::text[])
          AND NOT EXISTS (SELECT 1 FROM integrity_records r
            WHERE r.county_id = t.county_id AND r.teacher_id = t.id AND r.standing)
        GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
      return r.rows;
    },

    /** Working teachers under the roots with a standing integrity record (the preview evaluates them one by one). */
    candidatesWithStandingRecords(roots: string[]): Promise<CandidateRow[]> {
      return db
        .selectFrom('teachers as t')
        .innerJoin('orgs as s', 's.id', 't.school_id')
        .select(CANDIDATE_COLUMNS)
        .where((eb) => inSubtrees(eb, 't.org_path', roots))
        .where(sql<boolean>`t.status = ANY(${WORKING_STATUSES}::text[])`)
        .where(
          sql<boolean>`EXISTS (SELECT 1 FROM integrity_records r
            WHERE r.county_id = t.county_id AND r.teacher_id = t.id AND r.standing)`,
        )
        .execute();
    },

    /** Names of orgs by id (county labels of the preview). */
    async orgNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },

    /** The org row of an id (for quota nodes and owners). */
    findOrg(id: string) {
      return db
        .selectFrom('orgs')
        .select(['id', 'name', 'kind', 'code', 'path', 'county_id', 'city_id', 'province_id', 'parent_id'])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Selected nominations of a teacher in other programmes, with their dates (the overlap check). */
    enrolmentsOf(teacherId: string, exceptProgrammeId: string) {
      return db
        .selectFrom('nominations as n')
        .innerJoin('programmes as p', 'p.id', 'n.programme_id')
        .select(['p.id', 'p.title', 'p.start_date', 'p.end_date'])
        .where('n.teacher_id', '=', teacherId)
        .where('n.status', '=', 'selected')
        .where('n.programme_id', '<>', exceptProgrammeId)
        .execute();
    },

    // ---------------------------------------------------------------------------------------- nominations

    findNomination(id: string, trx: Database = db): Promise<NominationRow | undefined> {
      return nominationQuery(trx).where('n.id', '=', id).executeTakeFirst();
    },

    /** Lock a nomination row; its status as it is now. */
    lockNomination(countyId: string, id: string, trx: Database) {
      return trx
        .selectFrom('nominations')
        .select(['status'])
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    liveNomination(programmeId: string, teacherId: string, trx: Database = db) {
      return trx
        .selectFrom('nominations')
        .select(['id', 'status'])
        .where('programme_id', '=', programmeId)
        .where('teacher_id', '=', teacherId)
        .where('status', 'in', ['selected', 'waitlisted'])
        .executeTakeFirst();
    },

    /** Insert a nomination; undefined when the teacher already has a live one in the programme. */
    async insertNomination(w: NominationWrite, trx: Database): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        INSERT INTO nominations (county_id, programme_id, teacher_id, school_id, org_path, quota_region_id, quota_org_id,
          status, eligibility, override_reason, replaces_id, created_by)
        VALUES (${w.countyId}, ${w.programmeId}, ${w.teacherId}, ${w.schoolId}, ${w.orgPath}, ${w.quotaRegionId},
          ${w.quotaOrgId}, ${w.status}, ${JSON.stringify(w.eligibility)}::jsonb, ${w.overrideReason}, ${w.replacesId},
          ${w.createdBy})
        ON CONFLICT (county_id, programme_id, teacher_id) WHERE status IN ('selected', 'waitlisted') DO NOTHING
        RETURNING id::text`.execute(trx);
      return r.rows[0]?.id;
    },

    async setNominationStatus(
      countyId: string,
      id: string,
      status: string,
      extra: { reason?: string | null; replacedById?: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('nominations')
        .set({
          status,
          ...(extra.reason !== undefined ? { reason: extra.reason } : {}),
          ...(extra.replacedById !== undefined ? { replaced_by_id: extra.replacedById } : {}),
          updated_at: sql`now()`,
        })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** The first waitlisted nomination at a quota node, locked (skipping ones another transaction holds). */
    firstWaitlisted(programmeId: string, quotaOrgId: string, trx: Database) {
      return trx
        .selectFrom('nominations')
        .select(['county_id', 'id'])
        .where('programme_id', '=', programmeId)
        .where('quota_org_id', '=', quotaOrgId)
        .where('status', '=', 'waitlisted')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
    },

    async waitlistPosition(programmeId: string, quotaOrgId: string, id: string): Promise<number> {
      const r = await db
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('programme_id', '=', programmeId)
        .where('quota_org_id', '=', quotaOrgId)
        .where('status', '=', 'waitlisted')
        .where('id', '<=', id)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async listNominations(f: {
      programmeId: string;
      roots: string[];
      status?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: NominationRow[]; total: number }> {
      let q = nominationQuery(db)
        .where('n.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'n.org_path', f.roots));
      let c = db
        .selectFrom('nominations as n')
        .where('n.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'n.org_path', f.roots));
      if (f.status) {
        q = q.where('n.status', '=', f.status);
        c = c.where('n.status', '=', f.status);
      }
      const [rows, total] = await Promise.all([
        q.orderBy('n.org_path').orderBy('n.id').offset(f.offset).limit(f.limit).execute(),
        c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    // ------------------------------------------------------------------------- shortlists (R-004-59)

    /** shortlist: whether the approved provider has started its own selection (shortlist_selections, 0012). */
    async hasProviderSelection(programmeId: string, trx: Database = db): Promise<boolean> {
      const r = await trx
        .selectFrom('shortlist_selections')
        .select('programme_id')
        .where('programme_id', '=', programmeId)
        .executeTakeFirst();
      return r !== undefined;
    },

    /** Live candidates at a quota node (call with the node's row locked so the count cannot race). */
    async countCandidates(programmeId: string, quotaOrgId: string, trx: Database): Promise<number> {
      const r = await trx
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('programme_id', '=', programmeId)
        .where('quota_org_id', '=', quotaOrgId)
        .where('status', '=', 'candidate')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /** The candidates of a quota node, locked. */
    lockCandidates(programmeId: string, quotaOrgId: string, trx: Database) {
      return trx
        .selectFrom('nominations as n')
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'n.county_id').onRef('t.id', '=', 'n.teacher_id'),
        )
        .select(['n.county_id', 'n.id', 'n.teacher_id', 't.name as teacher_name'])
        .where('n.programme_id', '=', programmeId)
        .where('n.quota_org_id', '=', quotaOrgId)
        .where('n.status', '=', 'candidate')
        .orderBy('n.id')
        .forUpdate()
        .execute();
    },

    async decideCandidate(
      countyId: string,
      id: string,
      status: 'selected' | 'not_selected',
      reason: string | null,
      decidedBy: string | null,
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('nominations')
        .set({ status, reason, decided_by: decidedBy, decided_at: sql`now()`, updated_at: sql`now()` })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    /** Take `n` seats of a node at once; false (nothing taken) when fewer are free. */
    async takeSeats(k: QuotaKey, n: number, trx: Database): Promise<boolean> {
      const r = await sql`
        UPDATE quota_allocations SET used = used + ${n}, updated_at = now()
        WHERE region_id = ${k.regionId} AND programme_id = ${k.programmeId} AND org_id = ${k.orgId}
          AND allocated + used + ${n} <= seats
        RETURNING used`.execute(trx);
      return r.rows.length > 0;
    },

    // ------------------------------------------------------------------------------ substitution requests

    async insertSubstitution(w: SubstitutionWrite, trx: Database): Promise<string | undefined> {
      const r = await sql<{ id: string }>`
        INSERT INTO substitution_requests (region_id, programme_id, quota_org_id, approver_org_id, org_path,
          nomination_county_id, nomination_id, replaced_teacher_id, teacher_county_id, teacher_id, reason,
          eligibility, override_reason, requested_by)
        VALUES (${w.regionId}, ${w.programmeId}, ${w.quotaOrgId}, ${w.approverOrgId}, ${w.orgPath},
          ${w.nominationCountyId}, ${w.nominationId}, ${w.replacedTeacherId}, ${w.teacherCountyId}, ${w.teacherId},
          ${w.reason}, ${JSON.stringify(w.eligibility)}::jsonb, ${w.overrideReason}, ${w.requestedBy})
        ON CONFLICT (region_id, nomination_id) WHERE status = 'pending' DO NOTHING
        RETURNING id::text`.execute(trx);
      return r.rows[0]?.id;
    },

    findSubstitution(id: string, trx: Database = db): Promise<SubstitutionRow | undefined> {
      return substitutionQuery(trx).where('r.id', '=', id).executeTakeFirst();
    },

    lockSubstitution(regionId: string, id: string, trx: Database) {
      return trx
        .selectFrom('substitution_requests')
        .select(['status'])
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    async decideSubstitution(
      regionId: string,
      id: string,
      d: { status: string; decidedBy: string | null; reason: string | null; newNominationId: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('substitution_requests')
        .set({
          status: d.status,
          decided_by: d.decidedBy,
          decided_at: sql`now()`,
          decision_reason: d.reason,
          new_nomination_id: d.newNominationId,
        })
        .where('region_id', '=', regionId)
        .where('id', '=', id)
        .execute();
    },

    /** Requests of a programme whose nominating unit lies under the roots, or whose approver does. */
    async listSubstitutions(f: {
      programmeId: string;
      roots: string[];
      status?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: SubstitutionRow[]; total: number }> {
      let q = substitutionQuery(db)
        .where('r.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'r.org_path', f.roots));
      if (f.status) q = q.where('r.status', '=', f.status);
      const rows = await q.orderBy('r.id', 'desc').offset(f.offset).limit(f.limit).execute();
      let c = db
        .selectFrom('substitution_requests as r')
        .where('r.programme_id', '=', f.programmeId)
        .where((eb) => inSubtrees(eb, 'r.org_path', f.roots));
      if (f.status) c = c.where('r.status', '=', f.status);
      const total = await c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(total.n) };
    },

    // --------------------------------------------------------------------------- selection quality (R3-B03)

    async insertRefusal(w: {
      countyId: string;
      programmeId: string;
      teacherId: string;
      orgPath: string;
      quotaOrgId: string;
      failedRules: string[];
      needsOverride: boolean;
      createdBy: string | null;
    }): Promise<void> {
      await db
        .insertInto('nomination_refusals')
        .values({
          county_id: w.countyId,
          programme_id: w.programmeId,
          teacher_id: w.teacherId,
          org_path: w.orgPath,
          quota_org_id: w.quotaOrgId,
          failed_rules: w.failedRules,
          needs_override: w.needsOverride,
          created_by: w.createdBy,
        })
        .execute();
    },

    /**
     * Per org of `nodes` (its subtree): nominations by status, overridden and ineligible selected ones,
     * refused attempts, and the programme's standing no-show and not-completed (or dismissed) records.
     */
    async qualityCounts(
      programmeId: string,
      nodes: Array<{ id: string; path: string }>,
    ): Promise<QualityCountsRow[]> {
      if (nodes.length === 0) return [];
      const ids = nodes.map((n) => n.id);
      const los = nodes.map((n) => subtreeRange(n.path)[0]);
      const his = nodes.map((n) => subtreeRange(n.path)[1]);
      const r = await sql<QualityCountsRow>`
        WITH n AS (SELECT * FROM unnest(${ids}::bigint[], ${los}::text[], ${his}::text[]) AS n(id, lo, hi))
        SELECT n.id::text AS org_id,
          coalesce(x.nominations, 0)::int AS nominations, coalesce(x.selected, 0)::int AS selected,
          coalesce(x.candidates, 0)::int AS candidates, coalesce(x.not_selected, 0)::int AS not_selected,
          coalesce(x.waitlisted, 0)::int AS waitlisted, coalesce(x.withdrawn, 0)::int AS withdrawn,
          coalesce(x.replaced, 0)::int AS replaced, coalesce(x.overridden, 0)::int AS overridden,
          coalesce(x.ineligible_selected, 0)::int AS ineligible_selected,
          (SELECT count(*) FROM nomination_refusals f WHERE f.programme_id = ${programmeId}
            AND f.org_path >= n.lo AND f.org_path < n.hi)::int AS refused,
          (SELECT count(*) FROM integrity_records i WHERE i.programme_id = ${programmeId} AND i.standing
            AND i.kind = 'no_show' AND i.org_path >= n.lo AND i.org_path < n.hi)::int AS no_shows,
          (SELECT count(*) FROM integrity_records i WHERE i.programme_id = ${programmeId} AND i.standing
            AND i.kind IN ('not_completed', 'dismissed') AND i.org_path >= n.lo AND i.org_path < n.hi)::int AS not_completed
        FROM n
        LEFT JOIN LATERAL (
          SELECT count(*) AS nominations,
            count(*) FILTER (WHERE m.status = 'selected') AS selected,
            count(*) FILTER (WHERE m.status = 'candidate') AS candidates,
            count(*) FILTER (WHERE m.status = 'not_selected') AS not_selected,
            count(*) FILTER (WHERE m.status = 'waitlisted') AS waitlisted,
            count(*) FILTER (WHERE m.status = 'withdrawn') AS withdrawn,
            count(*) FILTER (WHERE m.status = 'replaced') AS replaced,
            count(*) FILTER (WHERE m.status = 'selected' AND m.override_reason IS NOT NULL) AS overridden,
            count(*) FILTER (WHERE m.status = 'selected' AND (m.eligibility->>'eligible')::boolean IS NOT TRUE)
              AS ineligible_selected
          FROM nominations m
          WHERE m.programme_id = ${programmeId} AND m.org_path >= n.lo AND m.org_path < n.hi
        ) x ON true`.execute(db);
      return r.rows;
    },

    // ------------------------------------------------------------------------------------------- integrity

    integrityOf(teacherId: string) {
      return db
        .selectFrom('integrity_records')
        .select(['id', 'kind', 'record_date', 'standing'])
        .where('teacher_id', '=', teacherId)
        .execute();
    },

    /** Standing records of teachers under the roots, grouped by teacher (for the what-if preview). */
    async standingIntegrityUnder(roots: string[]) {
      const rows = await db
        .selectFrom('integrity_records')
        .select(['teacher_id', 'id', 'kind', 'record_date', 'standing'])
        .where('standing', '=', true)
        .where((eb) => inSubtrees(eb, 'org_path', roots))
        .execute();
      const out = new Map<string, typeof rows>();
      for (const r of rows) out.set(r.teacher_id, [...(out.get(r.teacher_id) ?? []), r]);
      return out;
    },

    async insertIntegrity(
      w: {
        countyId: string;
        teacherId: string;
        orgPath: string;
        kind: string;
        recordDate: string;
        programmeId: string | null;
        evidence: string | null;
        createdBy: string | null;
      },
      trx: Database,
    ): Promise<string> {
      const r = await trx
        .insertInto('integrity_records')
        .values({
          county_id: w.countyId,
          teacher_id: w.teacherId,
          org_path: w.orgPath,
          kind: w.kind,
          record_date: w.recordDate,
          programme_id: w.programmeId,
          evidence: w.evidence,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** The record, locked, for an appeal or its decision. */
    lockIntegrity(countyId: string, id: string, trx: Database) {
      return trx
        .selectFrom('integrity_records')
        .select(['appeal_status', 'standing'])
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    findIntegrity(id: string) {
      return db
        .selectFrom('integrity_records')
        .select([
          'county_id',
          'id',
          'teacher_id',
          'org_path',
          'kind',
          'record_date',
          'standing',
          'appeal_status',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async setAppeal(countyId: string, id: string, reason: string, trx: Database): Promise<void> {
      await trx
        .updateTable('integrity_records')
        .set({ appeal_status: 'pending', appeal_reason: reason, appealed_at: sql`now()` })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    async decideAppeal(
      countyId: string,
      id: string,
      d: { upheld: boolean; reason: string; by: string | null },
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('integrity_records')
        .set({
          appeal_status: d.upheld ? 'upheld' : 'rejected',
          appeal_decided_by: d.by,
          appeal_decided_at: sql`now()`,
          appeal_decision_reason: d.reason,
          ...(d.upheld ? { standing: false, standing_reason: `申诉成立：${d.reason}` } : {}),
        })
        .where('county_id', '=', countyId)
        .where('id', '=', id)
        .execute();
    },

    async listIntegrity(f: {
      roots: string[] | null;
      teacherId?: string | undefined;
      id?: string | undefined;
      offset: number;
      limit: number;
    }): Promise<{ rows: IntegrityRow[]; total: number }> {
      let q = db
        .selectFrom('integrity_records as r')
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'r.county_id').onRef('t.id', '=', 'r.teacher_id'),
        )
        .where((eb) => (f.roots === null ? eb.val(true) : inSubtrees(eb, 'r.org_path', f.roots)));
      if (f.teacherId) q = q.where('r.teacher_id', '=', f.teacherId);
      if (f.id) q = q.where('r.id', '=', f.id);
      const [rows, total] = await Promise.all([
        q
          .select([
            'r.county_id',
            'r.id',
            'r.teacher_id',
            't.name as teacher_name',
            'r.org_path',
            'r.kind',
            'r.record_date',
            'r.programme_id',
            'r.evidence',
            'r.standing',
            'r.created_at',
            'r.appeal_status',
            'r.appeal_reason',
            'r.appealed_at',
            'r.appeal_decided_at',
            'r.appeal_decision_reason',
            'r.standing_reason',
          ])
          .orderBy('r.record_date', 'desc')
          .orderBy('r.id', 'desc')
          .offset(f.offset)
          .limit(f.limit)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    // ---- for the classes module ----

    /** Selected nominations of a programme (all, or those of the given teachers): who may be placed in a class. */
    selectedNominations(
      programmeId: string,
      teacherIds?: string[],
      trx: Database = db,
    ): Promise<Array<{ county_id: string; id: string; teacher_id: string; org_path: string }>> {
      let q = trx
        .selectFrom('nominations')
        .select(['county_id', 'id', 'teacher_id', 'org_path'])
        .where('programme_id', '=', programmeId)
        .where('status', '=', 'selected');
      if (teacherIds)
        q = teacherIds.length ? q.where('teacher_id', 'in', teacherIds) : q.where(sql<boolean>`false`);
      return q.orderBy('org_path').orderBy('id').execute();
    },
  };
}

export type ProgramsRepository = ReturnType<typeof createProgramsRepository>;
