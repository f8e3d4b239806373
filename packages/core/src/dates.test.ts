import { describe, expect, it } from 'vitest';
import {
  ageOn,
  DEFAULT_TIME_ZONE,
  dateIn,
  dateTimeIn,
  daysInMonth,
  fullYearsBetween,
  isLeapYear,
  isTimeZone,
  isValidIsoDate,
  parseIsoDate,
  timeIn,
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

describe('instants in a zone (one format of shown times: YYYY-MM-DD HH:mm, 24-hour)', () => {
  it('23:30 UTC is the next day, 07:30, in Asia/Shanghai; 15:59 UTC is still the same day', () => {
    expect(dateTimeIn(new Date('2026-12-05T23:30:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-12-06 07:30');
    expect(dateIn(new Date('2026-12-05T23:30:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-12-06');
    expect(dateIn(new Date('2026-12-05T15:59:59Z'), DEFAULT_TIME_ZONE)).toBe('2026-12-05');
    expect(dateIn(new Date('2026-12-05T16:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-12-06');
  });

  it('midnight is 00, not 24; afternoons are 13–23, not 1–11 PM', () => {
    expect(dateTimeIn(new Date('2026-12-05T16:00:00Z'), DEFAULT_TIME_ZONE)).toBe('2026-12-06 00:00');
    expect(timeIn(new Date('2026-12-06T06:05:09Z'), DEFAULT_TIME_ZONE)).toBe('14:05:09');
  });

  it('another configured zone reads its own clock', () => {
    expect(dateTimeIn(new Date('2026-12-05T23:30:00Z'), 'UTC')).toBe('2026-12-05 23:30');
    expect(dateIn(new Date('2026-12-05T23:30:00Z'), 'Asia/Urumqi')).toBe('2026-12-06');
  });

  it('knows IANA zones and refuses anything else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Beijing')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
