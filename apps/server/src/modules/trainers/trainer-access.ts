/**
 * Shared by the pool's use cases: loading a record the actor may see (out of scope reads as not found), the
 * eligibility check for the record's next decision, the API view of a record, and the event + audit of a step.
 */
import type {
  TrainerAssessment,
  TrainerDetail,
  TrainerEligibility,
  TrainerOverride,
  TrainerRecord,
  TrainerRevocationReason,
} from '@yanxun/contracts';
import { addDays, trainerEligibility } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, type Permission, requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { visibleOr404 } from '../../shared/visibility';
import type { TrainersContext } from './context';
import type { TrainerTeacherFacts } from './ports';
import type { TrainerAssessmentRow, TrainerRecordRow } from './trainers.repository';

export const WHAT = '培训者记录';

export const today = (ctx: TrainersContext) => dateOf(ctx.now());

/** Whether the actor reads the record: over its pool, or over the teacher's school (a school, its teachers). */
export function mayRead(actor: Actor, r: Pick<TrainerRecordRow, 'org_path' | 'school_path'>): boolean {
  return can(actor, 'trainer.read', r.org_path) || can(actor, 'trainer.read', r.school_path);
}

/**
 * A record to act on with `permission` over `pathOf(record)`: 403 when the actor's roles carry the permission
 * nowhere; 404 for an unknown id or a record the actor can neither read nor act on; 403 for one it reads but may
 * not act on. Pass the transaction to lock the row.
 */
export async function recordForAction(
  ctx: TrainersContext,
  actor: Actor,
  id: string,
  permission: Permission,
  pathOf: (r: TrainerRecordRow) => string,
  trx: Database,
): Promise<TrainerRecordRow> {
  requirePermission(actor, permission);
  const row = isId(id) ? await ctx.repo.findRecord(id, trx, true) : undefined;
  const r = visibleOr404(row, (x) => mayRead(actor, x) || can(actor, permission, pathOf(x)), WHAT);
  requirePermission(actor, permission, pathOf(r));
  return r;
}

/** A refusal of a step the record's status does not allow. */
export function wrongStatus(r: TrainerRecordRow, doing: string): AppError {
  return new AppError(
    'CONFLICT',
    `该记录当前状态为「${STATUS_LABELS[r.status] ?? r.status}」，不能${doing}`,
    {
      status: r.status,
    },
  );
}

export const STATUS_LABELS: Record<string, string> = {
  applied: '已申请',
  recommended: '单位已推荐',
  returned: '已退回',
  approved: '已审定聘任',
  appointed: '已直聘',
  released: '已解聘',
  revoked: '已撤销',
};

export const isMember = (r: Pick<TrainerRecordRow, 'status'>) =>
  r.status === 'approved' || r.status === 'appointed';

export function overridesOf(r: Pick<TrainerRecordRow, 'overrides'>): TrainerOverride[] {
  return Array.isArray(r.overrides) ? (r.overrides as TrainerOverride[]) : [];
}

/**
 * The check of the record's next decision: first appointment (as of today) while it waits; renewal at the day
 * after the term's end for a member; none once the membership has ended.
 */
export async function eligibilityFor(
  ctx: TrainersContext,
  r: TrainerRecordRow,
  t: TrainerTeacherFacts | undefined,
  on: string,
): Promise<TrainerEligibility | null> {
  if (!t || r.status === 'released' || r.status === 'revoked') return null;
  const member = isMember(r) && r.term_end !== null;
  const asOf = member && r.term_end ? addDays(r.term_end, 1) : on;
  const rules = await ctx.rulesFor(r.org_path, asOf);
  return trainerEligibility(
    { id: t.id, name: t.name, birthDate: t.birthDate, titleCode: t.title },
    member ? 'renewal' : 'first',
    asOf,
    rules,
    overridesOf(r),
  );
}

export function assessmentView(a: TrainerAssessmentRow): TrainerAssessment {
  return {
    year: a.year,
    result: a.result as 'pass' | 'fail',
    note: a.note,
    assessedAt: a.assessed_at.toISOString(),
  };
}

/** The list view of records: teachers' names and schools, pools' names, eligibility and the latest assessment. */
export async function recordViews(ctx: TrainersContext, rows: TrainerRecordRow[]): Promise<TrainerRecord[]> {
  if (rows.length === 0) return [];
  const on = today(ctx);
  const [facts, pools, assessments] = await Promise.all([
    ctx.people.trainerFactsOf(rows.map((r) => r.teacher_id)),
    ctx.orgs.findByIds([...new Set(rows.map((r) => r.pool_org_id))]),
    ctx.repo.assessmentsOf(rows),
  ]);
  const factById = new Map(facts.map((f) => [f.id, f]));
  const poolName = new Map(pools.map((p) => [p.id, p.name]));
  const out: TrainerRecord[] = [];
  for (const r of rows) {
    const t = factById.get(r.teacher_id);
    const last = assessments.filter((a) => a.record_id === r.id).at(-1);
    out.push({
      id: r.id,
      teacherId: r.teacher_id,
      teacherName: t?.name ?? '',
      schoolId: r.school_id,
      schoolName: t?.schoolName ?? '',
      poolOrgId: r.pool_org_id,
      poolName: poolName.get(r.pool_org_id) ?? '',
      route: r.route as 'application' | 'appointment',
      status: r.status as TrainerRecord['status'],
      statement: r.statement,
      consentOn: r.consent_on,
      consentNote: r.consent_note,
      termStart: r.term_start,
      termEnd: r.term_end,
      endedOn: r.ended_on,
      revocationReason: r.revocation_reason as TrainerRevocationReason | null,
      overrides: overridesOf(r),
      eligibility: await eligibilityFor(ctx, r, t, on),
      lastAssessment: last ? assessmentView(last) : null,
      updatedAt: r.updated_at.toISOString(),
    });
  }
  return out;
}

/** One record with its history, assessments and assignments. */
export async function detailView(ctx: TrainersContext, r: TrainerRecordRow): Promise<TrainerDetail> {
  const [[view], events, assessments, assignments] = await Promise.all([
    recordViews(ctx, [r]),
    ctx.repo.eventsOf(r),
    ctx.repo.assessmentsOf([r]),
    ctx.repo.assignmentsOf([r]),
  ]);
  if (!view) throw new Error('a record without its view');
  return {
    ...view,
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      details: (e.details ?? {}) as Record<string, unknown>,
      actorName: e.actor_name,
      at: e.at.toISOString(),
    })),
    assessments: assessments.map(assessmentView),
    assignments: assignments.map((a) => ({
      id: a.id,
      targetKind: a.target_kind as 'programme' | 'class',
      targetId: a.target_id,
      targetTitle: a.target_title,
      role: a.role as 'lecturer' | 'mentor' | 'reviewer',
      year: a.year,
      startsOn: a.starts_on,
    })),
  };
}

export interface Step {
  action: string;
  from: string | null;
  to: string;
  reason?: string | null | undefined;
  details?: Record<string, unknown>;
}

/** The history row and the audit entry of one step, in the step's transaction. */
export async function recordStep(
  ctx: TrainersContext,
  actor: Actor | null,
  r: Pick<TrainerRecordRow, 'county_id' | 'id' | 'pool_org_id'>,
  step: Step,
  trx: Database,
): Promise<void> {
  const details = step.details ?? {};
  await ctx.repo.insertEvent(
    {
      county_id: r.county_id,
      record_id: r.id,
      action: step.action,
      from_status: step.from,
      to_status: step.to,
      reason: step.reason ?? null,
      details: JSON.stringify(details),
      actor_id: actor?.accountId ?? null,
      actor_name: actor?.displayName ?? null,
      at: ctx.now(),
    },
    trx,
  );
  await ctx.audit.record(
    actor,
    {
      action: `trainer.${step.action}`,
      entity: 'trainer_records',
      entityId: r.id,
      orgId: r.pool_org_id,
      details: { from: step.from, to: step.to, reason: step.reason ?? null, ...details },
    },
    trx,
  );
}
