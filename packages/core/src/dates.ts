/**
 * Calendar dates as 'YYYY-MM-DD' strings. They compare correctly as strings, carry no time zone, and are
 * what the database and the API exchange. Rules that depend on "today" take it as an argument.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a real calendar date written as 'YYYY-MM-DD', or undefined. */
export function parseIsoDate(s: string): DateParts | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isValidIsoDate(s: string): boolean {
  return parseIsoDate(s) !== undefined;
}

function requireIsoDate(s: string, label: string): DateParts {
  const parts = parseIsoDate(s);
  if (!parts) throw new RangeError(`${label} is not a YYYY-MM-DD calendar date: ${s}`);
  return parts;
}

/** The UTC calendar date of a Date, as 'YYYY-MM-DD'. */
export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Whole years from `from` to `to`; an anniversary counts on the day itself. A 29 February start reaches
 * its anniversary on 1 March in common years. If `to` is before `from` the result is negative
 * (minus the whole years from `to` to `from`).
 */
export function fullYearsBetween(from: string, to: string): number {
  const a = requireIsoDate(from, 'from');
  const b = requireIsoDate(to, 'to');
  if (to < from) return 0 - fullYearsBetween(to, from); // 0 - x, not -x: no -0
  let years = b.year - a.year;
  if (b.month < a.month || (b.month === a.month && b.day < a.day)) years -= 1;
  return years;
}

/** Age in whole years on `onDate`: one year older on the birthday itself (on 1 March for 29 February births in common years). */
export function ageOn(birthDate: string, onDate: string): number {
  return fullYearsBetween(birthDate, onDate);
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Asia/Shanghai at the instant `now`, as 'YYYY-MM-DD'. */
export function todayInShanghai(now: Date): string {
  const parts = SHANGHAI_DATE.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
