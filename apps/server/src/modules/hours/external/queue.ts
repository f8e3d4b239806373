/**
 * The review queue of records from other platforms: what could not go straight to the ledger (unknown teacher,
 * over the cap, overlapping another source), read and resolved by the officers over the row's unit — posted
 * (the officer's decision overrides the conflict) or dismissed with a reason; both audited. Another county's row
 * reads like an unknown id.
 */
import type { ExternalQueueItem, HourCategoryCode, ResolveQueueRequest } from '@yanxun/contracts';
import { maskIdNumber } from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission } from '../../../shared/permissions';
import { spanDays } from './columns';
import type { ExternalContext } from './context';
import type { QueueRow } from './external.repository';
import { writePlans } from './import';
import type { LatestPosting } from './revisions.repository';

/** A queued record posted: new, a revision of what stands, or nothing when the ledger already says the same. */
function verdictOf(
  latest: LatestPosting | undefined,
  r: { amountTenths: number; category: string; endDate: string; days: number },
) {
  if (!latest) return 'new' as const;
  const same =
    !latest.reversed &&
    latest.amount_tenths === r.amountTenths &&
    latest.category === r.category &&
    latest.occurred_on === r.endDate &&
    latest.days === r.days;
  return same ? ('unchanged' as const) : ('changed' as const);
}

function itemOf(q: QueueRow): ExternalQueueItem {
  return {
    id: q.id,
    kind: q.kind,
    ruleId: q.rule_id,
    message: q.message,
    system: q.system,
    recordId: q.record_id,
    idNumberMasked: maskIdNumber(q.id_number),
    name: q.name,
    title: q.title,
    category: q.category as HourCategoryCode,
    hoursTenths: q.amount_tenths,
    startDate: q.start_date,
    endDate: q.end_date,
    status: q.status,
    reason: q.reason,
    createdAt: q.created_at.toISOString(),
  };
}

/** The open rows under the actor's hours.import scope, newest first (at most 500). */
export async function listQueue(ctx: ExternalContext, actor: Actor): Promise<ExternalQueueItem[]> {
  const scope = requirePermission(actor, 'hours.import');
  return (await ctx.repo.openQueue(scope, 500)).map(itemOf);
}

/** Post a queued record to the ledger, or dismiss it with a reason. */
export async function resolveQueued(
  ctx: ExternalContext,
  actor: Actor,
  id: string,
  req: ResolveQueueRequest,
): Promise<ExternalQueueItem> {
  const scope = requirePermission(actor, 'hours.import');
  const peek = isId(id) ? await ctx.repo.findQueued(id) : undefined;
  if (!peek || !can(actor, 'hours.import', peek.org_path)) throw notFound('待审记录');
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.lockSystem(peek.system, trx);
    const q = await ctx.repo.findQueued(id, trx, true);
    if (q?.status !== 'open') throw new AppError('CONFLICT', '该记录已处理');
    let teacherId: string | null = q.teacher_id;
    if (req.action === 'post') {
      if (q.amount_tenths <= 0) throw new AppError('CONFLICT', '学时不大于 0，不能记入台账，只能驳回');
      const t = (await ctx.teachers.findByIdNumbers([q.id_number], trx)).get(q.id_number);
      if (!t || !scope.some((root) => t.org_path.startsWith(root)))
        throw new AppError('CONFLICT', '该身份证号仍不是您辖区内的教师，不能记入台账；请先导入教师或驳回');
      teacherId = t.id;
      const record = {
        row: 0,
        idNumber: q.id_number,
        name: q.name,
        recordId: q.record_id,
        title: q.title,
        category: q.category as HourCategoryCode,
        amountTenths: q.amount_tenths,
        startDate: q.start_date,
        endDate: q.end_date,
        days: spanDays(q.start_date, q.end_date),
      };
      const [latest] = await ctx.revisions.latest(
        [{ teacherId: t.id, creditKey: `import:${q.system}:${q.record_id}` }],
        trx,
      );
      await writePlans(
        ctx,
        q.system,
        [{ record, verdict: verdictOf(latest, record), teacher: t, latest, conflict: undefined }],
        { by: actor.accountId, batchId: null, orgPath: q.org_path },
        trx,
      );
    }
    await ctx.repo.resolveQueued(
      q.id,
      {
        status: req.action === 'post' ? 'posted' : 'dismissed',
        reason: req.action === 'dismiss' ? req.reason : null,
        by: actor.accountId,
        at: ctx.now(),
        teacherId,
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: req.action === 'post' ? 'hours.import.post' : 'hours.import.dismiss',
        entity: 'hour_import_queue',
        entityId: q.id,
        details: {
          kind: q.kind,
          system: q.system,
          recordId: q.record_id,
          teacherId,
          reason: req.action === 'dismiss' ? req.reason : null,
        },
      },
      trx,
    );
  });
  const after = await ctx.repo.findQueued(id);
  if (!after) throw notFound('待审记录');
  return itemOf(after);
}
