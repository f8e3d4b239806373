import { sql } from 'kysely';
import type { Database } from '../../db/database';
import { inSubtrees } from '../../shared/subtree';

export interface PlanRow {
  id: string;
  programme_id: string;
  provider_org_id: string;
  provider_path: string;
  provider_name: string;
  status: string;
  current_version: number;
  created_at: Date;
  updated_at: Date;
}

export interface PlanVersionRow {
  plan_id: string;
  version: number;
  body: unknown;
  file_id: string | null;
  check_result: unknown;
  submitted_at: Date | null;
  decision: string | null;
  review_comment: string | null;
  reviewed_at: Date | null;
  updated_at: Date;
}

export interface SpendingRow {
  id: string;
  programme_id: string;
  category: string;
  amount_fen: number;
  spent_on: string;
  note: string | null;
  created_at: Date;
}

const planQuery = (db: Database) =>
  db
    .selectFrom('plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.provider_org_id')
    .select([
      'p.id',
      'p.programme_id',
      'p.provider_org_id',
      'p.provider_path',
      'o.name as provider_name',
      'p.status',
      'p.current_version',
      'p.created_at',
      'p.updated_at',
    ]);

const VERSION_COLUMNS = [
  'plan_id',
  'version',
  'body',
  'file_id',
  'check_result',
  'submitted_at',
  'decision',
  'review_comment',
  'reviewed_at',
  'updated_at',
] as const;

export function createPlansRepository(db: Database) {
  return {
    findPlan(id: string, trx: Database = db): Promise<PlanRow | undefined> {
      return planQuery(trx).where('p.id', '=', id).executeTakeFirst();
    },

    /** Lock the plan row for a state change (submit, review, edit). */
    async lockPlan(id: string, trx: Database): Promise<PlanRow | undefined> {
      await trx.selectFrom('plans').select('id').where('id', '=', id).forUpdate().execute();
      return planQuery(trx).where('p.id', '=', id).executeTakeFirst();
    },

    findPlanFor(programmeId: string, providerOrgId: string): Promise<PlanRow | undefined> {
      return planQuery(db)
        .where('p.programme_id', '=', programmeId)
        .where('p.provider_org_id', '=', providerOrgId)
        .executeTakeFirst();
    },

    /** Plans of providers under `providerRoots`, or of the given programmes; newest first. */
    listPlans(f: {
      providerRoots?: string[];
      programmeIds?: string[];
      status?: string | undefined;
    }): Promise<PlanRow[]> {
      let q = planQuery(db);
      if (f.providerRoots) {
        const roots = f.providerRoots;
        q = q.where((eb) => inSubtrees(eb, 'p.provider_path', roots));
      }
      if (f.programmeIds) {
        if (f.programmeIds.length === 0) return Promise.resolve([]);
        q = q.where('p.programme_id', 'in', f.programmeIds);
      }
      if (f.status) q = q.where('p.status', '=', f.status);
      return q.orderBy('p.updated_at', 'desc').orderBy('p.id', 'desc').limit(500).execute();
    },

    async insertPlan(
      w: {
        programmeId: string;
        providerOrgId: string;
        providerPath: string;
        body: unknown;
        createdBy: string;
      },
      trx: Database,
    ): Promise<string | undefined> {
      const r = await trx
        .insertInto('plans')
        .values({
          programme_id: w.programmeId,
          provider_org_id: w.providerOrgId,
          provider_path: w.providerPath,
          status: 'draft',
          current_version: 1,
          created_by: w.createdBy,
        })
        .onConflict((oc) => oc.columns(['programme_id', 'provider_org_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!r) return undefined;
      await trx
        .insertInto('plan_versions')
        .values({ plan_id: r.id, version: 1, body: JSON.stringify(w.body) })
        .execute();
      return r.id;
    },

    versions(planId: string, trx: Database = db): Promise<PlanVersionRow[]> {
      return trx
        .selectFrom('plan_versions')
        .select(VERSION_COLUMNS)
        .where('plan_id', '=', planId)
        .orderBy('version', 'desc')
        .execute();
    },

    version(planId: string, version: number, trx: Database = db): Promise<PlanVersionRow | undefined> {
      return trx
        .selectFrom('plan_versions')
        .select(VERSION_COLUMNS)
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .executeTakeFirst();
    },

    /** Open version `next` as a copy of version `from` (body and file), for editing after a return. */
    async copyVersion(planId: string, from: number, next: number, trx: Database): Promise<void> {
      await sql`INSERT INTO plan_versions (plan_id, version, body, file_id)
        SELECT plan_id, ${next}, body, file_id FROM plan_versions WHERE plan_id = ${planId} AND version = ${from}`.execute(
        trx,
      );
      await trx
        .updateTable('plans')
        .set({ current_version: next, status: 'draft', updated_at: sql`now()` })
        .where('id', '=', planId)
        .execute();
    },

    async setVersionBody(planId: string, version: number, body: unknown, trx: Database): Promise<void> {
      await trx
        .updateTable('plan_versions')
        .set({ body: JSON.stringify(body), updated_at: sql`now()` })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .execute();
      await trx.updateTable('plans').set({ updated_at: sql`now()` }).where('id', '=', planId).execute();
    },

    async setVersionFile(planId: string, version: number, fileId: string, trx: Database): Promise<void> {
      await trx
        .updateTable('plan_versions')
        .set({ file_id: fileId, updated_at: sql`now()` })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .execute();
      await trx.updateTable('plans').set({ updated_at: sql`now()` }).where('id', '=', planId).execute();
    },

    async markSubmitted(
      planId: string,
      version: number,
      checkResult: unknown,
      by: string,
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('plan_versions')
        .set({
          check_result: JSON.stringify(checkResult),
          submitted_at: sql`now()`,
          submitted_by: by,
          updated_at: sql`now()`,
        })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .execute();
      await trx
        .updateTable('plans')
        .set({ status: 'submitted', updated_at: sql`now()` })
        .where('id', '=', planId)
        .execute();
    },

    async markReviewed(
      planId: string,
      version: number,
      decision: 'returned' | 'approved',
      comment: string | null,
      by: string,
      trx: Database,
    ): Promise<void> {
      await trx
        .updateTable('plan_versions')
        .set({
          decision,
          review_comment: comment,
          reviewed_by: by,
          reviewed_at: sql`now()`,
          updated_at: sql`now()`,
        })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .execute();
      await trx
        .updateTable('plans')
        .set({ status: decision, updated_at: sql`now()` })
        .where('id', '=', planId)
        .execute();
    },

    // ------------------------------------------------------------------------------ approved providers

    async approvedProvider(
      programmeId: string,
      trx: Database = db,
    ): Promise<{ provider_org_id: string; provider_name: string; plan_id: string } | undefined> {
      return trx
        .selectFrom('programme_providers as pp')
        .innerJoin('orgs as o', 'o.id', 'pp.provider_org_id')
        .select(['pp.provider_org_id', 'o.name as provider_name', 'pp.plan_id'])
        .where('pp.programme_id', '=', programmeId)
        .executeTakeFirst();
    },

    /** False when the programme already has an approved provider (the primary key holds). */
    async insertApprovedProvider(
      w: { programmeId: string; providerOrgId: string; planId: string; approvedBy: string },
      trx: Database,
    ): Promise<boolean> {
      const r = await trx
        .insertInto('programme_providers')
        .values({
          programme_id: w.programmeId,
          provider_org_id: w.providerOrgId,
          plan_id: w.planId,
          approved_by: w.approvedBy,
        })
        .onConflict((oc) => oc.column('programme_id').doNothing())
        .returning('programme_id')
        .executeTakeFirst();
      return r !== undefined;
    },

    // ------------------------------------------------------------------------------------------ money

    async spending(programmeId: string): Promise<SpendingRow[]> {
      const rows = await db
        .selectFrom('programme_spending')
        .select(['id', 'programme_id', 'category', 'amount_fen', 'spent_on', 'note', 'created_at'])
        .where('programme_id', '=', programmeId)
        .orderBy('spent_on')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
    },

    async insertSpending(
      w: {
        programmeId: string;
        category: string;
        amountFen: number;
        spentOn: string;
        note: string | null;
        createdBy: string;
      },
      trx: Database,
    ): Promise<string> {
      const r = await trx
        .insertInto('programme_spending')
        .values({
          programme_id: w.programmeId,
          category: w.category,
          amount_fen: w.amountFen,
          spent_on: w.spentOn,
          note: w.note,
          created_by: w.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
  };
}

export type PlansRepository = ReturnType<typeof createPlansRepository>;
