/**
 * The loader's clock. The services run on it (createServices' clock), moved stage by stage through the demo's
 * year; what they write with the database's own clock (DEFAULT now(), `SET updated_at = now()`: nominations,
 * plans, reviews, audit entries …) carries the real load time, so `restamp` gives each such value the demo time
 * of the stage that wrote it, found by the database's clock at every stage change. The rows of the region, written
 * before the first stage, get `setup`.
 *
 * Only values written during the load (after the first boundary, up to the restamp) are changed: values the
 * services wrote from the demo clock, rows that were there before (code tables, built-in packs) and the check-ins
 * the loader writes with the phone's time (attendance.checked_at) keep theirs.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { type DemoCalendar, shanghaiMoment } from './as-of';

export interface DemoClock {
  /** The services' clock. */
  now: () => Date;
  /** Move the clock to 09:00 (or `time`, Asia/Shanghai) of `day`; never past the calendar's `now`. */
  at: (day: string, time?: string) => Promise<void>;
  /** Give every value the database stamped during the load the demo time of its stage. */
  restamp: () => Promise<{ columns: number; rows: number }>;
}

/** Columns the loader writes itself with a demo time, never with the database's clock. */
const OWN_TIMES = new Set(['attendance.checked_at']);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The database's clock now, once it has moved past the value returned: later stamps are strictly after it. */
async function boundary(db: Database): Promise<string> {
  const { rows } = await sql<{ t: string }>`SELECT clock_timestamp()::text AS t`.execute(db);
  const t = rows[0]?.t ?? '';
  for (;;) {
    const r = await sql<{ past: boolean }>`SELECT clock_timestamp() > ${t}::timestamptz AS past`.execute(db);
    if (r.rows[0]?.past) return t;
    await sleep(1);
  }
}

/** A clock for the demo of `cal`, at `setup` (a script day: when the region's records are made) to begin with. */
export async function startDemoClock(db: Database, cal: DemoCalendar, setup: string): Promise<DemoClock> {
  let current = shanghaiMoment(setup);
  if (current > cal.now) throw new RangeError(`the demo's setup day ${setup} is after ${cal.asOf}`);
  const stages: Array<{ from: string; at: string }> = [
    { from: await boundary(db), at: current.toISOString() },
  ];
  return {
    now: () => new Date(current.getTime()),
    at: async (day, time) => {
      const next = shanghaiMoment(day, time);
      if (next > cal.now) throw new RangeError(`a demo step on ${day} is after the demo's now (${cal.asOf})`);
      current = next;
      stages.push({ from: await boundary(db), at: current.toISOString() });
    },
    restamp: async () => {
      const end = await boundary(db);
      const start = stages[0]?.from ?? end;
      const cols = await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'
        ORDER BY table_name, ordinal_position`.execute(db);
      const byTable = new Map<string, string[]>();
      for (const c of cols.rows) {
        if (OWN_TIMES.has(`${c.table_name}.${c.column_name}`)) continue;
        byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
      }
      const froms = stages.map((s) => s.from);
      const ats = stages.map((s) => s.at);
      let rows = 0;
      let columns = 0;
      for (const [table, names] of byTable) {
        const t = sql.table(table);
        const inLoad = (c: string) =>
          sql`(${sql.ref(c)} > ${start}::timestamptz AND ${sql.ref(c)} <= ${end}::timestamptz)`;
        const sets = names.map(
          (c) => sql`${sql.ref(c)} = CASE WHEN ${inLoad(c)} THEN (SELECT s.at FROM s
            WHERE s.from_ < ${sql.ref(`${table}.${c}`)} ORDER BY s.from_ DESC LIMIT 1) ELSE ${sql.ref(c)} END`,
        );
        const r = await sql`WITH s AS (SELECT * FROM unnest(${froms}::timestamptz[], ${ats}::timestamptz[])
            AS s(from_, at))
          UPDATE ${t} SET ${sql.join(sets)} WHERE ${sql.join(names.map(inLoad), sql` OR `)}`.execute(db);
        const n = Number(r.numAffectedRows ?? 0);
        rows += n;
        if (n > 0) columns += names.length;
      }
      return { columns, rows };
    },
  };
}
