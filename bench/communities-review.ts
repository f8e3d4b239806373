/**
 * The monthly review of studios and workshops (R3-G17, issue 13: a province's 5,000 workshops ≤ 2 s), on embedded
 * PGlite (no server) or a PostgreSQL server (DATABASE_URL): WORKSHOPS workshops (default 5,000) of MEMBERS members (25) with ACTIVITIES activities each
 * (8, over the school year; about one in the month reviewed) and their attendance, 8 plan sessions each; then
 * - the review's one aggregate statement (repository `reviewCounts`) over the whole province, RUNS times;
 * - the use case as an officer calls it (`review`: the statement, host unit names in one look-up, core's
 *   `monthlyReview` per row), RUNS times.
 *
 *   npx tsx bench/communities-review.ts
 *   WORKSHOPS=500 RUNS=3 npx tsx bench/communities-review.ts
 *   bench/pg.sh start; DATABASE_URL=$(bench/pg.sh url) npx tsx bench/communities-review.ts   # on PostgreSQL
 */
import { PGlite } from '@electric-sql/pglite';
import { DEFAULT_COMMUNITY_RULES } from '@yanxun/core';
import { sql } from 'kysely';
import { connectPglite } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import { createAuditService } from '../apps/server/src/modules/audit';
import {
  createCommunitiesRepository,
  createCommunitiesService,
} from '../apps/server/src/modules/communities';
import { createFilesRepository, createFilesService } from '../apps/server/src/modules/files';
import { createOrgRepository } from '../apps/server/src/modules/org';
import type { Actor } from '../apps/server/src/shared/actor';
import { fmt, freshDatabase, machineInfo, ms, printMachine, printTable, quantile } from './lib';

const WORKSHOPS = Number(process.env.WORKSHOPS ?? 5_000);
const MEMBERS = Number(process.env.MEMBERS ?? 25);
const ACTIVITIES = Number(process.env.ACTIVITIES ?? 8);
const RUNS = Number(process.env.RUNS ?? 10);
const COUNTIES = 50;
const MONTH = '2026-10';

async function main() {
  // DATABASE_URL: a fresh database on that PostgreSQL server (bench/pg.sh); else embedded PGlite in memory
  const onPostgres = process.env.DATABASE_URL !== undefined;
  const instance = onPostgres ? undefined : await PGlite.create();
  const h = instance ? await connectPglite({ instance }) : await freshDatabase('bench_communities');
  const db = h.db;
  if (instance) await migrateToLatest(db);
  const t0 = process.hrtime.bigint();
  // a province, COUNTIES counties, one school per workshop (the host unit)
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
    SELECT 1000 + w, 2 + w % ${COUNTIES}, '/1/' || (2 + w % ${COUNTIES}) || '/' || (1000 + w) || '/', 2, 'school',
      '学校' || w, 1, 2 + w % ${COUNTIES}
    FROM generate_series(0, ${WORKSHOPS - 1}) w`.execute(db);
  await sql`
    INSERT INTO communities (county_id, id, kind, workshop_class, level, name, host_teacher_id, host_org_id, org_path,
      created_at)
    SELECT 2 + w % ${COUNTIES}, 1 + w, 'workshop', 'class_2', 'county', '工作坊' || w, 100000 + w * ${MEMBERS},
      1000 + w, '/1/' || (2 + w % ${COUNTIES}) || '/' || (1000 + w) || '/', now()
    FROM generate_series(0, ${WORKSHOPS - 1}) w`.execute(db);
  await sql`
    INSERT INTO community_members (county_id, id, community_id, teacher_id, role, school_id, joined_on)
    SELECT 2 + w % ${COUNTIES}, 1 + w * ${MEMBERS} + m, 1 + w, 100000 + w * ${MEMBERS} + m,
      CASE WHEN m = 0 THEN 'host' WHEN m < 6 THEN 'core' ELSE 'formal' END, 1000 + (w + m) % ${WORKSHOPS},
      DATE '2026-09-01'
    FROM generate_series(0, ${WORKSHOPS - 1}) w CROSS JOIN generate_series(0, ${MEMBERS - 1}) m`.execute(db);
  // plan sessions and activities: the 8 teaching months from September, one each (the review's month: October)
  await sql`
    INSERT INTO community_plan_sessions (county_id, id, community_id, school_year, planned_on, kind, live_lessons,
      discussions, host_school_id)
    SELECT 2 + w % ${COUNTIES}, 1 + w * 8 + a, 1 + w, '2026-2027',
      (DATE '2026-09-10' + (a * 30 + w % 20)), 'session', 2, 1, 1000 + w
    FROM generate_series(0, ${WORKSHOPS - 1}) w CROSS JOIN generate_series(0, 7) a`.execute(db);
  await sql`
    INSERT INTO community_activities (county_id, id, community_id, held_on, kind, title, host_school_id, record,
      hours_tenths, status, closed_at, postings, created_at)
    SELECT 2 + w % ${COUNTIES}, 1 + w * ${ACTIVITIES} + a, 1 + w, (DATE '2026-09-12' + (a * 30 + w % 20)),
      'live_lesson', '活动' || a, 1000 + w, CASE WHEN a % 2 = 0 THEN '记录' END, 60, 'closed', now(), 0, now()
    FROM generate_series(0, ${WORKSHOPS - 1}) w CROSS JOIN generate_series(0, ${ACTIVITIES - 1}) a`.execute(
    db,
  );
  await sql`
    INSERT INTO community_attendance (county_id, activity_id, member_id, teacher_id, attended)
    SELECT x.county_id, x.id, 1 + w * ${MEMBERS} + m, 100000 + w * ${MEMBERS} + m, (m + x.id) % 7 <> 0
    FROM community_activities x
    CROSS JOIN LATERAL (SELECT x.community_id - 1 AS w) c
    CROSS JOIN generate_series(0, ${MEMBERS - 1}) m`.execute(db);
  await sql`ANALYZE`.execute(db);
  const loadS = ms(t0) / 1000;
  const counts = await sql<{ a: string; t: string }>`
    SELECT (SELECT count(*) FROM community_activities) AS a, (SELECT count(*) FROM community_attendance) AS t`.execute(
    db,
  );
  console.log(
    `loaded ${WORKSHOPS} workshops × ${MEMBERS} members, ${counts.rows[0]?.a} activities, ${counts.rows[0]?.t} attendance rows in ${fmt(loadS)} s`,
  );

  const repo = createCommunitiesRepository(db);
  const orgRepo = createOrgRepository(db);
  const svc = createCommunitiesService({
    db,
    repo,
    people: { placesOf: async () => [] },
    orgs: {
      findById: (id) => orgRepo.findById(id),
      findByIds: (ids) => orgRepo.findByIds(ids),
      centralSchoolsOf: (ids) => orgRepo.centralSchoolsOf(ids),
    },
    hours: { postCredits: async () => 0 },
    files: createFilesService({ db, repo: createFilesRepository(db), maxBytes: 1 }),
    rules: {
      communityRules: async () => DEFAULT_COMMUNITY_RULES,
      communityRulesAt: async (paths) => new Map(paths.map((p) => [p, DEFAULT_COMMUNITY_RULES])),
      schoolYearStart: async () => '09-01',
    },
    audit: createAuditService({ db }),
    clock: () => new Date('2026-11-02T02:00:00Z'),
  });
  const actor: Actor = {
    accountId: '1',
    username: 'tdc',
    displayName: 'tdc',
    teacherId: null,
    requestId: 'bench',
    ip: null,
    grants: [{ role: 'tdc_staff', orgId: '1', orgPath: '/1/', orgName: '测试省', orgKind: 'province' }],
  };
  const time = async (fn: () => Promise<unknown>) => {
    const out: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const s = process.hrtime.bigint();
      await fn();
      out.push(ms(s));
    }
    return out.sort((a, b) => a - b);
  };
  // baseline: the month's attendance of every community counted in one bare statement (no plan, subtree or names)
  const baseline = await time(() =>
    sql`SELECT a.county_id, a.community_id, count(*) FILTER (WHERE t.attended) AS present, count(*) AS expected
      FROM community_activities a JOIN community_attendance t ON t.county_id = a.county_id AND t.activity_id = a.id
      WHERE a.held_on >= ${`${MONTH}-01`}::date AND a.held_on < '2026-11-01'::date
      GROUP BY a.county_id, a.community_id`.execute(db),
  );
  let rows = 0;
  const bare = await time(async () => {
    rows = (await repo.reviewCounts(['/1/'], `${MONTH}-01`, '2026-11-01')).length;
  });
  const service = await time(() => svc.review(actor, { month: MONTH }));
  printTable(
    ['what', 'rows', 'p50 ms', 'p95 ms', 'max ms'],
    [
      [
        'baseline: bare attendance count per community',
        '',
        fmt(quantile(baseline, 0.5)),
        fmt(quantile(baseline, 0.95)),
        fmt(baseline.at(-1) ?? 0),
      ],
      [
        'review statement (reviewCounts)',
        rows,
        fmt(quantile(bare, 0.5)),
        fmt(quantile(bare, 0.95)),
        fmt(bare.at(-1) ?? 0),
      ],
      [
        'review use case (service.review)',
        rows,
        fmt(quantile(service, 0.5)),
        fmt(quantile(service, 0.95)),
        fmt(service.at(-1) ?? 0),
      ],
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
