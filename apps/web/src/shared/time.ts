/**
 * Every date and time the web shows goes through here: in the deployment's one time zone (the server's TIME_ZONE,
 * read from GET /api/v1/settings before any page shows; Asia/Shanghai until then and by default), in one format
 * in both languages — 2026-12-06, 2026-12-06 08:30, 08:30 (24-hour). The browser's own zone is never used.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/** The format of antd's DatePicker and of every shown date. */
export const DATE_FORMAT = 'YYYY-MM-DD';
/** The format of antd's TimePicker: 24-hour, minutes. */
export const TIME_FORMAT = 'HH:mm';

/** An instant as the API sends it (ISO 8601 with Z or an offset), a Date or epoch milliseconds. */
export type Instant = string | number | Date;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const formats = new Map<string, Intl.DateTimeFormat>();
let zone = DEFAULT_TIME_ZONE;

function formatIn(z: string): Intl.DateTimeFormat {
  let f = formats.get(z);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: z,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(z, f);
  }
  return f;
}

/** Sets the zone every formatter uses (from the server's settings); an unknown zone is ignored. */
export function setTimeZone(next: string): void {
  try {
    formatIn(next);
    zone = next;
  } catch {
    // keep the zone we have: a name this browser does not know would throw on every date
  }
}

export function timeZone(): string {
  return zone;
}

interface WallClock {
  date: string;
  hour: string;
  minute: string;
  second: string;
}

function wallClock(at: Instant): WallClock | null {
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return null;
  const parts = formatIn(zone).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`,
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/**
 * The calendar date of an instant: "2026-12-06". A calendar date ("2026-12-06", as birth dates and deadlines come)
 * has no zone and is shown as it is. What is not a date shows as `empty`, as a missing one does.
 */
export function formatDate(at: Instant | null | undefined, empty = '—'): string {
  if (at === null || at === undefined || at === '') return empty;
  if (typeof at === 'string' && CALENDAR_DATE.test(at)) return at;
  return wallClock(at)?.date ?? empty;
}

/** An instant as a date and a 24-hour time: "2026-12-06 08:30". */
export function formatDateTime(at: Instant | null | undefined, empty = '—'): string {
  if (at === null || at === undefined || at === '') return empty;
  const w = wallClock(at);
  return w ? `${w.date} ${w.hour}:${w.minute}` : empty;
}

/** The time of day of an instant, 24-hour: "08:30", or "08:30:05" with seconds. */
export function formatTime(at: Instant | null | undefined, { seconds = false } = {}, empty = '—'): string {
  if (at === null || at === undefined || at === '') return empty;
  const w = wallClock(at);
  if (!w) return empty;
  return seconds ? `${w.hour}:${w.minute}:${w.second}` : `${w.hour}:${w.minute}`;
}

/** Today's date in the zone ("2026-12-06"): the calendar of deadlines and the default of date fields. */
export function todayIso(now: Instant = Date.now()): string {
  return wallClock(now)?.date ?? '';
}

/** This year in the zone (the default year of a new programme or pack). */
export function currentYear(now: Instant = Date.now()): number {
  return Number(todayIso(now).slice(0, 4));
}

/** Whether two instants fall on the same calendar day in the zone. */
export function sameDay(a: Instant, b: Instant): boolean {
  return todayIso(a) === todayIso(b);
}
