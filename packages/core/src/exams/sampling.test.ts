import { describe, expect, it } from 'vitest';
import { allocateProportional, type SamplingUnit, sampleStudents, stratifiedSchoolSample } from './sampling';

function units(): SamplingUnit[] {
  const out: SamplingUnit[] = [];
  let id = 1;
  const plan: Array<[string, string, number]> = [
    ['c1', 'urban', 10],
    ['c1', 'rural', 30],
    ['c2', 'urban', 5],
    ['c2', 'town', 15],
  ];
  for (const [countyId, location, n] of plan)
    for (let i = 0; i < n; i++) out.push({ id: String(id++), countyId, location });
  return out;
}

describe('stratified sample of schools (R-002-12, R-002-05)', () => {
  it('allocates proportionally by largest remainder', () => {
    expect(allocateProportional([10, 30, 5, 15], 12, ['a', 'b', 'c', 'd'])).toEqual([2, 6, 1, 3]);
    expect(allocateProportional([1, 1, 1], 2, ['a', 'b', 'c'])).toEqual([1, 1, 0]);
    expect(allocateProportional([3, 2], 10, ['a', 'b'])).toEqual([3, 2]);
  });

  it('gives every non-empty stratum at least one school when the size allows', () => {
    expect(allocateProportional([100, 1], 5, ['a', 'b'])).toEqual([4, 1]);
  });

  it('is reproducible from the seed, independent of input order, and changes with the seed', () => {
    const u = units();
    const a = stratifiedSchoolSample(u, 12, 'seed-2026');
    const b = stratifiedSchoolSample([...u].reverse(), 12, 'seed-2026');
    expect(b).toEqual(a);
    expect(a.strata.map((s) => [s.key, s.population, s.allocated])).toEqual([
      ['c1|rural', 30, 6],
      ['c1|urban', 10, 2],
      ['c2|town', 15, 3],
      ['c2|urban', 5, 1],
    ]);
    expect(a.strata.reduce((n, s) => n + s.selected.length, 0)).toBe(12);
    const c = stratifiedSchoolSample(u, 12, 'other');
    expect(c.strata.flatMap((s) => s.selected)).not.toEqual(a.strata.flatMap((s) => s.selected));
  });

  it('samples students within a school reproducibly', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `s${i}`);
    const a = sampleStudents(ids, 20, 'x', '7');
    expect(a.size).toBe(20);
    expect(sampleStudents([...ids].reverse(), 20, 'x', '7')).toEqual(a);
    expect(sampleStudents(ids, 60, 'x', '7').size).toBe(50);
  });
});
