import type { ShortlistCandidate } from '@yanxun/contracts';
import { describe, expect, it } from 'vitest';
import { countsByNode, eligibilityState, filterCandidates, marksOf, withDraft } from './shortlist-model';

const cand = (id: string, over: Partial<ShortlistCandidate> = {}): ShortlistCandidate => ({
  nominationId: id,
  teacherId: `t${id}`,
  teacherName: `教师${id}`,
  gender: 'F',
  idNumberMasked: '4418*************X',
  title: null,
  subject: null,
  stage: null,
  schoolId: '1',
  schoolName: '一小',
  quotaOrgId: 'a',
  quotaOrgName: '甲单位',
  status: 'candidate',
  eligibility: {
    projectTypeCode: 'trainer_advanced',
    trackCode: 'trainer',
    referenceDate: '2021-07-30',
    eligible: true,
    needsOverride: false,
    checks: [],
    priorities: [],
  },
  overrideReason: null,
  nominatedAt: '2021-07-01T00:00:00Z',
  score: null,
  rank: null,
  decision: null,
  reason: null,
  markedBy: null,
  markedAt: null,
  ...over,
});

describe('shortlist page model (R-004-59)', () => {
  const list = [
    cand('1', { decision: 'selected' }),
    cand('2', { quotaOrgId: 'b', decision: 'not_selected', reason: '经验不足' }),
    cand('3', { overrideReason: '年龄 46 岁，经验突出' }),
  ];

  it('filters by nominating unit, decision, eligibility to check and name', () => {
    const f = { node: null, decision: 'all' as const, attention: false, search: '' };
    expect(filterCandidates(list, f)).toHaveLength(3);
    expect(filterCandidates(list, { ...f, node: 'b' }).map((c) => c.nominationId)).toEqual(['2']);
    expect(filterCandidates(list, { ...f, decision: 'undecided' }).map((c) => c.nominationId)).toEqual(['3']);
    expect(filterCandidates(list, { ...f, attention: true }).map((c) => c.nominationId)).toEqual(['3']);
    expect(filterCandidates(list, { ...f, search: '教师2' }).map((c) => c.nominationId)).toEqual(['2']);
    expect(eligibilityState(list[2] ?? cand('x'))).toBe('override');
  });

  it('counts per node with unsaved drafts applied', () => {
    const drafted = list.map((c) =>
      withDraft(c, c.nominationId === '3' ? { decision: 'selected' } : undefined),
    );
    expect(Object.fromEntries(countsByNode(drafted))).toEqual({
      a: { selected: 2, notSelected: 0, undecided: 0 },
      b: { selected: 0, notSelected: 1, undecided: 0 },
    });
  });

  it('a not-selected draft needs a reason before it is sent', () => {
    const r = marksOf({ '1': { decision: 'not_selected' }, '3': { score: 88.5 } }, list);
    expect(r.missingReason).toEqual(['教师1']);
    expect(r.marks).toEqual([
      { nominationId: '1', decision: 'not_selected' },
      { nominationId: '3', score: 88.5 },
    ]);
  });
});
