import { describe, expect, it } from 'vitest';
import { checkAllocation, largestRemainder, rollUpQuotas, shortlistSize, suggestSplit } from './quota';

describe('largestRemainder', () => {
  it('gives floors first, then the seats left to the largest remainders', () => {
    // 10 seats over 47/33/20: quotas 4.7/3.3/2.0 → 4,3,2 then the 1 left to the .7
    expect(
      largestRemainder(10, [
        { id: 'a', weight: 47 },
        { id: 'b', weight: 33 },
        { id: 'c', weight: 20 },
      ]),
    ).toEqual([5, 3, 2]);
  });

  it('breaks equal remainders by the smaller id, whatever the input order', () => {
    const units = [
      { id: 'c', weight: 1 },
      { id: 'a', weight: 1 },
      { id: 'b', weight: 1 },
    ];
    expect(largestRemainder(10, units)).toEqual([3, 4, 3]);
    expect(largestRemainder(11, units)).toEqual([3, 4, 4]);
    expect(largestRemainder(10, [...units].reverse())).toEqual([3, 4, 3].reverse());
  });

  it('is exact where floating point would tie wrongly (weights whose shares are not representable)', () => {
    // 3 seats over 1/1/1 of total 3 → exactly 1 each, no phantom remainders
    expect(
      largestRemainder(3, [
        { id: 'x', weight: 1 },
        { id: 'y', weight: 1 },
        { id: 'z', weight: 1 },
      ]),
    ).toEqual([1, 1, 1]);
  });

  it('always hands out exactly the seats when some weight is positive', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const units = Array.from({ length: 1 + rand(12) }, (_, i) => ({ id: `u${i}`, weight: rand(500) }));
      const seats = rand(1000);
      const split = largestRemainder(seats, units);
      const totalWeight = units.reduce((s, u) => s + u.weight, 0);
      expect(split.reduce((s, x) => s + x, 0)).toBe(totalWeight === 0 ? 0 : seats);
      split.forEach((s, i) => {
        const exact = totalWeight === 0 ? 0 : (seats * (units[i]?.weight ?? 0)) / totalWeight;
        expect(s - exact).toBeGreaterThan(-1);
        expect(s - exact).toBeLessThan(1);
      });
    }
  });
});

describe('suggestSplit (名额到校, R-004-17)', () => {
  const counties = [
    { id: '411421', weight: 600, ruralWeight: 100 },
    { id: '411422', weight: 300, ruralWeight: 300 },
    { id: '411423', weight: 100, ruralWeight: 0 },
  ];

  it('splits by teacher count', () => {
    expect(suggestSplit(100, counties)).toEqual({
      allocations: [
        { id: '411421', seats: 60, ruralSeats: 0 },
        { id: '411422', seats: 30, ruralSeats: 0 },
        { id: '411423', seats: 10, ruralSeats: 0 },
      ],
      allocated: 100,
      unallocated: 0,
    });
  });

  it('splits the reserved rural seats first by rural weight, then the rest by weight', () => {
    // rural 20 over 100/300/0 → 5/15/0; general 80 over 600/300/100 → 48/24/8
    const r = suggestSplit(100, counties, { reservedRural: 20 });
    expect(r.allocations).toEqual([
      { id: '411421', seats: 53, ruralSeats: 5 },
      { id: '411422', seats: 39, ruralSeats: 15 },
      { id: '411423', seats: 8, ruralSeats: 0 },
    ]);
    expect(r.allocated).toBe(100);
  });

  it('never allocates more than the total, even with many small remainders', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ id: `s${i}`, weight: 1, ruralWeight: 1 }));
    const r = suggestSplit(5, many, { reservedRural: 3 });
    expect(r.allocated).toBe(5);
    expect(r.allocations.map((a) => a.seats)).toEqual([2, 2, 1, 0, 0, 0, 0]);
  });

  it('leaves the rural reserve unallocated when no unit has rural teachers, for a person to decide', () => {
    const r = suggestSplit(
      10,
      [
        { id: 'a', weight: 5 },
        { id: 'b', weight: 5 },
      ],
      { reservedRural: 4 },
    );
    expect(r).toMatchObject({ allocated: 6, unallocated: 4 });
  });

  it('refuses impossible input', () => {
    expect(() => suggestSplit(10, counties, { reservedRural: 11 })).toThrow(RangeError);
    expect(() => suggestSplit(-1, counties)).toThrow(RangeError);
    expect(() => suggestSplit(10, [{ id: 'a', weight: 1.5 }])).toThrow(RangeError);
    expect(() =>
      suggestSplit(10, [
        { id: 'a', weight: 1 },
        { id: 'a', weight: 2 },
      ]),
    ).toThrow(RangeError);
  });
});

describe('checkAllocation (R-004-17)', () => {
  it('R-004-17 children summing above the parent is an error naming the excess', () => {
    const problems = checkAllocation(100, [
      { id: 'school-1', seats: 60 },
      { id: 'school-2', seats: 41 },
    ]);
    expect(problems).toEqual([
      {
        code: 'QUOTA.OVER_ALLOCATED',
        ruleId: 'R-004-17',
        severity: 'error',
        values: { parentSeats: 100, allocated: 101, over: 1 },
        message: '下级名额合计 101 个，超过本级名额 100 个（多 1 个）',
      },
    ]);
  });

  it('R-004-17 exactly the parent is fine; one short is a warning (the full quota must be filled)', () => {
    expect(
      checkAllocation(100, [
        { id: 'a', seats: 60 },
        { id: 'b', seats: 40 },
      ]),
    ).toEqual([]);
    const under = checkAllocation(100, [
      { id: 'a', seats: 60 },
      { id: 'b', seats: 39 },
    ]);
    expect(under.map((p) => [p.code, p.severity, p.values.unused])).toEqual([
      ['QUOTA.UNDER_ALLOCATED', 'warning', 1],
    ]);
  });

  it('R-004-17 negative or fractional seats and a child named twice are errors', () => {
    const problems = checkAllocation(10, [
      { id: 'a', seats: -1 },
      { id: 'b', seats: 2.5 },
      { id: 'c', seats: 4 },
      { id: 'c', seats: 6 },
    ]);
    expect(problems.map((p) => [p.code, p.childId])).toEqual([
      ['QUOTA.BAD_SEATS', 'a'],
      ['QUOTA.BAD_SEATS', 'b'],
      ['QUOTA.DUPLICATE_CHILD', 'c'],
    ]);
  });
});

describe('shortlistSize (R-004-59 1:1.2 差额)', () => {
  it('R-004-59 150 places × 1.2 = 180 candidates', () => {
    expect(shortlistSize(150, 1.2)).toBe(180);
  });

  it('R-004-59 rounds up: 151 × 1.2 = 181.2 → 182; 1 × 1.2 → 2; 0 → 0', () => {
    expect(shortlistSize(151, 1.2)).toBe(182);
    expect(shortlistSize(1, 1.2)).toBe(2);
    expect(shortlistSize(0, 1.2)).toBe(0);
  });

  it('R-004-59 is exact where floating point is not (100 × 1.1 is 110.00000000000001 in floats)', () => {
    expect(100 * 1.1).not.toBe(110);
    expect(shortlistSize(100, 1.1)).toBe(110);
    expect(shortlistSize(10, 1)).toBe(10);
  });

  it('R-004-59 a ratio below 1 is refused', () => {
    expect(() => shortlistSize(150, 0.9)).toThrow(RangeError);
  });
});

describe('rollUpQuotas (R-004-17): a parent node counts what its whole subtree uses', () => {
  // 广东省 45 → 清远市 43 → 清城区 25 (schools A 12, B 13), 英德市 18 (school C 18); all used at the schools
  const tree = [
    { orgId: 'gd', parentOrgId: null, seats: 45, allocated: 43, used: 0, waitlisted: 0 },
    { orgId: 'qy', parentOrgId: 'gd', seats: 43, allocated: 43, used: 0, waitlisted: 0 },
    { orgId: 'qc', parentOrgId: 'qy', seats: 25, allocated: 25, used: 0, waitlisted: 0 },
    { orgId: 'yd', parentOrgId: 'qy', seats: 18, allocated: 18, used: 0, waitlisted: 0 },
    { orgId: 'a', parentOrgId: 'qc', seats: 12, allocated: 0, used: 12, waitlisted: 1 },
    { orgId: 'b', parentOrgId: 'qc', seats: 13, allocated: 0, used: 10, waitlisted: 0 },
    { orgId: 'c', parentOrgId: 'yd', seats: 18, allocated: 0, used: 16, waitlisted: 2 },
  ];

  it('three levels down: the province and the city read 38 used, not 0; a county its schools; a school itself', () => {
    const r = rollUpQuotas(tree);
    expect(r.get('gd')).toEqual({ used: 38, unused: 7, waitlisted: 3 });
    expect(r.get('qy')).toEqual({ used: 38, unused: 5, waitlisted: 3 });
    expect(r.get('qc')).toEqual({ used: 22, unused: 3, waitlisted: 1 });
    expect(r.get('yd')).toEqual({ used: 16, unused: 2, waitlisted: 2 });
    expect(r.get('a')).toEqual({ used: 12, unused: 0, waitlisted: 1 });
  });

  it('seats = used + unused of the subtree at every node whose children hold what it passed on', () => {
    const r = rollUpQuotas(tree);
    for (const n of tree) {
      const s = r.get(n.orgId);
      expect((s?.used ?? 0) + (s?.unused ?? 0)).toBe(n.seats);
    }
  });

  it("nominations at a parent's own level count once, there and above; a node out of sight is a root", () => {
    const withOwn = tree.map((n) => (n.orgId === 'qy' ? { ...n, allocated: 41, used: 2 } : n));
    expect(rollUpQuotas(withOwn).get('gd')?.used).toBe(40);
    expect(rollUpQuotas(withOwn).get('qy')?.used).toBe(40);
    // a county officer sees 清城区 and below only: its parent is not in the list
    const county = rollUpQuotas(tree.filter((n) => ['qc', 'a', 'b'].includes(n.orgId)));
    expect(county.get('qc')).toEqual({ used: 22, unused: 3, waitlisted: 1 });
    expect(county.has('qy')).toBe(false);
  });
});
