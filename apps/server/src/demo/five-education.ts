/**
 * The 五育 part of the demo (issue 14 item 5, CD-24/CD-25): 清城's bureau publishes a framework of the year (the
 * starter one: five dimensions at 20 %, example indicators) and runs a monitoring round over 清城's schools — the
 * students per grade of each school, the stratified sample drawn with a fixed seed (TL-14's 5 %), and every
 * indicator's value entered per school but for the last school, which has not reported yet (its row shows what is
 * missing). Through the five-education service as the `qingcheng` login on the loader's clock, dated before the
 * as-of.
 */
import type { FiveEduIndicator } from '@yanxun/contracts';
import type { Database } from '../db/database';
import { createServices } from '../services';
import type { DemoCalendar } from './as-of';
import type { DemoClock } from './demo-clock';
import { DEMO_SERVICES_CONFIG } from './load-programmes';
import { type DemoProgrammeAccount, demoActorOf } from './programmes/context';

export interface DemoFiveEduLoaded {
  rounds: number;
  schools: number;
}

/** The grades a school teaches, read from its name (小学 1–6, 高中 10–12, 中学/初中 7–9, else 1–9). */
function gradesOf(name: string): number[] {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  if (name.includes('小学')) return range(1, 6);
  if (name.includes('高级中学') || name.includes('高中')) return range(10, 12);
  if (name.includes('中学') || name.includes('初中')) return range(7, 9);
  return range(1, 9);
}

/** A number in [0, 1) from the school's place and the indicator's, the same on every load. */
const fraction = (school: number, indicator: number) => ((school * 37 + indicator * 11) % 29) / 29;

/** A plausible value of an indicator: near its target, or in the better half of its range. */
function indicatorValue(ind: FiveEduIndicator, school: number, indicator: number): number {
  const f = fraction(school, indicator);
  const n = ind.normalise;
  if (n.method === 'target') return Math.round(n.target * (0.72 + 0.33 * f) * 10) / 10;
  const half = (n.max - n.min) / 2;
  const v = ind.direction === 'higher' ? n.min + half + half * f : n.min + half * f;
  return Math.round(v * 10) / 10;
}

export async function loadDemoFiveEducation(
  db: Database,
  opts: { accounts: DemoProgrammeAccount[]; cal: DemoCalendar; clock: DemoClock },
): Promise<DemoFiveEduLoaded> {
  const a = opts.accounts.find((x) => x.username === 'qingcheng');
  if (!a) return { rounds: 0, schools: 0 };
  const { cal, clock } = opts;
  const s = createServices(db, DEMO_SERVICES_CONFIG, clock.now);
  const actor = demoActorOf(a);
  const year = cal.packYear;
  // script days (as-of.ts), moved to the as-of: every one before the anchor Monday − 2, so before any as-of
  await clock.at(cal.day('2026-09-14'), '10:00');
  const created = await s.fiveEducation.createFramework(actor, {
    orgId: a.org.id,
    year,
    name: `${year} 年清城区中小学五育综合评价框架`,
  });
  await s.fiveEducation.publishFramework(actor, created.id);
  await clock.at(cal.day('2026-09-21'), '10:00');
  const round = await s.fiveEducation.createRound(actor, {
    frameworkId: created.id,
    orgId: a.org.id,
    name: `${year} 年清城区五育综合评价监测`,
  });
  const schools = round.schools;
  await s.fiveEducation.setEnrolments(actor, round.id, {
    schools: schools.map((o, i) => ({
      schoolId: o.id,
      grades: Object.fromEntries(gradesOf(o.name).map((g) => [String(g), 90 + ((i * 53 + g * 17) % 160)])),
    })),
  });
  await clock.at(cal.day('2026-09-28'), '10:00');
  await s.fiveEducation.drawSample(actor, round.id, { seed: `qingcheng-${year}` });
  await clock.at(cal.day('2026-11-09'), '15:00');
  const framework = await s.fiveEducation.getFramework(actor, created.id);
  const indicators = framework.body.dimensions.flatMap((d) => d.elements.flatMap((e) => e.indicators));
  const reporting = schools.slice(0, Math.max(1, schools.length - 1));
  const values = reporting.flatMap((o, i) =>
    indicators.map((ind, j) => ({
      schoolId: o.id,
      indicatorCode: ind.code,
      value: indicatorValue(ind, i, j),
    })),
  );
  if (values.length > 0) await s.fiveEducation.enterValues(actor, round.id, { values });
  return { rounds: 1, schools: schools.length };
}
