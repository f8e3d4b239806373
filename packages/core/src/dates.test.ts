import { describe, expect, it } from 'vitest';
import {
  ageOn,
  daysInMonth,
  fullYearsBetween,
  isLeapYear,
  isValidIsoDate,
  parseIsoDate,
  todayInShanghai,
} from './dates';

describe('calendar', () => {
  it('leap years: divisible by 4, except centuries not divisible by 400', () => {
    expect([1900, 2000, 2023, 2024, 2100].map(isLeapYear)).toEqual([false, true, false, true, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
  });

  it('parseIsoDate accepts real dates written YYYY-MM-DD only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2023-02-28')).toBe(true);
    expect(isValidIsoDate('2023-2-28')).toBe(false);
    expect(isValidIsoDate('2023-12-32')).toBe(false);
  });
});

describe('ageOn', () => {
  it('turns a year older on the birthday itself, not the day before', () => {
    expect(ageOn('1980-06-15', '2025-06-14')).toBe(44);
    expect(ageOn('1980-06-15', '2025-06-15')).toBe(45);
    expect(ageOn('1980-06-15', '2025-06-16')).toBe(45);
  });

  it('29 February birthdays turn older on 1 March in common years', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
  });

  it('29 February birthdays turn older on 29 February in leap years', () => {
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('is 0 on the day of birth and across year ends', () => {
    expect(ageOn('2020-12-31', '2020-12-31')).toBe(0);
    expect(ageOn('2020-12-31', '2021-12-30')).toBe(0);
    expect(ageOn('2020-12-31', '2021-12-31')).toBe(1);
  });

  it('throws on malformed dates', () => {
    expect(() => ageOn('1980-02-30', '2020-01-01')).toThrow(RangeError);
    expect(() => ageOn('1980-01-01', '2020/01/01')).toThrow(RangeError);
  });
});

describe('fullYearsBetween', () => {
  it('counts whole years, the anniversary counting on the day', () => {
    expect(fullYearsBetween('2010-09-01', '2020-08-31')).toBe(9);
    expect(fullYearsBetween('2010-09-01', '2020-09-01')).toBe(10);
  });

  it('is negative when to is before from', () => {
    expect(fullYearsBetween('2020-09-01', '2010-09-01')).toBe(-10);
    expect(fullYearsBetween('2020-09-01', '2019-10-01')).toBe(0);
  });
});

describe('todayInShanghai', () => {
  it('rolls over at 16:00 UTC (midnight UTC+8)', () => {
    expect(todayInShanghai(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(todayInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });

  it('is the same calendar day for a Shanghai afternoon', () => {
    expect(todayInShanghai(new Date('2024-02-29T06:00:00Z'))).toBe('2024-02-29');
  });
});
