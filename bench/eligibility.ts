/**
 * The what-if preview (POST /api/v1/packs/:id/preview) at province scale: eligibility of every working teacher
 * for a project type under a pack and under a changed pack, counted by county and by failed rule, through the
 * programs service. Baseline in the same run: a plain `SELECT county_id, count(*) … GROUP BY county_id` over the
 * same teachers table through the bare driver. Warm: 2 unmeasured runs, then median and p95 of RUNS.
 *
 *   bench/pg.sh start
 *   npx tsx bench/eligibility.ts                  # 1,000,000 teachers on PostgreSQL (bench/pg.sh url)
 *   REUSE=1 npx tsx bench/eligibility.ts          # skip the load when bench_eligibility already holds them
 *   PER_TEACHER=1 …                               # also time the per-teacher path once (the reference)
 *   bench/pg.sh stop
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseHandle } from '../apps/server/src/db/database';
import { connectPostgres } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { syncBuiltinPacks } from '../apps/server/src/modules/programs';
import { createServices } from '../apps/server/src/services';
import {
  fmt,
  freshDatabase,
  machineInfo,
  measure,
  ms,
  printMachine,
  printTable,
  rssSampler,
  SETTINGS,
  systemAdmin,
  urlOf,
} from './lib';
import { loadRegion } from './region';

const N = Number(process.env.TEACHERS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 10);
const DB_NAME = 'bench_eligibility';

async function open(): Promise<{ handle: DatabaseHandle; loaded: boolean }> {
  if (process.env.REUSE) {
    const handle = connectPostgres(urlOf(DB_NAME));
    const applied = await migrateToLatest(handle.db).catch(() => []);
    if (applied.length) await sql`ANALYZE`.execute(handle.db);
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM teachers`
      .execute(handle.db)
      .catch(() => null);
    if (Number(n?.rows[0]?.n) === N) return { handle, loaded: true };
    await handle.close();
  }
  return { handle: await freshDatabase(DB_NAME), loaded: false };
}

async function main() {
  const { handle, loaded } = await open();
  const { db } = handle;
  const client = new pg.Client({ connectionString: urlOf(DB_NAME) });
  await client.connect();
  const raw = (text: string, params?: unknown[]) => client.query(text, params);
  if (!loaded) {
    const t0 = process.hrtime.bigint();
    let last = 0;
    await loadRegion(db, {
      teachers: N,
      onProgress: (done, total) => {
        if (done - last >= total / 10 || done === total) {
          last = done;
          console.log(
            `  loaded ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${fmt(ms(t0) / 1000)} s)`,
          );
        }
      },
    });
    await raw('VACUUM ANALYZE');
    console.log(`load + VACUUM ANALYZE: ${fmt(ms(t0) / 1000)} s`);
  }
  if (process.env.LOAD_ONLY) {
    await client.end();
    await handle.close();
    return;
  }
  const size = await raw(`SELECT (SELECT count(*) FROM teachers) AS n,
      (SELECT count(*) FROM orgs WHERE kind = 'county') AS counties,
      pg_size_pretty(pg_total_relation_size('teachers')) AS teachers`);
  const s = size.rows[0] ?? {};
  console.log(
    `\npostgres: ${Number(s.n).toLocaleString('en-US')} teachers in ${s.counties} counties; teachers table + indexes ${s.teachers}`,
  );
  const admin = await raw(`SELECT a.id, o.id AS org_id, o.path, o.name FROM accounts a
      JOIN role_grants g ON g.account_id = a.id JOIN orgs o ON o.id = g.org_id WHERE a.username = 'admin'`);
  const a = admin.rows[0];
  if (!a) throw new Error('no admin account');
  const actor = systemAdmin(String(a.id), {
    id: String(a.org_id),
    path: String(a.path),
    name: String(a.name),
  });
  await syncBuiltinPacks(db);
  const services = createServices(db, SETTINGS);

  // the built-in Henan pack: 乡村骨干教师 (乡镇 school, 教龄 ≥ 5, backbone) and 培训师高端研修 (age ≤ 45 soft,
  // ≥ 3 years in training work, role), each against a changed rule
  const scenarios = [
    {
      name: 'rural_backbone: 教龄 ≥ 5 → ≥ 3',
      req: {
        projectTypeCode: 'rural_backbone',
        changes: [{ path: 'projectTypes[4].tracks[0].eligibility.minTeachingYears', value: 3 }],
      },
    },
    {
      name: 'trainer_advanced: age ≤ 45 → ≤ 50, reference date → 2021-09-01',
      req: {
        projectTypeCode: 'trainer_advanced',
        changes: [
          { path: 'projectTypes[2].tracks[0].eligibility.age.max', value: 50 },
          { path: 'settings.referenceDate', value: { kind: 'fixed', date: '2021-09-01' } },
        ],
      },
    },
  ];
  const packId = 'henan-2021';
  const BASE = `SELECT county_id, count(*) AS n FROM teachers WHERE status = ANY($1::text[]) GROUP BY county_id`;
  const rss = rssSampler(20);
  const rows: string[][] = [];
  for (const sc of scenarios) {
    let last: Awaited<ReturnType<typeof services.programs.previewPack>> | undefined;
    rss.reset();
    const svc = await measure(
      async () => {
        last = await services.programs.previewPack(actor, packId, sc.req);
      },
      RUNS,
      2,
    );
    const peak = rss.peakMb();
    const bare = await measure(() => raw(BASE, [['active', 'on_leave', 'seconded']]), RUNS, 2);
    rows.push([
      sc.name,
      fmt(svc.median),
      fmt(svc.p95),
      fmt(bare.median),
      fmt(bare.p95),
      `${peak}`,
      svc.p95 < 5000 ? 'yes' : '**no**',
    ]);
    if (last) {
      console.log(
        `\n${sc.name}: ${last.teachers.toLocaleString('en-US')} teachers, ${last.method}, ${last.groups} groups; eligible ${last.current.eligible.toLocaleString('en-US')} → ${last.changed?.eligible.toLocaleString('en-US')}, needs override ${last.current.needsOverride} → ${last.changed?.needsOverride}, ${last.byCounty.length} counties`,
      );
      for (const f of last.current.failedByRule) console.log(`  now     ${f.ruleId} ${f.label}: ${f.failed}`);
      for (const f of last.changed?.failedByRule ?? [])
        console.log(`  changed ${f.ruleId} ${f.label}: ${f.failed}`);
    }
    if (process.env.PER_TEACHER) {
      const t0 = process.hrtime.bigint();
      const slow = await services.programs.previewPack(actor, packId, sc.req, { method: 'per_teacher' });
      const same =
        JSON.stringify({ ...slow, elapsedMs: 0, method: '', groups: 0 }) ===
        JSON.stringify({ ...last, elapsedMs: 0, method: '', groups: 0 });
      console.log(`  per-teacher path once: ${fmt(ms(t0))} ms; same result as the grouped path: ${same}`);
    }
  }
  console.log(
    `\n## What-if preview, PostgreSQL, ${N.toLocaleString('en-US')} teachers (warm; ${RUNS} runs; ms)\n`,
  );
  printTable(
    [
      'scenario',
      'preview median',
      'preview p95',
      'GROUP BY county median',
      'GROUP BY county p95',
      'peak RSS MB',
      '< 5 s',
    ],
    rows,
  );
  printMachine(await machineInfo(urlOf(DB_NAME)));
  await client.end();
  await handle.close();
}

await main();
