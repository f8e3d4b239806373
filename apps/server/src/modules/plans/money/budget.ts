/**
 * A programme's money: its budget from the pack's standards (R-004-22…24; packages/core/src/programs/funding.ts)
 * against its recorded spending by category, in fen (R-004-25), and recording spending.
 */
import type { BudgetReport, CreateSpendingRequest } from '@yanxun/contracts';
import { type BudgetCategory, compareSpending, programmeBudget } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { forbidden, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission } from '../../../shared/permissions';
import type { ProgrammeRef } from '../../programs';
import type { PlansContext } from '../context';
import { programmeOr404, providerGrants, related } from '../plan-access';

/** The owner's bureaus with budget.read, or the programme's approved provider; else 403 or 404. */
async function budgetAccess(ctx: PlansContext, actor: Actor, programme: ProgrammeRef): Promise<void> {
  requirePermission(actor, 'budget.read');
  if (can(actor, 'budget.read', programme.ownerPath)) return;
  const approved = await ctx.repo.approvedProvider(programme.id);
  if (approved && providerGrants(actor).some((g) => g.orgId === approved.provider_org_id)) return;
  if (
    related(actor, 'program.read', programme.ownerPath) ||
    related(actor, 'budget.read', programme.ownerPath)
  ) {
    throw forbidden('该项目的经费不在您的管辖范围内');
  }
  throw notFound('培训项目');
}

/**
 * A programme's budget from the pack's standards (seats × days × 400 元, seats × 学时 × 3 元, studios × 2 万元;
 * R-004-22…24) against its recorded spending, by category, in fen (R-004-25).
 */
export async function budget(ctx: PlansContext, actor: Actor, programmeId: string): Promise<BudgetReport> {
  // a role that reads no budget anywhere is refused before the look-up, whatever the id
  requirePermission(actor, 'budget.read');
  const { programme, pack } = await programmeOr404(ctx, isId(programmeId) ? programmeId : '0');
  await budgetAccess(ctx, actor, programme);
  const standard = programmeBudget(pack, {
    projectTypeCode: programme.projectTypeCode,
    trackCode: programme.trackCode,
    seats: programme.totalSeats,
  });
  const spending = await ctx.repo.spending(programme.id);
  const comparison = compareSpending(
    pack,
    standard,
    spending.map((s) => ({ category: s.category as BudgetCategory, amountFen: s.amount_fen })),
  );
  return {
    programmeId: programme.id,
    programmeTitle: programme.title,
    seats: programme.totalSeats,
    studios: standard.studios,
    lines: standard.lines,
    totalFen: standard.totalFen,
    comparison,
    spending: spending.map((s) => ({
      id: s.id,
      category: s.category as BudgetCategory,
      amountFen: s.amount_fen,
      spentOn: s.spent_on,
      note: s.note,
      createdAt: s.created_at.toISOString(),
    })),
    canWrite: can(actor, 'spending.write', programme.ownerPath),
  };
}

/** Record spending by the programme's owner (append-only; a negative amount with a note corrects). */
export async function addSpending(
  ctx: PlansContext,
  actor: Actor,
  programmeId: string,
  req: CreateSpendingRequest,
): Promise<BudgetReport> {
  requirePermission(actor, 'spending.write');
  const { programme } = await programmeOr404(ctx, isId(programmeId) ? programmeId : '0');
  if (!can(actor, 'spending.write', programme.ownerPath)) {
    if (related(actor, 'program.read', programme.ownerPath)) {
      throw forbidden('只有组织该项目的教育行政部门可以登记经费支出');
    }
    throw notFound('培训项目');
  }
  await ctx.db.transaction().execute(async (trx) => {
    const id = await ctx.repo.insertSpending(
      {
        programmeId: programme.id,
        category: req.category,
        amountFen: req.amountFen,
        spentOn: req.spentOn,
        note: req.note?.trim() || null,
        createdBy: actor.accountId,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'spending.create',
        entity: 'programme_spending',
        entityId: id,
        orgId: programme.ownerOrgId,
        details: { programmeId: programme.id, category: req.category, amountFen: req.amountFen },
      },
      trx,
    );
  });
  return budget(ctx, actor, programmeId);
}
