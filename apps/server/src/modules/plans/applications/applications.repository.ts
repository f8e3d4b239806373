import { type Selectable, sql } from 'kysely';
import type { Database } from '../../../db/database';
import type { OrgsTable, PlansTable, PlanVersionsTable } from '../../../db/types';
import { inSubtrees } from '../../../shared/subtree';

/** A provider's plan for a programme, with the provider's name. */
export type PlanRow = Pick<
  Selectable<PlansTable>,
  | 'id'
  | 'programme_id'
  | 'provider_org_id'
  | 'provider_path'
  | 'status'
  | 'current_version'
  | 'created_at'
  | 'updated_at'
> & { provider_name: Selectable<OrgsTable>['name'] };

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

/** One version of a plan: its body, sealed PDF, check result at submission and the office's decision. */
export type PlanVersionRow = Pick<Selectable<PlanVersionsTable>, (typeof VERSION_COLUMNS)[number]>;

export interface PlanWrite {
  programmeId: string;
  providerOrgId: string;
  providerPath: string;
  body: unknown;
  createdBy: string;
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

/** Plans and their versions (plans, plan_versions): every version kept. */
export function createApplicationsRepository(db: Database) {
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

    async insertPlan(w: PlanWrite, trx: Database): Promise<string | undefined> {
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
  };
}
