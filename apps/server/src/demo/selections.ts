/**
 * The annual selections part of the demo (评优评先, R3-S06, R3-S08): 清城's bureau selected last year's 校本研修先进个人
 * by nomination — the demo `teacher` login's teacher and a colleague of the same school, each with a reason — and
 * published it, so the teacher's growth archive holds a real honour and its certificate's code verifies on the
 * public page. Through the evaluation service as the `qingcheng` login on the loader's clock; every script date is
 * on or before 2026-11-17, so before any as-of (as-of.ts).
 */
import type { Database } from '../db/database';
import { createServices } from '../services';
import type { DemoCalendar } from './as-of';
import type { DemoClock } from './demo-clock';
import { DEMO_SERVICES_CONFIG } from './load-programmes';
import { type DemoProgrammeAccount, demoActorOf } from './programmes/context';

export interface DemoSelectionsLoaded {
  selections: number;
  honours: number;
}

const REASONS = [
  '主持校级学科组校本研修，组内教师公开课获县级一等奖，示范带动作用明显',
  '坚持听评课与课题研究，所带班级教学成绩位居全县前列',
];

export async function loadDemoSelections(
  db: Database,
  opts: { accounts: DemoProgrammeAccount[]; cal: DemoCalendar; clock: DemoClock },
): Promise<DemoSelectionsLoaded> {
  const a = opts.accounts.find((x) => x.username === 'qingcheng');
  const teacher = opts.accounts.find((x) => x.username === 'teacher');
  if (!a || !teacher?.teacherId) return { selections: 0, honours: 0 };
  const { cal, clock } = opts;
  const s = createServices(db, DEMO_SERVICES_CONFIG, clock.now);
  const actor = demoActorOf(a);
  const colleague = await db
    .selectFrom('teachers')
    .select('id')
    .where('school_id', '=', teacher.org.id)
    .where('id', '<>', teacher.teacherId)
    .orderBy('id')
    .executeTakeFirst();
  const year = cal.packYear - 1;
  await clock.at(cal.day('2025-12-08'), '10:00');
  const draft = await s.evaluation.selections.create(actor, {
    ownerOrgId: a.org.id,
    year,
    category: 'advanced_individual',
    eligibleBands: ['excellent'],
    maxAwards: 5,
  });
  const nominees = [teacher.teacherId, ...(colleague ? [colleague.id] : [])];
  for (const [i, teacherId] of nominees.entries()) {
    await clock.at(cal.day('2025-12-10'), `1${i}:00`);
    await s.evaluation.selections.nominate(actor, draft.id, {
      teacherId,
      reason: REASONS[i] ?? REASONS[0] ?? '',
    });
  }
  await clock.at(cal.day('2025-12-29'), '15:00');
  const published = await s.evaluation.selections.publish(actor, draft.id);
  return { selections: 1, honours: published.honours.length };
}
