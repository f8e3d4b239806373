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

/**
 * The UTC calendar date of a Date, as 'YYYY-MM-DD': for dates carried as UTC midnight (Excel date cells, day
 * arithmetic), never for an instant (use `dateIn` with the zone).
 */
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

/**
 * The time zone of every calendar date the rules count ("today", deadlines) and of every time shown or put in a
 * file name, unless a deployment sets another (the server's TIME_ZONE). The seeds' deadlines are Beijing time.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Whether `zone` is an IANA time zone this runtime knows (Asia/Shanghai, UTC …). */
export function isTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const ZONED = new Map<string, Intl.DateTimeFormat>();

function zonedFormat(zone: string): Intl.DateTimeFormat {
  let f = ZONED.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    ZONED.set(zone, f);
  }
  return f;
}

/** The wall-clock parts of the instant `at` in `zone`, each zero-padded (year 4 digits, the others 2). */
export function wallClockIn(
  at: Date,
  zone: string,
): { year: string; month: string; day: string; hour: string; minute: string; second: string } {
  const parts = zonedFormat(zone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    year: get('year').padStart(4, '0'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The calendar date in `zone` at the instant `at`, as 'YYYY-MM-DD'. */
export function dateIn(at: Date, zone: string): string {
  const p = wallClockIn(at, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant `at` as read on a clock in `zone`: 'YYYY-MM-DD HH:mm' (24-hour), the one format of shown times. */
export function dateTimeIn(at: Date, zone: string): string {
  const p = wallClockIn(at, zone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The time of day of `at` in `zone`: 'HH:mm:ss' (24-hour). */
export function timeIn(at: Date, zone: string): string {
  const p = wallClockIn(at, zone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** The calendar date in Asia/Shanghai at the instant `now`, as 'YYYY-MM-DD'. */
export function todayInShanghai(now: Date): string {
  return dateIn(now, DEFAULT_TIME_ZONE);
}
