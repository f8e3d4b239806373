import { describe, expect, it } from 'vitest';
import { HENAN_2021_PACK } from './henan-2021';
import type { PolicyPack } from './policy-pack';
import { candidateCap, checkShortlist, rankByScore, type ShortlistNode, shortlistRulesOf } from './shortlist';

const node = (over: Partial<ShortlistNode> = {}): ShortlistNode => ({
  orgId: '7',
  orgName: '甲校',
  places: 10,
  candidates: 12,
  selected: 0,
  notSelected: 0,
  ...over,
});

describe('shortlistRulesOf (R-004-59)', () => {
  it('R-004-59 project 3 of the Henan pack: 1:1.2, the owner confirms (setting with its reading)', () => {
    const r = shortlistRulesOf(HENAN_2021_PACK, 'trainer_advanced');
    expect(r?.ratio.value).toBe(1.2);
    expect(r?.ownerConfirms).toMatchObject({ value: true, ruleId: 'R-004-59', source: 'S004:L128-130' });
    expect(r?.ownerConfirms.note).toContain('解读');
  });

  it('R-004-59 a project type without a ratio is not competitive', () => {
    expect(shortlistRulesOf(HENAN_2021_PACK, 'rural_backbone')).toBeUndefined();
    expect(shortlistRulesOf(HENAN_2021_PACK, 'no_such_type')).toBeUndefined();
  });

  it('R-004-59 a pack saved before the setting existed: the owner confirms by default', () => {
    const pack = structuredClone(HENAN_2021_PACK) as PolicyPack;
    const type = pack.projectTypes.find((t) => t.code === 'trainer_advanced');
    if (type) delete type.shortlistSelection;
    expect(shortlistRulesOf(pack, 'trainer_advanced')?.ownerConfirms.value).toBe(true);
  });
});

describe('candidateCap (R-004-59 ⌈places × 1.2⌉)', () => {
  it('R-004-59 150 places → 180 candidates; 10 → 12; 1 → 2; 0 → 0', () => {
    expect(candidateCap(150, 1.2)).toBe(180);
    expect(candidateCap(10, 1.2)).toBe(12);
    expect(candidateCap(1, 1.2)).toBe(2);
    expect(candidateCap(0, 1.2)).toBe(0);
  });
});

describe('checkShortlist (R-004-59)', () => {
  it('R-004-59 places exactly filled pass; one over fails naming the node, the places and the excess', () => {
    expect(checkShortlist({ nodes: [node({ selected: 10 })], totalPlaces: 10, ratio: 1.2 }, 'mark')).toEqual(
      [],
    );
    // (the total, also 10 here, is not reported twice)
    const over = checkShortlist({ nodes: [node({ selected: 11 })], totalPlaces: 10, ratio: 1.2 }, 'mark');
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({
      code: 'SHORTLIST.OVER_PLACES',
      ruleId: 'R-004-59',
      orgId: '7',
      values: { places: 10, selected: 11, over: 1, ratio: 1.2 },
    });
    // the rule travels in ruleId; the sentence is plain
    expect(over[0]?.message).not.toContain('R-004-59');
    expect(over[0]?.message).toContain('超出 1 人，入选不得超过名额');
  });

  it('R-004-59 the programme total: exactly filled passes, one over fails even when every node is within', () => {
    const nodes = [node({ orgId: 'a', selected: 5 }), node({ orgId: 'b', selected: 5 })];
    expect(checkShortlist({ nodes, totalPlaces: 10, ratio: 1.2 }, 'mark')).toEqual([]);
    const p = checkShortlist({ nodes, totalPlaces: 9, ratio: 1.2 }, 'mark');
    expect(p.map((x) => [x.code, x.orgId, x.values.over])).toEqual([['SHORTLIST.OVER_TOTAL', null, 1]]);
  });

  it('R-004-59 submit: every candidate decided (12 of 12 passes, 11 of 12 fails); marking does not ask for it', () => {
    const all = node({ selected: 10, notSelected: 2 });
    expect(checkShortlist({ nodes: [all], totalPlaces: 10, ratio: 1.2 }, 'submit')).toEqual([]);
    const open = node({ selected: 10, notSelected: 1 });
    expect(checkShortlist({ nodes: [open], totalPlaces: 10, ratio: 1.2 }, 'mark')).toEqual([]);
    const p = checkShortlist({ nodes: [open], totalPlaces: 10, ratio: 1.2 }, 'submit');
    expect(p.map((x) => [x.code, x.values.undecided])).toEqual([['SHORTLIST.UNDECIDED', 1]]);
  });

  it('R-004-59 submit with no candidate at all is refused', () => {
    const p = checkShortlist({ nodes: [], totalPlaces: 10, ratio: 1.2 }, 'submit');
    expect(p.map((x) => x.code)).toEqual(['SHORTLIST.EMPTY']);
  });

  it('R-004-59 fewer selected than places is allowed (places may stay empty)', () => {
    const n = node({ selected: 3, notSelected: 9 });
    expect(checkShortlist({ nodes: [n], totalPlaces: 10, ratio: 1.2 }, 'submit')).toEqual([]);
  });
});

describe('rankByScore', () => {
  it('ranks highest first with shared ranks for ties (1, 2, 2, 4) and no rank without a score', () => {
    const r = rankByScore([
      { id: 'a', score: 80 },
      { id: 'b', score: null },
      { id: 'c', score: 92.5 },
      { id: 'd', score: 80 },
      { id: 'e', score: 60 },
    ]);
    expect(r.map((x) => [x.id, x.rank])).toEqual([
      ['a', 2],
      ['b', null],
      ['c', 1],
      ['d', 2],
      ['e', 4],
    ]);
  });
});
