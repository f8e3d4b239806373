import type { ComplianceQuery, ComplianceRemindRequest, ComplianceTeachersQuery } from '@yanxun/contracts';
import { DEFAULT_HOUR_RULES } from '@yanxun/core';
import type { Database } from '../../../db/database';
import type { Actor } from '../../../shared/actor';
import { createTotalsRepository } from '../totals.repository';
import { complianceReport, complianceTeachers, ensureTotals } from './compliance';
import { createComplianceRepository } from './compliance.repository';
import { exportComplianceTeachers, remindBehind } from './compliance-actions';
import type { ComplianceContext } from './context';

export interface ComplianceDeps
  extends Pick<ComplianceContext, 'roster' | 'orgs' | 'notifications' | 'audit'> {
  db: Database;
  /** the 学时 rules in force for a unit (the programs module's packs); core's defaults without one */
  rulesFor?: ComplianceContext['rulesFor'];
  clock?: () => Date;
}

/** 学时 compliance per unit, the teachers behind (a page, an Excel list) and reminders to them. */
export function createHoursComplianceService(deps: ComplianceDeps) {
  const ctx: ComplianceContext = {
    totals: createTotalsRepository(deps.db),
    repo: createComplianceRepository(deps.db),
    roster: deps.roster,
    orgs: deps.orgs,
    notifications: deps.notifications,
    audit: deps.audit,
    rulesFor: deps.rulesFor ?? (async () => DEFAULT_HOUR_RULES),
    now: deps.clock ?? (() => new Date()),
  };
  return {
    /** Builds the totals under the day caps in force if they were built under others (on server start). */
    ensureTotals: () => ensureTotals(ctx),
    report: (actor: Actor, query: ComplianceQuery) => complianceReport(ctx, actor, query),
    teachers: (actor: Actor, query: ComplianceTeachersQuery) => complianceTeachers(ctx, actor, query),
    exportTeachers: (actor: Actor, query: ComplianceTeachersQuery) =>
      exportComplianceTeachers(ctx, actor, query),
    remind: (actor: Actor, req: ComplianceRemindRequest) => remindBehind(ctx, actor, req),
  };
}

export type HoursComplianceService = ReturnType<typeof createHoursComplianceService>;
