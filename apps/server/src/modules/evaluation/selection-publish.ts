/**
 * Publishing a selection (R3-G18, R3-S06): the selected candidates, within the policy, become awardees; each gets
 * a certificate of honour (荣誉证书) with its number and a verification code (Y-VERIFY-CODE's form, verified on the
 * public page through the hours module's lookup); a 优秀工作坊's or 优秀工作室's title is recorded through the
 * communities module (R3-W15's backbone candidates read a workshop's there). Revoking is honour-revoke.ts. Also what other modules read: a teacher's honours for the growth
 * archive, and an honour by its code for the public page.
 */
import { randomBytes } from 'node:crypto';
import type { ArchiveHonour, SelectionDetail } from '@yanxun/contracts';
import { VERIFICATION_CODE_RANDOM, verificationCodeFromBytes } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError } from '../../shared/app-error';
import { can } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import type { EvaluationOrg } from './ports';
import {
  alreadyPublished,
  loadSelection,
  ruleIdOf,
  ruleOf,
  type SelectionsContext,
  selectionDetail,
  titleRuleIdOf,
} from './selection-access';
import { assertPolicy, audit } from './selections';

/** The honour's level by the awarding unit's region: a county's (or a county 进修学校's) is 县级, and so on. */
const levelOf = (o: EvaluationOrg) => (o.county_id ? '县级' : o.city_id ? '市级' : '省级');

/** 荣证〔2026〕12-003: the year, the selection and the awardee's place in it. */
const certificateNo = (year: number, selectionId: string, i: number) =>
  `荣证〔${year}〕${selectionId}-${String(i + 1).padStart(3, '0')}`;

export async function publishSelection(
  ctx: SelectionsContext,
  actor: Actor,
  id: string,
): Promise<SelectionDetail> {
  const loaded = await loadSelection(ctx, actor, id, 'evaluation.manage');
  if (loaded.status !== 'draft') throw alreadyPublished(loaded);
  const rule = ruleOf(loaded);
  const selected = (await ctx.selections.candidatesOf(loaded)).filter((c) => c.selected);
  if (selected.length === 0)
    throw new AppError('CONFLICT', `「${loaded.name}」还没有选定的${rule.label}，不能发布`, {
      ruleId: ruleIdOf(loaded),
    });
  assertPolicy(loaded, selected);
  if (rule.recordsTitle) {
    const refused = selected.filter((c) => !can(actor, 'community.title', c.org_path));
    if (refused.length > 0)
      throw new AppError(
        'FORBIDDEN',
        `发布${rule.label}评选会授予「${rule.label}」称号，需由其主管教育局的管理员发布（${refused
          .map((c) => c.name)
          .join('、')}）`,
        { permission: 'community.title', ruleId: titleRuleIdOf(loaded) },
      );
    // the communities module's own use case records (idempotently) and audits each title before the
    // certificates are issued: a publish that fails after this is simply repeated
    for (const c of selected) await ctx.selection.communities.recordTitle(actor, c.holder_id, loaded.year);
  }
  const owner = await ctx.orgs.findById(loaded.owner_org_id);
  const now = ctx.now();
  const title = `${loaded.year}年度${rule.label}`;
  await ctx.db.transaction().execute(async (trx) => {
    const s = (await ctx.selections.lockSelection(loaded, trx)) ?? loaded;
    if (s.status !== 'draft') throw alreadyPublished(s);
    const rows = selected.map((c, i) => ({
      county_id: s.county_id,
      selection_id: s.id,
      candidate_id: c.id,
      code: verificationCodeFromBytes(randomBytes(VERIFICATION_CODE_RANDOM)),
      certificate_no: certificateNo(s.year, s.id, i),
      holder_kind: c.holder_kind,
      holder_id: c.holder_id,
      holder_name: c.name,
      unit_name: c.unit_name,
      year: s.year,
      title,
      issuer_name: owner?.name ?? '',
      issued_on: dateOf(now),
      issued_by: actor.accountId,
      issued_at: now,
    }));
    await ctx.selections.insertHonours(rows, trx);
    await ctx.selections.publishSelection(s, actor.accountId, now, trx);
    await audit(
      ctx,
      actor,
      s,
      'evaluation.selection.publish',
      {
        awardees: rows.map((r) => ({ holderKind: r.holder_kind, holderId: r.holder_id })),
        certificateNos: rows.map((r) => r.certificate_no),
        titlesRecorded: rule.recordsTitle,
        ruleIds: rule.ruleIds,
      },
      trx,
    );
  });
  return selectionDetail(ctx, actor, id);
}

/**
 * A teacher's standing honours for the growth archive (no actor: the archive decided who reads): their own
 * (先进个人), and those of a workshop or studio they were a member of in the honour's year. A revoked certificate is
 * left out: it is no honour the teacher holds (the selection keeps it on record as revoked).
 */
export async function honoursOfTeacher(ctx: SelectionsContext, teacherId: string): Promise<ArchiveHonour[]> {
  const memberships = (await ctx.selection.communities.membershipsOf(teacherId)).filter(
    (m) => m.role !== 'applicant',
  );
  const rows = await ctx.selections.honoursOfHolders([
    { kind: 'teacher', id: teacherId },
    ...[...new Set(memberships.map((m) => m.communityId))].map((id) => ({ kind: 'community' as const, id })),
  ]);
  const memberIn = (communityId: string, year: number) =>
    memberships.some(
      (m) =>
        m.communityId === communityId &&
        m.fromDate <= `${year}-12-31` &&
        (m.toDate === null || m.toDate >= `${year}-01-01`),
    );
  const kept = rows.filter((h) => h.holder_kind === 'teacher' || memberIn(h.holder_id, h.year));
  const selections = new Map<string, string>();
  for (const sid of new Set(kept.map((h) => h.selection_id))) {
    const s = await ctx.selections.findSelection(sid);
    const owner = s && (await ctx.orgs.findById(s.owner_org_id));
    if (owner) selections.set(sid, levelOf(owner));
  }
  return kept.map((h) => ({
    title: h.holder_kind === 'teacher' ? h.title : `${h.title}（所在${h.holder_name}）`,
    level: selections.get(h.selection_id) || null,
    awardedOn: h.issued_on,
    issuer: h.issuer_name,
  }));
}

/** An honour by its code, for the public verification page (the hours module formats and masks it); a revoked one
 * with the day it was revoked, never why. */
export async function honourByCode(ctx: SelectionsContext, code: string) {
  const h = await ctx.selections.honourByCode(code);
  return (
    h && {
      code: h.code,
      holder: h.holder_name,
      holderIsPerson: h.holder_kind === 'teacher',
      title: h.title,
      certificateNo: h.certificate_no,
      issuer: h.issuer_name,
      issuedOn: h.issued_on,
      revokedOn: h.revoked_at ? dateOf(h.revoked_at) : null,
    }
  );
}
