/**
 * The demo's calendar: everything the demo dates is derived from one "as of" day, the day it is loaded
 * (Asia/Shanghai, the pages' calendar: core todayInShanghai on the server's clock), so the pages — which read the
 * real clock — find a coherent year the day the demo is loaded.
 *
 * How the dates are made (conventions of the demo, not rules):
 * - The programme year is a script written for one Monday, SCRIPT_MONDAY (2026-11-23): the dates of the files in
 *   programmes/ are the dates of that script. `day(d)` moves a script date by whole weeks to the as-of's
 *   anchor Monday, so weekdays hold (sessions stay on Monday to Friday).
 * - The anchor Monday is the Monday of the as-of's week from Monday to Friday, and the next Monday on Saturday and
 *   Sunday: the as-of day lies between the anchor − 2 and the anchor + 4, i.e. between the Saturday of the city
 *   class's first week and the Friday of its second and last week. Every loader step of the script is dated on or
 *   before the anchor − 3 (the Friday of that first week) or, when it depends on the as-of, before the as-of day;
 *   check-ins are the only records dated on the as-of day, and none after `now`.
 * - The pack year is the year of the moved application deadline (script 2026-07-30); the province sets the cloned
 *   pack's dated deadlines to the moved script dates (as an officer sets them from the year's notice).
 * - The region's teachers are generated as of the 1 September that starts the as-of's school year.
 * - Exams (demo-exams.ts) follow the school calendar instead: the latest semester whose 期末 is at least two
 *   weeks before the as-of, so both its exams are marked and the later one released before the as-of.
 */
import { addDays, parseIsoDate, todayInShanghai } from '@yanxun/core';

/** The Monday the programme script (programmes/*.ts) is written for. */
export const SCRIPT_MONDAY = '2026-11-23';

export interface DemoCalendar {
  /** The as-of day (YYYY-MM-DD, Asia/Shanghai). */
  asOf: string;
  /** The moment the demo is as of: no record is dated after it (check-ins of later sessions of the day are left out). */
  now: Date;
  /** The anchor Monday: the second week of the city class. */
  monday: string;
  /** Days from SCRIPT_MONDAY to `monday` (a multiple of 7). */
  shift: number;
  /** A date of the script moved to this as-of. */
  day: (scriptDate: string) => string;
  /** The year of the policy pack and of the programmes (their titles). */
  packYear: number;
  /** 1 September of the as-of's school year: the region's teachers are generated as of this date. */
  schoolYearStart: string;
}

function weekday(date: string): number {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay(); // 0 Sunday … 6 Saturday
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 09:00 (or `time`, HH:MM or HH:MM:SS) of `day` in Asia/Shanghai. */
export function shanghaiMoment(day: string, time = '09:00'): Date {
  const d = new Date(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a day and time: ${day} ${time}`);
  return d;
}

/**
 * The calendar of a demo as of `now` (the load moment; default: the real clock), or as of a given day — then as of
 * the end of that day (23:59:59 Asia/Shanghai), so every session of the day has been held.
 */
export function demoCalendar(opts: { asOf?: string; now?: Date } = {}): DemoCalendar {
  let asOf = opts.asOf;
  let now = opts.now;
  if (asOf !== undefined && !parseIsoDate(asOf)) throw new RangeError(`as-of must be YYYY-MM-DD: ${asOf}`);
  if (now === undefined) now = asOf === undefined ? new Date() : shanghaiMoment(asOf, '23:59:59');
  if (asOf === undefined) asOf = todayInShanghai(now);
  if (todayInShanghai(now) !== asOf) throw new RangeError(`now (${now.toISOString()}) is not on ${asOf}`);
  const dow = weekday(asOf);
  // Monday to Friday: that week's Monday; Saturday and Sunday: the next Monday
  const monday = addDays(asOf, dow === 0 ? 1 : dow === 6 ? 2 : 1 - dow);
  const shift = daysBetween(SCRIPT_MONDAY, monday);
  const day = (scriptDate: string) => addDays(scriptDate, shift);
  const packYear = Number(day('2026-07-30').slice(0, 4));
  const y = Number(asOf.slice(0, 4));
  const schoolYearStart = `${asOf.slice(5) >= '09-01' ? y : y - 1}-09-01`;
  return { asOf, now, monday, shift, day, packYear, schoolYearStart };
}
