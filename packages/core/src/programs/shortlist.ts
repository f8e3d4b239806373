/**
 * The provider's selection from a competitive shortlist (差额遴选, R-004-59: "培训对象采取1:1.2差额方式由承训高校
 * 遴选确定"). Nominating units put up ⌈places × ratio⌉ candidates per quota node (`shortlistSize`); the provider
 * university scores and ranks them and marks each selected or not selected (with a reason), never more selected
 * than the free places of a node nor of the programme; then it submits, and (pack setting `ownerConfirms`) the
 * programme's owner confirms or returns the list. Pure: the server counts, this decides.
 */
import { findProjectType, type PolicyPack, type PolicyValue, pv } from './policy-pack';
import { shortlistSize } from './quota';

export const SHORTLIST_RULE_ID = 'R-004-59';

export interface ShortlistRules {
  ratio: PolicyValue<number>;
  ownerConfirms: PolicyValue<boolean>;
}

/** Packs saved before the setting existed: the owner confirms (the reading of the built-in Henan pack). */
const DEFAULT_OWNER_CONFIRMS = pv(
  true,
  SHORTLIST_RULE_ID,
  'S004:L128-130',
  '解读：承训高校遴选并提交，项目主办单位确认后生效（政策包未设置时的默认值）',
);

/** The shortlist rules of a project type, or undefined when its nominations are not competitive. */
export function shortlistRulesOf(pack: PolicyPack, projectTypeCode: string): ShortlistRules | undefined {
  const type = findProjectType(pack, projectTypeCode);
  const ratio = type?.competitiveRatio;
  if (!type || !ratio || !Number.isFinite(ratio.value) || ratio.value < 1) return undefined;
  return { ratio, ownerConfirms: type.shortlistSelection?.ownerConfirms ?? DEFAULT_OWNER_CONFIRMS };
}

/** One quota node's candidates and marks, as counted by the server. */
export interface ShortlistNode {
  orgId: string;
  orgName: string;
  /** Free places of the node: its own seats (not passed down) that no selected nomination uses yet. */
  places: number;
  /** Live candidates (status `candidate`). */
  candidates: number;
  /** Candidates marked selected / not selected by the provider. */
  selected: number;
  notSelected: number;
}

export interface ShortlistProblem {
  code: 'SHORTLIST.OVER_PLACES' | 'SHORTLIST.OVER_TOTAL' | 'SHORTLIST.UNDECIDED' | 'SHORTLIST.EMPTY';
  ruleId: string;
  /** The quota node concerned; null for the programme as a whole. */
  orgId: string | null;
  values: Record<string, number | string>;
  message: string;
}

/** ⌈places × ratio⌉: how many candidates a node may put up (shown next to its places). */
export function candidateCap(places: number, ratio: number): number {
  return shortlistSize(Math.max(0, places), ratio);
}

/**
 * What is wrong with a selection. `mark`: only the limits (never more selected than the places of a node, nor
 * than the programme's free places: exactly filled passes, one over fails). `submit`: also every candidate must
 * be decided, and there must be at least one candidate.
 */
export function checkShortlist(
  input: { nodes: readonly ShortlistNode[]; totalPlaces: number; ratio: number },
  stage: 'mark' | 'submit',
): ShortlistProblem[] {
  const problems: ShortlistProblem[] = [];
  let selected = 0;
  let candidates = 0;
  for (const n of input.nodes) {
    selected += n.selected;
    candidates += n.candidates;
    if (n.selected > n.places) {
      problems.push({
        code: 'SHORTLIST.OVER_PLACES',
        ruleId: SHORTLIST_RULE_ID,
        orgId: n.orgId,
        values: {
          org: n.orgName,
          places: n.places,
          selected: n.selected,
          over: n.selected - n.places,
          ratio: input.ratio,
        },
        message: `${n.orgName}名额 ${n.places} 个，确定入选 ${n.selected} 人，超出 ${n.selected - n.places} 人，入选不得超过名额`,
      });
    }
    const undecided = n.candidates - n.selected - n.notSelected;
    if (stage === 'submit' && undecided > 0) {
      problems.push({
        code: 'SHORTLIST.UNDECIDED',
        ruleId: SHORTLIST_RULE_ID,
        orgId: n.orgId,
        values: { org: n.orgName, candidates: n.candidates, undecided },
        message: `${n.orgName}还有 ${undecided} 名候选人未确定是否入选`,
      });
    }
  }
  // the programme total on its own: when a node is over, that node's problem says it already
  if (selected > input.totalPlaces && !problems.some((p) => p.code === 'SHORTLIST.OVER_PLACES')) {
    problems.push({
      code: 'SHORTLIST.OVER_TOTAL',
      ruleId: SHORTLIST_RULE_ID,
      orgId: null,
      values: { places: input.totalPlaces, selected, over: selected - input.totalPlaces, ratio: input.ratio },
      message: `本项目名额 ${input.totalPlaces} 个，确定入选 ${selected} 人，超出 ${selected - input.totalPlaces} 人，入选不得超过名额`,
    });
  }
  if (stage === 'submit' && candidates === 0) {
    problems.push({
      code: 'SHORTLIST.EMPTY',
      ruleId: SHORTLIST_RULE_ID,
      orgId: null,
      values: { candidates: 0 },
      message: `本项目还没有候选人，无法提交遴选结果`,
    });
  }
  return problems;
}

/**
 * Ranks by score, highest first, standard competition ranking (1, 2, 2, 4); unscored items have no rank.
 * Ties keep the input order.
 */
export function rankByScore<T extends { score: number | null }>(
  items: readonly T[],
): Array<T & { rank: number | null }> {
  const order = items
    .map((item, i) => ({ item, i }))
    .filter((x) => x.item.score !== null)
    .sort((a, b) => (b.item.score ?? 0) - (a.item.score ?? 0) || a.i - b.i);
  const ranks = new Map<number, number>();
  order.forEach((x, pos) => {
    const prev = order[pos - 1];
    ranks.set(x.i, prev && prev.item.score === x.item.score ? (ranks.get(prev.i) ?? pos + 1) : pos + 1);
  });
  return items.map((item, i) => ({ ...item, rank: ranks.get(i) ?? null }));
}
