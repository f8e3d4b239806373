/**
 * Revoking a certificate of honour (Y-EVAL-HONOUR-REVOKE): the awarding unit corrects an award made in error. The
 * selection's owner with `evaluation.manage` revokes with a reason; the certificate stays on record as revoked (who,
 * when, why), the public page answers that it was revoked and when (never why), the growth archive leaves it out and
 * its PDF is no longer served. A revoked 优秀工作坊 / 优秀工作室 award removes the title it recorded through the
 * communities module (source 'selection': a title the bureau recorded by hand stays; so does one another standing
 * award of the year still grants), which needs `community.title` as publishing it did (R3-W15 / R3-G18).
 */
import {
  type RevokeHonour,
  SELECTION_CATEGORIES,
  SELECTION_CATEGORY_RULES,
  type SelectionDetail,
} from '@yanxun/contracts';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import {
  loadSelection,
  ruleOf,
  type SelectionsContext,
  selectionDetail,
  titleRuleIdOf,
} from './selection-access';
import { audit } from './selections';
import type { HonourRow } from './selections.repository';

const RULE_ID = 'Y-EVAL-HONOUR-REVOKE';

/** The categories whose award is a community's title. */
const TITLE_CATEGORIES = SELECTION_CATEGORIES.filter((c) => SELECTION_CATEGORY_RULES[c].recordsTitle);

function alreadyRevoked(h: HonourRow, at: Date): AppError {
  const revokedOn = dateOf(at);
  return new AppError('CONFLICT', `荣誉证书 ${h.certificate_no} 已于 ${revokedOn} 撤销，不能再次撤销`, {
    revokedOn,
    ruleId: RULE_ID,
  });
}

export async function revokeHonour(
  ctx: SelectionsContext,
  actor: Actor,
  selectionId: string,
  honourId: string,
  input: RevokeHonour,
): Promise<SelectionDetail> {
  const s = await loadSelection(ctx, actor, selectionId, 'evaluation.manage');
  const h = isId(honourId) ? (await ctx.selections.honoursOf(s)).find((x) => x.id === honourId) : undefined;
  if (!h) throw notFound('荣誉证书');
  if (h.revoked_at) throw alreadyRevoked(h, h.revoked_at);
  const rule = ruleOf(s);
  let titleRemoved = false;
  if (rule.recordsTitle && h.holder_kind === 'community') {
    const candidate = (await ctx.selections.candidatesOf(s)).find((c) => c.id === h.candidate_id);
    if (!candidate || !can(actor, 'community.title', candidate.org_path))
      throw new AppError(
        'FORBIDDEN',
        `撤销${rule.label}荣誉会撤除「${h.holder_name}」的「${rule.label}」称号，需由其主管教育局的管理员撤销`,
        { permission: 'community.title', ruleId: titleRuleIdOf(s) },
      );
    // the title goes first, through the communities module's own use case (idempotent): a revocation that fails
    // after it is simply repeated
    if ((await ctx.selections.otherStandingAwards(h, TITLE_CATEGORIES)) === 0)
      titleRemoved = await ctx.selection.communities.removeTitle(actor, h.holder_id, h.year);
  }
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await ctx.selections.revokeHonour(
      h,
      { by: actor.accountId, at: now, reason: input.reason },
      trx,
    );
    if (!done) throw alreadyRevoked(h, now);
    await audit(
      ctx,
      actor,
      s,
      'evaluation.honour.revoke',
      {
        honourId: h.id,
        certificateNo: h.certificate_no,
        holderKind: h.holder_kind,
        holderId: h.holder_id,
        reason: input.reason,
        titleRemoved,
        ruleId: RULE_ID,
      },
      trx,
    );
  });
  return selectionDetail(ctx, actor, s.id);
}
