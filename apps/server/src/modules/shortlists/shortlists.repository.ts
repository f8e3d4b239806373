import { type Selectable, sql } from 'kysely';
import type { Database } from '../../db/database';
import type {
  AccountsTable,
  NominationsTable,
  OrgsTable,
  ProgrammesTable,
  QuotaAllocationsTable,
  ShortlistMarksTable,
  ShortlistSelectionsTable,
  TeachersTable,
} from '../../db/types';
import { inSubtrees } from '../../shared/subtree';

/** One programme's selection row with the names of who submitted and who decided. */
export type SelectionRow = Omit<Selectable<ShortlistSelectionsTable>, 'created_at' | 'updated_at'> & {
  submitted_by_name: Selectable<AccountsTable>['display_name'] | null;
  decided_by_name: Selectable<AccountsTable>['display_name'] | null;
};

type Nomination = Selectable<NominationsTable>;
type Teacher = Selectable<TeachersTable>;
type Mark = Selectable<ShortlistMarksTable>;

/** A candidate of the shortlist (a live candidate, or one this selection decided) with the provider's mark. */
export type ShortlistCandidateRow = Pick<
  Nomination,
  | 'county_id'
  | 'id'
  | 'teacher_id'
  | 'school_id'
  | 'quota_region_id'
  | 'quota_org_id'
  | 'status'
  | 'eligibility'
  | 'override_reason'
  | 'created_at'
> &
  Pick<Teacher, 'gender' | 'id_number' | 'title' | 'subject' | 'stage'> & {
    teacher_name: Teacher['name'];
    school_name: Selectable<OrgsTable>['name'];
    quota_org_name: Selectable<OrgsTable>['name'];
    // the mark is left-joined: null until the provider marks the candidate
    score_tenths: Mark['score_tenths'];
    decision: Mark['decision'];
    reason: Mark['reason'];
    marked_by_name: Selectable<AccountsTable>['display_name'] | null;
    marked_at: Mark['marked_at'] | null;
  };

/** A quota node of the programme with its name. */
export type ShortlistQuotaRow = Pick<
  Selectable<QuotaAllocationsTable>,
  'region_id' | 'org_id' | 'seats' | 'allocated' | 'used'
> & { org_name: Selectable<OrgsTable>['name'] };

export interface MarkWrite {
  countyId: string;
  nominationId: string;
  programmeId: string;
  quotaOrgId: string;
  scoreTenths: number | null;
  decision: 'selected' | 'not_selected' | null;
  reason: string | null;
  markedBy: string | null;
}

/** A competitive programme with its provider, its selection's state and counts (counts as pg returns them). */
export type SummaryRow = Pick<
  Selectable<ProgrammesTable>,
  'title' | 'owner_path' | 'selection_deadline' | 'total_seats'
> & {
  programme_id: Selectable<ProgrammesTable>['id'];
  owner_name: Selectable<OrgsTable>['name'];
  provider_name: Selectable<OrgsTable>['name'];
  provider_path: Selectable<OrgsTable>['path'];
  status: Selectable<ShortlistSelectionsTable>['status'] | null;
  submitted_at: Selectable<ShortlistSelectionsTable>['submitted_at'];
  candidates: string;
  selected: string;
};

/**
 * shortlist: the only SQL of the provider's selection (R-004-59). Reads the programme's approved provider
 * (plans' `programme_providers`), its nominations and quota rows; writes `shortlist_selections` and
 * `shortlist_marks`. Seats are taken and nominations decided through the programs module's ports (the seat
 * cascade stays in one place).
 */
export function createShortlistsRepository(db: Database) {
  const selectionQuery = (trx: Database) =>
    trx
      .selectFrom('shortlist_selections as s')
      .leftJoin('accounts as sa', 'sa.id', 's.submitted_by')
      .leftJoin('accounts as da', 'da.id', 's.decided_by')
      .select([
        's.programme_id',
        's.provider_org_id',
        's.provider_path',
        's.status',
        's.round',
        's.owner_confirms',
        's.submitted_by',
        'sa.display_name as submitted_by_name',
        's.submitted_at',
        's.decided_by',
        'da.display_name as decided_by_name',
        's.decided_at',
        's.return_comment',
      ]);

  return {
    /** The approved provider of a programme (the org whose plan the office approved), or undefined. */
    approvedProvider(programmeId: string) {
      return db
        .selectFrom('programme_providers as pp')
        .innerJoin('orgs as o', 'o.id', 'pp.provider_org_id')
        .select(['o.id', 'o.name', 'o.path'])
        .where('pp.programme_id', '=', programmeId)
        .executeTakeFirst();
    },

    findSelection(programmeId: string, trx: Database = db): Promise<SelectionRow | undefined> {
      return selectionQuery(trx).where('s.programme_id', '=', programmeId).executeTakeFirst();
    },

    /** Create the programme's selection row if it does not exist yet. */
    async ensureSelection(
      programmeId: string,
      provider: { id: string; path: string },
      trx: Database,
    ): Promise<void> {
      await sql`
        INSERT INTO shortlist_selections (programme_id, provider_org_id, provider_path)
        VALUES (${programmeId}, ${provider.id}, ${provider.path})
        ON CONFLICT (programme_id) DO NOTHING`.execute(trx);
    },

    /**
     * Lock the selection row for a write, only while it can still be marked (open or returned); undefined when
     * it is submitted or confirmed. Concurrent writers queue here, then see each other's committed marks.
     */
    async lockOpen(programmeId: string, trx: Database): Promise<{ status: string } | undefined> {
      const r = await sql<{ status: string }>`
        UPDATE shortlist_selections SET updated_at = now()
        WHERE programme_id = ${programmeId} AND status IN ('open', 'returned')
        RETURNING status`.execute(trx);
      return r.rows[0];
    },

    /** Lock the selection row when it is submitted (for the owner's decision); undefined otherwise. */
    async lockSubmitted(programmeId: string, trx: Database): Promise<{ status: string } | undefined> {
      const r = await sql<{ status: string }>`
        UPDATE shortlist_selections SET updated_at = now()
        WHERE programme_id = ${programmeId} AND status = 'submitted'
        RETURNING status`.execute(trx);
      return r.rows[0];
    },

    async setSubmitted(programmeId: string, ownerConfirms: boolean, by: string | null, trx: Database) {
      await trx
        .updateTable('shortlist_selections')
        .set({
          status: 'submitted',
          round: sql`round + 1`,
          owner_confirms: ownerConfirms,
          submitted_by: by,
          submitted_at: sql`now()`,
          decided_by: null,
          decided_at: null,
          updated_at: sql`now()`,
        })
        .where('programme_id', '=', programmeId)
        .execute();
    },

    async setDecided(
      programmeId: string,
      status: 'confirmed' | 'returned',
      by: string | null,
      comment: string | null,
      trx: Database,
    ) {
      await trx
        .updateTable('shortlist_selections')
        .set({
          status,
          decided_by: by,
          decided_at: sql`now()`,
          return_comment: comment,
          updated_at: sql`now()`,
        })
        .where('programme_id', '=', programmeId)
        .execute();
    },

    /**
     * The shortlist: live candidates of the programme, and the nominations this selection decided (a mark and
     * status selected / not selected), with the provider's marks. Ordered by nominating unit, then nomination.
     */
    candidates(programmeId: string, trx: Database = db): Promise<ShortlistCandidateRow[]> {
      return trx
        .selectFrom('nominations as n')
        .innerJoin('teachers as t', (j) =>
          j.onRef('t.county_id', '=', 'n.county_id').onRef('t.id', '=', 'n.teacher_id'),
        )
        .innerJoin('orgs as sc', 'sc.id', 'n.school_id')
        .innerJoin('orgs as qo', 'qo.id', 'n.quota_org_id')
        .leftJoin('shortlist_marks as m', (j) =>
          j.onRef('m.county_id', '=', 'n.county_id').onRef('m.nomination_id', '=', 'n.id'),
        )
        .leftJoin('accounts as ma', 'ma.id', 'm.marked_by')
        .select([
          'n.county_id',
          'n.id',
          'n.teacher_id',
          't.name as teacher_name',
          't.gender',
          't.id_number',
          't.title',
          't.subject',
          't.stage',
          'n.school_id',
          'sc.name as school_name',
          'n.quota_region_id',
          'n.quota_org_id',
          'qo.name as quota_org_name',
          'n.status',
          'n.eligibility',
          'n.override_reason',
          'n.created_at',
          'm.score_tenths',
          'm.decision',
          'm.reason',
          'ma.display_name as marked_by_name',
          'm.marked_at',
        ])
        .where('n.programme_id', '=', programmeId)
        .where((eb) =>
          eb.or([
            eb('n.status', '=', 'candidate'),
            eb.and([eb('n.status', 'in', ['selected', 'not_selected']), eb('m.decision', 'is not', null)]),
          ]),
        )
        .orderBy('qo.path')
        .orderBy('n.id')
        .execute() as Promise<ShortlistCandidateRow[]>;
    },

    /** The programme's quota rows (every node of the cascade) with the node's name. */
    quotas(programmeId: string, trx: Database = db): Promise<ShortlistQuotaRow[]> {
      return trx
        .selectFrom('quota_allocations as q')
        .innerJoin('orgs as o', 'o.id', 'q.org_id')
        .select(['q.region_id', 'q.org_id', 'o.name as org_name', 'q.seats', 'q.allocated', 'q.used'])
        .where('q.programme_id', '=', programmeId)
        .orderBy('o.path')
        .execute();
    },

    /** Write marks (insert or replace), inside the transaction that holds the selection row. */
    async upsertMarks(rows: MarkWrite[], trx: Database): Promise<void> {
      if (rows.length === 0) return;
      await trx
        .insertInto('shortlist_marks')
        .values(
          rows.map((r) => ({
            county_id: r.countyId,
            nomination_id: r.nominationId,
            programme_id: r.programmeId,
            quota_org_id: r.quotaOrgId,
            score_tenths: r.scoreTenths,
            decision: r.decision,
            reason: r.reason,
            marked_by: r.markedBy,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['county_id', 'nomination_id']).doUpdateSet({
            score_tenths: (eb) => eb.ref('excluded.score_tenths'),
            decision: (eb) => eb.ref('excluded.decision'),
            reason: (eb) => eb.ref('excluded.reason'),
            marked_by: (eb) => eb.ref('excluded.marked_by'),
            marked_at: sql`now()`,
          }),
        )
        .execute();
    },

    /**
     * Competitive programmes with an approved provider: those the provider roots run, or those the owner roots
     * own, with their selection's state and counts. Newest first.
     */
    summaries(f: { providerRoots: string[]; ownerRoots: string[]; projectTypes?: string[] }) {
      return db
        .selectFrom('programme_providers as pp')
        .innerJoin('programmes as p', 'p.id', 'pp.programme_id')
        .innerJoin('orgs as po', 'po.id', 'pp.provider_org_id')
        .innerJoin('orgs as oo', 'oo.id', 'p.owner_org_id')
        .leftJoin('shortlist_selections as s', 's.programme_id', 'p.id')
        .select((eb) => [
          'p.id as programme_id',
          'p.title',
          'oo.name as owner_name',
          'p.owner_path',
          'po.name as provider_name',
          'po.path as provider_path',
          'p.selection_deadline',
          'p.total_seats',
          's.status',
          's.submitted_at',
          eb
            .selectFrom('nominations as n')
            .select((e) => e.fn.countAll<string>().as('c'))
            .whereRef('n.programme_id', '=', 'p.id')
            .where('n.status', '=', 'candidate')
            .as('candidates'),
          eb
            .selectFrom('shortlist_marks as m')
            .select((e) => e.fn.countAll<string>().as('c'))
            .whereRef('m.programme_id', '=', 'p.id')
            .where('m.decision', '=', 'selected')
            .as('selected'),
        ])
        .where((eb) =>
          eb.or([inSubtrees(eb, 'po.path', f.providerRoots), inSubtrees(eb, 'p.owner_path', f.ownerRoots)]),
        )
        .orderBy('p.id', 'desc')
        .limit(500)
        .execute() as Promise<SummaryRow[]>;
    },
  };
}

export type ShortlistsRepository = ReturnType<typeof createShortlistsRepository>;
