/**
 * What the communities' part of the demo works with: the services on the loader's clock, the demo accounts as
 * actors (and a school's officer for each demo school, acting with the `school` login's account id), the region's
 * teachers as the loader picks them (read once, ordered by id, so the same seed gives the same picks) and the
 * demo school year's dates, every one before the as-of day.
 */
import { addDays } from '@yanxun/core';
import { sql } from 'kysely';
import type { Database } from '../../db/database';
import type { Services } from '../../services';
import type { Actor } from '../../shared/actor';
import type { DemoCalendar } from '../as-of';
import type { DemoClock } from '../demo-clock';
import type { LoadedOrg } from '../org-tree';
import { type DemoProgrammeAccount, demoActorOf } from '../programmes/context';

export interface DemoTeacherRow {
  id: string;
  name: string;
  school_id: string;
  county_id: string;
  birth_date: string;
  title: string | null;
  teaching_start_date: string | null;
}

export interface CommunitiesWorld {
  db: Database;
  s: Services;
  cal: DemoCalendar;
  /** Move the services' clock to `time` (Asia/Shanghai) of `day`, a day before the as-of. */
  at: (day: string, time?: string) => Promise<void>;
  city: Actor;
  qingcheng: Actor;
  tdc: Actor;
  /** The officer of a school (the demo `school` login on its own school, a stand-in on the others). */
  schoolActor: (school: LoadedOrg) => Actor;
  teacherActor: (t: DemoTeacherRow) => Actor;
  county: LoadedOrg;
  /** 清城's schools, the demo school first. */
  schools: LoadedOrg[];
  /** The city's schools, 清城's first. */
  citySchools: LoadedOrg[];
  /** Active teachers by school. */
  teachersOf: (schoolId: string) => DemoTeacherRow[];
  /** The demo `teacher` login's teacher. */
  demoTeacherId: string | null;
  /** The demo school year ('2026-2027') and its first day: the as-of's, or the one before in its first fortnight. */
  schoolYear: string;
  yearStart: string;
  /** The 15th of each teaching month (9–12, 3–6) of the demo school year on a weekday, before the as-of. */
  monthDays: string[];
  /** A day before the as-of: `day` when it is, else the day before the as-of. */
  past: (day: string) => string;
  /** Teachers the loader has put somewhere already (not picked again). */
  used: Set<string>;
}

/** The day, moved off a weekend onto the Friday before or the Monday after. */
export function weekday(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(day, -1) : dow === 0 ? addDays(day, 1) : day;
}

export async function communitiesWorld(
  db: Database,
  s: Services,
  opts: { orgs: LoadedOrg[]; accounts: DemoProgrammeAccount[]; cal: DemoCalendar; clock: DemoClock },
): Promise<CommunitiesWorld | null> {
  const { cal, orgs } = opts;
  const acc = (u: string) => opts.accounts.find((a) => a.username === u);
  const [cityAcc, qcAcc, tdcAcc, schoolAcc, teacherAcc] = [
    'city',
    'qingcheng',
    'tdc',
    'school',
    'teacher',
  ].map(acc);
  if (!cityAcc || !qcAcc || !tdcAcc || !schoolAcc) return null;
  const county = qcAcc.org;
  const inCity = orgs.filter((o) => o.kind === 'school' && o.path.startsWith(cityAcc.org.path));
  const schools = [
    schoolAcc.org,
    ...inCity.filter((o) => o.path.startsWith(county.path) && o.id !== schoolAcc.org.id),
  ];
  const citySchools = [...schools, ...inCity.filter((o) => !o.path.startsWith(county.path))];
  // the first 60 active teachers of each school of the city, by id: all the loader may pick
  const ranked = db
    .selectFrom('teachers')
    .select([
      'id',
      'name',
      'school_id',
      'county_id',
      'birth_date',
      'title',
      'teaching_start_date',
      sql<string>`row_number() OVER (PARTITION BY school_id ORDER BY id)`.as('rn'),
    ])
    .where('org_path', '>=', cityAcc.org.path)
    .where('org_path', '<', `${cityAcc.org.path.slice(0, -1)}0`)
    .where('status', '=', 'active')
    .as('t');
  const rows = await db
    .selectFrom(ranked)
    .select(['id', 'name', 'school_id', 'county_id', 'birth_date', 'title', 'teaching_start_date'])
    .where(sql<boolean>`rn <= 60`)
    .orderBy('id')
    .execute();
  const bySchool = new Map<string, DemoTeacherRow[]>();
  for (const r of rows) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r]);
  const y = Number(cal.schoolYearStart.slice(0, 4));
  const first = cal.asOf >= addDays(cal.schoolYearStart, 14) ? y : y - 1;
  const yearStart = `${first}-09-01`;
  const monthDays = [9, 10, 11, 12, 3, 4, 5, 6]
    .map((m) => weekday(`${m >= 9 ? first : first + 1}-${String(m).padStart(2, '0')}-15`))
    .filter((d) => d < cal.asOf);
  const lastPast = addDays(cal.asOf, -1);
  return {
    db,
    s,
    cal,
    at: async (day, time = '09:00') => opts.clock.at(day < cal.asOf ? day : lastPast, time),
    city: demoActorOf(cityAcc),
    qingcheng: demoActorOf(qcAcc),
    tdc: demoActorOf(tdcAcc),
    schoolActor: (school) => demoActorOf(schoolAcc, school, 'school_admin'),
    teacherActor: (t) => {
      const school = orgs.find((o) => o.id === t.school_id) ?? schoolAcc.org;
      return {
        ...demoActorOf(teacherAcc ?? schoolAcc, school, 'teacher'),
        username: `teacher:${t.id}`,
        teacherId: t.id,
      };
    },
    county,
    schools,
    citySchools,
    teachersOf: (id) => bySchool.get(id) ?? [],
    demoTeacherId: teacherAcc?.teacherId ?? null,
    schoolYear: `${first}-${first + 1}`,
    yearStart,
    monthDays,
    past: (day) => (day < cal.asOf ? day : lastPast),
    used: new Set<string>(),
  };
}

/** The next `n` teachers of a school not used yet, who began teaching by `by` (when given). */
export function pick(w: CommunitiesWorld, schoolId: string, n: number, by?: string): DemoTeacherRow[] {
  const out: DemoTeacherRow[] = [];
  for (const t of w.teachersOf(schoolId)) {
    if (out.length >= n) break;
    if (w.used.has(t.id) || t.id === w.demoTeacherId) continue;
    if (by && t.teaching_start_date && t.teaching_start_date > by) continue;
    w.used.add(t.id);
    out.push(t);
  }
  return out;
}
