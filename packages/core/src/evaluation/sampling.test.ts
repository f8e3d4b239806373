import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_RATIO, stratifiedDraw } from './sampling';

interface Student {
  id: string;
  school: string;
}

const students: Student[] = [
  ...Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, school: 'A' })),
  ...Array.from({ length: 30 }, (_, i) => ({ id: `b${i}`, school: 'B' })),
  ...Array.from({ length: 20 }, (_, i) => ({ id: `c${i}`, school: 'C' })),
];

describe('stratifiedDraw (CD-25, TL-14)', () => {
  it('TL-14: by ratio: ⌈n × ratio⌉ from each stratum (5 %: 50 → 3, 30 → 2, 20 → 1), picks from their own stratum', () => {
    expect(DEFAULT_SAMPLE_RATIO).toMatchObject({ value: 0.05, ruleId: 'TL-14' });
    const d = stratifiedDraw(students, 'school', { ratio: 0.05 }, '2026-monitoring');
    expect(d.strata.map((s) => [s.key, s.population, s.count])).toEqual([
      ['A', 50, 3],
      ['B', 30, 2],
      ['C', 20, 1],
    ]);
    expect([d.count, d.population, d.rule]).toEqual([6, 100, 'CD-25']);
    for (const s of d.strata) for (const id of s.picks) expect(id.startsWith(s.key.toLowerCase())).toBe(true);
    expect(new Set(d.picks).size).toBe(6);
  });

  it('CD-25: reproducible: the same seed and population in any order (and with repeats) give the same sample', () => {
    const d = stratifiedDraw(students, 'school', { ratio: 0.1 }, 'seed-1');
    expect(stratifiedDraw([...students].reverse(), 'school', { ratio: 0.1 }, 'seed-1').picks).toEqual(
      d.picks,
    );
    const shuffled = [...students].sort((x, y) =>
      x.id.split('').reverse().join('') < y.id.split('').reverse().join('') ? -1 : 1,
    );
    expect(
      stratifiedDraw([...shuffled, ...students.slice(0, 7)], (s) => s.school, { ratio: 0.1 }, 'seed-1').picks,
    ).toEqual(d.picks);
    expect(stratifiedDraw(students, 'school', { ratio: 0.1 }, 'seed-2').picks).not.toEqual(d.picks);
  });

  it('CD-25: by number per stratum: a stratum smaller than asked is drawn whole, one not named gives none', () => {
    const d = stratifiedDraw(students, 'school', { perStratum: { A: 10, B: 40 } }, 's');
    expect(d.strata.map((s) => [s.key, s.asked, s.count, s.note])).toEqual([
      ['A', 10, 10, '按计划抽取 10 个'],
      ['B', 40, 30, '计划抽取 40 个，本层只有 30 个，全部抽取'],
      ['C', 0, 0, '按计划抽取 0 个'],
    ]);
    expect(d.strata[1]?.picks.slice().sort()).toEqual(
      students
        .filter((s) => s.school === 'B')
        .map((s) => s.id)
        .sort(),
    );
  });

  it('CD-25: refuses a ratio outside 0–1, a negative or fractional number, and one member in two strata', () => {
    expect(() => stratifiedDraw(students, 'school', { ratio: 1.2 }, 's')).toThrow(RangeError);
    expect(() => stratifiedDraw(students, 'school', { perStratum: { A: -1 } }, 's')).toThrow(RangeError);
    expect(() => stratifiedDraw(students, 'school', { perStratum: { A: 1.5 } }, 's')).toThrow(RangeError);
    expect(() =>
      stratifiedDraw([...students, { id: 'a1', school: 'B' }], 'school', { ratio: 0.1 }, 's'),
    ).toThrow('成员 a1 同时属于分层「A」和「B」');
  });
});
