import { describe, expect, it } from 'vitest';
import { mean, median, pearson, sampleSd } from './stats';

describe('descriptive statistics', () => {
  it('mean, sample sd (n − 1) and median of an odd and an even n', () => {
    expect(mean([1, 2, 3, 4, 5])).toBe(3);
    expect(sampleSd([1, 2, 3, 4, 5])).toBeCloseTo(Math.sqrt(2.5), 15);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('answers null where undefined: empty input, sd of one value, a constant variable in a correlation', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(sampleSd([7])).toBeNull();
    expect(pearson([1, 2, 3], [4, 4, 4])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
  });

  it('two-pass variance survives a large common offset', () => {
    const x = [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16];
    expect(sampleSd(x)).toBeCloseTo(Math.sqrt(30), 9);
  });

  it('pearson of a perfect linear relation is ±1', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 15);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
  });
});
