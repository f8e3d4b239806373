/**
 * 学时 compliance at province scale (issue 12 item 6), on the data of bench/hours.ts (1,000,000 teachers × 30
 * entries by default; REUSE=1 keeps it):
 * - building hour_totals from the whole ledger (what a change of day caps costs, once);
 * - the compliance report (counts per child unit) of the province, the city nearest 50,000 teachers and the three
 *   largest counties, and the first page of the teachers behind, through the service as an officer calls it;
 *   baseline in the same run: the bare aggregate that reads the same rows (roster ⋈ hour_totals, no rules);
 * - posting a 20,000-trainee completion through the ledger (`postCredits`: entries and totals in one statement)
 *   against a bare `INSERT … SELECT FROM unnest` of the same rows into hour_entries alone.
 *
 *   bench/pg.sh start
 *   npx tsx bench/hours-compliance.ts                       # load (long at full size) and measure
 *   REUSE=1 npx tsx bench/hours-compliance.ts               # measure again on the loaded database
 *   TEACHERS=50000 npx tsx bench/hours-compliance.ts        # one county-sized region
 *   bench/pg.sh stop
 */
import { sql } from 'kysely';
import pg from 'pg';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import { subtreeRange } from '../apps/server/src/shared/subtree';
import { DB_NAME, N, openLoaded, PER } from './hours-data';
import {
  fmt,
  machineInfo,
  ms,
  printMachine,
  printTable,
  quantile,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';

const RUNS = Number(process.env.RUNS ?? 5);
const TRAINEES = Number(process.env.TRAINEES ?? 20_000);
/** 2029-03-15 in Shanghai: the cycle's fourth school year, two and a half years gone. */
const NOW = new Date('2029-03-15T02:00:00Z');

const median = (xs: number[]) =>
  quantile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

async function main() {
  const handle = await openLoaded();
  const { db } = handle;
  await syncBuiltinPacks(db);
  const services = createServices(db, SETTINGS, () => NOW);
  const client = new pg.Client({ connectionString: urlOf(DB_NAME) });
  await client.connect();

  // building hour_totals from the ledger: when never built, or forced with REBUILD=1
  if (process.env.REBUILD) await client.query('UPDATE hour_totals_basis SET built_at = NULL');
  const t0 = process.hrtime.bigint();
  const built = await services.hoursCompliance.ensureTotals();
  const buildMs = ms(t0);
  if (built) await client.query('VACUUM ANALYZE hour_totals');
  const size = await client.query(`SELECT (SELECT count(*) FROM hour_entries) AS entries,
    (SELECT count(*) FROM hour_totals) AS totals, pg_size_pretty(pg_total_relation_size('hour_totals')) AS size`);
  const sz = size.rows[0];
  console.log(
    `hour_entries ${Number(sz.entries).toLocaleString('en-US')} rows → hour_totals ${Number(sz.totals).toLocaleString('en-US')} rows (${sz.size})${built ? ` built in ${fmt(buildMs / 1000)} s` : ' (built before)'}`,
  );

  const admin = await client.query(`SELECT a.id, o.id AS org_id, o.path, o.name FROM accounts a
      JOIN role_grants g ON g.account_id = a.id JOIN orgs o ON o.id = g.org_id WHERE a.username = 'admin'`);
  const a = admin.rows[0];
  if (!a) throw new Error('no admin account');
  const actor = systemAdmin(String(a.id), {
    id: String(a.org_id),
    path: String(a.path),
    name: String(a.name),
  });
  const units = await client.query(`SELECT o.id, o.name, o.path, o.kind,
      (SELECT count(*) FROM teachers t WHERE t.org_path >= o.path AND t.org_path < left(o.path, -1) || '0'
        AND t.status NOT IN ('left', 'retired'))::int AS teachers
    FROM orgs o WHERE o.kind IN ('province', 'city', 'county')`);
  // the province, the city nearest 50,000 teachers, and the three largest counties
  const byTeachers = (kind: string) =>
    units.rows.filter((u) => u.kind === kind).sort((a, b) => Number(b.teachers) - Number(a.teachers));
  const city = [...byTeachers('city')].sort(
    (a, b) => Math.abs(Number(a.teachers) - 50_000) - Math.abs(Number(b.teachers) - 50_000),
  )[0];
  const picked = [...byTeachers('province'), ...(city ? [city] : []), ...byTeachers('county').slice(0, 3)];

  const rows: Array<Array<string | number>> = [];
  for (const u of process.env.ONLY_POSTING ? [] : picked) {
    const [lo, hi] = subtreeRange(String(u.path));
    const report: number[] = [];
    const page: number[] = [];
    const bare: number[] = [];
    let behind = 0;
    for (let i = 0; i <= RUNS; i += 1) {
      const r0 = process.hrtime.bigint();
      const r = await services.hoursCompliance.report(actor, { orgId: String(u.id) });
      const r1 = ms(r0);
      const p0 = process.hrtime.bigint();
      await services.hoursCompliance.teachers(actor, {
        orgId: String(u.id),
        behind: 'any',
        page: 1,
        pageSize: 50,
      });
      const p1 = ms(p0);
      const b0 = process.hrtime.bigint();
      await client.query(
        `SELECT count(DISTINCT t.id), coalesce(sum(h.online + h.school_based), 0) FROM teachers t
         LEFT JOIN hour_totals h ON h.teacher_id = t.id
         WHERE t.org_path >= $1 AND t.org_path < $2 AND t.status NOT IN ('left', 'retired')`,
        [lo, hi],
      );
      const b1 = ms(b0);
      behind = r.total.behind;
      if (i === 0) continue; // warm-up
      report.push(r1);
      page.push(p1);
      bare.push(b1);
    }
    const limit = u.kind === 'province' ? 10_000 : Number(u.teachers) <= 50_000 ? 1_000 : 10_000;
    rows.push([
      `${u.name} (${u.kind})`,
      Number(u.teachers).toLocaleString('en-US'),
      behind.toLocaleString('en-US'),
      fmt(median(report)),
      fmt(median(page)),
      fmt(median(bare)),
      median(report) <= limit && median(page) <= limit
        ? `yes (≤ ${limit / 1000} s)`
        : `no (> ${limit / 1000} s)`,
    ]);
  }
  console.log(
    `\n## compliance: ${N.toLocaleString('en-US')} teachers × ${PER} entries, as of 2029-03-15, median of ${RUNS}\n`,
  );
  printTable(
    [
      'unit',
      'teachers',
      'behind',
      'report ms',
      'behind page 1 ms',
      'baseline: bare aggregate ms',
      'within target',
    ],
    rows,
  );

  // posting a completion of TRAINEES teachers: the ledger (entries + totals) against a bare unnest insert
  const trainees = await client.query(
    `SELECT county_id::text, id::text, org_path FROM teachers ORDER BY md5(id::text) LIMIT ${TRAINEES}`,
  );
  const ledger: number[] = [];
  const bareInsert: number[] = [];
  for (let i = 0; i <= RUNS; i += 1) {
    const key = `completion:bench-${Date.now()}-${i}`;
    const credits = trainees.rows.map((t) => ({
      countyId: String(t.county_id),
      teacherId: String(t.id),
      orgPath: String(t.org_path),
      amountTenths: 400,
      days: 5,
      category: 'centralized' as const,
      occurredOn: '2029-03-10',
      source: 'completion' as const,
      creditKey: key,
      ruleId: 'R-004-05',
      postedBy: null,
    }));
    const l0 = process.hrtime.bigint();
    await db.transaction().execute((trx) => services.hours.postCredits(credits, trx));
    const l1 = ms(l0);
    const col = <T>(f: (c: (typeof credits)[number]) => T) => credits.map(f);
    const b0 = process.hrtime.bigint();
    await db.transaction().execute((trx) =>
      sql`INSERT INTO hour_entries (county_id, teacher_id, org_path, amount_tenths, days, category, occurred_on,
          school_year, source, credit_key, revision, rule_id, posted_at)
        SELECT w.c, w.t, w.p, w.a, w.d, w.cat, w.o, '2028-2029', 'completion', w.k, 0, 'R-004-05', now()
        FROM unnest(${col((c) => c.countyId)}::bigint[], ${col((c) => c.teacherId)}::bigint[],
          ${col((c) => c.orgPath)}::text[], ${col((c) => c.amountTenths)}::int[], ${col((c) => c.days)}::int[],
          ${col((c) => c.category)}::text[], ${col((c) => c.occurredOn)}::date[], ${col(() => `${key}-bare`)}::text[])
          AS w(c, t, p, a, d, cat, o, k)`.execute(trx),
    );
    const b1 = ms(b0);
    // the baseline's rows went around the totals: add them (outside the timing), so the totals stay exact
    await client.query(
      `INSERT INTO hour_totals AS t (county_id, teacher_id, school_year, centralized, entries)
       SELECT x.county_id, x.teacher_id, x.school_year,
         sum(least(x.amount_tenths, x.days * (b.day_caps ->> 'centralized')::int)), count(*)
       FROM hour_entries x CROSS JOIN hour_totals_basis b
       WHERE x.teacher_id = ANY($2::bigint[]) AND x.credit_key = $1
       GROUP BY x.county_id, x.teacher_id, x.school_year
       ON CONFLICT (county_id, teacher_id, school_year)
       DO UPDATE SET centralized = t.centralized + excluded.centralized, entries = t.entries + excluded.entries`,
      [`${key}-bare`, credits.map((c) => c.teacherId)],
    );
    if (i === 0) continue;
    ledger.push(l1);
    bareInsert.push(b1);
  }
  const share = median(bareInsert) / median(ledger);
  console.log(`\n## posting a ${TRAINEES.toLocaleString('en-US')}-trainee completion, median of ${RUNS}\n`);
  printTable(
    ['what', 'ms', 'rows/s', 'share of bare'],
    [
      [
        'postCredits (entries + hour_totals, one statement)',
        fmt(median(ledger)),
        fmt((TRAINEES * 1000) / median(ledger), 0),
        `${fmt(share * 100)} %${share >= 0.5 ? ' (≥ 50 %)' : ' (< 50 %)'}`,
      ],
      [
        'baseline: bare INSERT … SELECT FROM unnest',
        fmt(median(bareInsert)),
        fmt((TRAINEES * 1000) / median(bareInsert), 0),
        '100 %',
      ],
    ],
  );
  printMachine(await machineInfo(urlOf(DB_NAME)));
  await client.end();
  await handle.close();
}

await main();
