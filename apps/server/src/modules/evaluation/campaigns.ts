/**
 * Campaigns (评价活动): created by a bureau or 进修学校 over subjects in its subtree with a rubric snapshot and the
 * normalisation the officer chose (recorded with who and when, Y-EVAL-NORMALISE); raters assigned per subject;
 * steps draft → open → scoring → appeal → published, each audited.
 */
import {
  type AdvanceCampaign,
  type AssignRaters,
  type CampaignSummary,
  type CreateCampaign,
  type EvaluationStatus,
  PERMISSIONS,
  type Role,
} from '@yanxun/contracts';
import { addDays, checkEntry, rubricUnits } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { requirePermission } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import { isSubjectUser, loadCampaign, regionOf, STATUS_LABELS, wrongStatus } from './campaign-access';
import type { CampaignRow } from './campaigns.repository';
import type { EvaluationContext } from './context';
import { assertRubric, ownerFor, resolveRubric, rubricFromJson } from './rubrics';
import { entryOf } from './sheets';

const ORG_SUBJECT_KINDS: Record<string, string> = {
  county: 'county',
  school: 'school',
  provider: 'provider',
};
const RATER_ROLES: readonly Role[] = PERMISSIONS['evaluation.score'];

export const rubricOfCampaign = (c: CampaignRow) => rubricFromJson(c.rubric);

export async function summaryOf(
  ctx: EvaluationContext,
  rows: (CampaignRow & { subject_count?: number })[],
): Promise<CampaignSummary[]> {
  const orgs = new Map(
    (await ctx.orgs.findByIds([...new Set(rows.map((r) => r.owner_org_id))])).map((o) => [o.id, o.name]),
  );
  const names = await ctx.accounts.namesOf([
    ...new Set(rows.flatMap((r) => (r.normalisation_by ? [r.normalisation_by] : []))),
  ]);
  const counts = new Map<string, number>();
  for (const r of rows)
    if (r.subject_count === undefined) counts.set(r.id, (await ctx.repo.subjectsOf(r)).length);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    year: r.year,
    ownerOrgId: r.owner_org_id,
    ownerOrgName: orgs.get(r.owner_org_id) ?? '',
    subjectKind: r.subject_kind as CampaignSummary['subjectKind'],
    rubricRef: r.rubric_ref,
    rubricTitle: rubricOfCampaign(r).title,
    normalisation: r.normalisation as CampaignSummary['normalisation'],
    normalisationBy: r.normalisation_by ? (names.get(r.normalisation_by) ?? null) : null,
    normalisationAt: r.normalisation_at.toISOString(),
    status: r.status as EvaluationStatus,
    appealDays: r.appeal_days,
    appealClosesOn: r.appeal_closes_on,
    publishedAt: r.published_at?.toISOString() ?? null,
    subjectCount: Number(r.subject_count ?? counts.get(r.id) ?? 0),
  }));
}

export async function listCampaigns(ctx: EvaluationContext, actor: Actor): Promise<CampaignSummary[]> {
  const roots = requirePermission(actor, 'evaluation.read');
  return summaryOf(ctx, await ctx.repo.listCampaigns(roots));
}

/** The subjects by id: orgs of the kind, or studios / workshops; each inside the owner's subtree. */
async function resolveSubjects(ctx: EvaluationContext, kind: string, ownerPath: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const found =
    kind === 'workshop' || kind === 'studio'
      ? (await ctx.communities.cardsOf(unique))
          .filter((c) => c.kind === kind)
          .map((c) => ({ id: c.id, name: c.name, path: c.orgPath }))
      : (await ctx.orgs.findByIds(unique))
          .filter((o) => o.kind === ORG_SUBJECT_KINDS[kind])
          .map((o) => ({ id: o.id, name: o.name, path: o.path }));
  const inScope = found.filter((f) => f.path.startsWith(ownerPath));
  const missing = unique.filter((id) => !inScope.some((f) => f.id === id));
  if (missing.length > 0)
    throw new AppError(
      'VALIDATION_FAILED',
      `以下评价对象不存在或不在本单位管辖范围内：${missing.join('、')}`,
      {
        field: 'subjects',
        ids: missing,
      },
    );
  return inScope;
}

export async function createCampaign(
  ctx: EvaluationContext,
  actor: Actor,
  input: CreateCampaign,
): Promise<CampaignRow> {
  requirePermission(actor, 'evaluation.manage');
  const owner = await ownerFor(ctx, actor, input.ownerOrgId);
  const r = await resolveRubric(ctx, actor, input.rubricRef);
  assertRubric(r.rubric);
  const units = rubricUnits(r.rubric).units;
  for (const [unitId, key] of Object.entries(input.metricBindings)) {
    const def = ctx.metrics.definitions.find((d) => d.key === key);
    if (!units.some((u) => u.id === unitId))
      throw new AppError('VALIDATION_FAILED', `评价标准中没有评分单元 ${unitId}`, {
        field: 'metricBindings',
      });
    if (!def?.subjectKinds.includes(input.subjectKind))
      throw new AppError('VALIDATION_FAILED', `数据项 ${key} 不适用于此类评价对象`, {
        field: 'metricBindings',
        unitId,
      });
  }
  const subjects = await resolveSubjects(ctx, input.subjectKind, owner.path, input.subjects);
  const now = ctx.now();
  const countyId = regionOf(owner);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const campaignId = await ctx.repo.insertCampaign(
      {
        county_id: countyId,
        owner_org_id: owner.id,
        org_path: owner.path,
        name: input.name.trim(),
        year: input.year,
        subject_kind: input.subjectKind,
        rubric_ref: r.row ? `rubric:${r.row.rubric_id}@${r.row.version}` : r.ref,
        rubric: JSON.stringify(r.rubric),
        normalisation: input.normalisation,
        normalisation_by: actor.accountId,
        normalisation_at: now,
        metric_bindings: JSON.stringify(input.metricBindings),
        status: 'draft',
        appeal_days: input.appealDays,
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    await ctx.repo.insertSubjects(
      subjects.map((s) => ({
        county_id: countyId,
        campaign_id: campaignId,
        ref_id: s.id,
        name: s.name,
        org_path: s.path,
      })),
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.campaign.create',
        entity: 'evaluation_campaign',
        entityId: campaignId,
        orgId: owner.id,
        details: {
          rubric: r.ref,
          normalisation: input.normalisation,
          ruleId: 'Y-EVAL-NORMALISE',
          subjects: subjects.length,
          metricBindings: input.metricBindings,
        },
      },
      trx,
    );
    return campaignId;
  });
  const row = await ctx.repo.findCampaign(id);
  if (!row) throw notFound('评价活动');
  return row;
}

export async function assignRaters(ctx: EvaluationContext, actor: Actor, id: string, input: AssignRaters) {
  const c = await loadCampaign(ctx, actor, id, 'evaluation.manage');
  if (c.status === 'appeal' || c.status === 'published') throw wrongStatus(c, '不能再指派评审专家');
  const subjects = await ctx.repo.subjectsOf(c);
  const existing = await ctx.repo.ratersOfCampaign(c.county_id, c.id);
  const accounts = new Map<
    string,
    { id: string; displayName: string; grants: { role: string; orgPath: string }[] }
  >();
  for (const a of input.assignments) {
    if (!subjects.some((s) => s.id === a.subjectId)) throw notFound('评价对象');
    for (const username of a.usernames) {
      if (accounts.has(username)) continue;
      const acc = await ctx.accounts.byUsername(username.trim());
      if (!acc?.grants.some((g) => (RATER_ROLES as readonly string[]).includes(g.role)))
        throw new AppError(
          'VALIDATION_FAILED',
          `账号 ${username} 不存在或不是评审专家（评估专家、教育局或进修学校人员）`,
          {
            field: 'usernames',
            username,
          },
        );
      accounts.set(username, acc);
    }
    // nobody rates their own unit: an account that speaks for the subject (its evidence role on the subject's node)
    const subject = subjects.find((x) => x.id === a.subjectId);
    for (const username of a.usernames) {
      const acc = accounts.get(username);
      if (subject && acc && isSubjectUser(acc, subject))
        throw new AppError(
          'VALIDATION_FAILED',
          `账号 ${username} 属于评价对象「${subject.name}」本单位，不能担任其评审专家`,
          {
            field: 'usernames',
            username,
            ruleId: 'Y-EVAL-RATERS',
          },
        );
    }
  }
  const now = ctx.now();
  const rows = input.assignments.flatMap((a) => {
    const taken = existing.filter((r) => r.subject_id === a.subjectId);
    let next = taken.reduce((m, r) => Math.max(m, r.position), 0);
    return a.usernames.flatMap((u) => {
      const acc = accounts.get(u);
      if (!acc || taken.some((r) => r.account_id === acc.id)) return [];
      next += 1;
      return [
        {
          county_id: c.county_id,
          subject_id: a.subjectId,
          account_id: acc.id,
          campaign_id: c.id,
          position: next,
          assigned_by: actor.accountId,
          assigned_at: now,
        },
      ];
    });
  });
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.insertRaters(rows, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'evaluation.raters.assign',
        entity: 'evaluation_campaign',
        entityId: c.id,
        orgId: c.owner_org_id,
        details: { assignments: rows.map((r) => ({ subjectId: r.subject_id, accountId: r.account_id })) },
      },
      trx,
    );
  });
}

const NEXT: Record<string, EvaluationStatus> = {
  draft: 'open',
  open: 'scoring',
  scoring: 'appeal',
  appeal: 'published',
};

/** What keeps the campaign from its next step, in words (empty: the step may be taken). */
export async function blockersOf(
  ctx: EvaluationContext,
  c: CampaignRow,
  trx: Database = ctx.db,
): Promise<string[]> {
  const subjects = await ctx.repo.subjectsOf(c, trx);
  const raters = await ctx.repo.ratersOfCampaign(c.county_id, c.id, trx);
  const out: string[] = [];
  if (c.status === 'draft' && subjects.length === 0) out.push('尚未添加评价对象');
  if (c.status === 'open' || c.status === 'draft') {
    const without = subjects.filter((s) => !raters.some((r) => r.subject_id === s.id));
    if (c.status === 'open' && without.length > 0)
      out.push(
        `${without.length} 个评价对象尚未指派评审专家：${without
          .map((s) => s.name)
          .slice(0, 5)
          .join('、')}`,
      );
  }
  if (c.status === 'scoring') {
    const open = raters.filter((r) => r.submitted_at === null);
    if (open.length > 0) out.push(`${open.length} 份评分表尚未提交`);
  }
  if (c.status === 'appeal') {
    const today = dateOf(ctx.now());
    if (c.appeal_closes_on && today <= c.appeal_closes_on)
      out.push(`申诉期至 ${c.appeal_closes_on} 结束，${addDays(c.appeal_closes_on, 1)} 起才能发布`);
    const pending = (await ctx.repo.appealsOf(c.county_id, c.id, trx)).filter((a) => a.status === 'pending');
    if (pending.length > 0) out.push(`${pending.length} 项申诉尚未处理`);
  }
  return out;
}

export async function advanceCampaign(
  ctx: EvaluationContext,
  actor: Actor,
  id: string,
  input: AdvanceCampaign,
) {
  const loaded = await loadCampaign(ctx, actor, id, 'evaluation.manage');
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const c = (await ctx.repo.lockCampaign(loaded, trx)) ?? loaded;
    if (NEXT[c.status] !== input.to)
      throw new AppError(
        'CONFLICT',
        `评价活动当前为「${STATUS_LABELS[c.status]}」阶段，不能转到「${STATUS_LABELS[input.to]}」`,
        {
          status: c.status,
          to: input.to,
        },
      );
    const blockers = await blockersOf(ctx, c, trx);
    if (blockers.length > 0)
      throw new AppError('CONFLICT', blockers.join('；'), {
        status: c.status,
        blockers,
        ...(c.status === 'appeal' ? { ruleId: 'Y-EVAL-APPEAL', appealClosesOn: c.appeal_closes_on } : {}),
      });
    const today = dateOf(now);
    await ctx.repo.updateCampaign(
      c,
      {
        status: input.to,
        updated_at: now,
        ...(input.to === 'appeal'
          ? { provisional_at: now, appeal_closes_on: addDays(today, c.appeal_days) }
          : {}),
        ...(input.to === 'published' ? { published_at: now } : {}),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: `evaluation.campaign.${input.to}`,
        entity: 'evaluation_campaign',
        entityId: c.id,
        orgId: c.owner_org_id,
        details: {
          from: c.status,
          to: input.to,
          ...(input.to === 'appeal' ? { appealClosesOn: addDays(today, c.appeal_days) } : {}),
        },
      },
      trx,
    );
  });
}

/** A sheet's problems as core's checkEntry finds them (every one at once), for a draft or a submission. */
export function sheetProblems(c: CampaignRow, units: Parameters<typeof entryOf>[0], complete: boolean) {
  return checkEntry(rubricOfCampaign(c), entryOf(units), { missing: complete ? 'refuse' : 'zero' });
}
