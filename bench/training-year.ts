/**
 * A province-sized programme year for the benchmarks, written straight into the tables (the services' own
 * checks are not what is measured): PROGRAMMES programmes of the demo pack's project type at province, city and
 * county level (pattern provincial, city, county, county), their trainees picked evenly from the owner's subtree
 * by a hash of (teacher, programme), seats passed to the trainees' counties, one class per started programme run
 * by the demo provider, 注册 and 报到 for 93 % of the trainees, and for ended programmes a completion run (90 %
 * completed) and the 学时 of those completed. A third of the programmes have ended on `today`, a third run, a
 * third are still to start.
 */
import { sql } from 'kysely';
import type { Database } from '../apps/server/src/db/database';
import { subtreeRange } from '../apps/server/src/shared/subtree';

export interface TrainingYearSpec {
  programmes: number;
  /** trainees of a provincial programme; a city's has a third, a county's a fifteenth */
  provincialTrainees: number;
  year: number;
  /** the day the year is seen on (YYYY-MM-DD): sets which programmes ended, run or are to start */
  today: string;
}

const LEVELS = ['provincial', 'city', 'county', 'county'] as const;

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function loadTrainingYear(
  db: Database,
  spec: TrainingYearSpec,
  onProgress?: (done: number) => void,
): Promise<{ programmes: number; nominations: number }> {
  // the demo year's first programme gives a valid pack, project type and track
  const model = await db
    .selectFrom('programmes')
    .select(['pack_id', 'project_type_code', 'track_code'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const provider = await db
    .selectFrom('orgs')
    .select(['id', 'path'])
    .where('kind', '=', 'provider')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const owners = {
    provincial: await db.selectFrom('orgs').select(['id', 'path']).where('kind', '=', 'province').execute(),
    city: await db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('kind', '=', 'city')
      .orderBy('id')
      .execute(),
    county: await db
      .selectFrom('orgs')
      .select(['id', 'path'])
      .where('kind', '=', 'county')
      .orderBy('id')
      .execute(),
  };
  let nominations = 0;
  for (let k = 0; k < spec.programmes; k++) {
    const level = LEVELS[k % LEVELS.length] ?? 'county';
    const pool = owners[level];
    const owner = pool[Math.floor(k / LEVELS.length) % pool.length];
    if (!owner) throw new Error(`no ${level} org`);
    const target = Math.round(
      spec.provincialTrainees / (level === 'provincial' ? 1 : level === 'city' ? 3 : 15),
    );
    // ended, running, to start
    const phase = k % 3;
    const start =
      phase === 0
        ? addDays(spec.today, -60 + (k % 20))
        : phase === 1
          ? addDays(spec.today, -5)
          : addDays(spec.today, 20 + k);
    const end = phase === 0 ? addDays(start, 10) : phase === 1 ? addDays(spec.today, 9) : addDays(start, 10);
    const [lo, hi] = subtreeRange(owner.path);
    const inOwner = await sql<{ n: string }>`
      SELECT count(*)::text AS n FROM teachers WHERE org_path >= ${lo} AND org_path < ${hi} AND status <> 'left'`.execute(
      db,
    );
    const modulus = Math.max(1, Math.round(Number(inOwner.rows[0]?.n ?? 0) / target));
    await db.transaction().execute(async (trx) => {
      const p = await trx
        .insertInto('programmes')
        .values({
          pack_id: model.pack_id,
          project_type_code: model.project_type_code,
          track_code: model.track_code,
          level,
          year: spec.year,
          owner_org_id: owner.id,
          owner_path: owner.path,
          title: `基准测试项目 ${k + 1}（${level}）`,
          selection_deadline: addDays(start, -10),
          start_date: start,
          end_date: end,
          total_seats: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const pid = p.id;
      const county = level === 'county';
      const n = await sql<{ n: string }>`
        WITH picked AS (
          INSERT INTO nominations (county_id, programme_id, teacher_id, school_id, org_path, quota_region_id,
            quota_org_id, status, eligibility)
          SELECT t.county_id, ${pid}, t.id, t.school_id, t.org_path, t.county_id,
            ${county ? sql`${owner.id}::bigint` : sql`t.county_id`}, 'selected', '{}'::jsonb
          FROM teachers t
          WHERE t.org_path >= ${lo} AND t.org_path < ${hi} AND t.status <> 'left'
            AND abs(hashtext(t.id::text || ':' || ${pid}::text)) % ${modulus} = 0
          RETURNING county_id
        )
        SELECT count(*)::text AS n FROM picked`.execute(trx);
      const picked = Number(n.rows[0]?.n ?? 0);
      nominations += picked;
      await sql`UPDATE programmes SET total_seats = ${picked + Math.ceil(picked / 10)} WHERE id = ${pid}`.execute(
        trx,
      );
      // seats: the owner's node, passed down to the trainees' counties (a county programme keeps its own)
      if (county) {
        await sql`INSERT INTO quota_allocations (region_id, programme_id, org_id, org_path, parent_org_id, seats, used)
          VALUES (${owner.id}, ${pid}, ${owner.id}, ${owner.path}, NULL, ${picked + Math.ceil(picked / 10)}, ${picked})`.execute(
          trx,
        );
      } else {
        await sql`INSERT INTO quota_allocations (region_id, programme_id, org_id, org_path, parent_org_id, seats, used)
          SELECT n.quota_org_id, ${pid}, n.quota_org_id, o.path, ${owner.id}, count(*), count(*)
          FROM nominations n JOIN orgs o ON o.id = n.quota_org_id
          WHERE n.programme_id = ${pid} AND n.quota_org_id <> ${owner.id}
          GROUP BY n.quota_org_id, o.path`.execute(trx);
        // trainees of units at the owner's own level (a city's centre) take seats at the owner's node
        const own = await sql<{ n: string }>`
          SELECT count(*)::text AS n FROM nominations WHERE programme_id = ${pid} AND quota_org_id = ${owner.id}`.execute(
          trx,
        );
        const used = Number(own.rows[0]?.n ?? 0);
        const regionOf = await sql<{ r: string }>`
          SELECT coalesce(county_id, city_id, province_id, id)::text AS r FROM orgs WHERE id = ${owner.id}`.execute(
          trx,
        );
        await sql`INSERT INTO quota_allocations (region_id, programme_id, org_id, org_path, parent_org_id, seats,
            allocated, used)
          VALUES (${regionOf.rows[0]?.r ?? owner.id}, ${pid}, ${owner.id}, ${owner.path}, NULL,
            ${picked + Math.ceil(picked / 10)}, ${picked - used}, ${used})`.execute(trx);
      }
      if (phase === 2) return;
      const c = await trx
        .insertInto('classes')
        .values({
          programme_id: pid,
          name: `基准测试项目 ${k + 1} 第一期`,
          start_date: start,
          end_date: end,
          venue: '报告厅',
          provider_org_id: provider.id,
          provider_path: provider.path,
          owner_path: owner.path,
          dates_reported_on: addDays(start, -30),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO class_enrolments (county_id, class_id, teacher_id, programme_id, nomination_id, org_path)
        SELECT county_id, ${c.id}, teacher_id, ${pid}, id, org_path FROM nominations WHERE programme_id = ${pid}`.execute(
        trx,
      );
      for (const slot of ['register', 'arrive'])
        await sql`INSERT INTO attendance (county_id, class_id, slot, teacher_id, checked_at, method)
          SELECT county_id, ${c.id}, ${slot}, teacher_id, ${`${start}T01:00:00Z`}::timestamptz, 'qr'
          FROM class_enrolments WHERE class_id = ${c.id} AND abs(hashtext(teacher_id::text || 'a')) % 100 < 93`.execute(
          trx,
        );
      if (phase !== 0) return;
      await sql`INSERT INTO completion_results (county_id, class_id, teacher_id, programme_id, org_path, completed,
          attendance_pct, checks, hours_tenths)
        SELECT e.county_id, ${c.id}, e.teacher_id, ${pid}, e.org_path,
          abs(hashtext(e.teacher_id::text || 'c')) % 100 < 90, 95.0, '[]'::jsonb, 300
        FROM class_enrolments e WHERE e.class_id = ${c.id}`.execute(trx);
      await sql`INSERT INTO hour_entries (county_id, teacher_id, programme_id, class_id, org_path, amount_tenths,
          category, occurred_on, school_year, source, credit_key, rule_id)
        SELECT county_id, teacher_id, ${pid}, ${c.id}, org_path, 300, 'centralized', ${end}::date,
          '2026-2027', 'completion', 'completion:' || ${pid}, 'Y-004-HOURS'
        FROM completion_results WHERE class_id = ${c.id} AND completed`.execute(trx);
    });
    onProgress?.(k + 1);
  }
  await sql`ANALYZE`.execute(db);
  return { programmes: spec.programmes, nominations };
}
