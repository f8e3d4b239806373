/**
 * Reading the pool: the list in the actor's scope (pools under it, or its schools' teachers), one record with
 * its history, and a teacher's roles for the growth archive (R3-T09).
 */
import type { ArchiveTrainerRole, TrainerDetail, TrainerListQuery, TrainerPage } from '@yanxun/contracts';
import { trainerListQuerySchema } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { isId } from '../../shared/ids';
import { requirePermission } from '../../shared/permissions';
import { orgKnown, visibleOr404 } from '../../shared/visibility';
import type { TrainersContext } from './context';
import { ROLE_LABELS } from './term-actions';
import { detailView, isMember, mayRead, recordViews, today, WHAT } from './trainer-access';

/** GET /trainers: records whose pool or whose teacher's school lies in the actor's `trainer.read` scope. */
export async function listTrainers(
  ctx: TrainersContext,
  actor: Actor,
  input: TrainerListQuery,
): Promise<TrainerPage> {
  const q = trainerListQuerySchema.parse(input);
  const roots = requirePermission(actor, 'trainer.read');
  let poolPath: string | undefined;
  if (q.orgId !== undefined) {
    const org = visibleOr404(
      isId(q.orgId) ? await ctx.orgs.findById(q.orgId) : undefined,
      (o) => orgKnown(actor, o.path),
      '单位',
    );
    poolPath = org.path;
  }
  const { rows, total } = await ctx.repo.listRecords({
    roots,
    poolPath,
    status: q.status,
    offset: q.offset,
    limit: q.limit,
  });
  return { items: await recordViews(ctx, rows), total };
}

/** GET /trainers/:id: one record the actor reads (another region's reads like an unknown id). */
export async function trainerDetail(ctx: TrainersContext, actor: Actor, id: string): Promise<TrainerDetail> {
  requirePermission(actor, 'trainer.read');
  const row = isId(id) ? await ctx.repo.findRecord(id) : undefined;
  return detailView(
    ctx,
    visibleOr404(row, (r) => mayRead(actor, r), WHAT),
  );
}

/**
 * Whether the teacher is a member of a trainer pool today (approved or appointed, the term not ended): what earns
 * the priority of R3-P12 on nominations. No actor: the programs module has decided who reads.
 */
export async function isPoolMember(ctx: TrainersContext, teacherId: string): Promise<boolean> {
  if (!isId(teacherId)) return false;
  const day = today(ctx);
  return (await ctx.repo.recordsOfTeacher(teacherId)).some(
    (r) => isMember(r) && (r.term_end === null || r.term_end >= day),
  );
}

/**
 * The teacher's trainer roles for the growth archive: each term (from its approval, appointment or renewal to
 * its last day, or the day the membership ended), and each assignment with its role. Terms come from the
 * history, so a term before a later re-application is kept. No actor: the archive has decided who reads.
 */
export async function trainerRolesOf(ctx: TrainersContext, teacherId: string): Promise<ArchiveTrainerRole[]> {
  if (!isId(teacherId)) return [];
  const records = await ctx.repo.recordsOfTeacher(teacherId);
  if (records.length === 0) return [];
  const [pools, assignments, histories] = await Promise.all([
    ctx.orgs.findByIds([...new Set(records.map((r) => r.pool_org_id))]),
    ctx.repo.assignmentsOf(records),
    Promise.all(records.map((r) => ctx.repo.eventsOf(r))),
  ]);
  const poolName = new Map(pools.map((p) => [p.id, p.name]));
  const out: ArchiveTrainerRole[] = [];
  records.forEach((r, i) => {
    const orgName = poolName.get(r.pool_org_id) ?? '';
    let open: ArchiveTrainerRole | undefined;
    for (const e of histories[i] ?? []) {
      const d = (e.details ?? {}) as { termStart?: string; termEnd?: string; endedOn?: string };
      if ((e.action === 'approve' || e.action === 'appoint' || e.action === 'renew') && d.termStart) {
        open = {
          role: e.action === 'appoint' ? '培训者团队成员（直聘）' : '培训者团队成员',
          orgName,
          fromDate: d.termStart,
          toDate: d.termEnd ?? null,
        };
        out.push(open);
      } else if ((e.action === 'release' || e.action === 'revoke') && open && d.endedOn) {
        open.toDate = d.endedOn;
        open = undefined;
      }
    }
  });
  for (const a of assignments) {
    const r = records.find((x) => x.id === a.record_id);
    out.push({
      role: `${ROLE_LABELS[a.role] ?? a.role}：${a.target_title}`,
      orgName: r ? (poolName.get(r.pool_org_id) ?? '') : '',
      fromDate: a.starts_on,
      toDate: null,
    });
  }
  return out.sort((a, b) => a.fromDate.localeCompare(b.fromDate));
}
