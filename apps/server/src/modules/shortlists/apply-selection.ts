import { quotaReason } from '@yanxun/contracts';
import { checkShortlist, QUOTA_RULE_ID, SHORTLIST_RULE_ID } from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import type { ShortlistsContext } from './context';
import { type Loaded, problemsError } from './selection-access';
import { tally } from './selection-view';

/**
 * Turn the marks into outcomes (inside the transaction holding the selection row): seats taken per node with
 * the seat cascade's conditional update, nominations decided, every candidate notified.
 */
export async function apply(
  ctx: ShortlistsContext,
  actor: Actor,
  l: Loaded,
  decidedBy: string | null,
  trx: Database,
) {
  const rows = await ctx.repo.candidates(l.programme.id, trx);
  const t = tally(l, await ctx.repo.quotas(l.programme.id, trx), rows);
  const problems = checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'submit');
  if (problems.length > 0) throw problemsError(problems);
  const live = rows.filter((r) => r.status === 'candidate');
  for (const n of t.nodes) {
    const here = live.filter((r) => r.quota_org_id === n.orgId);
    // lock the node's candidates (a school withdrawing one waits) and re-read them
    const locked = await ctx.candidates.lock(l.programme.id, n.orgId, trx);
    if (locked.length !== here.length) {
      throw new AppError('CONFLICT', `${n.orgName}的候选人已变化，请刷新后重试`, {
        ruleId: SHORTLIST_RULE_ID,
        ...quotaReason('SHORTLIST.CANDIDATES_CHANGED', { org: n.orgName }),
      });
    }
    const take = here.filter((r) => r.decision === 'selected').length;
    if (
      take > 0 &&
      !(await ctx.seats.take(
        { regionId: n.regionId, programmeId: l.programme.id, orgId: n.orgId },
        take,
        trx,
      ))
    ) {
      throw new AppError('CONFLICT', `${n.orgName}的名额已变化，不足 ${take} 个，请退回承训机构重新遴选`, {
        ruleId: SHORTLIST_RULE_ID,
        rules: [QUOTA_RULE_ID, SHORTLIST_RULE_ID],
        orgId: n.orgId,
        selected: take,
        ...quotaReason('SHORTLIST.QUOTA_SHORT', { org: n.orgName, selected: take }),
      });
    }
  }
  const values = `1:${l.rules.ratio.value} 差额遴选，${l.provider.name}遴选确定`;
  for (const r of live) {
    const selected = r.decision === 'selected';
    const message = selected
      ? `经差额遴选入选（${values}）`
      : `差额遴选未入选（${values}）：${r.reason ?? ''}`;
    await ctx.candidates.decide(
      r.county_id,
      r.id,
      selected ? 'selected' : 'not_selected',
      message,
      decidedBy,
      trx,
    );
    await ctx.notifications.notifyTeacher(
      {
        countyId: r.county_id,
        teacherId: r.teacher_id,
        kind: selected ? 'shortlist.selected' : 'shortlist.not_selected',
        title: selected ? `入选：${l.programme.title}` : `未入选：${l.programme.title}`,
        body: selected
          ? `您已经差额遴选入选"${l.programme.title}"（${values}）。`
          : `您未入选"${l.programme.title}"（${values}）。原因：${r.reason ?? ''}`,
        entity: 'nomination',
        entityId: r.id,
      },
      trx,
    );
  }
  await ctx.audit.record(
    actor,
    {
      action: 'shortlist.apply',
      entity: 'programme',
      entityId: l.programme.id,
      orgId: l.provider.id,
      details: {
        ruleId: SHORTLIST_RULE_ID,
        selected: live.filter((r) => r.decision === 'selected').map((r) => r.id),
        notSelected: live.filter((r) => r.decision === 'not_selected').map((r) => r.id),
        decidedBy,
      },
    },
    trx,
  );
}
