/**
 * 培训总览 (GET /api/v1/reports/training-overview) at a year with many programmes. The demo region
 * (TEACHERS teachers, its programme year: 3 programmes with quotas, nominations, classes, attendance,
 * completion and hours) is copied COPIES times (each copy a new programme with its own classes and the same
 * trainees), then the overview is timed through the reports service as the province and as a county.
 * Baseline in the same run: the same programmes' figures the N+1 way, one programme KPI report
 * (`programmeKpis`, level city) per programme.
 *
 *   DATABASE_URL=postgres://…/postgres npx tsx bench/overview.ts     # e.g. scripts/pg15.sh url
 *   TEACHERS=20000 COPIES=99 RUNS=10 …
 */
import { sql } from 'kysely';
import { loadDemoRegion } from '../apps/server/src/demo/load-region';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import type { Actor } from '../apps/server/src/shared/actor';
import {
  baseUrl,
  fmt,
  freshDatabase,
  machineInfo,
  measure,
  ms,
  printMachine,
  printTable,
  SETTINGS,
} from './lib';

const TEACHERS = Number(process.env.TEACHERS ?? 20_000);
const COPIES = Number(process.env.COPIES ?? 99);
const RUNS = Number(process.env.RUNS ?? 10);

const handle = await freshDatabase('bench_overview', 4);
const db = handle.db;
await syncBuiltinPacks(db);
let t0 = process.hrtime.bigint();
await loadDemoRegion(db, { teachers: TEACHERS, programmes: true });
console.log(`demo region + programme year: ${fmt(ms(t0) / 1000)} s`);

t0 = process.hrtime.bigint();
const originals = await db.selectFrom('programmes').select(['id', 'year']).orderBy('id').execute();
for (let k = 0; k < COPIES; k++) {
  for (const o of originals) {
    const p = await sql<{ id: string }>`
      INSERT INTO programmes (pack_id, project_type_code, track_code, level, year, owner_org_id, owner_path, title,
        selection_deadline, start_date, end_date, total_seats)
      SELECT pack_id, project_type_code, track_code, level, year, owner_org_id, owner_path, title || ' #' || ${k},
        selection_deadline, start_date, end_date, total_seats FROM programmes WHERE id = ${o.id}
      RETURNING id::text AS id`.execute(db);
    const np = p.rows[0]?.id ?? '';
    await sql`INSERT INTO quota_allocations (region_id, programme_id, org_id, org_path, parent_org_id, seats,
        rural_seats, allocated, used)
      SELECT region_id, ${np}, org_id, org_path, parent_org_id, seats, rural_seats, allocated, used
      FROM quota_allocations WHERE programme_id = ${o.id}`.execute(db);
    await sql`INSERT INTO nominations (county_id, programme_id, teacher_id, school_id, org_path, quota_region_id,
        quota_org_id, status, eligibility)
      SELECT county_id, ${np}, teacher_id, school_id, org_path, quota_region_id, quota_org_id, status, eligibility
      FROM nominations WHERE programme_id = ${o.id} AND status IN ('selected', 'withdrawn', 'replaced')`.execute(
      db,
    );
    const classes = await db.selectFrom('classes').selectAll().where('programme_id', '=', o.id).execute();
    for (const c of classes) {
      const nc = await sql<{ id: string }>`
        INSERT INTO classes (programme_id, name, period_no, start_date, end_date, venue, provider_org_id,
          provider_path, owner_path, dates_reported_on)
        SELECT ${np}, name, period_no, start_date, end_date, venue, provider_org_id, provider_path, owner_path,
          dates_reported_on FROM classes WHERE id = ${c.id}
        RETURNING id::text AS id`.execute(db);
      const ncid = nc.rows[0]?.id ?? '';
      await sql`INSERT INTO class_documents (class_id, kind, item, title, submitted_on)
        SELECT ${ncid}, kind, item, title, submitted_on FROM class_documents WHERE class_id = ${c.id}`.execute(
        db,
      );
      await sql`INSERT INTO class_enrolments (county_id, class_id, teacher_id, programme_id, nomination_id, org_path)
        SELECT county_id, ${ncid}, teacher_id, ${np}, nomination_id, org_path
        FROM class_enrolments WHERE class_id = ${c.id}`.execute(db);
      await sql`INSERT INTO attendance (county_id, class_id, slot, teacher_id, checked_at, method)
        SELECT county_id, ${ncid}, slot, teacher_id, checked_at, method FROM attendance
        WHERE class_id = ${c.id} AND slot IN ('register', 'arrive')`.execute(db);
      await sql`INSERT INTO completion_results (county_id, class_id, teacher_id, programme_id, org_path, completed,
          attendance_pct, checks, hours_tenths)
        SELECT county_id, ${ncid}, teacher_id, ${np}, org_path, completed, attendance_pct, checks, hours_tenths
        FROM completion_results WHERE class_id = ${c.id}`.execute(db);
    }
    await sql`INSERT INTO hour_entries (county_id, teacher_id, programme_id, org_path, amount_tenths, category,
        occurred_on, school_year, source, credit_key, rule_id)
      SELECT county_id, teacher_id, ${np}, org_path, amount_tenths, category, occurred_on, school_year, source,
        'completion:' || ${np}, rule_id
      FROM hour_entries WHERE programme_id = ${o.id} AND reverses_id IS NULL`.execute(db);
  }
}
await sql`ANALYZE`.execute(db);
console.log(`copied ${COPIES} × ${originals.length} programmes: ${fmt(ms(t0) / 1000)} s`);

const count = async (table: string) =>
  Number(
    (await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(db)).rows[0]?.n,
  );
const sizes = {
  programmes: await count('programmes'),
  classes: await count('classes'),
  class_enrolments: await count('class_enrolments'),
  attendance: await count('attendance'),
  completion_results: await count('completion_results'),
  hour_entries: await count('hour_entries'),
};
console.log(sizes);

const services = createServices(db, SETTINGS, () => new Date('2026-11-23T04:00:00Z'));
const org = (kind: string, name = '') =>
  db
    .selectFrom('orgs')
    .select(['id', 'path', 'name', 'kind'])
    .where('kind', '=', kind)
    .where('name', 'like', `%${name}%`)
    .orderBy('id')
    .executeTakeFirstOrThrow();
const actorAt = (o: { id: string; path: string; name: string; kind: string }): Actor => ({
  accountId: '1',
  username: 'bench',
  displayName: '基准测试',
  teacherId: null,
  requestId: 'bench',
  ip: null,
  grants: [{ role: 'bureau_admin', orgId: o.id, orgPath: o.path, orgName: o.name, orgKind: o.kind }],
});
const province = actorAt(await org('province'));
const county = actorAt(await org('county', '清城'));
const year = originals[0]?.year ?? 2026;

const first = await services.reports.trainingOverview(province, { year });
console.log(`overview as province: ${first.programmes.length} programmes, ${first.total.enrolled} enrolled`);
const ovProvince = await measure(() => services.reports.trainingOverview(province, { year }), RUNS, 2);
const ovCounty = await measure(() => services.reports.trainingOverview(county, { year }), RUNS, 2);
const ids = first.programmes.map((p) => p.id);
const baseline = await measure(
  async () => {
    for (const id of ids) await services.reports.programmeKpis(province, id, { level: 'city' });
  },
  Math.max(2, Math.floor(RUNS / 5)),
  1,
);

const info = await machineInfo(baseUrl());
printMachine(info);
console.log(`\n${ids.length} programmes, ${TEACHERS} teachers, ${sizes.class_enrolments} enrolments\n`);
printTable(
  ['what', 'median ms', 'p95 ms'],
  [
    ['培训总览 as the province (all programmes)', fmt(ovProvince.median), fmt(ovProvince.p95)],
    ['培训总览 as a county', fmt(ovCounty.median), fmt(ovCounty.p95)],
    [`baseline: ${ids.length} × programmeKpis (level city)`, fmt(baseline.median), fmt(baseline.p95)],
  ],
);
await handle.close();
