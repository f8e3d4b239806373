import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FIVE_WEIGHTS,
  type FiveScores,
  sensitivity,
  shiftWeight,
  weightedScore,
} from './sensitivity';

const EDGE: FiveScores = { moral: 100, intellectual: 60, physical: 80, aesthetic: 80, labour: 80 };

describe('weightedScore (CD-24)', () => {
  it('CD-24: 20 % each by default: the weighted score and its band, with how', () => {
    expect(DEFAULT_FIVE_WEIGHTS).toMatchObject({ ruleId: 'CD-24', source: 'S001:L141' });
    const r = weightedScore(EDGE);
    expect([r.score, r.band.label]).toEqual([80, '良好']);
    expect(r.how).toBe(
      '德 100 × 20% + 智 60 × 20% + 体 80 × 20% + 美 80 × 20% + 劳 80 × 20% = 80（保留一位小数，四舍五入），良好',
    );
  });

  it('CD-24: weights are editable but must sum to 100 % and each lie within 0–100 %; scores within 0–100', () => {
    const w = { moral: 0.3, intellectual: 0.3, physical: 0.2, aesthetic: 0.1, labour: 0.1 };
    expect(weightedScore(EDGE, w).score).toBe(30 + 18 + 16 + 8 + 8);
    expect(() => weightedScore(EDGE, { ...w, labour: 0.2 })).toThrow(
      '五个维度的权重合计须为 100%，现为 110%',
    );
    expect(() => weightedScore(EDGE, { ...w, moral: 0.29 })).toThrow(RangeError);
    expect(() => weightedScore(EDGE, { ...w, moral: 0.5, intellectual: -0.1, labour: 0.2 })).toThrow(
      RangeError,
    );
    expect(() => weightedScore({ ...EDGE, labour: 101 })).toThrow(RangeError);
  });
});

describe('sensitivity (Y-EVAL-SENSITIVITY)', () => {
  it('Y-EVAL-SENSITIVITY: a school on a band edge: moving 德 or 智 by ±10 points of weight flips its band, 体美劳 do not', () => {
    const s = sensitivity(EDGE, DEFAULT_FIVE_WEIGHTS.value, 0.1);
    expect(s.base.band.label).toBe('良好');
    const line = (d: string) => s.dimensions.find((x) => x.dimension === d);
    expect(line('intellectual')?.up).toMatchObject({ score: 77.5, bandChanged: true });
    expect(line('intellectual')?.up.band.label).toBe('合格');
    expect(line('intellectual')?.up.weight).toBeCloseTo(0.3, 12);
    expect(line('intellectual')?.up.weights.moral).toBeCloseTo(0.175, 12);
    expect(line('intellectual')?.down).toMatchObject({ score: 82.5, bandChanged: false });
    expect(line('moral')?.down).toMatchObject({ score: 77.5, bandChanged: true });
    expect(s.dimensions.map((d) => [d.label, d.changesBand])).toEqual([
      ['德', true],
      ['智', true],
      ['体', false],
      ['美', false],
      ['劳', false],
    ]);
    expect(line('physical')?.how).toBe('体权重 30%：80（良好）；10%：80（良好）');
  });

  it('Y-EVAL-SENSITIVITY: a school far from any edge keeps its band whatever weight moves', () => {
    const s = sensitivity({ moral: 85, intellectual: 86, physical: 84, aesthetic: 85, labour: 85 });
    expect(s.dimensions.every((d) => !d.changesBand)).toBe(true);
    expect(s.base.band.label).toBe('良好');
  });

  it('Y-EVAL-SENSITIVITY: relative mode moves a weight by 10 % of itself (20 % → 22 % / 18 %); invalid weights are refused', () => {
    const s = sensitivity(EDGE, DEFAULT_FIVE_WEIGHTS.value, 0.1, { mode: 'relative' });
    const intellectual = s.dimensions.find((d) => d.dimension === 'intellectual');
    expect(intellectual?.up.weight).toBeCloseTo(0.22, 12);
    expect(intellectual?.down.weight).toBeCloseTo(0.18, 12);
    expect(intellectual?.up.score).toBe(79.5);
    expect(() => sensitivity(EDGE, { ...DEFAULT_FIVE_WEIGHTS.value, moral: 0.25 })).toThrow(RangeError);
  });

  it('Y-EVAL-SENSITIVITY: shiftWeight renormalises the others in proportion and clamps at 0 and 100 %', () => {
    const w = shiftWeight(
      { moral: 0.4, intellectual: 0.3, physical: 0.1, aesthetic: 0.1, labour: 0.1 },
      'moral',
      0.2,
    );
    expect(w.moral).toBeCloseTo(0.6, 12);
    expect(w.intellectual).toBeCloseTo(0.2, 12);
    expect(w.labour).toBeCloseTo(0.4 / 6, 12);
    expect(shiftWeight(DEFAULT_FIVE_WEIGHTS.value, 'labour', -0.3).labour).toBe(0);
    const all = shiftWeight(
      { moral: 1, intellectual: 0, physical: 0, aesthetic: 0, labour: 0 },
      'moral',
      -0.1,
    );
    expect(all.intellectual).toBeCloseTo(0.025, 12);
  });
});
