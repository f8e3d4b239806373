/**
 * The deployment's one time zone (TIME_ZONE, default Asia/Shanghai) and every use of it on the server: "today"
 * of the rules, times written into messages and dates in file names. It is a process setting like the log level:
 * `setTimeZone` is called once at start (main.ts, cli.ts) before any request; tests keep the default. The web
 * reads the same zone from GET /api/v1/settings.
 */
import { DEFAULT_TIME_ZONE, dateIn, dateTimeIn, isTimeZone, timeIn } from '@yanxun/core';

let zone = DEFAULT_TIME_ZONE;

export function setTimeZone(next: string): void {
  if (!isTimeZone(next)) throw new RangeError(`not an IANA time zone: ${next}`);
  zone = next;
}

export function timeZone(): string {
  return zone;
}

/** The calendar date at the instant `at` ('YYYY-MM-DD'): "today" for deadlines and ages, dates in file names. */
export function dateOf(at: Date): string {
  return dateIn(at, zone);
}

/** An instant as users read it: 'YYYY-MM-DD HH:mm' (24-hour). */
export function shownDateTime(at: Date): string {
  return dateTimeIn(at, zone);
}

/** A time of day as users read it: 'HH:mm:ss' (24-hour). */
export function shownTime(at: Date): string {
  return timeIn(at, zone);
}
