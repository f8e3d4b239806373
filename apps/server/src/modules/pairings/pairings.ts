/**
 * The pairings' use cases: list and read in scope, create and edit (a county bureau or its 进修学校 over the lead
 * in its subtree), record a joint activity (the managers and the lead school). R3-B05/B06 are shown, not enforced:
 * a 教师发展学校 with 0 or 4 schools is kept and flagged. R3-G20 is enforced: a studio–workshop pair that is not a
 * 市级 studio with a 镇级 workshop is refused with core's sentence, its rule in `details.ruleId`.
 */
import type {
  CommunityFindingBody,
  PairingActivityInput,
  PairingCheck,
  PairingDetail,
  PairingInput,
  PairingKind,
  PairingList,
  PairingListQuery,
  PairingUpdate,
} from '@yanxun/contracts';
import { schoolYearLabel } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { can, requirePermission } from '../../shared/permissions';
import { orgForAction } from '../../shared/visibility';
import { regionKeyOf } from '../org';
import type { PairingsContext } from './context';
import { loadPairing, pairingFindings, todayOf, viewsOf, WHAT } from './pairing-access';
import type { PairingCommunity } from './ports';

export async function listPairings(
  ctx: PairingsContext,
  actor: Actor,
  q: PairingListQuery,
): Promise<PairingList> {
  const roots = requirePermission(actor, 'pairing.read');
  const rows = await ctx.repo.listPairings(roots, q.kind);
  const ids = rows.map((r) => r.id);
  const [partners, counts] = await Promise.all([ctx.repo.partnersOf(ids), ctx.repo.activityCounts(ids)]);
  return { items: await viewsOf(ctx, actor, rows, partners, counts) };
}

export async function getPairing(ctx: PairingsContext, actor: Actor, id: string): Promise<PairingDetail> {
  requirePermission(actor, 'pairing.read');
  const { row, partners } = await loadPairing(ctx, actor, id);
  const [counts, activities] = await Promise.all([
    ctx.repo.activityCounts([row.id]),
    ctx.repo.activitiesOf(row.county_id, row.id),
  ]);
  const [view] = await viewsOf(ctx, actor, [row], partners, counts);
  if (!view) throw notFound(WHAT);
  return {
    ...view,
    activities: activities.map((a) => ({
      id: a.id,
      heldOn: a.held_on,
      title: a.title,
      place: a.place,
      participants: a.participants,
      notes: a.notes,
    })),
  };
}

interface Resolved {
  countyId: string;
  leadPath: string;
  partners: { id: string; path: string }[];
  /** core's findings: R3-B05/B06 shown, R3-G20 refused by `enforceTwoWay` */
  findings: CommunityFindingBody[];
}

/** A studio or workshop the actor manages pairings over; another county's reads like an unknown id. */
function communityInScope(actor: Actor, c: PairingCommunity | undefined, what: string): PairingCommunity {
  if (!c || !can(actor, 'pairing.manage', c.orgPath)) throw notFound(what);
  return c;
}

/**
 * The lead and partners of a pairing, each in the actor's scope (404 otherwise, like an unknown id), and core's
 * findings on them (R3-B05/B06 on the number of schools, R3-G20 on each studio–workshop pair).
 */
async function resolveParties(
  ctx: PairingsContext,
  actor: Actor,
  kind: PairingKind,
  leadId: string,
  partnerIds: string[],
): Promise<Resolved> {
  const ids = [...new Set(partnerIds)];
  if (ids.includes(leadId))
    throw new AppError('VALIDATION_FAILED', '结对对象不能是牵头方自己', { field: 'partnerIds' });
  if (kind !== 'studio_workshop') {
    const lead = orgForAction(actor, 'pairing.manage', await ctx.orgs.findById(leadId), '学校');
    if (lead.kind !== 'school')
      throw new AppError('VALIDATION_FAILED', '牵头方应为一所学校', { field: 'leadId' });
    const found = new Map((await ctx.orgs.findByIds(ids)).map((o) => [o.id, o]));
    const partners = ids.map((id) => {
      const o = found.get(id);
      if (o?.kind !== 'school' || !can(actor, 'pairing.manage', o.path)) throw notFound('学校');
      return { id, path: o.path };
    });
    const rules = await ctx.rules.communityRules(lead.path, todayOf(ctx));
    const findings = pairingFindings(kind, partners.length, undefined, [], rules);
    return { countyId: regionKeyOf(lead), leadPath: lead.path, partners, findings };
  }
  requirePermission(actor, 'pairing.manage');
  const found = new Map((await ctx.communities.refsOf([leadId, ...ids])).map((c) => [c.id, c]));
  const studio = communityInScope(actor, found.get(leadId), '工作室');
  const workshops = ids.map((id) => communityInScope(actor, found.get(id), '工作坊'));
  const rules = await ctx.rules.communityRules(studio.orgPath, todayOf(ctx));
  const findings = pairingFindings(kind, workshops.length, studio, workshops, rules);
  return {
    countyId: studio.countyId,
    leadPath: studio.orgPath,
    partners: workshops.map((w) => ({ id: w.id, path: w.orgPath })),
    findings,
  };
}

/** R3-G20 is enforced: a studio–workshop pair needs a workshop, and the pair core checks; refused with the reason. */
function enforceTwoWay(kind: PairingKind, r: Resolved): void {
  if (kind !== 'studio_workshop') return;
  if (r.partners.length === 0)
    throw new AppError('VALIDATION_FAILED', '请选择与工作室结对的工作坊', {
      field: 'partnerIds',
      ruleId: 'R3-G20',
    });
  const [refusal] = r.findings;
  if (refusal)
    throw new AppError('VALIDATION_FAILED', refusal.message, {
      field: 'partnerIds',
      ruleId: refusal.rule,
      values: refusal.values,
    });
}

/** The checks of a pairing being written, before it is saved (the form shows them live); nothing is kept. */
export async function checkPairing(
  ctx: PairingsContext,
  actor: Actor,
  req: PairingInput,
): Promise<PairingCheck> {
  requirePermission(actor, 'pairing.manage');
  const r = await resolveParties(ctx, actor, req.kind, req.leadId, req.partnerIds ?? []);
  return { findings: r.findings };
}

export async function createPairing(
  ctx: PairingsContext,
  actor: Actor,
  req: PairingInput,
): Promise<PairingDetail> {
  requirePermission(actor, 'pairing.manage');
  const r = await resolveParties(ctx, actor, req.kind, req.leadId, req.partnerIds ?? []);
  enforceTwoWay(req.kind, r);
  if (await ctx.repo.findSame(r.countyId, req.kind, req.leadId, req.fromYear))
    throw new AppError(
      'CONFLICT',
      `该牵头方 ${schoolYearLabel(req.fromYear)}起已有同类结对，请在原结对中修改`,
      {
        field: 'fromYear',
      },
    );
  const now = ctx.now();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newId = await ctx.repo.insertPairing(
      {
        county_id: r.countyId,
        kind: req.kind,
        lead_id: req.leadId,
        org_path: r.leadPath,
        from_year: req.fromYear,
        to_year: req.toYear,
        note: req.note || null,
        created_by: actor.accountId,
        created_at: now,
        updated_at: now,
      },
      trx,
    );
    await ctx.repo.setPartners(r.countyId, newId, r.partners, now, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'pairing.create',
        entity: 'pairing',
        entityId: newId,
        details: {
          kind: req.kind,
          leadId: req.leadId,
          partnerIds: r.partners.map((p) => p.id),
          fromYear: req.fromYear,
          toYear: req.toYear,
        },
      },
      trx,
    );
    return newId;
  });
  return getPairing(ctx, actor, id);
}

export async function updatePairing(
  ctx: PairingsContext,
  actor: Actor,
  id: string,
  req: PairingUpdate,
): Promise<PairingDetail> {
  requirePermission(actor, 'pairing.manage');
  const { row } = await loadPairing(ctx, actor, id);
  requirePermission(actor, 'pairing.manage', row.org_path);
  const r = await resolveParties(ctx, actor, row.kind as PairingKind, row.lead_id, req.partnerIds);
  enforceTwoWay(row.kind as PairingKind, r);
  if (req.fromYear !== row.from_year) {
    const same = await ctx.repo.findSame(row.county_id, row.kind, row.lead_id, req.fromYear);
    if (same && same.id !== row.id)
      throw new AppError('CONFLICT', `该牵头方 ${schoolYearLabel(req.fromYear)}起已有同类结对`, {
        field: 'fromYear',
      });
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repo.updatePairing(
      row.county_id,
      row.id,
      { from_year: req.fromYear, to_year: req.toYear, note: req.note || null, updated_at: now },
      trx,
    );
    await ctx.repo.setPartners(row.county_id, row.id, r.partners, now, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'pairing.update',
        entity: 'pairing',
        entityId: row.id,
        details: { partnerIds: r.partners.map((p) => p.id), fromYear: req.fromYear, toYear: req.toYear },
      },
      trx,
    );
  });
  return getPairing(ctx, actor, row.id);
}

/**
 * Delete a pairing entered in error, for the managers of its lead and every partner (anything else reads like an
 * unknown id). A pairing with joint activities is refused so no history is lost: its help ends by its last year.
 */
export async function deletePairing(ctx: PairingsContext, actor: Actor, id: string): Promise<void> {
  requirePermission(actor, 'pairing.manage');
  const { row, partners } = await loadPairing(ctx, actor, id);
  const manages = (path: string) => can(actor, 'pairing.manage', path);
  if (!manages(row.org_path) || !partners.every((p) => manages(p.partner_path))) throw notFound(WHAT);
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await ctx.repo.lockPairing(row.county_id, row.id, trx);
    if (!locked) throw notFound(WHAT);
    const n = await ctx.repo.activityCount(row.county_id, row.id, trx);
    if (n > 0)
      throw new AppError('CONFLICT', `已记录 ${n} 次结对活动，不能删除；帮扶结束请把结束学年改为本学年`, {
        activityCount: n,
      });
    const gone = await ctx.repo.partnersOf([row.id], trx);
    await ctx.repo.deletePairing(row.county_id, row.id, trx);
    await ctx.audit.record(
      actor,
      {
        action: 'pairing.delete',
        entity: 'pairing',
        entityId: row.id,
        details: {
          kind: locked.kind,
          leadId: locked.lead_id,
          partnerIds: gone.map((p) => p.partner_id),
          fromYear: locked.from_year,
          toYear: locked.to_year,
          note: locked.note,
        },
      },
      trx,
    );
  });
}

/** A joint activity held (not a future one): recorded by the pairing's managers or the lead school. */
export async function recordActivity(
  ctx: PairingsContext,
  actor: Actor,
  id: string,
  req: PairingActivityInput,
): Promise<PairingDetail> {
  requirePermission(actor, 'pairing.record');
  const { row } = await loadPairing(ctx, actor, id);
  requirePermission(actor, 'pairing.record', row.org_path);
  const today = todayOf(ctx);
  if (req.heldOn > today)
    throw new AppError('VALIDATION_FAILED', `活动日期 ${req.heldOn} 晚于今天，请在活动举办后记录`, {
      field: 'heldOn',
    });
  await ctx.db.transaction().execute(async (trx) => {
    const activityId = await ctx.repo.insertActivity(
      {
        county_id: row.county_id,
        pairing_id: row.id,
        held_on: req.heldOn,
        title: req.title,
        place: req.place,
        participants: req.participants,
        notes: req.notes || null,
        created_by: actor.accountId,
        created_at: ctx.now(),
      },
      trx,
    );
    await ctx.audit.record(
      actor,
      {
        action: 'pairing.activity',
        entity: 'pairing',
        entityId: row.id,
        details: { activityId, heldOn: req.heldOn, title: req.title, participants: req.participants },
      },
      trx,
    );
  });
  return getPairing(ctx, actor, row.id);
}
