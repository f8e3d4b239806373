import {
  type AllocateRequest,
  type AllocateResult,
  QUOTA_REASON_CODES,
  type QuotaReasonCode,
  quotaReason,
} from '@yanxun/contracts';
import { checkAllocation, QUOTA_RULE_ID } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { requirePermission } from '../../../shared/permissions';
import { regionKeyOf } from '../../org';
import type { ProgramsContext } from '../context';
import { loadProgramme, loadQuota, type OrgRef, quotaKey } from '../programme-access';
import { quotaTree } from './quota-tree';

interface ProblemFacts {
  code: string;
  values: Record<string, string | number>;
}

const isReasonCode = (code: string): code is QuotaReasonCode =>
  (QUOTA_REASON_CODES as readonly string[]).includes(code);

/** The code and values of an allocation's refusal, as its sentence says it: over the quota, or its first problem. */
function allocationReason(
  over: ProblemFacts | undefined,
  first: ProblemFacts | undefined,
  parent: { seats: number; used: number },
) {
  if (over) {
    const { allocated = 0, parentSeats = 0, over: more = 0 } = over.values;
    const values = { allocated, available: parentSeats, over: more };
    return parent.used > 0
      ? quotaReason('QUOTA.OVER_ALLOCATED_USED', { ...values, seats: parent.seats, used: parent.used })
      : quotaReason('QUOTA.OVER_ALLOCATED', values);
  }
  if (first && isReasonCode(first.code)) return quotaReason(first.code, first.values);
  return quotaReason('QUOTA.INVALID');
}

/** The org kinds that can hold seats below a programme's owner. */
const QUOTA_KINDS = ['city', 'county', 'township', 'school'];

/**
 * Set the seats of child nodes (R-004-17). The parent's row is locked, so allocations and nominations at
 * the parent serialise; children together never hold more than the parent has left after its own
 * nominations, and a child never drops below what it has passed on or used.
 */
export async function allocate(
  ctx: ProgramsContext,
  actor: Actor,
  id: string,
  orgId: string,
  req: AllocateRequest,
): Promise<AllocateResult> {
  const p = await loadProgramme(ctx, actor, id);
  requirePermission(actor, 'quota.allocate');
  const { org: parentOrg } = await loadQuota(ctx, actor, 'quota.allocate', p, orgId);
  const childOrgs: OrgRef[] = [];
  for (const a of req.allocations) {
    const child = isId(a.orgId) ? await ctx.repo.findOrg(a.orgId) : undefined;
    const inside = child?.path.startsWith(parentOrg.path) === true && child?.id !== parentOrg.id;
    if (!child || !inside) {
      throw notFound(`下级单位 ${a.orgId} `);
    }
    if (!QUOTA_KINDS.includes(child.kind)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${child.name}不是可分配名额的单位（市、县区、乡镇或学校）`,
        quotaReason('QUOTA.NOT_ALLOCATABLE', { org: child.name }),
      );
    }
    childOrgs.push(child);
  }
  const nested = childOrgs.find((c) => childOrgs.some((o) => o.id !== c.id && c.path.startsWith(o.path)));
  if (nested)
    throw new AppError(
      'VALIDATION_FAILED',
      `${nested.name}与其上级单位不能在同一层分配名额`,
      quotaReason('QUOTA.NESTED', { org: nested.name }),
    );
  const warnings = await ctx.db.transaction().execute(async (trx) => {
    const parent = await ctx.repo.lockQuota(
      { regionId: regionKeyOf(parentOrg), programmeId: p.id, orgId: parentOrg.id },
      trx,
    );
    if (!parent) throw notFound('该单位的本项目名额');
    const existing = await ctx.repo.lockChildren(p.id, parentOrg.id, trx);
    const elsewhere = await ctx.repo.quotasOfOrgs(
      p.id,
      childOrgs.map((c) => c.id),
      trx,
    );
    const foreign = elsewhere.find((q) => q.parent_org_id !== parentOrg.id);
    if (foreign) {
      throw new AppError('CONFLICT', `单位 ${foreign.org_id} 已从其他上级获得本项目名额`, {
        orgId: foreign.org_id,
        ...quotaReason('QUOTA.OTHER_PARENT', { orgId: foreign.org_id }),
      });
    }
    const merged = new Map(existing.map((c) => [c.org_id, c.seats]));
    const belowUsed = [];
    for (const [i, a] of req.allocations.entries()) {
      const child = childOrgs[i];
      if (!child) continue;
      const before = existing.find((c) => c.org_id === child.id);
      if (before && a.seats < before.allocated + before.used) {
        belowUsed.push({
          code: 'QUOTA.BELOW_USED',
          ruleId: QUOTA_RULE_ID,
          childId: child.id,
          values: { child: child.name, seats: a.seats, allocated: before.allocated, used: before.used },
          message: `${child.name}已下达 ${before.allocated} 个、已推荐 ${before.used} 个名额，不能减到 ${a.seats} 个`,
        });
      }
      merged.set(child.id, a.seats);
    }
    const available = parent.seats - parent.used;
    const problems = [
      ...belowUsed,
      ...checkAllocation(
        available,
        [...merged.entries()].map(([cid, seats]) => ({ id: cid, seats })),
      ),
    ];
    const errors = problems.filter((x) => !('severity' in x) || x.severity === 'error');
    if (errors.length > 0) {
      const over = errors.find((x) => x.code === 'QUOTA.OVER_ALLOCATED');
      throw new AppError(
        'VALIDATION_FAILED',
        over
          ? `名额超出：${over.message}${parent.used > 0 ? `（本级名额 ${parent.seats} 个，其中已推荐 ${parent.used} 个）` : ''}`
          : (errors[0]?.message ?? '名额分配不正确'),
        {
          ruleId: QUOTA_RULE_ID,
          parentSeats: parent.seats,
          parentUsed: parent.used,
          problems: errors,
          ...allocationReason(over, errors[0], parent),
        },
      );
    }
    await ctx.repo.upsertQuotas(
      req.allocations.map((a, i) => {
        const child = childOrgs[i] ?? parentOrg;
        return {
          regionId: regionKeyOf(child),
          programmeId: p.id,
          orgId: child.id,
          orgPath: child.path,
          parentOrgId: parentOrg.id,
          seats: a.seats,
          ruralSeats: Math.min(a.ruralSeats ?? 0, a.seats),
        };
      }),
      trx,
    );
    const sum = [...merged.values()].reduce((s, n) => s + n, 0);
    await ctx.repo.setAllocated(quotaKey(parent), sum, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'quota.allocate',
        entity: 'programme',
        entityId: p.id,
        orgId: parentOrg.id,
        details: { allocations: req.allocations, parentSeats: parent.seats, allocated: sum },
      },
      trx,
    );
    return problems.filter((x) => 'severity' in x && x.severity === 'warning');
  });
  return {
    ...(await quotaTree(ctx, actor, p)),
    warnings: warnings.map((w) => ({
      code: w.code,
      ruleId: w.ruleId,
      message: w.message,
      values: w.values,
    })),
  };
}
