/** Reading claims: one claim as its reader sees it, a teacher's own claims, the review queue, an evidence file. */
import type { HourClaim, HourClaimQueueQuery } from '@yanxun/contracts';
import {
  CLAIM_STATUSES,
  type ClaimKind,
  type ClaimStatus,
  type HourCategory,
  isReviewOverdue,
} from '@yanxun/core';
import type { Actor } from '../../../shared/actor';
import { AppError, notFound } from '../../../shared/app-error';
import { isId } from '../../../shared/ids';
import { can, requirePermission, scopeOf } from '../../../shared/permissions';
import { dateOf } from '../../../shared/time';
import { visibleOr404 } from '../../../shared/visibility';
import type { ClaimRow, EvidenceRow } from './claims.repository';
import type { ClaimsContext } from './context';

const statusOf = (s: string): ClaimStatus => {
  const found = CLAIM_STATUSES.find((x) => x === s);
  if (!found) throw new Error(`unknown claim status ${s}`);
  return found;
};

/** Whether the actor may read the claim: its teacher, the school's reviewers, the county's (or above). */
export function mayRead(actor: Actor, r: Pick<ClaimRow, 'teacher_id' | 'org_path'>): boolean {
  return (
    (actor.teacherId !== null && actor.teacherId === r.teacher_id) ||
    can(actor, 'hours.claim.review', r.org_path) ||
    can(actor, 'hours.claim.approve', r.org_path)
  );
}

/** The review the actor may make now: the school's on a submitted claim, the county's on a school-approved one. */
export function reviewStepFor(
  actor: Actor,
  r: Pick<ClaimRow, 'status' | 'org_path'>,
): 'school' | 'county' | null {
  if (r.status === 'submitted' && can(actor, 'hours.claim.review', r.org_path)) return 'school';
  if (r.status === 'school_approved' && can(actor, 'hours.claim.approve', r.org_path)) return 'county';
  return null;
}

/** What a claim is read with besides its row: its evidence and the teacher's and school's names. */
interface ClaimLabels {
  evidence: EvidenceRow[];
  teacherNames: Map<string, string>;
  schoolNames: Map<string, string>;
}

export function toClaim(actor: Actor, r: ClaimRow, labels: ClaimLabels, today: string): HourClaim {
  const status = statusOf(r.status);
  const dueOn =
    status === 'submitted' ? r.school_due_on : status === 'school_approved' ? r.county_due_on : null;
  return {
    id: r.id,
    teacherId: r.teacher_id,
    teacherName: labels.teacherNames.get(r.teacher_id) ?? '',
    schoolName: labels.schoolNames.get(r.school_id) ?? '',
    category: r.category as HourCategory,
    kind: r.kind as ClaimKind,
    title: r.title,
    issuer: r.issuer,
    certificateNo: r.certificate_no,
    startDate: r.start_date,
    endDate: r.end_date,
    hoursTenths: r.hours_tenths,
    status,
    submittedAt: r.submitted_at.toISOString(),
    dueOn,
    overdue: dueOn !== null && isReviewOverdue(dueOn, today),
    schoolDecidedAt: r.school_decided_at?.toISOString() ?? null,
    schoolComment: r.school_comment,
    countyDecidedAt: r.county_decided_at?.toISOString() ?? null,
    countyComment: r.county_comment,
    returnReason: r.return_reason,
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    evidence: labels.evidence
      .filter((e) => e.claim_id === r.id)
      .map((e) => ({ fileId: e.file_id, name: e.name, mime: e.mime, size: e.size })),
    canDecide: reviewStepFor(actor, r),
    canWithdraw: actor.teacherId === r.teacher_id && (status === 'submitted' || status === 'school_approved'),
  };
}

const byId = (rows: Array<{ id: string; name: string }>) => new Map(rows.map((r) => [r.id, r.name]));
const distinct = (ids: string[]) => [...new Set(ids)];

/** Claims with their evidence and names, as the actor sees them. */
export async function claimViews(ctx: ClaimsContext, actor: Actor, rows: ClaimRow[]): Promise<HourClaim[]> {
  const [evidence, teachers, schools] = await Promise.all([
    ctx.claims.evidenceOf(rows.map((r) => r.id)),
    ctx.people.namesOf(distinct(rows.map((r) => r.teacher_id))),
    ctx.orgNames(distinct(rows.map((r) => r.school_id))),
  ]);
  const labels = { evidence, teacherNames: byId(teachers), schoolNames: byId(schools) };
  const today = dateOf(ctx.now());
  return rows.map((r) => toClaim(actor, r, labels, today));
}

/** One claim the actor may read (404 otherwise, exactly like an id that does not exist). */
export async function loadReadable(ctx: ClaimsContext, actor: Actor, id: string): Promise<ClaimRow> {
  const row = isId(id) ? await ctx.claims.find(id) : undefined;
  return visibleOr404(row, (r) => mayRead(actor, r), '学时申报');
}

export async function oneClaim(ctx: ClaimsContext, actor: Actor, id: string): Promise<HourClaim> {
  const row = await loadReadable(ctx, actor, id);
  const [view] = await claimViews(ctx, actor, [row]);
  if (!view) throw notFound('学时申报');
  return view;
}

/** The signed-in teacher's own claims, newest first. */
export async function myClaims(ctx: ClaimsContext, actor: Actor): Promise<HourClaim[]> {
  requirePermission(actor, 'hours.claim');
  if (actor.teacherId === null) throw new AppError('FORBIDDEN', '只有关联了教师档案的账号可以申报学时');
  return claimViews(ctx, actor, await ctx.claims.ofTeacher(actor.teacherId));
}

/**
 * The review queue in the actor's scope: by status, or (no status) what waits for the actor's own review — a
 * school's submitted claims, a county's school-approved ones — earliest deadline first.
 */
export async function claimQueue(
  ctx: ClaimsContext,
  actor: Actor,
  query: HourClaimQueueQuery,
): Promise<HourClaim[]> {
  const school = scopeOf(actor, 'hours.claim.review');
  const county = scopeOf(actor, 'hours.claim.approve');
  if (school.length === 0 && county.length === 0)
    throw new AppError('FORBIDDEN', '您的角色无权审核学时申报', { permission: 'hours.claim.review' });
  const filters = query.status
    ? [{ status: query.status, roots: [...school, ...county] }]
    : [
        { status: 'submitted', roots: school },
        { status: 'school_approved', roots: county },
      ];
  return claimViews(ctx, actor, await ctx.claims.queue(filters));
}

/** An evidence file of a claim the actor may read (its teacher and its reviewers); 404 otherwise. */
export async function evidenceFile(
  ctx: ClaimsContext,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<{ name: string; mime: string; content: Buffer }> {
  const row = await loadReadable(ctx, actor, id);
  const meta = isId(fileId)
    ? (await ctx.claims.evidenceOf([row.id])).find((e) => e.file_id === fileId)
    : undefined;
  const content = meta ? await ctx.files.content(meta.file_id) : undefined;
  if (!meta || !content) throw notFound('证明材料');
  return { name: meta.name, mime: meta.mime, content };
}
