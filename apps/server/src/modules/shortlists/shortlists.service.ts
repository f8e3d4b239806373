import type {
  ShortlistCandidate,
  ShortlistMarksRequest,
  ShortlistReturnRequest,
  ShortlistSelection,
  ShortlistSummary,
} from '@yanxun/contracts';
import {
  candidateCap,
  checkShortlist,
  maskIdNumber,
  QUOTA_RULE_ID,
  rankByScore,
  SHORTLIST_RULE_ID,
  type ShortlistNode,
  type ShortlistProblem,
  type ShortlistRules,
  shortlistRulesOf,
  todayInShanghai,
} from '@yanxun/core';
import type { Database } from '../../db/database';
import type { Actor } from '../../shared/actor';
import { AppError, forbidden, notFound } from '../../shared/app-error';
import { isId } from '../../shared/ids';
import { can, requirePermission, scopeOf } from '../../shared/permissions';
import type { AuditService } from '../audit';
import type { NotificationsService } from '../notifications';
import type { ProgrammeRef, ProgramsRepository, ProgramsService } from '../programs';
import type {
  MarkWrite,
  SelectionRow,
  ShortlistCandidateRow,
  ShortlistQuotaRow,
  ShortlistsRepository,
} from './shortlists.repository';

/** Trainee selection deadline (R-004-18): marks and submissions close after it (Asia/Shanghai). */
const DEADLINE_RULE_ID = 'R-004-18';

type Status = ShortlistSelection['status'];

interface Loaded {
  programme: ProgrammeRef;
  rules: ShortlistRules;
  provider: { id: string; name: string; path: string };
  isProvider: boolean;
  isOwner: boolean;
}

interface Tally {
  nodes: Array<ShortlistNode & { regionId: string; cap: number; undecided: number }>;
  totalPlaces: number;
  selected: number;
}

/**
 * The provider's selection from a competitive shortlist (差额遴选, R-004-59): the approved provider of a
 * programme scores and marks its candidates and submits; the owner confirms or returns (pack setting
 * `shortlistSelection.ownerConfirms`). Confirmation takes the seats through the seat cascade and decides the
 * nominations; every candidate is notified. A provider sees only its own programmes; the owner only those it
 * owns (anyone else: 404).
 */
export function createShortlistsService(deps: {
  db: Database;
  repo: ShortlistsRepository;
  programs: ProgramsService;
  programsRepo: ProgramsRepository;
  notifications: NotificationsService;
  audit: AuditService;
  clock?: () => Date;
}) {
  const { db, repo, programs, programsRepo, notifications, audit } = deps;
  const now = deps.clock ?? (() => new Date());

  async function load(actor: Actor, id: string): Promise<Loaded> {
    const pp = isId(id) ? await programs.programmeWithPack(id) : undefined;
    if (!pp) throw notFound('差额遴选');
    const provider = await repo.approvedProvider(pp.programme.id);
    const isProvider = provider !== undefined && can(actor, 'shortlist.select', provider.path);
    const isOwner = can(actor, 'shortlist.review', pp.programme.ownerPath);
    if (!isProvider && !isOwner) throw notFound('差额遴选');
    const rules = shortlistRulesOf(pp.pack, pp.programme.projectTypeCode);
    if (!rules) {
      throw new AppError('VALIDATION_FAILED', `本项目不采取差额遴选（${SHORTLIST_RULE_ID}），推荐即入选`, {
        ruleId: SHORTLIST_RULE_ID,
      });
    }
    if (!provider) {
      throw new AppError(
        'CONFLICT',
        `本项目尚未批准承训机构，差额遴选由承训高校进行（${SHORTLIST_RULE_ID}），请先审批培训方案`,
        { ruleId: SHORTLIST_RULE_ID },
      );
    }
    return { programme: pp.programme, rules, provider, isProvider, isOwner };
  }

  const today = () => todayInShanghai(now());

  function requireBeforeDeadline(l: Loaded, what: string) {
    const t = today();
    if (t > l.programme.selectionDeadline) {
      throw new AppError(
        'VALIDATION_FAILED',
        `遴选已于 ${l.programme.selectionDeadline} 截止（${DEADLINE_RULE_ID}、${SHORTLIST_RULE_ID}），不能再${what}；如需延期，请项目主办单位修改遴选截止日期`,
        {
          ruleId: DEADLINE_RULE_ID,
          rules: [DEADLINE_RULE_ID, SHORTLIST_RULE_ID],
          selectionDeadline: l.programme.selectionDeadline,
          today: t,
        },
      );
    }
  }

  function requireProvider(l: Loaded) {
    if (!l.isProvider) {
      throw forbidden(`差额遴选由承训高校（${l.provider.name}）进行（${SHORTLIST_RULE_ID}）`);
    }
  }

  function requireOwner(l: Loaded) {
    if (!l.isOwner) throw forbidden(`只有项目主办单位（${l.programme.ownerOrgName}）可以确认或退回遴选结果`);
  }

  /** Per quota node: places, the candidate cap, and the provider's marks. Candidates decided by this selection count. */
  function tally(l: Loaded, quotas: ShortlistQuotaRow[], rows: ShortlistCandidateRow[]): Tally {
    const ratio = l.rules.ratio.value;
    const byNode = new Map<string, ShortlistCandidateRow[]>();
    for (const r of rows) byNode.set(r.quota_org_id, [...(byNode.get(r.quota_org_id) ?? []), r]);
    const nodes: Tally['nodes'] = [];
    let usedElsewhere = 0;
    for (const q of quotas) {
      const mine = byNode.get(q.org_id) ?? [];
      // seats this selection already took (after confirmation) are still its places
      const takenHere = mine.filter((r) => r.status === 'selected' && r.decision === 'selected').length;
      usedElsewhere += q.used - takenHere;
      const own = q.seats - q.allocated;
      if (own <= 0 && mine.length === 0) continue;
      const places = Math.max(0, own - (q.used - takenHere));
      const selected = mine.filter((r) => r.decision === 'selected').length;
      const notSelected = mine.filter((r) => r.decision === 'not_selected').length;
      nodes.push({
        orgId: q.org_id,
        orgName: q.org_name,
        regionId: q.region_id,
        places,
        cap: candidateCap(places, ratio),
        candidates: mine.length,
        selected,
        notSelected,
        undecided: mine.length - selected - notSelected,
      });
    }
    return {
      nodes,
      totalPlaces: Math.max(0, l.programme.totalSeats - usedElsewhere),
      selected: nodes.reduce((a, n) => a + n.selected, 0),
    };
  }

  function problemsError(problems: ShortlistProblem[]): AppError {
    const first = problems[0];
    const message =
      problems.length === 1 && first
        ? first.message
        : `遴选结果有 ${problems.length} 处问题（${SHORTLIST_RULE_ID}）：${problems.map((p) => p.message).join('；')}`;
    return new AppError('VALIDATION_FAILED', message, { ruleId: SHORTLIST_RULE_ID, problems });
  }

  function toCandidate(r: ShortlistCandidateRow, rank: number | null): ShortlistCandidate {
    return {
      nominationId: r.id,
      teacherId: r.teacher_id,
      teacherName: r.teacher_name,
      gender: r.gender,
      idNumberMasked: maskIdNumber(r.id_number),
      title: r.title,
      subject: r.subject,
      stage: r.stage,
      schoolId: r.school_id,
      schoolName: r.school_name,
      quotaOrgId: r.quota_org_id,
      quotaOrgName: r.quota_org_name,
      status: r.status as ShortlistCandidate['status'],
      eligibility: r.eligibility as ShortlistCandidate['eligibility'],
      overrideReason: r.override_reason,
      nominatedAt: r.created_at.toISOString(),
      score: r.score_tenths === null ? null : r.score_tenths / 10,
      rank,
      decision: r.decision as ShortlistCandidate['decision'],
      reason: r.reason,
      markedBy: r.marked_by_name,
      markedAt: r.marked_at ? r.marked_at.toISOString() : null,
    };
  }

  async function view(l: Loaded): Promise<ShortlistSelection> {
    const [sel, rows, quotas] = await Promise.all([
      repo.findSelection(l.programme.id),
      repo.candidates(l.programme.id),
      repo.quotas(l.programme.id),
    ]);
    const status = (sel?.status ?? 'open') as Status;
    const t = tally(l, quotas, rows);
    const open = status === 'open' || status === 'returned';
    const deadlinePassed = today() > l.programme.selectionDeadline;
    const ranked = rankByScore(rows.map((r) => ({ r, score: r.score_tenths })));
    return {
      programmeId: l.programme.id,
      programmeTitle: l.programme.title,
      projectTypeCode: l.programme.projectTypeCode,
      ownerOrgName: l.programme.ownerOrgName,
      providerOrgId: l.provider.id,
      providerName: l.provider.name,
      selectionDeadline: l.programme.selectionDeadline,
      deadlinePassed,
      ruleId: SHORTLIST_RULE_ID,
      ratio: l.rules.ratio.value,
      ownerConfirms: {
        value: l.rules.ownerConfirms.value,
        ruleId: l.rules.ownerConfirms.ruleId,
        note: l.rules.ownerConfirms.note ?? null,
      },
      status,
      round: sel?.round ?? 0,
      totalPlaces: t.totalPlaces,
      selected: t.selected,
      submittedBy: sel?.submitted_by_name ?? null,
      submittedAt: sel?.submitted_at ? sel.submitted_at.toISOString() : null,
      decidedBy: sel?.decided_by_name ?? null,
      decidedAt: sel?.decided_at ? sel.decided_at.toISOString() : null,
      returnComment: sel?.return_comment ?? null,
      canSelect: l.isProvider && open && !deadlinePassed,
      canReview: l.isOwner && status === 'submitted',
      nodes: t.nodes.map(({ regionId: _r, ...n }) => n),
      candidates: ranked.map((x) => toCandidate(x.r, x.rank)),
      problems: open ? checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'submit') : [],
    };
  }

  /** Why the selection row cannot be written now (it is submitted or confirmed). */
  function closedError(sel: SelectionRow | undefined, what: string): AppError {
    if (sel?.status === 'confirmed') {
      return new AppError('CONFLICT', `遴选结果已确认（${SHORTLIST_RULE_ID}），不能再${what}`, {
        ruleId: SHORTLIST_RULE_ID,
        status: 'confirmed',
      });
    }
    const at = sel?.submitted_at ? `已于 ${todayInShanghai(sel.submitted_at)} ` : '已';
    return new AppError(
      'CONFLICT',
      `遴选结果${at}提交，等待项目主办单位确认（${SHORTLIST_RULE_ID}），不能重复提交或再${what}；如需修改，请主办单位退回`,
      { ruleId: SHORTLIST_RULE_ID, status: sel?.status ?? 'submitted' },
    );
  }

  /**
   * Turn the marks into outcomes (inside the transaction holding the selection row): seats taken per node with
   * the seat cascade's conditional update, nominations decided, every candidate notified.
   */
  async function apply(actor: Actor, l: Loaded, decidedBy: string | null, trx: Database) {
    const rows = await repo.candidates(l.programme.id, trx);
    const t = tally(l, await repo.quotas(l.programme.id, trx), rows);
    const problems = checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'submit');
    if (problems.length > 0) throw problemsError(problems);
    const live = rows.filter((r) => r.status === 'candidate');
    for (const n of t.nodes) {
      const here = live.filter((r) => r.quota_org_id === n.orgId);
      // lock the node's candidates (a school withdrawing one waits) and re-read them
      const locked = await programsRepo.lockCandidates(l.programme.id, n.orgId, trx);
      if (locked.length !== here.length) {
        throw new AppError('CONFLICT', `${n.orgName}的候选人已变化，请刷新后重试（${SHORTLIST_RULE_ID}）`, {
          ruleId: SHORTLIST_RULE_ID,
        });
      }
      const take = here.filter((r) => r.decision === 'selected').length;
      if (
        take > 0 &&
        !(await programsRepo.takeSeats(
          { regionId: n.regionId, programmeId: l.programme.id, orgId: n.orgId },
          take,
          trx,
        ))
      ) {
        throw new AppError(
          'CONFLICT',
          `${n.orgName}的名额已变化，不足 ${take} 个，请退回承训机构重新遴选（${QUOTA_RULE_ID}、${SHORTLIST_RULE_ID}）`,
          { ruleId: SHORTLIST_RULE_ID, orgId: n.orgId, selected: take },
        );
      }
    }
    const values = `1:${l.rules.ratio.value} 差额遴选，${l.provider.name}遴选确定`;
    for (const r of live) {
      const selected = r.decision === 'selected';
      const message = selected
        ? `经差额遴选入选（${SHORTLIST_RULE_ID}，${values}）`
        : `差额遴选未入选（${SHORTLIST_RULE_ID}，${values}）：${r.reason ?? ''}`;
      await programsRepo.decideCandidate(
        r.county_id,
        r.id,
        selected ? 'selected' : 'not_selected',
        message,
        decidedBy,
        trx,
      );
      await notifications.notifyTeacher(
        {
          countyId: r.county_id,
          teacherId: r.teacher_id,
          kind: selected ? 'shortlist.selected' : 'shortlist.not_selected',
          title: selected ? `入选：${l.programme.title}` : `未入选：${l.programme.title}`,
          body: selected
            ? `您已经差额遴选入选"${l.programme.title}"（${SHORTLIST_RULE_ID}，${values}）。`
            : `您未入选"${l.programme.title}"（${SHORTLIST_RULE_ID}，${values}）。原因：${r.reason ?? ''}`,
          entity: 'nomination',
          entityId: r.id,
        },
        trx,
      );
    }
    await audit.record(
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

  return {
    /** Competitive programmes the actor selects for (provider) or reviews (owner), with their state. */
    async list(actor: Actor): Promise<ShortlistSummary[]> {
      const providerRoots = scopeOf(actor, 'shortlist.select');
      const ownerRoots = scopeOf(actor, 'shortlist.review');
      if (providerRoots.length === 0 && ownerRoots.length === 0) throw forbidden('您的角色无权查看差额遴选');
      const rows = await repo.summaries({ providerRoots, ownerRoots });
      const out: ShortlistSummary[] = [];
      for (const r of rows) {
        const pp = await programs.programmeWithPack(r.programme_id);
        if (!pp || !shortlistRulesOf(pp.pack, pp.programme.projectTypeCode)) continue;
        out.push({
          programmeId: r.programme_id,
          programmeTitle: r.title,
          ownerOrgName: r.owner_name,
          providerName: r.provider_name,
          selectionDeadline: r.selection_deadline,
          status: (r.status ?? 'open') as Status,
          totalSeats: r.total_seats,
          candidates: Number(r.candidates),
          selected: Number(r.selected),
          submittedAt: r.submitted_at ? r.submitted_at.toISOString() : null,
        });
      }
      return out;
    },

    async get(actor: Actor, programmeId: string): Promise<ShortlistSelection> {
      return view(await load(actor, programmeId));
    },

    /**
     * Score and mark candidates (all or nothing). Refused: not the provider, after the deadline, once
     * submitted, a nomination that is not a live candidate of the programme, not selected without a reason,
     * more selected than the places of a node or of the programme (counted under the selection row's lock, so
     * concurrent marks cannot pass the limits together).
     */
    async mark(actor: Actor, programmeId: string, req: ShortlistMarksRequest): Promise<ShortlistSelection> {
      requirePermission(actor, 'shortlist.select');
      const l = await load(actor, programmeId);
      requireProvider(l);
      requireBeforeDeadline(l, '修改遴选结果');
      const ids = req.marks.map((m) => m.nominationId);
      const dup = ids.find((x, i) => ids.indexOf(x) !== i);
      if (dup) {
        throw new AppError('VALIDATION_FAILED', `推荐记录 ${dup} 重复出现`, {
          ruleId: SHORTLIST_RULE_ID,
          dup,
        });
      }
      await db.transaction().execute(async (trx) => {
        await repo.ensureSelection(l.programme.id, l.provider, trx);
        if (!(await repo.lockOpen(l.programme.id, trx))) {
          throw closedError(await repo.findSelection(l.programme.id, trx), '修改遴选结果');
        }
        const rows = await repo.candidates(l.programme.id, trx);
        const live = new Map(rows.filter((r) => r.status === 'candidate').map((r) => [r.id, r]));
        const unknown = ids.filter((x) => !live.has(x));
        if (unknown.length > 0) {
          throw new AppError(
            'VALIDATION_FAILED',
            `推荐记录 ${unknown.join('、')} 不是本项目的候选人，不能参加差额遴选（${SHORTLIST_RULE_ID}）`,
            { ruleId: SHORTLIST_RULE_ID, unknown },
          );
        }
        const writes: MarkWrite[] = [];
        for (const m of req.marks) {
          const r = live.get(m.nominationId);
          if (!r) continue;
          const decision = m.decision === undefined ? (r.decision as MarkWrite['decision']) : m.decision;
          const reason = (m.reason === undefined ? r.reason : m.reason)?.trim() || null;
          if (decision === 'not_selected' && !reason) {
            throw new AppError(
              'VALIDATION_FAILED',
              `${r.teacher_name}未入选须写明原因（${SHORTLIST_RULE_ID}），原因会通知本人`,
              { ruleId: SHORTLIST_RULE_ID, field: 'reason', nominationId: r.id },
            );
          }
          const scoreTenths =
            m.score === undefined ? r.score_tenths : m.score === null ? null : Math.round(m.score * 10);
          writes.push({
            countyId: r.county_id,
            nominationId: r.id,
            programmeId: l.programme.id,
            quotaOrgId: r.quota_org_id,
            scoreTenths,
            decision,
            reason,
            markedBy: actor.accountId,
          });
          r.decision = decision;
          r.reason = reason;
          r.score_tenths = scoreTenths;
        }
        await repo.upsertMarks(writes, trx);
        const t = tally(l, await repo.quotas(l.programme.id, trx), rows);
        const problems = checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'mark');
        if (problems.length > 0) throw problemsError(problems);
        await audit.record(
          actor,
          {
            action: 'shortlist.mark',
            entity: 'programme',
            entityId: l.programme.id,
            orgId: l.provider.id,
            details: {
              ruleId: SHORTLIST_RULE_ID,
              marks: writes.map((w) => ({
                nominationId: w.nominationId,
                decision: w.decision,
                score: w.scoreTenths === null ? null : w.scoreTenths / 10,
                reason: w.reason,
              })),
            },
          },
          trx,
        );
      });
      return view(l);
    },

    /**
     * Submit the selection: every candidate decided, within the places. With the owner-confirms setting on, it
     * waits for the owner; otherwise it applies at once. Submitting twice is refused.
     */
    async submit(actor: Actor, programmeId: string): Promise<ShortlistSelection> {
      requirePermission(actor, 'shortlist.select');
      const l = await load(actor, programmeId);
      requireProvider(l);
      requireBeforeDeadline(l, '提交遴选结果');
      const ownerConfirms = l.rules.ownerConfirms.value;
      await db.transaction().execute(async (trx) => {
        await repo.ensureSelection(l.programme.id, l.provider, trx);
        if (!(await repo.lockOpen(l.programme.id, trx))) {
          throw closedError(await repo.findSelection(l.programme.id, trx), '提交');
        }
        const rows = await repo.candidates(l.programme.id, trx);
        const t = tally(l, await repo.quotas(l.programme.id, trx), rows);
        const problems = checkShortlist({ ...t, ratio: l.rules.ratio.value }, 'submit');
        if (problems.length > 0) throw problemsError(problems);
        await repo.setSubmitted(l.programme.id, ownerConfirms, actor.accountId, trx);
        await audit.record(
          actor,
          {
            action: 'shortlist.submit',
            entity: 'programme',
            entityId: l.programme.id,
            orgId: l.provider.id,
            details: {
              ruleId: SHORTLIST_RULE_ID,
              ownerConfirms,
              selected: t.selected,
              totalPlaces: t.totalPlaces,
              nodes: t.nodes.map((n) => ({ orgId: n.orgId, places: n.places, selected: n.selected })),
            },
          },
          trx,
        );
        if (!ownerConfirms) {
          await apply(actor, l, actor.accountId, trx);
          await repo.setDecided(l.programme.id, 'confirmed', actor.accountId, null, trx);
        }
      });
      return view(l);
    },

    /** The owner confirms a submitted selection: it applies (seats, outcomes, notifications). */
    async confirm(actor: Actor, programmeId: string): Promise<ShortlistSelection> {
      requirePermission(actor, 'shortlist.review');
      const l = await load(actor, programmeId);
      requireOwner(l);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lockSubmitted(l.programme.id, trx))) {
          const sel = await repo.findSelection(l.programme.id, trx);
          throw new AppError(
            'CONFLICT',
            sel?.status === 'confirmed'
              ? `遴选结果已确认（${SHORTLIST_RULE_ID}）`
              : `承训机构尚未提交遴选结果，无可确认（${SHORTLIST_RULE_ID}）`,
            { ruleId: SHORTLIST_RULE_ID, status: sel?.status ?? 'open' },
          );
        }
        const sel = await repo.findSelection(l.programme.id, trx);
        await apply(actor, l, sel?.submitted_by ?? null, trx);
        await repo.setDecided(l.programme.id, 'confirmed', actor.accountId, null, trx);
        await audit.record(
          actor,
          {
            action: 'shortlist.confirm',
            entity: 'programme',
            entityId: l.programme.id,
            orgId: l.programme.ownerOrgId,
            details: { ruleId: SHORTLIST_RULE_ID, round: sel?.round ?? null },
          },
          trx,
        );
      });
      return view(l);
    },

    /** The owner returns a submitted selection with a comment; the provider edits and submits again. */
    async returnSelection(
      actor: Actor,
      programmeId: string,
      req: ShortlistReturnRequest,
    ): Promise<ShortlistSelection> {
      requirePermission(actor, 'shortlist.review');
      const l = await load(actor, programmeId);
      requireOwner(l);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.lockSubmitted(l.programme.id, trx))) {
          const sel = await repo.findSelection(l.programme.id, trx);
          throw new AppError(
            'CONFLICT',
            sel?.status === 'confirmed'
              ? `遴选结果已确认，不能退回（${SHORTLIST_RULE_ID}）`
              : `承训机构尚未提交遴选结果，无可退回（${SHORTLIST_RULE_ID}）`,
            { ruleId: SHORTLIST_RULE_ID, status: sel?.status ?? 'open' },
          );
        }
        await repo.setDecided(l.programme.id, 'returned', actor.accountId, req.comment, trx);
        await audit.record(
          actor,
          {
            action: 'shortlist.return',
            entity: 'programme',
            entityId: l.programme.id,
            orgId: l.programme.ownerOrgId,
            details: { ruleId: SHORTLIST_RULE_ID, comment: req.comment },
          },
          trx,
        );
      });
      return view(l);
    },
  };
}

export type ShortlistsService = ReturnType<typeof createShortlistsService>;
