/** IdIndex and SeenIds: the duplicate checks and id matching of the exam fast paths. */
import { describe, expect, it } from 'vitest';
import { IdIndex, increasing, SeenIds } from './id-index';

describe('IdIndex', () => {
  it('adds ids at increasing positions, finds them, refuses a second add, and grows', () => {
    const ix = new IdIndex(2);
    const ids = Array.from({ length: 5000 }, (_, i) => `2024${String((i * 7919) % 5000).padStart(7, '0')}`);
    for (const id of ids) expect(ix.add(id)).toBe(-1);
    expect(ix.size).toBe(5000);
    expect(ids.map((id) => ix.get(id))).toEqual(ids.map((_, p) => p));
    expect(ix.add(ids[1234] ?? '')).toBe(1234);
    expect(ix.get('nope')).toBe(-1);
    expect(ix.get('')).toBe(-1);
    // ids that differ only in case, width or a trailing space are different ids
    for (const id of ['a', 'A', 'ａ', 'a ']) expect(ix.add(id)).toBe(-1);
  });
});

describe('SeenIds', () => {
  it('finds a duplicate whether the ids come sorted or not, before or after the first one out of order', () => {
    const check = (ids: string[]) => {
      const s = new SeenIds();
      return ids.map((id) => s.seen(id));
    };
    expect(check(['a', 'b', 'c'])).toEqual([false, false, false]);
    expect(check(['a', 'b', 'b'])).toEqual([false, false, true]);
    expect(check(['b', 'a', 'b'])).toEqual([false, false, true]);
    expect(check(['a', 'c', 'b', 'a', 'd', 'd'])).toEqual([false, false, false, true, false, true]);
  });

  it('increasing: strictly, by string comparison', () => {
    expect(increasing(['1', '10', '2'])).toBe(true);
    expect(increasing(['a', 'a'])).toBe(false);
    expect(increasing([])).toBe(true);
  });
});
