/**
 * A province-wide evaluation campaign (issue 14: 2,000 schools × 15 items × 3 raters, every scorecard ≤ 5 s), on
 * embedded PGlite (no server) or a PostgreSQL server (DATABASE_URL): SCHOOLS subjects (default 2,000) in 50
 * counties, scored on Rubric A (16 scored units: its 二级 indicators, the nearest built-in to 15 items) by RATERS
 * raters each (3), every sheet submitted; then
 * - baseline: one bare statement that reads every sheet and averages each subject's raters' unit scores in SQL;
 * - the ranking as the owner asks for it (`ranking`: every subject's raters aggregated by core, scored, banded,
 *   ranked), RUNS times;
 * - every scorecard at once (`campaignScorecards`: each table read once, every subject's sections, units, rater
 *   spread, evidence, live values, appeals), RUNS times;
 * - one subject's scorecard read alone (`scorecard`), SAMPLE subjects one after another;
 * - a rater's sheet saved and submitted through the service (`saveSheet` + `submitSheet`: core's checks, the live
 *   values, the write, the audit), SAMPLE sheets of a second campaign in scoring one after another.
 *
 *   npx tsx bench/evaluation-campaign.ts
 *   SCHOOLS=200 RUNS=3 npx tsx bench/evaluation-campaign.ts
 *   bench/pg.sh start; DATABASE_URL=$(bench/pg.sh url) npx tsx bench/evaluation-campaign.ts   # on PostgreSQL
 */
import { PGlite } from '@electric-sql/pglite';
import { RUBRIC_A, rubricUnits } from '@yanxun/core';
import { sql } from 'kysely';
import { connectPglite } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { createAuditService } from '../apps/server/src/modules/audit';
import {
  createEvaluationRepository,
  createEvaluationService,
  createMetricsRegistry,
  NO_SELECTION_PORTS,
} from '../apps/server/src/modules/evaluation';
import { createFilesRepository, createFilesService } from '../apps/server/src/modules/files';
import { createOrgRepository } from '../apps/server/src/modules/org';
import type { Actor } from '../apps/server/src/shared/actor';
import { fmt, freshDatabase, machineInfo, ms, printMachine, printTable, quantile } from './lib';

const SCHOOLS = Number(process.env.SCHOOLS ?? 2_000);
const RATERS = Number(process.env.RATERS ?? 3);
const RUNS = Number(process.env.RUNS ?? 5);
const COUNTIES = 50;
const EXPERTS = 60;
const SAMPLE = Math.min(SCHOOLS, 200);

async function main() {
  const onPostgres = process.env.DATABASE_URL !== undefined;
  const instance = onPostgres ? undefined : await PGlite.create();
  const h = instance ? await connectPglite({ instance }) : await freshDatabase('bench_evaluation');
  const db = h.db;
  if (instance) await migrateToLatest(db);
  const units = rubricUnits(RUBRIC_A).units;
  const t0 = process.hrtime.bigint();
  await sql`INSERT INTO orgs (id, parent_id, path, depth, kind, name) VALUES (1, NULL, '/1/', 0, 'province', '测试省')`.execute(
    db,
  );
  await sql`
    INSERT INTO orgs (id, parent_id, path, depth, kind, name, province_id)
    SELECT 1 + c, 1, '/1/' || (1 + c) || '/', 1, 'county', '县' || c, 1 FROM generate_series(1, ${COUNTIES}) c`.execute(
    db,
  );
  await sql`
    INSERT INTO orgs (id, parent_id, path, depth, kind, name, province_id, county_id)
    SELECT 1000 + s, 2 + s % ${COUNTIES}, '/1/' || (2 + s % ${COUNTIES}) || '/' || (1000 + s) || '/', 2, 'school',
      '学校' || s, 1, 2 + s % ${COUNTIES}
    FROM generate_series(0, ${SCHOOLS - 1}) s`.execute(db);
  await sql`
    INSERT INTO evaluation_campaigns (county_id, id, owner_org_id, org_path, name, year, subject_kind, rubric_ref,
      rubric, normalisation, normalisation_at, status, provisional_at, appeal_closes_on, created_at, updated_at)
    VALUES (1, 1, 1, '/1/', '全省示范校评估', 2026, 'school', 'builtin:A', ${JSON.stringify(RUBRIC_A)}::jsonb,
      'item_points', now(), 'appeal', now(), DATE '2026-12-31', now(), now())`.execute(db);
  await sql`
    INSERT INTO evaluation_subjects (county_id, id, campaign_id, ref_id, name, org_path)
    SELECT 1, 1 + s, 1, 1000 + s, '学校' || s, '/1/' || (2 + s % ${COUNTIES}) || '/' || (1000 + s) || '/'
    FROM generate_series(0, ${SCHOOLS - 1}) s`.execute(db);
  // each rater's sheet: every unit scored between 60 % and 100 % of its points, in whole tenths
  const sheets: string[] = [];
  const subjectIds: string[] = [];
  const accountIds: string[] = [];
  const positions: number[] = [];
  for (let s = 0; s < SCHOOLS; s++)
    for (let r = 0; r < RATERS; r++) {
      const scores = Object.fromEntries(
        units.map((u, i) => {
          const f = 0.6 + (((s * 7 + r * 13 + i * 3) % 41) / 40) * 0.4;
          return [u.id, { score: Math.round(u.max * f * 10) / 10 }];
        }),
      );
      sheets.push(JSON.stringify({ units: scores, vetoes: {} }));
      subjectIds.push(String(1 + s));
      accountIds.push(String(100 + ((s + r * 17) % EXPERTS)));
      positions.push(r + 1);
    }
  await sql`
    INSERT INTO evaluation_raters (county_id, subject_id, account_id, campaign_id, position, sheet, assigned_at,
      saved_at, submitted_at)
    SELECT 1, x.subject_id, x.account_id, 1, x.position, x.sheet::jsonb, now(), now(), now()
    FROM unnest(${subjectIds}::bigint[], ${accountIds}::bigint[], ${positions}::int[], ${sheets}::text[])
      AS x(subject_id, account_id, position, sheet)`.execute(db);
  // a second campaign in scoring, whose SAMPLE sheets a rater saves and submits through the service
  await sql`
    INSERT INTO evaluation_campaigns (county_id, id, owner_org_id, org_path, name, year, subject_kind, rubric_ref,
      rubric, normalisation, normalisation_at, status, created_at, updated_at)
    VALUES (1, 2, 1, '/1/', '评分中的评估', 2026, 'school', 'builtin:A', ${JSON.stringify(RUBRIC_A)}::jsonb,
      'item_points', now(), 'scoring', now(), now())`.execute(db);
  await sql`
    INSERT INTO evaluation_subjects (county_id, id, campaign_id, ref_id, name, org_path)
    SELECT 1, 100000 + s, 2, 1000 + s, '学校' || s, '/1/' || (2 + s % ${COUNTIES}) || '/' || (1000 + s) || '/'
    FROM generate_series(0, ${SAMPLE - 1}) s`.execute(db);
  await sql`
    INSERT INTO evaluation_raters (county_id, subject_id, account_id, campaign_id, position, assigned_at)
    SELECT 1, 100000 + s, 99, 2, 1, now() FROM generate_series(0, ${SAMPLE - 1}) s`.execute(db);
  await sql`ANALYZE`.execute(db);
  const loadS = ms(t0) / 1000;
  console.log(
    `loaded ${SCHOOLS} subjects × ${RATERS} raters × ${units.length} units (${SCHOOLS * RATERS} sheets) in ${fmt(loadS)} s`,
  );

  const orgRepo = createOrgRepository(db);
  const svc = createEvaluationService({
    db,
    repo: createEvaluationRepository(db),
    orgs: { findById: (id) => orgRepo.findById(id), findByIds: (ids) => orgRepo.findByIds(ids) },
    communities: { cardsOf: async () => [] },
    accounts: {
      byUsername: async () => undefined,
      namesOf: async (ids) => new Map(ids.map((id) => [id, `专家${id}`])),
    },
    files: createFilesService({ db, repo: createFilesRepository(db), maxBytes: 1 }),
    metrics: createMetricsRegistry({
      selectionCounts: async () => ({
        programmes: 0,
        seats: 0,
        selected: 0,
        underReported: 0,
        missed: 0,
        notCompleted: 0,
        ineligible: 0,
      }),
      communityActivities: async () => ({ planned: 0, held: 0 }),
      trainerTeam: async () => ({ asOf: '2026-12-20', size: 0, active: 0, teamMin: 50, activeShareMin: 0.9 }),
      threeNameStudios: async () => ({ studios: [], ledMin: 5 }),
      studioReach: async () => undefined,
      schoolTrainingBudget: async () => undefined,
      countyTrainingBudgets: async () => ({ schools: 0, entered: 0, metBoth: 0 }),
      backboneCount: async () => 0,
    }),
    audit: createAuditService({ db }),
    selection: NO_SELECTION_PORTS,
    clock: () => new Date('2026-12-20T02:00:00Z'),
  });
  const actor: Actor = {
    accountId: '1',
    username: 'province',
    displayName: 'province',
    teacherId: null,
    requestId: 'bench',
    ip: null,
    grants: [{ role: 'bureau_admin', orgId: '1', orgPath: '/1/', orgName: '测试省', orgKind: 'province' }],
  };
  const time = async (fn: () => Promise<unknown>, runs = RUNS) => {
    const out: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = process.hrtime.bigint();
      await fn();
      out.push(ms(s));
    }
    return out.sort((a, b) => a - b);
  };
  // baseline: every sheet read and each subject's unit scores averaged over its raters, in one bare statement
  const baseline = await time(() =>
    sql`SELECT r.subject_id, u.key, avg((u.value->>'score')::numeric) AS mean
      FROM evaluation_raters r CROSS JOIN LATERAL jsonb_each(r.sheet->'units') u
      WHERE r.county_id = 1 AND r.campaign_id = 1 AND r.submitted_at IS NOT NULL
      GROUP BY r.subject_id, u.key`.execute(db),
  );
  let ranked = 0;
  const ranking = await time(async () => {
    ranked = (await svc.ranking(actor, '1')).length;
  });
  let carded = 0;
  const all = await time(async () => {
    carded = (await svc.campaignScorecards(actor, '1')).length;
  });
  const one = await time(async () => {
    for (let s = 0; s < SAMPLE; s++) await svc.scorecard(actor, String(1 + s));
  }, 1);
  const rater: Actor = {
    ...actor,
    accountId: '99',
    username: 'expert',
    grants: [{ role: 'evaluator', orgId: '1', orgPath: '/1/', orgName: '测试省', orgKind: 'province' }],
  };
  const entered = Object.fromEntries(units.map((u) => [u.id, { score: Math.round(u.max * 8) / 10 }]));
  const scored = await time(async () => {
    for (let s = 0; s < SAMPLE; s++) {
      await svc.saveSheet(rater, String(100000 + s), { units: entered, vetoes: {} });
      await svc.submitSheet(rater, String(100000 + s));
    }
  }, 1);
  printTable(
    ['what', 'subjects', 'p50 ms', 'p95 ms', 'max ms'],
    [
      [
        'baseline: bare SQL mean of every unit over its raters',
        SCHOOLS,
        fmt(quantile(baseline, 0.5)),
        fmt(quantile(baseline, 0.95)),
        fmt(baseline.at(-1) ?? 0),
      ],
      [
        'ranking (every subject aggregated, scored, banded)',
        ranked,
        fmt(quantile(ranking, 0.5)),
        fmt(quantile(ranking, 0.95)),
        fmt(ranking.at(-1) ?? 0),
      ],
      [
        'every scorecard at once (campaignScorecards)',
        carded,
        fmt(quantile(all, 0.5)),
        fmt(quantile(all, 0.95)),
        fmt(all.at(-1) ?? 0),
      ],
      [`one scorecard read alone (mean of ${SAMPLE})`, 1, fmt((one[0] ?? 0) / SAMPLE), '', ''],
      [`a rater saves and submits one sheet (mean of ${SAMPLE})`, 1, fmt((scored[0] ?? 0) / SAMPLE), '', ''],
    ],
  );
  printMachine(
    onPostgres
      ? await machineInfo(process.env.DATABASE_URL)
      : { ...(await machineInfo()), database: 'PGlite (in memory)' },
  );
  await h.close();
  await instance?.close();
}

void main();
