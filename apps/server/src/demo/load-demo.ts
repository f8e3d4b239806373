/**
 * The whole demo as of one day (as-of.ts): the region, the programme year (load-programmes.ts) and the
 * quality-monitoring exams (demo-exams.ts, the latest released to the public and to parents), all on the loader's
 * clock (demo-clock.ts), and every value the database stamped during the load given its stage's demo time. What
 * the first start (boot.ts) and `yanxun demo` load.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database';
import { createServices } from '../services';
import type { Actor } from '../shared/actor';
import { type DemoCalendar, demoCalendar } from './as-of';
import { type DemoCommunitiesLoaded, loadDemoCommunities } from './communities';
import { type DemoClock, startDemoClock } from './demo-clock';
import { demoSemester, loadDemoExams } from './demo-exams';
import { type DemoEvaluationLoaded, loadDemoEvaluation } from './evaluation';
import { type DemoFiveEduLoaded, loadDemoFiveEducation } from './five-education';
import { DEMO_SERVICES_CONFIG, loadDemoProgrammes } from './load-programmes';
import { loadRegionRecords } from './region-records';
import { type DemoSelectionsLoaded, loadDemoSelections } from './selections';

export interface DemoLoaded {
  asOf: string;
  orgs: number;
  teachers: number;
  accounts: string[];
  programmes: string[];
  exams: { exams: number; students: number; released: boolean };
  /** Studios and workshops, pairings, the trainer pool and 校本研修 (issue 13). */
  communities: DemoCommunitiesLoaded;
  /** The city's 项目县考核评估 of last year (published) and this year (in scoring) (issue 14). */
  evaluation: DemoEvaluationLoaded;
  /** 清城's 五育 framework and monitoring round with its sample and values (issue 14). */
  fiveEducation: DemoFiveEduLoaded;
  /** 清城's 校本研修先进个人 of last year, published, the demo `teacher` among the awardees (评优评先). */
  selections: DemoSelectionsLoaded;
  /** Values the database stamped during the load, given their stage's demo time. */
  restamped: number;
}

/**
 * Load the demo into an empty database as of `now` (default: the real clock) or of the day `asOf` (then as of its
 * end). Deterministic for a given as-of day and seed, but for the check-ins of the as-of day after `now`, which
 * are left out.
 */
export async function loadDemo(
  db: Database,
  opts: {
    teachers: number;
    seed?: number;
    asOf?: string;
    now?: Date;
    /** Load the programme year (default true). */
    programmes?: boolean;
    /** Load the exams and release the latest (default true). */
    exams?: boolean;
    /** Load the studios, workshops, pairings, trainer pool and 校本研修 (default: with the programme year). */
    communities?: boolean;
    /** Load the evaluation campaigns and the 五育 round (default: with the programme year). */
    evaluation?: boolean;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<DemoLoaded> {
  const cal = demoCalendar({ asOf: opts.asOf, now: opts.now });
  // the region's records are made the week before the pack of the year is cloned
  const clock = await startDemoClock(db, cal, cal.day('2026-05-25'));
  const region = await loadRegionRecords(db, {
    teachers: opts.teachers,
    seed: opts.seed,
    referenceDate: cal.schoolYearStart,
    onProgress: opts.onProgress,
  });
  let programmes: string[] = [];
  if (opts.programmes !== false && region.teachers > 0) {
    const r = await loadDemoProgrammes(db, {
      seed: opts.seed,
      orgs: region.orgs,
      accounts: region.acting,
      cal,
      clock,
    });
    programmes = r.programmes.map((p) => p.title);
  }
  let exams = { exams: 0, students: 0, released: false };
  if (opts.exams !== false) {
    const e = await loadDemoExams(db, { cal, clock });
    exams = { ...e, released: e.exams > 0 && (await releaseLatestExam(db, cal, clock)) };
  }
  let communities: DemoCommunitiesLoaded = { communities: 0, pairings: 0, trainers: 0, schoolPlans: 0 };
  if ((opts.communities ?? opts.programmes !== false) && region.teachers > 0)
    communities = await loadDemoCommunities(db, { orgs: region.orgs, accounts: region.acting, cal, clock });
  let evaluation: DemoEvaluationLoaded = { campaigns: 0 };
  let fiveEducation: DemoFiveEduLoaded = { rounds: 0, schools: 0 };
  let selections: DemoSelectionsLoaded = { selections: 0, honours: 0 };
  if ((opts.evaluation ?? opts.programmes !== false) && region.teachers > 0) {
    evaluation = await loadDemoEvaluation(db, { accounts: region.acting, cal, clock });
    fiveEducation = await loadDemoFiveEducation(db, { accounts: region.acting, cal, clock });
    selections = await loadDemoSelections(db, { accounts: region.acting, cal, clock });
  }
  const { rows } = await clock.restamp();
  await sql`ANALYZE`.execute(db);
  return {
    asOf: cal.asOf,
    orgs: region.orgs.length,
    teachers: region.teachers,
    accounts: region.accounts,
    programmes,
    exams,
    communities,
    evaluation,
    fiveEducation,
    selections,
    restamped: rows,
  };
}

/**
 * The demo city office releases its latest exam through the service, ten days after it was sat, as an officer
 * would on the 等级划分与发布 page: the public summary (/public/exams) and parents' access (/parent, with codes the
 * `school` login issues).
 */
async function releaseLatestExam(db: Database, cal: DemoCalendar, clock: DemoClock): Promise<boolean> {
  const grant = await db
    .selectFrom('accounts as a')
    .innerJoin('role_grants as g', 'g.account_id', 'a.id')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .select([
      'a.id',
      'a.username',
      'a.display_name',
      'g.role',
      'o.id as org_id',
      'o.path',
      'o.name',
      'o.kind',
    ])
    .where('a.username', '=', 'city')
    .executeTakeFirst();
  if (!grant) return false;
  const exam = await db
    .selectFrom('exams')
    .select('id')
    .where('owner_org_id', '=', grant.org_id)
    .orderBy('exam_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!exam) return false;
  const actor: Actor = {
    accountId: grant.id,
    username: grant.username,
    displayName: grant.display_name,
    teacherId: null,
    requestId: 'demo-loader',
    ip: null,
    grants: [
      {
        role: grant.role as Actor['grants'][number]['role'],
        orgId: grant.org_id,
        orgPath: grant.path,
        orgName: grant.name,
        orgKind: grant.kind,
      },
    ],
  };
  await clock.at(demoSemester(cal.asOf).releasedOn);
  await createServices(db, DEMO_SERVICES_CONFIG, clock.now).examRelease.setRelease(actor, exam.id, {
    public: true,
    parents: true,
  });
  return true;
}
