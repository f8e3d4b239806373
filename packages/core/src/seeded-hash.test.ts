import { describe, expect, it } from 'vitest';
import { spotCheckDraw } from './communities/school-based';
import { hash32, seededOrder } from './seeded-hash';

describe('seeded-hash (R3-S04, CD-25)', () => {
  it('FNV-1a with the murmur3 finaliser: fixed values, so a recorded seed re-runs to the same draw', () => {
    expect([hash32(''), hash32('a'), hash32('seed\u0000school-1')]).toEqual([
      2872998923, 444641715, 3914028219,
    ]);
    expect(seededOrder(['a', 'b', 'c', 'd', 'e'], 'seed')).toEqual(['e', 'b', 'c', 'd', 'a']);
    expect(seededOrder(['d', 'a', 'e', 'c', 'b'], 'seed')).toEqual(['e', 'b', 'c', 'd', 'a']);
  });

  it('the 校本研修 spot check draws the first of the shared seeded order', () => {
    const ids = Array.from({ length: 20 }, (_, i) => `school-${i}`);
    expect(spotCheckDraw(ids, 0.2, 'seed').picks).toEqual(seededOrder(ids, 'seed').slice(0, 4));
  });
});
