import type { ShortlistCandidate, ShortlistSelection } from '@yanxun/contracts';
import {
  candidateCap,
  checkShortlist,
  maskIdNumber,
  rankByScore,
  SHORTLIST_RULE_ID,
  type ShortlistNode,
} from '@yanxun/core';
import type { ShortlistsContext } from './context';
import { type Loaded, today } from './selection-access';
import type { ShortlistCandidateRow, ShortlistQuotaRow } from './shortlists.repository';

export type Status = ShortlistSelection['status'];

export interface Tally {
  nodes: Array<ShortlistNode & { regionId: string; cap: number; undecided: number }>;
  totalPlaces: number;
  selected: number;
}

/** Per quota node: places, the candidate cap, and the provider's marks. Candidates decided by this selection count. */
export function tally(l: Loaded, quotas: ShortlistQuotaRow[], rows: ShortlistCandidateRow[]): Tally {
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

export function toCandidate(r: ShortlistCandidateRow, rank: number | null): ShortlistCandidate {
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

/** The selection as the API shows it: state, places per node, ranked candidates and what is still wrong. */
export async function view(ctx: ShortlistsContext, l: Loaded): Promise<ShortlistSelection> {
  const [sel, rows, quotas] = await Promise.all([
    ctx.repo.findSelection(l.programme.id),
    ctx.repo.candidates(l.programme.id),
    ctx.repo.quotas(l.programme.id),
  ]);
  const status = (sel?.status ?? 'open') as Status;
  const t = tally(l, quotas, rows);
  const open = status === 'open' || status === 'returned';
  const deadlinePassed = today(ctx) > l.programme.selectionDeadline;
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
