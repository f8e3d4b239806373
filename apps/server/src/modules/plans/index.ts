import type { Database } from '../../db/database';
import { isId } from '../../shared/ids';
import { createPlansRepository } from './plans.repository';

export { createPlansRepository, type PlansRepository } from './plans.repository';
export { plansRoutes } from './plans.routes';
export { createPlansService, type PlansService, requirementsOf } from './plans.service';

/** The provider whose training plan the office approved for a programme (for the classes module), or undefined. */
export async function approvedProviderOf(
  db: Database,
  programmeId: string,
): Promise<{ providerOrgId: string; providerName: string; planId: string } | undefined> {
  if (!isId(programmeId)) return undefined;
  const r = await createPlansRepository(db).approvedProvider(programmeId);
  return r && { providerOrgId: r.provider_org_id, providerName: r.provider_name, planId: r.plan_id };
}

/** Whether `providerOrgId` is the approved provider of the programme. */
export async function isApprovedProvider(
  db: Database,
  programmeId: string,
  providerOrgId: string,
): Promise<boolean> {
  return (await approvedProviderOf(db, programmeId))?.providerOrgId === providerOrgId;
}
