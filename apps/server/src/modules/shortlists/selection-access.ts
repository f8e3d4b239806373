import { quotaReason, type ShortlistAction } from '@yanxun/contracts';
import type { ShortlistProblem, ShortlistRules } from '@yanxun/core';
import { SELECTION_DEADLINE_RULE_ID, SHORTLIST_RULE_ID, shortlistRulesOf } from '@yanxun/core';
import type { Actor } from '../../shared/actor';
import { AppError, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can } from '../../shared/permissions';
import { dateOf } from '../../shared/time';
import type { ProgrammeRef } from '../programs';
import type { ShortlistsContext } from './context';
import type { SelectionRow } from './shortlists.repository';

/** Trainee selection deadline (R-004-18): marks and submissions close after it (Asia/Shanghai). */

/** A competitive programme as a use case sees it: its rules, its approved provider and the actor's part in it. */
export interface Loaded {
  programme: ProgrammeRef;
  rules: ShortlistRules;
  provider: { id: string; name: string; path: string };
  isProvider: boolean;
  isOwner: boolean;
}

/**
 * The programme's selection as the actor may see it: the provider sees only its own programmes, the owner only
 * those it owns (anyone else: 404). Refused when the programme is not competitive or has no approved provider.
 */
export async function load(ctx: ShortlistsContext, actor: Actor, id: string): Promise<Loaded> {
  const pp = isId(id) ? await ctx.programmes.programmeWithPack(id) : undefined;
  if (!pp) throw notFound('差额遴选');
  const provider = await ctx.repo.approvedProvider(pp.programme.id);
  const isProvider = provider !== undefined && can(actor, 'shortlist.select', provider.path);
  const isOwner = can(actor, 'shortlist.review', pp.programme.ownerPath);
  if (!isProvider && !isOwner) throw notFound('差额遴选');
  const rules = shortlistRulesOf(pp.pack, pp.programme.projectTypeCode);
  if (!rules) {
    throw new AppError('VALIDATION_FAILED', `本项目不采取差额遴选，推荐即入选`, {
      ruleId: SHORTLIST_RULE_ID,
      ...quotaReason('SHORTLIST.NOT_COMPETITIVE'),
    });
  }
  if (!provider) {
    throw new AppError('CONFLICT', `本项目尚未批准承训机构，差额遴选由承训高校进行，请先审批培训方案`, {
      ruleId: SHORTLIST_RULE_ID,
      ...quotaReason('SHORTLIST.NO_PROVIDER'),
    });
  }
  return { programme: pp.programme, rules, provider, isProvider, isOwner };
}

/** Today in the deployment's time zone, from the context's clock. */
export function today(ctx: ShortlistsContext): string {
  return dateOf(ctx.now());
}

/** What a refusal says could not be done any more, in the server's Chinese. */
const ACTION_ZH: Record<ShortlistAction, string> = {
  submit: '提交',
  submit_result: '提交遴选结果',
  edit_result: '修改遴选结果',
};

export function requireBeforeDeadline(ctx: ShortlistsContext, l: Loaded, what: ShortlistAction) {
  const t = today(ctx);
  if (t > l.programme.selectionDeadline) {
    throw new AppError(
      'VALIDATION_FAILED',
      `遴选已于 ${l.programme.selectionDeadline} 截止，不能再${ACTION_ZH[what]}；如需延期，请项目主办单位修改遴选截止日期`,
      {
        ruleId: SELECTION_DEADLINE_RULE_ID,
        rules: [SELECTION_DEADLINE_RULE_ID, SHORTLIST_RULE_ID],
        selectionDeadline: l.programme.selectionDeadline,
        today: t,
        ...quotaReason('SHORTLIST.DEADLINE_PASSED', { deadline: l.programme.selectionDeadline, what }),
      },
    );
  }
}

export function requireProvider(l: Loaded) {
  if (!l.isProvider) {
    throw new AppError('FORBIDDEN', `差额遴选由承训高校（${l.provider.name}）进行`, {
      ruleId: SHORTLIST_RULE_ID,
      ...quotaReason('SHORTLIST.PROVIDER_ONLY', { provider: l.provider.name }),
    });
  }
}

export function requireOwner(l: Loaded) {
  if (!l.isOwner)
    throw new AppError(
      'FORBIDDEN',
      `只有项目主办单位（${l.programme.ownerOrgName}）可以确认或退回遴选结果`,
      quotaReason('SHORTLIST.OWNER_ONLY', { owner: l.programme.ownerOrgName }),
    );
}

export function problemsError(problems: ShortlistProblem[]): AppError {
  const first = problems[0];
  const message =
    problems.length === 1 && first
      ? first.message
      : `遴选结果有 ${problems.length} 处问题：${problems.map((p) => p.message).join('；')}`;
  const reason =
    problems.length === 1 && first
      ? quotaReason(first.code, first.values)
      : quotaReason('SHORTLIST.PROBLEMS', { count: problems.length });
  return new AppError('VALIDATION_FAILED', message, { ruleId: SHORTLIST_RULE_ID, problems, ...reason });
}

/** Why the selection row cannot be written now (it is submitted or confirmed). */
export function closedError(sel: SelectionRow | undefined, what: ShortlistAction): AppError {
  if (sel?.status === 'confirmed') {
    return new AppError('CONFLICT', `遴选结果已确认，不能再${ACTION_ZH[what]}`, {
      ruleId: SHORTLIST_RULE_ID,
      status: 'confirmed',
      ...quotaReason('SHORTLIST.CONFIRMED', { what }),
    });
  }
  const on = sel?.submitted_at ? dateOf(sel.submitted_at) : undefined;
  const at = on ? `已于 ${on} ` : '已';
  return new AppError(
    'CONFLICT',
    `遴选结果${at}提交，等待项目主办单位确认，不能重复提交或再${ACTION_ZH[what]}；如需修改，请主办单位退回`,
    {
      ruleId: SHORTLIST_RULE_ID,
      status: sel?.status ?? 'submitted',
      ...(on
        ? quotaReason('SHORTLIST.SUBMITTED_ON', { what, submittedOn: on })
        : quotaReason('SHORTLIST.SUBMITTED', { what })),
    },
  );
}
