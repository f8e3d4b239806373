/**
 * Who sees what of a campaign, in the order of shared/visibility.ts: a role that cannot act anywhere gets 403
 * before any look-up; a campaign, subject or sheet the actor may not see reads exactly like an unknown id (404);
 * only then a step the actor sees but may not take is a 403 with a reason.
 *
 * - the owner: `evaluation.read` / `evaluation.manage` on the owner org's subtree;
 * - a rater: `evaluation.score` and an assignment to the subject (an unassigned subject is not found);
 * - the subject's own users: `evaluation.evidence` held on the subject's own unit (the county bureau for a
 *   county, the school admin for a school, the host school's admin for a workshop), once the campaign is open.
 */
import { PERMISSIONS, type Permission, type Role } from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import { visibleOr404 } from '../../shared/visibility';
import { regionKeyOf } from '../org';
import type { CampaignRow, SubjectRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import type { EvaluationOrg } from './ports';
import type { RaterRow } from './scoring.repository';

/** The region key of rows owned by an org (its county, or a city's / province's own key). */
export const regionOf = (o: EvaluationOrg) => regionKeyOf(o);

const EVIDENCE_ROLES: readonly Role[] = PERMISSIONS['evaluation.evidence'];

/** Whether the actor speaks for the subject: `evaluation.evidence` held on the subject's own unit. */
export function isSubjectUser(
  actor: { grants: readonly { role: string; orgPath: string }[] },
  subject: Pick<SubjectRow, 'org_path'>,
): boolean {
  return actor.grants.some(
    (g) => (EVIDENCE_ROLES as readonly string[]).includes(g.role) && g.orgPath === subject.org_path,
  );
}

/**
 * A campaign the actor reads as its owner; `manage` adds the 403 of a reader who may not manage it. `what` names
 * the record the caller asked for (a subject, an appeal: reached through its campaign), so that one out of scope
 * answers what an unknown one answers; `id` is undefined when that record does not exist.
 */
export async function loadCampaign(
  ctx: EvaluationContext,
  actor: Actor,
  id: string | undefined,
  permission: Extract<Permission, 'evaluation.read' | 'evaluation.manage'> = 'evaluation.read',
  what = '评价活动',
): Promise<CampaignRow> {
  requirePermission(actor, permission);
  const c = visibleOr404(
    id !== undefined && isId(id) ? await ctx.repo.findCampaign(id) : undefined,
    (row) => can(actor, 'evaluation.read', row.org_path) || can(actor, permission, row.org_path),
    what,
  );
  if (permission === 'evaluation.manage') requirePermission(actor, permission, c.org_path);
  return c;
}

/** A record reached through its campaign (a subject, an appeal) for the campaign's owner, named `what`. */
export async function loadThroughCampaign<T extends { campaign_id: string }>(
  ctx: EvaluationContext,
  actor: Actor,
  row: T | undefined,
  what: string,
): Promise<{ row: T; campaign: CampaignRow }> {
  const campaign = await loadCampaign(ctx, actor, row?.campaign_id, 'evaluation.manage', what);
  if (!row) throw notFound(what);
  return { row, campaign };
}

export interface SubjectAccess {
  subject: SubjectRow;
  campaign: CampaignRow;
  asOwner: boolean;
  asSubject: boolean;
}

/** A subject read by its owner or by its own users (not before the campaign opens). */
export async function loadSubject(ctx: EvaluationContext, actor: Actor, id: string): Promise<SubjectAccess> {
  if (scopeOf(actor, 'evaluation.read').length === 0 && scopeOf(actor, 'evaluation.evidence').length === 0)
    throw new AppError('FORBIDDEN', '您的角色无权执行此操作', { permission: 'evaluation.evidence' });
  const subject = isId(id) ? await ctx.repo.findSubject(id) : undefined;
  const campaign = subject ? await ctx.repo.findCampaign(subject.campaign_id) : undefined;
  if (!subject || !campaign) throw notFound('评价对象');
  const asOwner = can(actor, 'evaluation.read', campaign.org_path);
  const asSubject = campaign.status !== 'draft' && isSubjectUser(actor, subject);
  if (!asOwner && !asSubject) throw notFound('评价对象');
  return { subject, campaign, asOwner, asSubject };
}

export interface TaskAccess {
  subject: SubjectRow;
  campaign: CampaignRow;
  rater: RaterRow;
}

/** A rater's assigned subject; any other subject reads exactly like an unknown id. */
export async function loadTask(ctx: EvaluationContext, actor: Actor, subjectId: string): Promise<TaskAccess> {
  requirePermission(actor, 'evaluation.score');
  const subject = isId(subjectId) ? await ctx.repo.findSubject(subjectId) : undefined;
  const rater = subject && (await ctx.repo.findRater(subject.county_id, subject.id, actor.accountId));
  const campaign = rater ? await ctx.repo.findCampaign(rater.campaign_id) : undefined;
  if (!subject || !rater || !campaign || campaign.status === 'draft') throw notFound('评审任务');
  return { subject, campaign, rater };
}

/** A step refused for the campaign's status, saying what the status is. */
export function wrongStatus(c: CampaignRow, what: string): AppError {
  return new AppError('CONFLICT', `评价活动当前为「${STATUS_LABELS[c.status] ?? c.status}」阶段，${what}`, {
    status: c.status,
  });
}

export const STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  open: '自评与材料上传',
  scoring: '专家评分',
  appeal: '结果公示与申诉',
  published: '已发布',
};
