import type { ShortlistCandidate, ShortlistDecision } from '@yanxun/contracts';

/** The provider's unsaved edits of one candidate (absent keys: unchanged). */
export interface Draft {
  score?: number | null;
  decision?: ShortlistDecision | null;
  reason?: string;
}

export interface CandidateFilters {
  node: string | null;
  decision: 'all' | 'undecided' | ShortlistDecision;
  attention: boolean;
  search: string;
}

/** A candidate with its draft applied (what the table shows). */
export function withDraft(c: ShortlistCandidate, d: Draft | undefined): ShortlistCandidate {
  if (!d) return c;
  return {
    ...c,
    score: d.score === undefined ? c.score : d.score,
    decision: d.decision === undefined ? c.decision : d.decision,
    reason: d.reason === undefined ? c.reason : d.reason,
  };
}

/** Eligible without a soft-rule override: nothing for the provider to look at twice. */
export function eligibilityState(c: ShortlistCandidate): 'ok' | 'override' | 'no' {
  if (!c.eligibility.eligible) return 'no';
  return c.eligibility.checks.some((x) => x.override) || c.overrideReason ? 'override' : 'ok';
}

export function filterCandidates(list: ShortlistCandidate[], f: CandidateFilters): ShortlistCandidate[] {
  const q = f.search.trim();
  return list.filter(
    (c) =>
      (f.node === null || c.quotaOrgId === f.node) &&
      (f.decision === 'all' ||
        (f.decision === 'undecided' ? c.decision === null : c.decision === f.decision)) &&
      (!f.attention || eligibilityState(c) !== 'ok') &&
      (q === '' || c.teacherName.includes(q)),
  );
}

export interface NodeCounts {
  selected: number;
  notSelected: number;
  undecided: number;
}

/** Selected / not selected / undecided per nominating unit with the drafts applied (shown before saving). */
export function countsByNode(list: ShortlistCandidate[]): Map<string, NodeCounts> {
  const out = new Map<string, NodeCounts>();
  for (const c of list) {
    const n = out.get(c.quotaOrgId) ?? { selected: 0, notSelected: 0, undecided: 0 };
    if (c.decision === 'selected') n.selected += 1;
    else if (c.decision === 'not_selected') n.notSelected += 1;
    else n.undecided += 1;
    out.set(c.quotaOrgId, n);
  }
  return out;
}

/** The marks request of the drafts; a not-selected draft without a reason is reported instead of sent. */
export function marksOf(
  drafts: Record<string, Draft>,
  candidates: ShortlistCandidate[],
): { marks: Array<{ nominationId: string } & Draft>; missingReason: string[] } {
  const byId = new Map(candidates.map((c) => [c.nominationId, c]));
  const marks: Array<{ nominationId: string } & Draft> = [];
  const missingReason: string[] = [];
  for (const [id, d] of Object.entries(drafts)) {
    const c = byId.get(id);
    if (!c) continue;
    const after = withDraft(c, d);
    if (after.decision === 'not_selected' && !(after.reason ?? '').trim()) missingReason.push(c.teacherName);
    marks.push({ nominationId: id, ...d });
  }
  return { marks, missingReason };
}
