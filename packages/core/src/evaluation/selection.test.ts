import { describe, expect, it } from 'vitest';
import { preselect, selectionProblems } from './selection';

const ranked = [
  { name: '甲', rank: 1, band: 'excellent' },
  { name: '乙', rank: 2, band: 'excellent' },
  { name: '丙', rank: 2, band: 'excellent' },
  { name: '丁', rank: 4, band: 'good' },
];
const picked = (r: ReturnType<typeof preselect<(typeof ranked)[number]>>) =>
  r.filter((x) => x.preselected).map((x) => x.candidate.name);

describe('preselect (R3-G18: eligible bands, most awards)', () => {
  it('pre-checks the eligible bands only: 良好 is not pre-checked under 优秀 only', () => {
    const r = preselect(ranked, { eligibleBands: ['excellent'], maxAwards: null });
    expect(picked(r)).toEqual(['甲', '乙', '丙']);
    expect(r.find((x) => x.candidate.name === '丁')?.eligible).toBe(false);
  });

  it('takes both bands when the policy names both', () => {
    expect(picked(preselect(ranked, { eligibleBands: ['excellent', 'good'], maxAwards: null }))).toEqual([
      '甲',
      '乙',
      '丙',
      '丁',
    ]);
  });

  it('a maximum of 3 takes the tie at rank 2 whole; a maximum of 2 leaves the straddling tie to the officer', () => {
    expect(picked(preselect(ranked, { eligibleBands: ['excellent'], maxAwards: 3 }))).toEqual([
      '甲',
      '乙',
      '丙',
    ]);
    expect(picked(preselect(ranked, { eligibleBands: ['excellent'], maxAwards: 2 }))).toEqual(['甲']);
    expect(picked(preselect(ranked, { eligibleBands: ['excellent'], maxAwards: 1 }))).toEqual(['甲']);
  });
});

describe('selectionProblems (R3-G18)', () => {
  const policy = { eligibleBands: ['excellent'], maxAwards: 2 };
  const sel = (n: number, eligible = true) =>
    Array.from({ length: n }, (_, i) => ({
      name: `单位${i + 1}`,
      eligible,
      bandLabel: eligible ? '优秀' : '良好',
    }));

  it('exactly the maximum passes; one more is refused with the numbers', () => {
    expect(selectionProblems(sel(2), policy)).toEqual([]);
    const over = selectionProblems(sel(3), policy);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ code: 'OVER_MAXIMUM', values: { maxAwards: 2, selected: 3 } });
  });

  it('a candidate outside the eligible bands is refused, named with its band', () => {
    const r = selectionProblems(sel(1, false), policy);
    expect(r[0]?.code).toBe('NOT_ELIGIBLE');
    expect(r[0]?.message).toContain('单位1（良好）');
  });
});
