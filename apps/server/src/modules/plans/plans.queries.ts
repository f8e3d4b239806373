/**
 * What the plans module answers for other modules, without an actor: the caller authorizes. Built in
 * services.ts from the module's own repository.
 */
import { isId } from '../../shared/ids';
import type { PlansRepository } from './plans.repository';

export function createPlanQueries(repo: Pick<PlansRepository, 'approvedProvider'>) {
  /** The provider whose plan the office approved for the programme, or undefined. */
  async function approvedProviderOf(
    programmeId: string,
  ): Promise<{ providerOrgId: string; providerName: string; planId: string } | undefined> {
    if (!isId(programmeId)) return undefined;
    const r = await repo.approvedProvider(programmeId);
    return r && { providerOrgId: r.provider_org_id, providerName: r.provider_name, planId: r.plan_id };
  }

  return {
    approvedProviderOf,

    /** Whether `providerOrgId` is the approved provider of the programme. */
    async isApprovedProvider(programmeId: string, providerOrgId: string): Promise<boolean> {
      return (await approvedProviderOf(programmeId))?.providerOrgId === providerOrgId;
    },
  };
}

export type PlanQueries = ReturnType<typeof createPlanQueries>;
